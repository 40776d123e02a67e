/**
 * The employee's BIA (bulletin individuel d'affiliation) as pure rules: what a BIA must hold
 * before it can be finalized and how a refused document is told (the contract it lands on is
 * `matchingContract` of pre-affiliation.ts, the same rule as at pre-affiliation).
 * No clock, no I/O: "today" comes in as an ISO date. Messages are French (shown next to the
 * field they name); the shapes are structural so the contracts' types fit them.
 */
import { unprocessable, type DomainError } from './errors';

export type BiaKind = 'rib' | 'attestation' | 'other' | 'dispense_proof';

export interface BiaAddress {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
}

export interface BiaBeneficiaryInput {
  kind: 'conjoint' | 'enfant';
  lastName: string;
  firstName: string;
  birthDate: string;
  nir?: string;
  attachedToNir?: string;
  noemie: boolean;
}

/** What the employee (or the back office, from paper) fills in; any part may be missing. */
export interface BiaContent {
  identity?: {
    civilite?: 'M' | 'MME';
    lastName?: string;
    birthName?: string;
    firstName?: string;
    birthDate?: string;
  };
  address?: BiaAddress;
  email?: string;
  situation?: string;
  noemie?: boolean;
  beneficiaries?: readonly BiaBeneficiaryInput[];
  bank?: { holder?: string; iban?: string; bic?: string };
  documents?: Partial<Record<BiaKind, readonly string[]>>;
  consent?: boolean;
  swornStatement?: boolean;
}

/** What the employer typed at pre-affiliation: the BIA starts from it. */
export interface BiaPrefilled {
  civilite: 'M' | 'MME';
  lastName: string;
  birthName?: string;
  firstName: string;
  birthDate: string;
  email?: string;
  address: Required<Pick<BiaAddress, 'line1' | 'postalCode' | 'city'>> & { line2?: string };
}

