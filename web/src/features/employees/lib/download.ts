/**
 * Starts the download of a short-lived link the API answered (a presigned URL whose response
 * says `Content-Disposition: attachment`): the page stays where it is. `download` names the
 * file when the link is same-origin; otherwise the server's header does.
 */
export function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
}
