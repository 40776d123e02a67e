import type { ReactNode } from 'react';
import { anomaliesCopy } from '../copy';
import type { ActionAlert } from './use-anomaly-action';

/**
 * The buttons at the foot of an action's dialog: "Annuler" and the confirmation — or, once the
 * server said the anomaly changed meanwhile, only "Fermer et recharger la liste".
 */
export function ActionFooter({
  alert,
  pending,
  onClose,
  children,
}: {
  alert: ActionAlert | null;
  pending: boolean;
  onClose: () => void;
  /** The confirmation button (a submit button inside a form). */
  children: ReactNode;
}) {
  return (
    <div className="form__actions form__actions--split">
      <button
        type="button"
        className="button button--secondary"
        // The dialog's first focus when it has no field (the safe choice before a confirmation).
        data-autofocus
        onClick={() => {
          if (!pending) onClose();
        }}
      >
        {alert?.conflict ? anomaliesCopy.reload : anomaliesCopy.cancel}
      </button>
      {alert?.conflict ? null : children}
    </div>
  );
}
