import { DomainError } from './errors';

/**
 * Radiation outside DSN and the portabilité it opens (Code de la sécurité sociale, L. 911-8):
 * an ex-employee keeps the health cover for the length of their last contract, in whole
 * months rounded up, 12 months at most, when the end of contract opens unemployment rights
 * and is not due to gross misconduct (faute lourde). A dismissal for faute grave still opens
 * unemployment benefits, hence the portabilité. A démission, a retirement or a death does
 * not; "autre" is reviewed by the insurer by hand.
 */
export const RADIATION_REASONS = [
  'demission',
  'licenciement',
  'licenciement_faute_grave',
  'licenciement_faute_lourde',
  'fin_cdd',
  'rupture_conventionnelle',
  'retraite',
  'deces',
  'autre',
] as const;
export type RadiationReason = (typeof RADIATION_REASONS)[number];

const PORTABILITE_REASONS: ReadonlySet<RadiationReason> = new Set([
  'licenciement',
  'licenciement_faute_grave',
  'fin_cdd',
  'rupture_conventionnelle',
]);
export const PORTABILITE_MAX_MONTHS = 12;

export interface Portabilite {
  eligible: boolean;
  months: number;
  /** ISO dates, both inclusive; null when not eligible. */
  from: string | null;
  to: string | null;
}

const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return format(date);
}

/** Whole months from start to end (both inclusive), any started month counting as one. */
export function monthsRoundedUp(startIso: string, endIso: string): number {
  const dayAfterEnd = addDays(endIso, 1);
  let months = 0;
  while (addMonths(startIso, months) < dayAfterEnd) months++;
  return months;
}

export function portabiliteFor(reason: RadiationReason, contractStart: string, endDate: string): Portabilite {
  if (!PORTABILITE_REASONS.has(reason)) return { eligible: false, months: 0, from: null, to: null };
  const months = Math.min(PORTABILITE_MAX_MONTHS, Math.max(1, monthsRoundedUp(contractStart, endDate)));
  const from = addDays(endDate, 1);
  return { eligible: true, months, from, to: addDays(addMonths(from, months), -1) };
}

export interface RadiationRequest {
  endDate: string;
  reason: RadiationReason;
}

export interface InsuredDates {
  effectiveDate: string;
  endDate?: string | null;
}

/** How far back an end date may go without the insurer's back office (configurable). */
export const DEFAULT_RETROACTIVE_DAYS = 90;
/** And how far ahead: a radiation is declared when the departure is known. */
export const MAX_FUTURE_DAYS = 365;

export interface RadiationPlan extends RadiationRequest {
  portabilite: Portabilite;
}

export function planRadiation(
  insured: InsuredDates,
  request: RadiationRequest,
  today: string,
  retroactiveDays = DEFAULT_RETROACTIVE_DAYS,
): RadiationPlan {
  if (insured.endDate) throw new DomainError('CONFLICT', 'ALREADY_RADIATED');
  if (request.endDate < insured.effectiveDate) {
    throw new DomainError('UNPROCESSABLE', 'RADIATION_BEFORE_START', {
      endDate: 'La date de fin ne peut pas précéder la date d’effet de l’affiliation.',
    });
  }
  if (request.endDate < addDays(today, -retroactiveDays)) {
    throw new DomainError('UNPROCESSABLE', 'RADIATION_TOO_OLD', {
      endDate: `La date de fin ne peut pas remonter à plus de ${retroactiveDays} jours : contactez-nous pour une radiation plus ancienne.`,
    });
  }
  if (request.endDate > addDays(today, MAX_FUTURE_DAYS)) {
    throw new DomainError('UNPROCESSABLE', 'RADIATION_TOO_FAR', {
      endDate: 'La date de fin ne peut pas dépasser un an à venir.',
    });
  }
  return { ...request, portabilite: portabiliteFor(request.reason, insured.effectiveDate, request.endDate) };
}
