import { useId, useState } from 'react';
import type { AffiliationRequestSummary } from '../../../../../functions/contracts/affiliation';
import { formatDateTime } from '../../../shared/format';
import { DownloadButton } from '../../employees/components/DownloadButton';
import { errorMessage } from '../../employees/components/feedback';
import { getAffiliationForm } from '../api/get-affiliation-form';
import { remindAffiliationRequest } from '../api/remind-affiliation-request';
import { affiliationCopy as copy } from '../copy';
import { reminderAvailability } from '../lib/reminder';

interface RequestActionsProps {
  companyId: string;
  request: AffiliationRequestSummary;
  /** Said by the page's live region ("Relance envoyée à …"). */
  onDone: (announcement: string) => void;
  onRestart: (request: AffiliationRequestSummary) => void;
}

export const requestName = (request: Pick<AffiliationRequestSummary, 'firstName' | 'lastName'>) =>
  `${request.firstName} ${request.lastName}`;

/**
 * The actions on one request: "Relancer" while it is open (not twice within 24 h: the button
 * says when it will be possible again), the form as a PDF, and for an abandoned request a new
 * journey. Each button's name says whom it concerns; the visible text stays short.
 */
export function RequestActions({ companyId, request, onDone, onRestart }: RequestActionsProps) {
  const ids = { companyId, requestId: request.requestId };
  const name = requestName(request);
  return (
    <ul className="emp-actions aff-actions">
      {request.status === 'sent' || request.status === 'started' ? (
        <li>
          <RemindButton companyId={companyId} request={request} onDone={onDone} />
        </li>
      ) : null}
      {request.status === 'abandoned' ? (
        <li>
          <button
            type="button"
            className="emp-link-button"
            aria-label={`${copy.restart} pour ${name}`}
            onClick={() => onRestart(request)}
          >
            {copy.restart}
          </button>
        </li>
      ) : null}
      <li>
        <DownloadButton
          variant="link"
          label={`Télécharger le formulaire d’affiliation de ${name}`}
          request={() => getAffiliationForm(ids)}
          announce={() => `Formulaire d’affiliation de ${name} : téléchargement lancé.`}
        >
          {copy.form}
        </DownloadButton>
      </li>
    </ul>
  );
}

function RemindButton({
  companyId,
  request,
  onDone,
}: {
  companyId: string;
  request: AffiliationRequestSummary;
  onDone: (announcement: string) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const availability = reminderAvailability(request, new Date());
  const tooSoon = availability.kind === 'too-soon';
  const name = requestName(request);

  const remind = async () => {
    if (pending || tooSoon) return;
    setPending(true);
    setError(null);
    try {
      await remindAffiliationRequest({ companyId, requestId: request.requestId });
      onDone(copy.reminded(name));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="aff-remind">
      <button
        type="button"
        className="emp-link-button"
        aria-label={`${copy.remind} ${name}`}
        aria-disabled={pending || tooSoon || undefined}
        aria-describedby={tooSoon ? `${id}-quand` : error ? `${id}-erreur` : undefined}
        onClick={() => void remind()}
      >
        {pending ? copy.reminding : copy.remind}
      </button>
      {tooSoon ? (
        <span id={`${id}-quand`} className="emp-cell-detail aff-remind__when">
          {copy.reminderTooSoon(formatDateTime(availability.availableAt))}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-erreur`} className="emp-inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
