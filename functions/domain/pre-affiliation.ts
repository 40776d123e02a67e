/**
 * The rules a pré-affiliation must satisfy before anything is written, as pure functions:
 * the dates the employer typed (birth, hiring, contract start) and the contract the
 * employee will land on. `today` comes in as an ISO date; nothing here reads a clock.
 */
import { normaliseNir } from './nir';

export interface PreAffiliationDates {
  readonly birthDate: string;
  readonly hireDate: string;
  readonly contractStartDate: string;
  readonly nir: string;
}

/** Youngest and oldest age at hiring that the form accepts (apprentices from 14; typing errors beyond 80). */
export const MIN_AGE_AT_HIRE = 14;
export const MAX_AGE_AT_HIRE = 80;
/** How far from today the contract start may be: older starts go through the insurer, later ones wait. */
export const CONTRACT_START_WINDOW_YEARS = 1;

const shiftYears = (iso: string, years: number): string => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  // 29 February of a non-leap target year becomes 28 February.
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
};

/** Whole years between two ISO dates (an age on a given day). */
export function ageOn(birthDate: string, day: string): number {
  let age = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (day.slice(5) < birthDate.slice(5)) age -= 1;
  return age;
}

/**
 * A NIR starting with 1 or 2 encodes the birth year and month (months 20+ are INSEE's
 * pseudo-months for an unknown month; 7 and 8 are temporary numbers): they must agree with
 * the birth date typed next to it, or one of the two is wrong.
 */
export function nirMatchesBirthDate(nirValue: string, birthDate: string): boolean {
  const nir = normaliseNir(nirValue);
  if (!/^[12]/.test(nir)) return true;
  if (nir.slice(1, 3) !== birthDate.slice(2, 4)) return false;
  const month = Number(nir.slice(3, 5));
  return month > 12 || month === Number(birthDate.slice(5, 7));
}

/**
 * Field errors (dotted paths of the request, French sentences) of the dates of a
 * pré-affiliation; an empty object when they are consistent.
 */
export function preAffiliationDateErrors(
  employee: PreAffiliationDates,
  today: string,
  prefix = 'employee.',
): Record<string, string> {
  const errors: Record<string, string> = {};
  const { birthDate, hireDate, contractStartDate } = employee;
  if (birthDate >= today) {
    errors[`${prefix}birthDate`] = 'La date de naissance doit être dans le passé.';
  } else if (ageOn(birthDate, hireDate) < MIN_AGE_AT_HIRE) {
    errors[`${prefix}birthDate`] =
      `Le salarié doit avoir au moins ${MIN_AGE_AT_HIRE} ans à la date d’embauche.`;
  } else if (ageOn(birthDate, hireDate) > MAX_AGE_AT_HIRE) {
    errors[`${prefix}birthDate`] =
      `Le salarié aurait plus de ${MAX_AGE_AT_HIRE} ans à la date d’embauche : vérifiez la date de naissance.`;
  } else if (!nirMatchesBirthDate(employee.nir, birthDate)) {
    errors[`${prefix}nir`] =
      'Le numéro de sécurité sociale ne correspond pas à la date de naissance (année et mois de naissance).';
  }
  if (contractStartDate < hireDate) {
    errors[`${prefix}contractStartDate`] = 'Le début du contrat ne peut pas précéder la date d’embauche.';
  } else if (contractStartDate < shiftYears(today, -CONTRACT_START_WINDOW_YEARS)) {
    errors[`${prefix}contractStartDate`] =
      'Le début du contrat date de plus d’un an : contactez-nous pour une affiliation rétroactive.';
  } else if (contractStartDate > shiftYears(today, CONTRACT_START_WINDOW_YEARS)) {
    errors[`${prefix}contractStartDate`] = 'Le début du contrat ne peut pas dépasser un an à venir.';
  }
  return errors;
}

export interface ContractTerms {
  readonly contractNumber: string;
  readonly statut: 'cadre' | 'non_cadre';
  readonly risque: 'sante' | 'prevoyance';
  readonly effectiveDate: string;
  readonly endDate?: string;
}

/**
 * The health contract an employee of this statut lands on: risque santé, in force on the
 * contract start. When several are (the socle and its options), the oldest one — the socle
 * everyone is affiliated to — then the lowest number, so the choice never depends on order.
 */
export function matchingContract<C extends ContractTerms>(
  contracts: readonly C[],
  statut: 'cadre' | 'non_cadre',
  startDate: string,
): C | undefined {
  return contracts
    .filter(
      (contract) =>
        contract.statut === statut &&
        contract.risque === 'sante' &&
        contract.effectiveDate <= startDate &&
        (!contract.endDate || contract.endDate >= startDate),
    )
    .sort(
      (a, b) =>
        a.effectiveDate.localeCompare(b.effectiveDate) || a.contractNumber.localeCompare(b.contractNumber),
    )[0];
}
