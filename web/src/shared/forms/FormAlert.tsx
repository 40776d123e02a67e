import { useEffect, useRef, type ReactNode } from 'react';
import { IconAlert, IconCheck } from '../components/icons';
import type { FormError } from './server-errors';
import './forms.css';

/**
 * The error summary above a form. It takes the focus when no field did, so keyboard and
 * screen-reader users land on the explanation rather than on a button that did nothing.
 */
export function FormAlert({ error, children }: { error: FormError | null; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error?.focusSummary) ref.current?.focus();
  }, [error]);

  if (!error) return null;
  return (
    <div ref={ref} className="form-alert" role="alert" tabIndex={-1}>
      <IconAlert className="form-alert__icon" />
      <div className="form-alert__body">
        <p>{error.message}</p>
        {error.details.length > 0 ? (
          <ul>
            {error.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/**
 * A confirmation that replaces a form. It takes the focus (the form it replaces had it),
 * which makes screen readers read it.
 */
export function FormSuccess({ children, title }: { children?: ReactNode; title: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="form-success" tabIndex={-1}>
      <IconCheck className="form-success__icon" />
      <div className="form-success__body">
        <p className="form-success__title">{title}</p>
        {children}
      </div>
    </div>
  );
}

interface SubmitButtonProps {
  pending: boolean;
  children: ReactNode;
  /** "Connexion en cours…": on the button and, for screen readers, in a live region. */
  pendingLabel: string;
  secondary?: boolean;
}

/**
 * A submit button that stays focusable while its request runs (aria-disabled, not disabled:
 * the focus is not lost); `useSingleFlight` ignores the clicks meanwhile.
 */
export function SubmitButton({ pending, children, pendingLabel, secondary }: SubmitButtonProps) {
  return (
    <>
      <button
        type="submit"
        className={secondary ? 'button button--secondary' : 'button'}
        aria-disabled={pending || undefined}
      >
        {pending ? pendingLabel : children}
      </button>
      <span className="visually-hidden" role="status">
        {pending ? pendingLabel : ''}
      </span>
    </>
  );
}
