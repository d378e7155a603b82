import { useCallback, useRef, useState } from 'react';
import type { StageImportMutation as StageImportResult } from '@/gql/graphql';
import { StageImportMutation } from '@/features/imports/api/stage-import';
import { uploadWithProgress, type UploadProgress } from '@/lib/upload';
import { problemText } from '@/lib/operation-info';

export type StagedJob = Extract<StageImportResult['stageImport'], { __typename: 'ImportJob' }>;

export type StageState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'failed'; message: string };

/**
 * Uploads a file to be inspected (stageImport) with the browser's upload progress;
 * resolves with the staged job, or null when the upload failed or was cancelled.
 */
export function useStageImport() {
  const [state, setState] = useState<StageState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const stage = useCallback(async (file: File): Promise<StagedJob | null> => {
    abort.current = new AbortController();
    setState({ phase: 'uploading', progress: { loaded: 0, total: file.size } });
    try {
      const data = await uploadWithProgress({
        document: StageImportMutation,
        variables: {},
        file,
        signal: abort.current.signal,
        onProgress: (progress) => setState({ phase: 'uploading', progress }),
      });
      const payload = data.stageImport;
      if (payload.__typename === 'OperationInfo') {
        setState({ phase: 'failed', message: problemText(payload) });
        return null;
      }
      setState({ phase: 'idle' });
      return payload;
    } catch (error) {
      setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      return null;
    } finally {
      abort.current = null;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, stage, cancel, reset };
}
