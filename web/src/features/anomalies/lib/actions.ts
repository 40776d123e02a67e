import { STATUT_LABELS } from '../../../../../functions/contracts/common';
import {
  ANOMALY_RESOLUTIONS,
  type AnomalySummary,
  type AnomalyType,
  type DispenseSummary,
} from '../../../../../functions/contracts/anomalies';
import { formatDate, formatDateTime, formatSiret } from '../../../shared/format';

export type AnomalyAction = 'forceAffiliation' | 'forceRadiation' | 'dispensed';

/**
 * What can be done about an open anomaly, by its type: a departure still covered is radiated;
 * any other gap is closed by making the affiliation match the DSN, and an employee declared but
 * not affiliated may instead have a validated dispense. A resolved anomaly offers nothing.
 */
const ACTIONS: Record<AnomalyType, readonly AnomalyAction[]> = {
  not_affiliated: ['forceAffiliation', 'dispensed'],
  ended_still_affiliated: ['forceRadiation'],
  identity_mismatch: ['forceAffiliation'],
  statut_mismatch: ['forceAffiliation'],
  establishment_mismatch: ['forceAffiliation'],
};

export function actionsFor(anomaly: Pick<AnomalySummary, 'type' | 'state'>): readonly AnomalyAction[] {
  return anomaly.state === 'open' ? ACTIONS[anomaly.type] : [];
}

export const ACTION_LABELS: Record<AnomalyAction, string> = {
  forceAffiliation: "Forcer l'affiliation",
  forceRadiation: 'Forcer la radiation',
  dispensed: 'Dispensé',
};

/** "Camille Martin": how the anomaly's employee is named in rows, buttons and dialogs. */
export const anomalyHolder = (anomaly: Pick<AnomalySummary, 'firstName' | 'lastName'>) =>
  `${anomaly.firstName} ${anomaly.lastName}`.trim();

/** "Affiliation forcée le 12/03/2026 à 10:05 par Élodie Martin": how, when and by whom. */
export function resolutionSummary(anomaly: Pick<AnomalySummary, 'resolution'>): string | null {
  const { resolution } = anomaly;
  if (!resolution) return null;
  const when = formatDateTime(resolution.at);
  const by = resolution.by.trim();
  return `${ANOMALY_RESOLUTIONS[resolution.how]}${when ? ` le ${when}` : ''}${by ? ` par ${by}` : ''}`;
}

/**
 * What "Forcer l'affiliation" will do, said before the user confirms, from what the DSN
 * declared. `creates`: a new affiliation (the employee was declared but not affiliated);
 * otherwise the existing affiliation is corrected to match the DSN.
 */
export function forceAffiliationExplanation(anomaly: AnomalySummary): {
  creates: boolean;
  paragraphs: string[];
} {
  const name = anomalyHolder(anomaly);
  const { statut, contractStartDate } = anomaly.dsn;
  const establishment = `${anomaly.establishmentName} (SIRET ${formatSiret(anomaly.siret)})`;
  // Without its article, so that it reads after "sur le" and "au".
  const contract = statut
    ? `contrat ${STATUT_LABELS[statut].toLowerCase()} de l'établissement ${establishment}, comme déclaré en DSN`
    : `contrat correspondant à l'établissement ${establishment} et au statut déclarés en DSN`;
  const start = contractStartDate
    ? `à la date de début du contrat de travail déclarée (${formatDate(contractStartDate)})`
    : 'à la date de début du contrat de travail déclarée en DSN';
  const closing = "L'anomalie est alors close ; elle reste consultable dans l'historique.";

  switch (anomaly.type) {
    case 'not_affiliated':
      return {
        creates: true,
        paragraphs: [
          `L'affiliation de ${name} est créée immédiatement sur le ${contract}, ${start}.`,
          `${name} recevra ensuite son espace assuré ; ses bénéficiaires (conjoint, enfants) pourront être ajoutés par un bulletin individuel d'affiliation (BIA).`,
          closing,
        ],
      };
    case 'identity_mismatch':
      return {
        creates: false,
        paragraphs: [
          `L'affiliation existante de ${name} est corrigée immédiatement : l'identité déclarée en DSN (nom, prénom, date de naissance, numéro de sécurité sociale) remplace celle de l'affiliation.`,
          closing,
        ],
      };
    // A correction keeps the affiliation's date d'effet: only the contract or the establishment moves.
    case 'statut_mismatch':
    case 'ended_still_affiliated':
      return {
        creates: false,
        paragraphs: [
          `L'affiliation de ${name} est corrigée immédiatement : elle est rattachée au ${contract} ; sa date d'effet ne change pas.`,
          closing,
        ],
      };
    case 'establishment_mismatch':
      return {
        creates: false,
        paragraphs: [
          `L'affiliation de ${name} est corrigée immédiatement : elle est rattachée à l'établissement ${establishment}, comme déclaré en DSN ; son contrat et sa date d'effet ne changent pas.`,
          closing,
        ],
      };
  }
}

/** The radiation form's starting values: the end date and reason the DSN declared, when it did. */
export function radiationDefaults(anomaly: Pick<AnomalySummary, 'dsn'>): { endDate: string; reason: string } {
  return { endDate: anomaly.dsn.endDate ?? '', reason: anomaly.dsn.radiationReason ?? '' };
}

/** Names compared as a person reads them: no accents, case, hyphens or extra spaces. */
const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();

/** Whether a dispense is the anomaly's employee's (same first and last name). */
export const isSameEmployee = (
  anomaly: Pick<AnomalySummary, 'firstName' | 'lastName'>,
  dispense: Pick<DispenseSummary, 'firstName' | 'lastName'>,
) =>
  normalise(anomaly.lastName) === normalise(dispense.lastName) &&
  normalise(anomaly.firstName) === normalise(dispense.firstName);

/** The validated dispenses to choose from, the employee's own first, otherwise in the API's order. */
export function rankDispenses<D extends Pick<DispenseSummary, 'firstName' | 'lastName'>>(
  anomaly: Pick<AnomalySummary, 'firstName' | 'lastName'>,
  dispenses: readonly D[],
): { dispense: D; sameEmployee: boolean }[] {
  const ranked = dispenses.map((dispense) => ({ dispense, sameEmployee: isSameEmployee(anomaly, dispense) }));
  return [...ranked.filter((entry) => entry.sameEmployee), ...ranked.filter((entry) => !entry.sameEmployee)];
}