/** The person as the insured record will hold them: the employee's corrections over the employer's data. */
export interface BiaPerson {
  civilite?: 'M' | 'MME';
  lastName?: string;
  birthName?: string;
  firstName?: string;
  birthDate?: string;
  email?: string;
  address: BiaAddress;
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Identity fields are corrected one by one; the address is taken whole (a new street with the
 * old town would be an address nobody lives at), as soon as the employee typed any part of it.
 */
export function effectivePerson(prefilled: BiaPrefilled, content: BiaContent): BiaPerson {
  const identity = content.identity ?? {};
  const typedAddress = Object.values(content.address ?? {}).some((value) => present(value));
  return {
    civilite: identity.civilite ?? prefilled.civilite,
    lastName: present(identity.lastName) ? identity.lastName : prefilled.lastName,
    birthName: present(identity.birthName) ? identity.birthName : prefilled.birthName,
    firstName: present(identity.firstName) ? identity.firstName : prefilled.firstName,
    birthDate: identity.birthDate ?? prefilled.birthDate,
    email: content.email ?? prefilled.email,
    address: typedAddress ? { ...content.address } : { ...prefilled.address },
  };
}

export interface CompletenessOptions {
  /** ISO date of today: nobody is born in the future. */
  today: string;
  /** Online BIAs need the RIB and the attestation uploaded; paper ones came with paper copies. */
  requireDocuments: boolean;
  /** Where the BIA sits in the request body (`draft.`), so messages land on the form's fields. */
  prefix?: string;
}

const FUTURE_BIRTH = 'La date de naissance ne peut pas être dans le futur.';

/** Every missing or inconsistent part of a BIA, by field path, in French; empty when it is complete. */
export function biaProblems(
  prefilled: BiaPrefilled,
  content: BiaContent,
  options: CompletenessOptions,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const person = effectivePerson(prefilled, content);
  if (!person.civilite) problems['identity.civilite'] = 'Indiquez votre civilité.';
  if (!present(person.lastName)) problems['identity.lastName'] = 'Indiquez votre nom.';
  if (!present(person.firstName)) problems['identity.firstName'] = 'Indiquez votre prénom.';
  if (!present(person.birthDate)) problems['identity.birthDate'] = 'Indiquez votre date de naissance.';
  else if (person.birthDate > options.today) problems['identity.birthDate'] = FUTURE_BIRTH;

  if (!present(person.address.line1)) problems['address.line1'] = 'Indiquez le numéro et la voie.';
  if (!present(person.address.postalCode)) problems['address.postalCode'] = 'Indiquez le code postal.';
  if (!present(person.address.city)) problems['address.city'] = 'Indiquez la commune.';

  if (!content.situation) problems.situation = 'Indiquez votre situation de famille.';
  if (content.noemie === undefined)
    problems.noemie = 'Indiquez si vous souhaitez la télétransmission Noémie pour vous-même.';

  if (!present(content.bank?.iban)) problems['bank.iban'] = 'Indiquez l’IBAN du compte de remboursement.';
  if (!present(content.bank?.holder)) problems['bank.holder'] = 'Indiquez le titulaire du compte.';

  if (options.requireDocuments) {
    if ((content.documents?.rib ?? []).length === 0)
      problems['documents.rib'] = 'Joignez votre RIB (PDF, JPEG ou PNG, 3 Mo au plus).';
    if ((content.documents?.attestation ?? []).length === 0)
      problems['documents.attestation'] =
        'Joignez votre attestation de droits Sécurité sociale (PDF, JPEG ou PNG, 3 Mo au plus).';
  }

  let conjoints = 0;
  (content.beneficiaries ?? []).forEach((beneficiary, index) => {
    const at = `beneficiaries.${index}`;
    if (beneficiary.kind === 'conjoint' && ++conjoints > 1)
      problems[`${at}.kind`] = 'Un seul conjoint peut être déclaré.';
    if (!present(beneficiary.birthDate)) problems[`${at}.birthDate`] = 'Indiquez la date de naissance.';
    else if (beneficiary.birthDate > options.today) problems[`${at}.birthDate`] = FUTURE_BIRTH;
    if (beneficiary.kind === 'enfant' && !present(beneficiary.nir) && !present(beneficiary.attachedToNir))
      problems[`${at}.nir`] =
        'Indiquez le numéro de sécurité sociale de l’enfant, ou celui du parent auquel il est rattaché.';
  });

  if (content.consent !== true)
    problems.consent = 'Acceptez le traitement de vos données pour finaliser votre affiliation.';
  if (content.swornStatement !== true)
    problems.swornStatement = 'Certifiez l’exactitude des informations pour finaliser votre affiliation.';
  const prefix = options.prefix ?? '';
  return Object.fromEntries(
    Object.entries(problems).map(([field, message]) => [`${prefix}${field}`, message]),
  );
}

/** A 422 naming every field to complete, or nothing when the BIA can be finalized. */
export function checkBiaComplete(prefilled: BiaPrefilled, content: BiaContent, options: CompletenessOptions) {
  const problems = biaProblems(prefilled, content, options);
  if (Object.keys(problems).length > 0) throw unprocessable('BIA_INCOMPLETE', problems);
}

// ---------------------------------------------------------------------------------------
// Documents

/** How each document is named in a sentence (French gender agreement included). */
const DOCUMENT_WORDING: Record<BiaKind, { the: string; it: 'il' | 'elle'; e: '' | 'e' }> = {
  rib: { the: 'Le RIB', it: 'il', e: '' },
  attestation: { the: 'L’attestation de droits Sécurité sociale', it: 'elle', e: 'e' },
  other: { the: 'Le justificatif', it: 'il', e: '' },
  dispense_proof: { the: 'Le justificatif de la dispense', it: 'il', e: '' },
};

export type DocumentRefusal =
  /** No such upload for this request and journey (or for another document). */
  | 'unknown'
  /** The upload slot was granted but no file reached the storage. */
  | 'not-uploaded'
  | 'empty'
  | 'too-large'
  /** The first bytes are not those of the declared PDF, JPEG or PNG. */
  | 'disguised'
  /** The same file is listed twice. */
  | 'duplicate';

const REFUSAL_REASON: Record<DocumentRefusal, string> = {
  unknown: 'BIA_DOCUMENT_UNKNOWN',
  'not-uploaded': 'BIA_DOCUMENT_NOT_UPLOADED',
  empty: 'BIA_DOCUMENT_TOO_LARGE',
  'too-large': 'BIA_DOCUMENT_TOO_LARGE',
  disguised: 'BIA_DOCUMENT_DISGUISED',
  duplicate: 'BIA_DOCUMENT_DUPLICATE',
};

export function documentRefusalMessage(kind: BiaKind, refusal: DocumentRefusal, fileName?: string): string {
  const { the, it, e } = DOCUMENT_WORDING[kind];
  const named = fileName ? `${the} (« ${fileName} »)` : the;
  switch (refusal) {
    case 'unknown':
      return `${the} est introuvable : déposez le fichier de nouveau.`;
    case 'not-uploaded':
      return `${named} n’a pas été reçu${e} : déposez le fichier de nouveau.`;
    case 'empty':
      return `${named} est vide : ${it} a été refusé${e}.`;
    case 'too-large':
      return `${named} dépasse 3 Mo : ${it} a été refusé${e}.`;
    case 'disguised':
      return `${named} n’est pas un PDF, JPEG ou PNG valide : ${it} a été refusé${e}.`;
    case 'duplicate':
      return `${named} figure deux fois : retirez le doublon.`;
  }
}

/** The 422 of one refused document, at its place in the form (`documents.rib.0`). */
export function documentRefused(
  kind: BiaKind,
  index: number,
  refusal: DocumentRefusal,
  fileName?: string,
  prefix = '',
): DomainError {
  return unprocessable(REFUSAL_REASON[refusal], {
    [`${prefix}documents.${kind}.${index}`]: documentRefusalMessage(kind, refusal, fileName),
  });
}

/** Before granting one more upload: a document already holds its maximum of files. */
export function checkRoomForDocument(kind: BiaKind, alreadyKept: number, perKind: number): void {
  if (alreadyKept >= perKind) {
    const { the } = DOCUMENT_WORDING[kind];
    throw unprocessable('BIA_DOCUMENTS_PER_KIND', {
      kind: `${the} compte déjà ${perKind} fichiers : retirez-en un avant d’en ajouter un autre.`,
    });
  }
}
