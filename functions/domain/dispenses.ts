/**
 * Dispenses d'adhésion: the legal reasons an employee may refuse the mandatory collective
 * health cover, and the rules around a request. The reasons are those an employee can
 * always invoke, whatever the scheme's founding act says: article D. 911-2 of the Code de
 * la sécurité sociale (dispenses d'ordre public, L. 911-7) and article 11 of the loi Évin
 * (n° 89-1009 du 31 décembre 1989). The optional dispenses of article R. 242-1-6 (CDD of
 * less or more than 12 months, part-time employees whose contribution would reach 10 % of
 * their gross pay) exist only when the scheme's founding act provides them, so they are
 * not offered here (docs/dsn.md).
 * Pure: "today" comes in as an ISO date.
 */
import { addDays, addMonths } from './radiation';

export const DISPENSE_REASONS = [
  'css',
  'contrat_individuel',
  'autre_couverture_collective',
  'cdd_court',
  'presence_due',
] as const;
export type DispenseReason = (typeof DISPENSE_REASONS)[number];

export type DispenseState = 'pending' | 'validated' | 'refused';

export interface DispenseReasonRule {
  /** French, as the employee reads it in the BIA. */
  label: string;
  legalBasis: string;
  needsProof: boolean;
  /** What to upload (French), when a proof is needed. */
  proofLabel: string | null;
  /** The proof must be renewed every year (an attestation of the other cover). */
  annualProof: boolean;
  /** The dispense ends on a date the employee gives. */
  hasEndDate: boolean;
  /** The question asked for that date (French). */
  endDateLabel: string | null;
  /** The farthest that date can be, in months from today, when the reason bounds it. */
  maxMonthsAhead: number | null;
}

export const DISPENSE_REASON_RULES: Readonly<Record<DispenseReason, DispenseReasonRule>> = {
  css: {
    label: 'Je bénéficie de la Complémentaire santé solidaire (CSS)',
    legalBasis: 'Code de la sécurité sociale, art. D. 911-2 (bénéficiaires de l’art. L. 861-3)',
    needsProof: true,
    proofLabel: 'Attestation de droits à la Complémentaire santé solidaire',
    annualProof: false,
    hasEndDate: true,
    endDateLabel: 'Date de fin de vos droits à la CSS',
    // The CSS is granted for one year at a time.
    maxMonthsAhead: 12,
  },
  contrat_individuel: {
    label: 'Je suis couvert par un contrat individuel de complémentaire santé, jusqu’à son échéance',
    legalBasis:
      'Code de la sécurité sociale, art. D. 911-2 (dispense jusqu’à l’échéance du contrat individuel)',
    needsProof: true,
    proofLabel: 'Attestation de votre assureur indiquant la date d’échéance du contrat',
    annualProof: false,
    hasEndDate: true,
    endDateLabel: 'Date d’échéance de votre contrat individuel',
    // Individual health policies run for a year and renew at their yearly échéance.
    maxMonthsAhead: 12,
  },
  autre_couverture_collective: {
    label:
      'Je suis déjà couvert par un autre contrat collectif et obligatoire (y compris comme ayant droit, par exemple par le contrat de mon conjoint)',
    legalBasis: 'Code de la sécurité sociale, art. D. 911-2 (couverture collective obligatoire par ailleurs)',
    needsProof: true,
    proofLabel: 'Attestation de l’organisme qui vous couvre (à renouveler chaque année)',
    annualProof: true,
    hasEndDate: false,
    endDateLabel: null,
    maxMonthsAhead: null,
  },
  cdd_court: {
    label:
      'Je suis en CDD ou en contrat de mission de moins de 3 mois et j’ai une couverture individuelle « responsable »',
    legalBasis:
      'Code de la sécurité sociale, art. D. 911-2 (couverture de moins de 3 mois, contrat responsable)',
    needsProof: true,
    proofLabel: 'Attestation de votre couverture individuelle (contrat responsable)',
    annualProof: false,
    hasEndDate: true,
    endDateLabel: 'Date de fin de votre CDD ou de votre mission',
    maxMonthsAhead: 3,
  },
  presence_due: {
    label:
      'J’étais salarié lors de la mise en place du régime par décision unilatérale de l’employeur (DUE), qui prévoit une cotisation salariale',
    legalBasis: 'Loi n° 89-1009 du 31 décembre 1989 (loi Évin), art. 11',
    needsProof: false,
    proofLabel: null,
    annualProof: false,
    hasEndDate: false,
    endDateLabel: null,
    maxMonthsAhead: null,
  },
};

