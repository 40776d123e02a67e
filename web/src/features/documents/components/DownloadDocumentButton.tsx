import { useEffect, useRef, useState } from 'react';
import { isApiError, messageForStatus } from '../../../shared/api';
import { formatFileSize } from '../../../shared/format';
import { getDocumentDownload, type DocumentSummary } from '../api/documents-api';

interface DownloadLink {
  url: string;
  fileName: string;
  expiresAt: string;
}

type State =
  | { name: 'idle' }
  | { name: 'pending' }
  | { name: 'ready'; link: DownloadLink }
  | { name: 'error'; message: string };

/**
 * Starts the download of the browser's own link to a short-lived copy of the document (the
 * storage answers "attachment", so the page stays). A link that did not start is offered as
 * a plain link until it expires.
 */
export function DownloadDocumentButton({ document: doc }: { document: DocumentSummary }) {
  const [state, setState] = useState<State>({ name: 'idle' });
  const running = useRef(false);

  const expiresAt = state.name === 'ready' ? state.link.expiresAt : undefined;
  useEffect(() => {
    if (!expiresAt) return;
    const delay = Math.max(0, Date.parse(expiresAt) - Date.now() - 5_000);
    const timer = window.setTimeout(() => setState({ name: 'idle' }), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);

  const download = async () => {
    if (running.current) return;
    running.current = true;
    setState({ name: 'pending' });
    try {
      const link = await getDocumentDownload(doc.id);
      const anchor = window.document.createElement('a');
      anchor.href = link.url;
      anchor.download = link.fileName;
      anchor.rel = 'noopener';
      anchor.click();
      setState({ name: 'ready', link });
    } catch (error) {
      setState({ name: 'error', message: isApiError(error) ? error.message : messageForStatus(500) });
    } finally {
      running.current = false;
    }
  };

  const pending = state.name === 'pending';
  return (
    <div className="doc-download">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={pending || undefined}
        onClick={() => void download()}
      >
        {pending ? 'Préparation…' : 'Télécharger'}
        <span className="visually-hidden">
          {' '}
          {doc.title} (PDF, {formatFileSize(doc.size)})
        </span>
      </button>
      <p className="visually-hidden" role="status">
        {pending
          ? `Préparation de ${doc.title}…`
          : state.name === 'ready'
            ? `Téléchargement de ${state.link.fileName} lancé.`
            : ''}
      </p>
      {state.name === 'error' ? (
        <p className="doc-download__error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.name === 'ready' ? (
        <p className="doc-download__fallback">
          Le téléchargement ne démarre pas ?{' '}
          <a href={state.link.url} download={state.link.fileName}>
            Ouvrir {state.link.fileName}
          </a>
        </p>
      ) : null}
    </div>
  );
}
