import { useState } from 'react';
import type { AffiliationRequestSummary } from '../../../../../functions/contracts/affiliation';
import { Modal } from '../../../shared/components/Modal';
import { errorMessage } from '../../employees/components/feedback';
import { restartAffiliationRequest } from '../api/restart-affiliation-request';
import { affiliationCopy as copy } from '../copy';
import { requestName } from './RequestActions';

interface RestartDialogProps {
  companyId: string;
  request: AffiliationRequestSummary;
  /** `done`: true when the new journey was sent. */
  onClose: (done: boolean) => void;
}

/** The confirmation before "Relancer un nouveau parcours": the old link dies, the draft is cleared. */
export function RestartDialog({ companyId, request, onClose }: RestartDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = requestName(request);

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await restartAffiliationRequest({ companyId, requestId: request.requestId });
      onClose(true);
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  };

  return (
    <Modal title={copy.restartTitle(name)} busy={pending} onClose={() => onClose(false)} alert>
      <p>{copy.restartExplain}</p>
      <p>Envoi {request.mode === 'email' ? 'par e-mail' : 'par courrier'}, comme la première fois.</p>
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
            if (!pending) onClose(false);
          }}
        >
          {copy.cancel}
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={pending || undefined}
          onClick={() => void confirm()}
        >
          {pending ? copy.restarting : copy.restart}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {pending ? copy.restarting : ''}
      </p>
    </Modal>
  );
}
