/**
 * Sends a file straight to the storage with the presigned POST the API granted: every form
 * field first, the file last (S3 ignores fields after it). XMLHttpRequest rather than fetch,
 * for its upload progress events.
 */
export const UPLOAD_FAILED = 'Le fichier n’a pas pu être envoyé. Vérifiez votre connexion puis réessayez.';
export const UPLOAD_REFUSED = 'Le stockage a refusé ce fichier. Réessayez, ou joignez un autre fichier.';

export class UploadError extends Error {
  override readonly name = 'UploadError';
}

export function postToStorage(
  grant: { url: string; fields: Record<string, string> },
  file: Blob,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new UploadError(UPLOAD_REFUSED));
      }
    };
    xhr.onerror = () => {
      done();
      reject(new UploadError(UPLOAD_FAILED));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new UploadError(UPLOAD_FAILED));
    };
    xhr.ontimeout = xhr.onerror;

    const form = new FormData();
    for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
    form.append('file', file);
    xhr.open('POST', grant.url);
    // A 3 MB file on a slow mobile line: generous, but not forever.
    xhr.timeout = 120_000;
    xhr.send(form);
  });
}
