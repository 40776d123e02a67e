import type { ReactNode } from 'react';
import { isApiError, messageForStatus } from '../../../shared/api';
import { IconAlert } from '../../../shared/components/icons';
import { formatDate } from '../../../shared/format';
import '../employees.css';

/** The French sentence of an error: the server's own message when it sent one. */
export const errorMessage = (error: unknown): string =>
  isApiError(error) ? error.message : messageForStatus(500);

/** While the first page of a list loads (a status, so screen readers hear it once). */
export function LoadingMessage({ children }: { children: ReactNode }) {
  return (
    <p className="emp-loading" role="status">
      <span className="emp-loading__spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

/** A list that could not load: the server's message, and a way to try again. */
export function QueryError({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title: string;
}) {
  return (
    <div className="emp-error" role="alert">
      <IconAlert className="emp-error__icon" />
      <div>
        <p className="emp-error__title">{title}</p>
        <p>{errorMessage(error)}</p>
        {onRetry ? (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Réessayer
          </button>
        ) : null}
      </div>
    </div>
  );
}

interface LoadMoreProps {
  pending: boolean;
  onLoad: () => void;
  /** "Charger plus de salariés": what the button adds, for screen readers. */
  subject: string;
}

/** "Charger plus": stays focusable while the next page loads (aria-disabled, not disabled). */
export function LoadMoreButton({ pending, onLoad, subject }: LoadMoreProps) {
  return (
    <div className="emp-load-more">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (!pending) onLoad();
        }}
      >
        {pending ? 'Chargement…' : 'Charger plus'}
        <span className="visually-hidden"> {subject}</span>
      </button>
    </div>
  );
}

/** A date cell: the date, or a dash read as "aucune". */
export function DateValue({ iso, none = 'Aucune' }: { iso: string | null; none?: string }) {
  if (iso) return <span className="nowrap">{formatDateSafe(iso)}</span>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{none}</span>
    </>
  );
}

const formatDateSafe = (iso: string) => formatDate(iso) || iso;