export const isDispenseReason = (value: unknown): value is DispenseReason =>
  typeof value === 'string' && (DISPENSE_REASONS as readonly string[]).includes(value);

// ---------------------------------------------------------------------------------------
// A request

export interface DispenseRequestInput {
  reason: string | null | undefined;
  /** "Je certifie sur l'honneur l'exactitude de ces informations." */
  swornStatement: boolean | null | undefined;
  /** The uploaded proofs (their ids); their content is checked by the upload code. */
  proofs: readonly string[] | null | undefined;
  endDate?: string | null;
}

export interface ValidDispenseRequest {
  reason: DispenseReason;
  /** Null for the reasons without one (a date sent anyway is dropped). */
  endDate: string | null;
  proofs: readonly string[];
}

export type DispenseField = 'reason' | 'swornStatement' | 'proofs' | 'endDate';

export type DispenseRequestCheck =
  | { ok: true; dispense: ValidDispenseRequest }
  | { ok: false; errors: Partial<Record<DispenseField, string>> };

const isIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const lowerFirst = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

const frenchDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Every problem of a dispense request at once, by field, in French. */
export function checkDispenseRequest(input: DispenseRequestInput, today: string): DispenseRequestCheck {
  const errors: Partial<Record<DispenseField, string>> = {};
  if (input.swornStatement !== true) {
    errors.swornStatement = 'Cochez l’attestation sur l’honneur pour demander une dispense.';
  }
  if (!isDispenseReason(input.reason)) {
    errors.reason = 'Choisissez le motif de la dispense.';
    return { ok: false, errors };
  }
  const rule = DISPENSE_REASON_RULES[input.reason];
  const proofs = input.proofs ?? [];
  if (rule.needsProof && proofs.length === 0) {
    errors.proofs = `Joignez le justificatif demandé : ${lowerFirst(rule.proofLabel as string)}.`;
  }
  let endDate: string | null = null;
  if (rule.hasEndDate) {
    const value = input.endDate ?? '';
    const latest = rule.maxMonthsAhead === null ? null : addMonths(today, rule.maxMonthsAhead);
    if (value === '') {
      errors.endDate = `Indiquez la ${lowerFirst(rule.endDateLabel as string)}.`;
    } else if (!isIsoDate(value)) {
      errors.endDate = 'Date invalide.';
    } else if (value <= today) {
      errors.endDate =
        'Cette date est passée : la dispense ne peut plus s’appliquer. Votre affiliation est obligatoire.';
    } else if (latest !== null && value > latest) {
      errors.endDate = `Pour ce motif, la date de fin ne peut pas dépasser le ${frenchDate(latest)}.`;
    } else {
      endDate = value;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, dispense: { reason: input.reason, endDate, proofs } };
}

// ---------------------------------------------------------------------------------------
// Life of a dispense

/** The employer is reminded this many days before a dispense ends. */
export const DISPENSE_REMINDER_DAYS = 30;

export interface DispenseDates {
  state: DispenseState;
  endDate: string | null;
}

/** Validated and not ended on that date (a dispense without end date lasts). */
export const isDispenseInForce = (dispense: DispenseDates, onDate: string): boolean =>
  dispense.state === 'validated' && (dispense.endDate === null || dispense.endDate >= onDate);

/** Validated and ending between today and today + days, both included. */
export const isEndingWithin = (
  dispense: DispenseDates,
  today: string,
  days = DISPENSE_REMINDER_DAYS,
): boolean =>
  dispense.state === 'validated' &&
  dispense.endDate !== null &&
  dispense.endDate >= today &&
  dispense.endDate <= addDays(today, days);

/** The day the employer's reminder is due: `days` before the end (null without an end). */
export const reminderDateOf = (endDate: string | null, days = DISPENSE_REMINDER_DAYS): string | null =>
  endDate === null ? null : addDays(endDate, -days);

/** When an annual attestation must be renewed (null when the reason needs none). */
export const proofRenewalDate = (reason: DispenseReason, lastProofDate: string): string | null =>
  DISPENSE_REASON_RULES[reason].annualProof ? addMonths(lastProofDate, 12) : null;
