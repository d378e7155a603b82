/**
 * One part's PUT to a presigned URL, over XMLHttpRequest because only XHR reports upload
 * progress. No cookies and no CSRF header: the URL's signature is the only credential.
 */
export class PartPutError extends Error {}

/** PUTs `body` to `url`; resolves with the part's ETag (null when CORS does not expose it). */
export function putPart(
  url: string,
  body: Blob,
  { onProgress, signal }: { onProgress: (loaded: number) => void; signal: AbortSignal },
): Promise<{ etag: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onerror = () => reject(new PartPutError('the object store could not be reached'));
    xhr.onabort = () => reject(new PartPutError('the part was stopped'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ etag: xhr.getResponseHeader('ETag') });
      else reject(new PartPutError(`the object store answered ${xhr.status}`));
    };
    if (signal.aborted) return reject(new PartPutError('the part was stopped'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
