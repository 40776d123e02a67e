import {
  DISPENSE_REASON_RULES,
  type BiaDispense,
  type BiaDraft,
} from '../../../../../functions/contracts/affiliation';

/**
 * "Je demande une dispense d'adhésion" in the BIA: the form's values of the dispense and the
 * draft it sends. A dispense request carries who the employee is, the dispense and its proofs;
 * the affiliation's own parts (family, beneficiaries, bank, documents, engagements) stay out,
 * and come back if the employee unticks the box before sending.
 */
export type DispenseReasonValue = keyof typeof DISPENSE_REASON_RULES;

export interface DispenseValues {
  requested: boolean;
  reason: '' | DispenseReasonValue;
  endDate: string;
  swornStatement: boolean;
}

export const REASON_OPTIONS = (Object.keys(DISPENSE_REASON_RULES) as DispenseReasonValue[]).map((value) => ({
  value,
  label: DISPENSE_REASON_RULES[value].label,
}));

export const ruleOf = (reason: DispenseValues['reason'] | undefined) =>
  reason ? DISPENSE_REASON_RULES[reason] : null;

export const dispenseValuesFrom = (dispense: BiaDispense | undefined): DispenseValues => ({
  requested: dispense !== undefined,
  reason: dispense?.reason ?? '',
  endDate: dispense?.endDate ?? '',
  swornStatement: dispense?.swornStatement ?? false,
});

/** What is filled in; an end date only when the chosen reason has one. */
export function toDispenseDraft(values: DispenseValues): BiaDispense {
  const endDate = values.endDate.trim();
  return {
    ...(values.reason ? { reason: values.reason } : {}),
    ...(ruleOf(values.reason)?.hasEndDate && endDate ? { endDate } : {}),
    swornStatement: values.swornStatement,
  };
}

/** The parts of the draft that only an affiliation needs. */
const AFFILIATION_ONLY = ['situation', 'noemie', 'beneficiaries', 'bank', 'consent', 'swornStatement'];

type DraftInProgress = Record<string, unknown> & { documents?: Partial<BiaDraft['documents']> };

/**
 * The draft as sent: with the box ticked, the dispense and its proofs only (besides identity,
 * address, e-mail); otherwise the affiliation, without the proofs of a dispense not asked for.
 */
export function withDispenseChoice(draft: DraftInProgress, dispense: DispenseValues | undefined) {
  const { dispense_proof: proofs, ...affiliationDocuments } = draft.documents ?? {};
  if (!dispense?.requested) return { ...draft, documents: affiliationDocuments };
  const kept = Object.fromEntries(
    Object.entries(draft).filter(([key]) => !AFFILIATION_ONLY.includes(key) && key !== 'documents'),
  );
  return {
    ...kept,
    documents: proofs ? { dispense_proof: proofs } : {},
    dispense: toDispenseDraft(dispense),
  };
}
