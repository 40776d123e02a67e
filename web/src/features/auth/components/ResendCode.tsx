import { useEffect, useId, useState } from 'react';

/** The API's cooldown is one minute; a client clock far behind the server's must not wait longer. */
const MAX_WAIT_MS = 2 * 60_000;

interface ResendCodeProps {
  /** ISO instant from which the API accepts a new send. */
  availableAt: string;
  pending: boolean;
  onResend: () => void;
}

/**
 * "Renvoyer le code", unavailable until the cooldown ends. The countdown is visible text tied
 * to the button, not a live region: nobody wants to hear every second. The end of the wait is
 * announced once.
 */
export function ResendCode({ availableAt, pending, onResend }: ResendCodeProps) {
  const [readyAt] = useState(
    () => Date.now() + Math.min(Math.max(Date.parse(availableAt) - Date.now(), 0), MAX_WAIT_MS),
  );
  const [now, setNow] = useState(() => Date.now());
  const remaining = Math.max(0, Math.ceil((readyAt - now) / 1000));
  const waiting = remaining > 0;
  const hintId = useId();

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  const unavailable = waiting || pending;
  return (
    <div className="resend">
      <p className="resend__question">Vous n'avez pas reçu le code ?</p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={unavailable || undefined}
        aria-describedby={hintId}
        onClick={() => {
          if (!unavailable) onResend();
        }}
      >
        {pending ? 'Envoi du code en cours…' : 'Renvoyer le code'}
      </button>
      <p id={hintId} className="resend__hint">
        {waiting
          ? `Vous pourrez demander un nouveau code dans ${remaining} seconde${remaining > 1 ? 's' : ''}.`
          : 'Un nouveau code remplace le précédent.'}
      </p>
      <p className="visually-hidden" role="status">
        {waiting ? '' : 'Vous pouvez maintenant demander un nouveau code.'}
      </p>
    </div>
  );
}
