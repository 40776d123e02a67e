import { dispenseValuesFrom, withDispenseChoice, type DispenseValues } from './dispense';
import type {
  BiaDocumentKind,
  BiaDraft,
  FAMILY_SITUATIONS,
  GetBiaResponse,
} from '../../../../../functions/contracts/affiliation';

/**
 * The employee's BIA as a form: strings and booleans, as inputs hold them, shaped like the
 * contract's draft so that an error's path (`bank.iban`, `beneficiaries.0.birthDate`) is also
 * the name of the field it concerns.
 */
export type YesNo = '' | 'oui' | 'non';
export type NirMode = 'own' | 'attached';

export interface BeneficiaryValues {
  kind: 'conjoint' | 'enfant';
  lastName: string;
  firstName: string;
  birthDate: string;
  /** The beneficiary has a NIR of their own, or is attached to a parent's. */
  nirMode: NirMode;
  nir: string;
  attachedToNir: string;
  noemie: boolean;
}

export interface BiaFormValues {
  identity: {
    civilite: '' | 'M' | 'MME';
    lastName: string;
    birthName: string;
    firstName: string;
    birthDate: string;
  };
  address: { line1: string; line2: string; postalCode: string; city: string };
  email: string;
  situation: '' | keyof typeof FAMILY_SITUATIONS;
  noemie: YesNo;
  beneficiaries: BeneficiaryValues[];
  bank: { holder: string; iban: string; bic: string };
  consent: boolean;
  swornStatement: boolean;
  /** "Je demande une dispense d'adhésion" (lib/dispense.ts). */
  dispense: DispenseValues;
}

export type DocumentIds = Partial<Record<BiaDocumentKind, string[]>>;

const yesNo = (value: boolean | undefined): YesNo => (value === undefined ? '' : value ? 'oui' : 'non');

/** The form as the employee left it: their draft where they wrote one, the employer's data otherwise. */
export function formValuesFromBia(bia: Pick<GetBiaResponse, 'prefilled' | 'draft'>): BiaFormValues {
  const { prefilled, draft } = bia;
  const identity = draft.identity;
  const address = { ...prefilled.address, ...draft.address };
  return {
    identity: {
      civilite: identity.civilite ?? prefilled.civilite,
      lastName: identity.lastName ?? prefilled.lastName,
      birthName: identity.birthName ?? prefilled.birthName ?? '',
      firstName: identity.firstName ?? prefilled.firstName,
      birthDate: identity.birthDate ?? prefilled.birthDate,
    },
    address: {
      line1: address.line1 ?? '',
      line2: address.line2 ?? '',
      postalCode: address.postalCode ?? '',
      city: address.city ?? '',
    },
    email: draft.email ?? prefilled.email ?? '',
    situation: draft.situation ?? '',
    noemie: yesNo(draft.noemie),
    beneficiaries: draft.beneficiaries.map((beneficiary) => ({
      kind: beneficiary.kind,
      lastName: beneficiary.lastName,
      firstName: beneficiary.firstName,
      birthDate: beneficiary.birthDate,
      nirMode: beneficiary.attachedToNir && !beneficiary.nir ? 'attached' : 'own',
      nir: beneficiary.nir ?? '',
      attachedToNir: beneficiary.attachedToNir ?? '',
      noemie: beneficiary.noemie,
    })),
    bank: {
      holder: draft.bank?.holder ?? '',
      iban: draft.bank?.iban ?? '',
      bic: draft.bank?.bic ?? '',
    },
    consent: draft.consent ?? false,
    swornStatement: draft.swornStatement ?? false,
    dispense: dispenseValuesFrom(draft.dispense),
  };
}

export const newBeneficiary = (kind: BeneficiaryValues['kind'], lastName = ''): BeneficiaryValues => ({
  kind,
  lastName,
  firstName: '',
  birthDate: '',
  nirMode: 'own',
  nir: '',
  attachedToNir: '',
  noemie: true,
});

