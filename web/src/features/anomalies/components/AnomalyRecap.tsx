import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import { ANOMALY_TYPES, type AnomalySummary } from '../../../../../functions/contracts/anomalies';
import { formatDate, formatSiret } from '../../../shared/format';
import { anomalyHolder } from '../lib/actions';
import { formatDsnMonth } from '../lib/month';

/** The anomaly recalled at the top of each action's dialog: who, where, and what the DSN says. */
export function AnomalyRecap({ anomaly }: { anomaly: AnomalySummary }) {
  const { dsn } = anomaly;
  return (
    <dl className="anm-recap">
      <div>
        <dt>Salarié</dt>
        <dd>
          {anomalyHolder(anomaly)} <span className="anm-muted nowrap">{anomaly.maskedNir}</span>
        </dd>
      </div>
      <div>
        <dt>Établissement</dt>
        <dd>
          {anomaly.establishmentName}{' '}
          <span className="anm-muted nowrap">SIRET {formatSiret(anomaly.siret)}</span>
        </dd>
      </div>
      <div className="anm-recap__wide">
        <dt>{ANOMALY_TYPES[anomaly.type]}</dt>
        <dd>{anomaly.detail}</dd>
      </div>
      <div>
        <dt>DSN</dt>
        <dd>{formatDsnMonth(anomaly.dsnMonth)}</dd>
      </div>
      {dsn.statut ? (
        <div>
          <dt>Statut déclaré</dt>
          <dd>{STATUT_LABELS[dsn.statut]}</dd>
        </div>
      ) : null}
      {dsn.contractStartDate ? (
        <div>
          <dt>Début du contrat déclaré</dt>
          <dd>{formatDate(dsn.contractStartDate)}</dd>
        </div>
      ) : null}
      {anomaly.affiliationDate ? (
        <div>
          <dt>Date d'affiliation</dt>
          <dd>{formatDate(anomaly.affiliationDate)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
