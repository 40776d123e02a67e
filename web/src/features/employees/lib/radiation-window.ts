import { formatDate } from '../../../shared/format';
import { addDays, maxIso } from './dates';

/**
 * The end dates the API accepts for a radiation outside DSN (functions/domain/radiation.ts,
 * which stays the judge: these only let the form say so before sending). Not before the
 * affiliation's date d'effet, at most 90 days back (older ones go through the insurer's
 * back office), at most one year ahead.
 */
export const RETROACTIVE_DAYS = 90;
export const MAX_FUTURE_DAYS = 365;

export interface RadiationWindow {
  /** ISO dates, both allowed. */
  earliest: string;
  latest: string;
}

export function radiationWindow(effectiveDate: string, today: string): RadiationWindow {
  return {
    earliest: maxIso(effectiveDate, addDays(today, -RETROACTIVE_DAYS)),
    latest: addDays(today, MAX_FUTURE_DAYS),
  };
}

/** The hint under the date field: the window in the user's format, and why. */
export function radiationWindowHint(effectiveDate: string, today: string): string {
  const { earliest, latest } = radiationWindow(effectiveDate, today);
  return (
    `Entre le ${formatDate(earliest)} et le ${formatDate(latest)} : pas avant la date d'effet de ` +
    `l'affiliation (${formatDate(effectiveDate)}), au plus ${RETROACTIVE_DAYS} jours en arrière et au plus un an à l'avance.`
  );
}

/** Why this end date would be refused (the server's own sentences), or undefined when it fits. */
export function endDateProblem(endDate: string, effectiveDate: string, today: string): string | undefined {
  if (endDate < effectiveDate) {
    return `La date de fin ne peut pas précéder la date d’effet de l’affiliation (${formatDate(effectiveDate)}).`;
  }
  if (endDate < addDays(today, -RETROACTIVE_DAYS)) {
    return `La date de fin ne peut pas remonter à plus de ${RETROACTIVE_DAYS} jours : contactez-nous pour une radiation plus ancienne.`;
  }
  if (endDate > addDays(today, MAX_FUTURE_DAYS)) return 'La date de fin ne peut pas dépasser un an à venir.';
  return undefined;
}
