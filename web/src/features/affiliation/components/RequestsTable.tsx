import {
  AFFILIATION_MODE_LABELS,
  AFFILIATION_STATUS_LABELS,
  type AffiliationRequestSummary,
} from '../../../../../functions/contracts/affiliation';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { formatCount, formatDate, formatSiret } from '../../../shared/format';
import { DateValue } from '../../employees/components/feedback';
import { affiliationCopy as copy } from '../copy';
import { RequestActions } from './RequestActions';

interface RequestsTableProps {
  companyId: string;
  requests: readonly AffiliationRequestSummary[];
  onDone: (announcement: string) => void;
  onRestart: (request: AffiliationRequestSummary) => void;
}

/** When a closed request was closed: "le 12/05/2026" under its status. */
function closedOn(request: AffiliationRequestSummary): string | null {
  if (request.status === 'finalized' && request.finalizedAt) return `le ${formatDate(request.finalizedAt)}`;
  if (request.status === 'abandoned' && request.abandonedAt) return `le ${formatDate(request.abandonedAt)}`;
  return null;
}

/**
 * Suivi des affiliations: one row per request, newest first. The employee's name is the row
 * header (and the focus target after "Afficher plus" or a new journey); on phones each row
 * becomes a card.
 */
export function RequestsTable({ companyId, requests, onDone, onRestart }: RequestsTableProps) {
  return (
    <div className="emp-table-wrap">
      <table className="emp-table aff-table">
        <caption className="visually-hidden">{copy.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">Salarié</th>
            <th scope="col">Établissement</th>
            <th scope="col">Mode</th>
            <th scope="col">Statut</th>
            <th scope="col">Envoyé le</th>
            <th scope="col">Dernière relance</th>
            <th scope="col">Prochaine relance</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const closed = closedOn(request);
            const open = request.status === 'sent' || request.status === 'started';
            return (
              <tr key={request.requestId} data-request-id={request.requestId}>
                <th
                  scope="row"
                  className="emp-table__name"
                  data-label="Salarié"
                  data-employee-row={request.requestId}
                  tabIndex={-1}
                >
                  {request.lastName} {request.firstName}
                  <span className="emp-cell-detail nowrap">{request.maskedNir}</span>
                  <span className="emp-cell-detail">{STATUT_LABELS[request.statut]}</span>
                </th>
                <td data-label="Établissement">
                  {request.establishmentName}
                  <span className="emp-cell-detail nowrap">SIRET {formatSiret(request.siret)}</span>
                </td>
                <td data-label="Mode" className="nowrap">
                  {AFFILIATION_MODE_LABELS[request.mode]}
                </td>
                <td data-label="Statut">
                  <span className={`aff-status aff-status--${request.status}`}>
                    {AFFILIATION_STATUS_LABELS[request.status]}
                  </span>
                  {closed ? <span className="emp-cell-detail">{closed}</span> : null}
                  {request.outcome === 'dispense' ? (
                    <span className="emp-cell-detail">{copy.dispenseOutcome}</span>
                  ) : null}
                  {request.journey > 1 ? (
                    <span className="emp-cell-detail">Parcours n° {request.journey}</span>
                  ) : null}
                </td>
                <td data-label="Envoyé le">
                  <DateValue iso={request.sentAt} />
                </td>
                <td data-label="Dernière relance">
                  <DateValue iso={request.lastReminderAt} />
                  {request.remindersSent > 0 ? (
                    <span className="emp-cell-detail">
                      {formatCount(request.remindersSent, 'relance envoyée', 'relances envoyées')}
                    </span>
                  ) : null}
                </td>
                <td data-label="Prochaine relance">
                  <DateValue iso={open ? request.nextDueAt : null} />
                </td>
                <td data-label="Actions">
                  <RequestActions
                    companyId={companyId}
                    request={request}
                    onDone={onDone}
                    onRestart={onRestart}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
