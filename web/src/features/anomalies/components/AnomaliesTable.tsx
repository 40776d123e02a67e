import { ANOMALY_TYPES, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { formatSiret } from '../../../shared/format';
import { DateValue } from '../../employees/components/feedback';
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

/**
 * Suivi des anomalies d'affiliation: one row per anomaly. The employee's name is the row
 * header (and the focus target after "Charger plus"); under ~700 px rows become cards. Open
 * anomalies end with their actions, resolved ones with how, when and by whom.
 */
export function AnomaliesTable({ anomalies, state, onAction }: AnomaliesTableProps) {
  const open = state === 'open';
  return (
    <div className="emp-table-wrap">
      <table className="emp-table anm-table">
        <caption className="visually-hidden">
          {open ? anomaliesCopy.openCaption : anomaliesCopy.historyCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Prénom et nom</th>
            <th scope="col">N° de sécurité sociale</th>
            <th scope="col">Établissement</th>
            <th scope="col">Anomalie</th>
            <th scope="col">Date d'affiliation</th>
            <th scope="col">Mois DSN</th>
            <th scope="col">{open ? 'Actions' : 'Résolution'}</th>
          </tr>
        </thead>
        <tbody>
          {anomalies.map((anomaly) => {
            const name = anomalyHolder(anomaly);
            const actions = actionsFor(anomaly);
            return (
              <tr key={anomaly.anomalyId}>
                <th
                  scope="row"
                  className="emp-table__name"
                  data-employee-row={anomaly.anomalyId}
                  tabIndex={-1}
                >
                  {name}
                </th>
                <td data-label="N° de sécurité sociale">
                  <span className="emp-nir__value">{anomaly.maskedNir}</span>
                </td>
                <td data-label="Établissement">
                  {anomaly.establishmentName}
                  <span className="emp-cell-detail nowrap">SIRET {formatSiret(anomaly.siret)}</span>
                </td>
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
        </tbody>
      </table>
    </div>
  );
}
