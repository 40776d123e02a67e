import { DISPENSE_STATE_LABELS, type DispenseSummary } from '../../../../../functions/contracts/anomalies';
import { formatDate, formatDateTime, formatFileSize } from '../../../shared/format';
import { DateValue } from '../../employees/components/feedback';
import { EstablishmentCell, ListTable, RowHeader } from '../../employees/components/table-parts';
import { dispensesCopy } from '../copy';
import { endingSoonNote } from '../lib/filters';
import type { Decision } from './DecideDispenseDialog';
import { dispenseHolder } from '../lib/holder';

interface DispensesTableProps {
  dispenses: readonly DispenseSummary[];
  /** The scheme's calendar day, for "échéance dans 12 jours". */
  today: string;
  onDecide: (dispense: DispenseSummary, decision: Decision) => void;
}

const COLUMNS = [
  'Salarié',
  'Établissement',
  'Motif',
  'Date de fin',
  'État',
  'Demandée le',
  'Justificatifs',
  'Actions',
];

const STATE_BADGES: Record<DispenseSummary['state'], string> = {
  pending: 'badge dsp-badge--pending',
  validated: 'badge dsp-badge--validated',
  refused: 'badge dsp-badge--refused',
};

/**
 * Mes salariés › Dispenses: one row per request. The employee's name is the row header (and
 * where the focus goes after "Charger plus" or a decision); under ~700 px rows become cards.
 */
export function DispensesTable({ dispenses, today, onDecide }: DispensesTableProps) {
  return (
    <ListTable className="dsp-table" caption={dispensesCopy.listCaption} columns={COLUMNS}>
      {dispenses.map((dispense) => {
        const name = dispenseHolder(dispense);
        const soon = dispense.state === 'validated' ? endingSoonNote(dispense.endDate, today) : null;
        return (
          <tr key={dispense.dispenseId}>
            <RowHeader rowId={dispense.dispenseId}>
              {name}
              <span className="emp-cell-detail nowrap">{dispense.maskedNir}</span>
            </RowHeader>
            <EstablishmentCell name={dispense.establishmentName} siret={dispense.siret} />
            <td data-label="Motif">{dispense.reasonLabel}</td>
            <td data-label="Date de fin">
              <DateValue iso={dispense.endDate} none={dispensesCopy.noEndDate} />
              {soon ? <span className="emp-cell-detail dsp-soon">{soon}</span> : null}
            </td>
            <td data-label="État">
              <span className={STATE_BADGES[dispense.state]}>{DISPENSE_STATE_LABELS[dispense.state]}</span>
              {dispense.decidedAt ? (
                <span className="emp-cell-detail">le {formatDateTime(dispense.decidedAt)}</span>
              ) : null}
              {dispense.state === 'refused' && dispense.decisionComment ? (
                <span className="emp-cell-detail">Motif du refus : {dispense.decisionComment}</span>
              ) : null}
            </td>
            <td data-label="Demandée le">
              <span className="nowrap">{formatDate(dispense.requestedAt)}</span>
            </td>
            <td data-label="Justificatifs">
              {dispense.proofs.length > 0 ? (
                <ul className="dsp-proofs">
                  {dispense.proofs.map((proof) => (
                    <li key={proof.uploadId}>
                      {/* A link valid 5 minutes: the list is fetched again every 4 (api/list-dispenses.ts). */}
                      <a href={proof.url} download={proof.fileName}>
                        {proof.fileName}
                      </a>{' '}
                      <span className="emp-cell-detail dsp-proofs__size">{formatFileSize(proof.size)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="emp-muted">{dispensesCopy.noProof}</span>
              )}
            </td>
            <td data-label="Actions">
              {dispense.state === 'pending' ? (
                <ul className="emp-actions">
                  <li>
                    <button
                      type="button"
                      className="emp-link-button"
                      aria-label={`${dispensesCopy.validate} la dispense de ${name}`}
                      onClick={() => onDecide(dispense, 'validated')}
                    >
                      {dispensesCopy.validate}
                    </button>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="emp-link-button emp-link-button--danger"
                      aria-label={`${dispensesCopy.refuse} la dispense de ${name}`}
                      onClick={() => onDecide(dispense, 'refused')}
                    >
                      {dispensesCopy.refuse}
                    </button>
                  </li>
                </ul>
              ) : (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">Aucune action</span>
                </>
              )}
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
