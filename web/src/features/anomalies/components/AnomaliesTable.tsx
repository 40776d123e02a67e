import { ANOMALY_TYPES, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { DateValue } from '../../employees/components/feedback';
import { EstablishmentCell, ListTable, RowHeader } from '../../employees/components/table-parts';
import { anomaliesCopy } from '../copy';
import {
  ACTION_LABELS,
  actionsFor,
  anomalyHolder,
  resolutionSummary,
  type AnomalyAction,
} from '../lib/actions';
import { formatDsnMonth } from '../lib/month';

interface AnomaliesTableProps {
  anomalies: readonly AnomalySummary[];
  state: 'open' | 'resolved';
  onAction: (anomaly: AnomalySummary, action: AnomalyAction) => void;
}

const COLUMNS = [
  'Prénom et nom',
  'N° de sécurité sociale',
  'Établissement',
  'Anomalie',
  "Date d'affiliation",
  'Mois DSN',
];

/**
 * Suivi des anomalies d'affiliation: one row per anomaly. The employee's name is the row
 * header (and the focus target after "Charger plus"); under ~700 px rows become cards. Open
 * anomalies end with their actions, resolved ones with how, when and by whom.
 */
export function AnomaliesTable({ anomalies, state, onAction }: AnomaliesTableProps) {
  const open = state === 'open';
  return (
    <ListTable
      className="anm-table"
      caption={open ? anomaliesCopy.openCaption : anomaliesCopy.historyCaption}
      columns={[...COLUMNS, open ? 'Actions' : 'Résolution']}
    >
      {anomalies.map((anomaly) => {
        const name = anomalyHolder(anomaly);
        const actions = actionsFor(anomaly);
        return (
          <tr key={anomaly.anomalyId}>
            <RowHeader rowId={anomaly.anomalyId}>{name}</RowHeader>
            <td data-label="N° de sécurité sociale">
              <span className="emp-nir__value">{anomaly.maskedNir}</span>
            </td>
            <EstablishmentCell name={anomaly.establishmentName} siret={anomaly.siret} />
            <td data-label="Anomalie" className="anm-table__detail">
              <strong className="anm-type">{ANOMALY_TYPES[anomaly.type]}</strong>
              <span className="emp-cell-detail anm-detail">{anomaly.detail}</span>
            </td>
            <td data-label="Date d'affiliation">
              <DateValue iso={anomaly.affiliationDate} none={anomaliesCopy.noAffiliation} />
            </td>
            <td data-label="Mois DSN">
              <span className="nowrap">{formatDsnMonth(anomaly.dsnMonth)}</span>
            </td>
            <td data-label={open ? 'Actions' : 'Résolution'}>
              {open ? (
                <ul className="emp-actions">
                  {actions.map((action) => (
                    <li key={action}>
                      <button
                        type="button"
                        className={
                          action === 'forceRadiation'
                            ? 'emp-link-button emp-link-button--danger'
                            : 'emp-link-button'
                        }
                        aria-label={`${ACTION_LABELS[action]} : ${name}`}
                        onClick={() => onAction(anomaly, action)}
                      >
                        {ACTION_LABELS[action]}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="anm-resolution">{resolutionSummary(anomaly) ?? '—'}</span>
              )}
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
