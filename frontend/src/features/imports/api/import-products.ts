import { useCallback, useRef, useState } from 'react';
import { graphql } from '@/gql';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { UploadError, uploadWithProgress, type UploadProgress } from '@/lib/upload';
import { problemText } from '@/lib/operation-info';

export const ImportProductsMutation = graphql(`
  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {
    importProducts(file: $file, dryRun: $dryRun) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled'; message: string };

/**
 * Uploads a CSV with the browser's own progress events (XMLHttpRequest) and
 * resolves with the queued job, or null when the upload failed or was cancelled.
 */
export function useImportProducts() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = useCallback(async (file: File, dryRun: boolean): Promise<ImportJobFieldsFragment | null> => {
    abort.current = new AbortController();
    setState({ phase: 'uploading', progress: { loaded: 0, total: file.size } });
    try {
      const data = await uploadWithProgress({
        document: ImportProductsMutation,
        variables: { dryRun },
        file,
        signal: abort.current.signal,
        onProgress: (progress) => setState({ phase: 'uploading', progress }),
      });
      const payload = data.importProducts;
      if (payload.__typename === 'OperationInfo') {
        setState({ phase: 'failed', message: problemText(payload) });
        return null;
      }
      setState({ phase: 'idle' });
      return payload;
    } catch (error) {
      if (error instanceof UploadError && error.cancelled) setState({ phase: 'cancelled', message: error.message });
      else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, reset };
}
