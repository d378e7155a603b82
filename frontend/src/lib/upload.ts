import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { csrfHeaders, ensureCsrfCookie } from '@/lib/csrf';
import { GRAPHQL_PATH } from '@/lib/graphql-client';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions<TVariables> {
  document: TypedDocumentNode<unknown, TVariables>;
  /** Variables without the file; the file goes in `variables[fileVariable]`. */
  variables: Omit<TVariables, 'file'>;
  file: File;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export class UploadError extends Error {
  /** True when the person cancelled the upload (their choice, not a failure). */
  readonly cancelled: boolean;
  constructor(message: string, { cancelled = false }: { cancelled?: boolean } = {}) {
    super(message);
    this.cancelled = cancelled;
  }
}

/**
 * Sends one GraphQL operation with a file per the GraphQL multipart request spec,
 * over XMLHttpRequest because only XHR reports upload progress. Resolves with the
 * operation's `data`; rejects with an UploadError that says what went wrong.
 */
export async function uploadWithProgress<TData, TVariables>(
  options: UploadOptions<TVariables> & { document: TypedDocumentNode<TData, TVariables> },
): Promise<TData> {
  await ensureCsrfCookie();
  const { document, variables, file, onProgress, signal } = options;
  const body = new FormData();
  body.append(
    'operations',
    JSON.stringify({ query: stringifyDocument(document), variables: { ...variables, file: null } }),
  );
  body.append('map', JSON.stringify({ '0': ['variables.file'] }));
  body.append('0', file, file.name);

  return new Promise<TData>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', GRAPHQL_PATH);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () =>
      reject(
        new UploadError('The upload failed: the server could not be reached. Check the connection and try again.'),
      );
    xhr.onabort = () => reject(new UploadError('Upload cancelled: nothing was imported.', { cancelled: true }));
    xhr.onload = () => {
      let payload: { data?: TData | null; errors?: { message: string }[] } | null = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: a proxy error page or a body-size limit. Say what we know.
      }
      if (payload?.errors?.length) {
        reject(new UploadError(payload.errors.map((e) => e.message).join(' ')));
      } else if (payload?.data) {
        resolve(payload.data);
      } else if (xhr.status === 413) {
        reject(new UploadError('The file is larger than the server accepts.'));
      } else {
        reject(new UploadError(`The server answered ${xhr.status} ${xhr.statusText}. Try again.`));
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
