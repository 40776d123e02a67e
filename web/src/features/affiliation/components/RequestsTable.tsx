import {
  AFFILIATION_MODE_LABELS,
  AFFILIATION_STATUS_LABELS,
  type AffiliationRequestSummary,
} from '../../../../../functions/contracts/affiliation';
import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { formatCount, formatDate } from '../../../shared/format';
import { DateValue } from '../../employees/components/feedback';
import { EstablishmentCell, ListTable, RowHeader } from '../../employees/components/table-parts';
import { affiliationCopy as copy } from '../copy';
import { RequestActions } from './RequestActions';

interface RequestsTableProps {
  companyId: string;
  requests: readonly AffiliationRequestSummary[];
  onDone: (announcement: string) => void;
  onRestart: (request: AffiliationRequestSummary) => void;
}

const COLUMNS = [
  'Salarié',
  'Établissement',
  'Mode',
  'Statut',
  'Envoyé le',
  'Dernière relance',
  'Prochaine relance',
  'Actions',
];

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
    <ListTable className="aff-table" caption={copy.listCaption} columns={COLUMNS}>
      {requests.map((request) => {
        const closed = closedOn(request);
        const open = request.status === 'sent' || request.status === 'started';
        return (
          <tr key={request.requestId} data-request-id={request.requestId}>
            <RowHeader rowId={request.requestId} label="Salarié">
              {request.lastName} {request.firstName}
              <span className="emp-cell-detail nowrap">{request.maskedNir}</span>
              <span className="emp-cell-detail">{STATUT_LABELS[request.statut]}</span>
            </RowHeader>
            <EstablishmentCell name={request.establishmentName} siret={request.siret} />
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
              {open && request.nextDueKind === 'abandon' ? (
                <span className="emp-cell-detail">{copy.abandonDue}</span>
              ) : null}
            </td>
            <td data-label="Actions">
              <RequestActions companyId={companyId} request={request} onDone={onDone} onRestart={onRestart} />
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
