import { useEffect, useRef, useState, type ReactNode } from 'react';
import { IconFolder } from '../../../shared/components/icons';
import { startDownload } from '../lib/download';
import { errorMessage } from './feedback';

export interface DownloadLink {
  url: string;
  fileName: string;
  expiresAt: string;
}

type State =
  | { name: 'idle' }
  | { name: 'pending' }
  | { name: 'ready'; file: DownloadLink; announcement: string }
  | { name: 'error'; message: string };

interface DownloadButtonProps<F extends DownloadLink> {
  /** Asks the API for a fresh short-lived link (a certificate, an export). */
  request: () => Promise<F>;
  /** Visible label. */
  children: ReactNode;
  /** Accessible name when the visible label is not enough in a list ("… de Jean Dupont"); contains the visible words. */
  label?: string;
  pendingLabel?: string;
  /** What the live region says once the download starts. */
  announce?: (file: F) => string;
  variant?: 'primary' | 'secondary' | 'link';
  /** Keeps the "link did not start" fallback visible (pages); rows stay compact without it. */
  showFallback?: boolean;
}

/**
 * A button that fetches a download link, then starts the download. The file is generated on
 * demand, so the button says it is working; a failure shows the server's message beside it.
 */
export function DownloadButton<F extends DownloadLink>({
  request,
  children,
  label,
  pendingLabel = 'Préparation…',
  announce = (file) => `Téléchargement de ${file.fileName} lancé.`,
  variant = 'secondary',
  showFallback = false,
}: DownloadButtonProps<F>) {
  const [state, setState] = useState<State>({ name: 'idle' });
  const running = useRef(false);

  // The link is short-lived: once it has expired the fallback would only lead to an error.
  const expiresAt = state.name === 'ready' ? state.file.expiresAt : undefined;
  useEffect(() => {
    if (!expiresAt) return;
    const delay = Math.max(0, Date.parse(expiresAt) - Date.now() - 5_000);
    const timer = window.setTimeout(() => setState({ name: 'idle' }), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);

  const onClick = async () => {
    if (running.current) return;
    running.current = true;
    setState({ name: 'pending' });
    try {
      const file = await request();
      startDownload(file.url, file.fileName);
      setState({ name: 'ready', file, announcement: announce(file) });
    } catch (error) {
      setState({ name: 'error', message: errorMessage(error) });
    } finally {
      running.current = false;
    }
  };

  const pending = state.name === 'pending';
  const className =
    variant === 'link' ? 'emp-link-button' : variant === 'primary' ? 'button' : 'button button--secondary';
  return (
    <span className="emp-download">
      <button
        type="button"
        className={className}
        aria-label={label}
        aria-disabled={pending || undefined}
        onClick={() => void onClick()}
      >
        <IconFolder />
        {pending ? pendingLabel : children}
      </button>
      <span className="visually-hidden" role="status">
        {pending ? pendingLabel : state.name === 'ready' ? state.announcement : ''}
      </span>
      {state.name === 'error' ? (
        <span className="emp-inline-error" role="alert">
          {state.message}
        </span>
      ) : null}
      {showFallback && state.name === 'ready' ? (
        <span className="emp-download__fallback">
          Le téléchargement ne démarre pas ?{' '}
          <a href={state.file.url} download={state.file.fileName}>
            Télécharger {state.file.fileName}
          </a>
        </span>
      ) : null}
    </span>
  );
}
