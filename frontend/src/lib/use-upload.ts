import type { TypedDocumentNode } from '@urql/core';
import { useCallback, useRef, useState } from 'react';
import { problemText } from '@/lib/operation-info';
import { UploadError, uploadWithProgress, type UploadProgress } from '@/lib/upload';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled'; message: string };

/** A mutation's answer: what was made, or the OperationInfo saying why not. */
type Payload = { __typename: string };
type Refused = { __typename: 'OperationInfo'; messages: readonly { message: string }[] };
type Made<TPayload> = Exclude<TPayload, { __typename: 'OperationInfo' }>;

function isRefused(payload: Payload): payload is Refused {
  return payload.__typename === 'OperationInfo';
}

export interface SendOptions<TData, TVariables, TPayload extends Payload> {
  /** A mutation with a `$file: Upload!` variable. */
  document: TypedDocumentNode<TData, TVariables>;
  /** Its other variables. */
  variables: Omit<TVariables, 'file'>;
  file: File;
  /** The mutation's field in the answer (`(data) => data.importProducts`). */
  payload: (data: TData) => TPayload;
}

/**
 * One file upload at a time with the browser's own progress (XMLHttpRequest): `send`
 * resolves with what the mutation made, or null when it was refused, failed or cancelled,
 * and `state` says which, in words a person can act on.
 */
export function useUpload() {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const send = useCallback(
    async <TData, TVariables, TPayload extends Payload>(
      options: SendOptions<TData, TVariables, TPayload>,
    ): Promise<Made<TPayload> | null> => {
      const { document, variables, file, payload } = options;
      abort.current = new AbortController();
      setState({ phase: 'uploading', progress: { loaded: 0, total: file.size } });
      try {
        const data = await uploadWithProgress({
          document,
          variables,
          file,
          signal: abort.current.signal,
          onProgress: (progress) => setState({ phase: 'uploading', progress }),
        });
        const answer = payload(data);
        if (isRefused(answer)) {
          setState({ phase: 'failed', message: problemText(answer) });
          return null;
        }
        setState({ phase: 'idle' });
        return answer as Made<TPayload>;
      } catch (error) {
        if (error instanceof UploadError && error.cancelled) setState({ phase: 'cancelled', message: error.message });
        else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
        return null;
      } finally {
        abort.current = null;
      }
    },
    [],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, send, cancel, reset };
}
