import { useState } from 'react';
import type { CompanyUser } from '../../../../../functions/contracts/users';
import { isApiError, messageForStatus } from '../../../shared/api';
import { IconAlert } from '../../../shared/components/icons';
import { deactivateUser, type DeactivationMode } from '../api/users-api';
import { habilitationsCopy } from '../copy';
import { fullName } from '../lib/user-actions';
import { Modal } from '../../../shared/components/Modal';

interface DeactivateDialogProps {
  companyId: string;
  companyName: string;
  user: CompanyUser;
  mode: DeactivationMode;
  isSelf: boolean;
  /** `done`: true when the access was deactivated. */
  onDone: (done: boolean) => Promise<void> | void;
}

/** The confirmation before a deactivation; a permanent one says it cannot be undone. */
export function DeactivateDialog({
  companyId,
  companyName,
  user,
  mode,
  isSelf,
  onDone,
}: DeactivateDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const copy = habilitationsCopy.deactivation[mode];
  const name = fullName(user);

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await deactivateUser(companyId, user.userId, mode);
      await onDone(true);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : messageForStatus(500));
      setPending(false);
    }
  };

  return (
    <Modal title={copy.title(name)} busy={pending} onClose={() => void onDone(false)} alert>
      <p>{copy.explain(name, companyName)}</p>
      {mode === 'permanent' ? (
        <p className="hab-warning">
          <IconAlert className="hab-warning__icon" />
          <strong>{habilitationsCopy.deactivation.permanent.irreversible}</strong>
        </p>
      ) : null}
      {isSelf ? <p className="hab-self-note">{habilitationsCopy.deactivation.self}</p> : null}
      {error ? (
        <p className="modal__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions form__actions--split">
        <button
          type="button"
          className="button button--secondary"
          data-autofocus
          onClick={() => {
            if (!pending) void onDone(false);
          }}
        >
          Annuler
        </button>
        <button
          type="button"
          className="button hab-button--danger"
          aria-disabled={pending || undefined}
          onClick={() => void confirm()}
        >
          {pending ? 'Désactivation en cours…' : copy.confirm}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {pending ? 'Désactivation en cours…' : ''}
      </p>
    </Modal>
  );
}
