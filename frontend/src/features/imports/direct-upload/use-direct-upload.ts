import { useCallback, useRef, useState } from 'react';
import { useClient } from 'urql';
import { problemText } from '@/lib/operation-info';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { graphqlTransport } from './graphql-transport';
import { directUpload, DirectUploadError, type DirectUploadProgress } from './uploader';

export type DirectUploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: DirectUploadProgress }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled'; message: string };

/** Progress reaches React at most this often (a part's PUT reports many times a second). */
const REPORT_MS = 200;

/**
 * One direct upload at a time, straight to the object store: `send` resolves with the staged
 * import (or a FAILED one saying why), or null when it was refused, stopped or cancelled, and
 * `state` says which. A stopped upload resumes when the same file is sent again.
 */
export function useDirectUpload() {
  const client = useClient();
  const [state, setState] = useState<DirectUploadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const send = useCallback(
    async (file: File, { dryRun }: { dryRun: boolean }): Promise<StagedJob | null> => {
      abort.current = new AbortController();
      const start = { loaded: 0, total: file.size, resumed: 0, bytesPerSecond: null };
      setState({ phase: 'uploading', progress: start });
      let reported = 0;
      try {
        const answer = await directUpload(file, graphqlTransport(client, { dryRun }), {
          signal: abort.current.signal,
          onProgress: (progress) => {
            const now = Date.now();
            if (now - reported < REPORT_MS && progress.loaded < progress.total) return;
            reported = now;
            setState({ phase: 'uploading', progress });
          },
        });
        if (answer.__typename === 'OperationInfo') {
          setState({ phase: 'failed', message: problemText(answer) });
          return null;
        }
        setState({ phase: 'idle' });
        return answer;
      } catch (error) {
        if (error instanceof DirectUploadError && error.cancelled)
          setState({ phase: 'cancelled', message: error.message });
        else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
        return null;
      } finally {
        abort.current = null;
      }
    },
    [client],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, send, cancel, reset };
}