/** A blank input is "not given": the draft leaves it out rather than sending an empty string. */
const given = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Drops the keys whose value is undefined (the contract's objects are strict about what they hold). */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

const orUndefined = <T extends Record<string, unknown>>(value: T): T | undefined =>
  Object.keys(value).length > 0 ? value : undefined;

/**
 * The draft to save or finalize (before the contract's checks): what is filled in, nothing
 * invented. Beneficiaries are always sent whole (their fields are required by the contract,
 * which then says which one is missing). The documents are the files uploaded, by kind.
 */
export function toDraft(values: BiaFormValues, documents: DocumentIds): Record<string, unknown> {
  const noemie = values.noemie === '' ? undefined : values.noemie === 'oui';
  const documentIds = compact(
    Object.fromEntries(
      Object.entries(documents).map(([kind, ids]) => [kind, ids && ids.length > 0 ? ids : undefined]),
    ),
  );
  const draft = compact({
    identity: compact({
      civilite: values.identity.civilite || undefined,
      lastName: given(values.identity.lastName),
      birthName: given(values.identity.birthName),
      firstName: given(values.identity.firstName),
      birthDate: given(values.identity.birthDate),
    }),
    address: orUndefined(
      compact({
        line1: given(values.address.line1),
        line2: given(values.address.line2),
        postalCode: given(values.address.postalCode),
        city: given(values.address.city),
      }),
    ),
    email: given(values.email),
    situation: values.situation || undefined,
    noemie,
    beneficiaries: values.beneficiaries.map((beneficiary) =>
      compact({
        kind: beneficiary.kind,
        lastName: beneficiary.lastName.trim(),
        firstName: beneficiary.firstName.trim(),
        birthDate: beneficiary.birthDate,
        nir: beneficiary.nirMode === 'own' ? given(beneficiary.nir) : undefined,
        attachedToNir: beneficiary.nirMode === 'attached' ? given(beneficiary.attachedToNir) : undefined,
        noemie: beneficiary.noemie,
      }),
    ),
    bank: orUndefined(
      compact({
        holder: given(values.bank.holder),
        iban: given(values.bank.iban),
        bic: given(values.bank.bic),
      }),
    ),
    documents: documentIds,
    consent: values.consent,
    swornStatement: values.swornStatement,
  });
  return withDispenseChoice(draft, values.dispense);
}

/**
 * Where a message of the API goes. Body paths start with `draft.` (the request wraps the
 * draft); a beneficiary without its own NIR is told about `nir` but types `attachedToNir`.
 */
export type ServerFieldTarget =
  | { kind: 'field'; name: string }
  | { kind: 'document'; documentKind: BiaDocumentKind; index?: number }
  | { kind: 'none' };

const DOCUMENT_KINDS: readonly BiaDocumentKind[] = ['rib', 'attestation', 'other', 'dispense_proof'];

export function targetOfServerField(path: string): ServerFieldTarget {
  const name = path.replace(/^draft\./, '');
  const documentMatch = /^documents\.([a-z_]+)(?:\.(\d+))?$/.exec(name);
  if (documentMatch) {
    const documentKind = documentMatch[1] as BiaDocumentKind;
    if (!DOCUMENT_KINDS.includes(documentKind)) return { kind: 'none' };
    return documentMatch[2] === undefined
      ? { kind: 'document', documentKind }
      : { kind: 'document', documentKind, index: Number(documentMatch[2]) };
  }
  if (name === 'documents') return { kind: 'document', documentKind: 'rib' };
  if (FIELD_PATTERNS.some((pattern) => pattern.test(name))) return { kind: 'field', name };
  // A whole group refused ("address", "bank"): its first field carries the message.
  const group = GROUP_FIRST_FIELD[name];
  return group ? { kind: 'field', name: group } : { kind: 'none' };
}

const FIELD_PATTERNS = [
  /^identity\.(civilite|lastName|birthName|firstName|birthDate)$/,
  /^address\.(line1|line2|postalCode|city)$/,
  /^(email|situation|noemie|consent|swornStatement)$/,
  /^beneficiaries\.\d+\.(lastName|firstName|birthDate|nir|attachedToNir|noemie|kind)$/,
  /^bank\.(holder|iban|bic)$/,
  /^dispense\.(requested|reason|endDate|swornStatement)$/,
];

const GROUP_FIRST_FIELD: Record<string, string> = {
  identity: 'identity.lastName',
  address: 'address.line1',
  bank: 'bank.holder',
  beneficiaries: 'beneficiaries',
  dispense: 'dispense.reason',
};

/** The order of the page, for the error summary at the top (first problem first). */
const SECTION_ORDER = [
  'identity.civilite',
  'identity.lastName',
  'identity.birthName',
  'identity.firstName',
  'identity.birthDate',
  'address.line1',
  'address.line2',
  'address.postalCode',
  'address.city',
  'email',
  'dispense.requested',
  'dispense.reason',
  'dispense.endDate',
  'documents.dispense_proof',
  'dispense.swornStatement',
  'situation',
  'noemie',
  'beneficiaries',
  'bank.holder',
  'bank.iban',
  'bank.bic',
  'documents',
  'consent',
  'swornStatement',
];

/** Sort key of a field or document path, by its place on the page. */
export function pageOrder(path: string): number {
  const beneficiary = /^beneficiaries\.(\d+)\./.exec(path);
  if (beneficiary) return SECTION_ORDER.indexOf('beneficiaries') + Number(beneficiary[1]) / 100;
  const documents = /^documents\./.test(path) && !SECTION_ORDER.includes(path);
  if (documents) return SECTION_ORDER.indexOf('documents');
  const index = SECTION_ORDER.indexOf(path);
  return index < 0 ? SECTION_ORDER.length : index;
}

export type { BiaDraft };
