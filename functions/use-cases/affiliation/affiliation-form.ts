/**
 * The affiliation pack of one request, as document blocks for the PDF renderer
 * (functions/adapters/pdf/documents.ts): a letter to the employee, then the BIA pre-filled
 * with what the employer typed — and with the employee's draft when there is one — leaving
 * blank what the employee fills in by hand. Pure: same request version, same document.
 */
import {
  BIA_DOCUMENT_KINDS,
  FAMILY_SITUATIONS,
  type BiaDocumentKind,
  type BiaDraft,
} from '../../contracts/affiliation';
import { STATUT_LABELS } from '../../contracts/common';
import type { Block, FormField, PracticalDocument } from '../../domain/documents/model';
import { SCHEME } from '../../domain/documents/scheme';
import { maskNir } from '../../domain/nir';
import type { AffiliationRequestItem } from '../../adapters/dynamodb/affiliation-requests-repository';
import { WIN_ANSI_HIGH } from '../../adapters/pdf/documents';

const WIN_ANSI_EXTRA = new Set(Object.values(WIN_ANSI_HIGH));
const encodable = (char: string) => {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
};

/** Letters with a stroke have no decomposition: their plain form, by hand. */
const STROKED: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

/**
 * What people typed, made printable with the standard PDF fonts (WinAnsi): a letter the
 * fonts lack loses its accent ("Ł" → "L") or becomes "?", and `**` cannot turn bold on.
 */
export function printable(text: string): string {
  return [...text.replace(/\s+/g, ' ')]
    .map((char) => {
      if (encodable(char)) return char;
      if (STROKED[char]) return STROKED[char];
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      return [...bare].every(encodable) && bare !== '' ? bare : '?';
    })
    .join('')
    .replace(/\*{2,}/g, '*');
}

const frenchDate = (iso: string | undefined) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');
const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'Oui' : 'Non');
/** The employer downloads this file: an IBAN typed by the employee shows only its ends. */
const maskedIban = (iban: string) =>
  `${iban.slice(0, 4)} ${'•'.repeat(4)} ${'•'.repeat(4)} … ${iban.slice(-4)}`;

export interface AffiliationFormInput {
  request: AffiliationRequestItem;
  companyName: string;
}

export function affiliationFormDocument({ request, companyName }: AffiliationFormInput): PracticalDocument {
  const employee = request.employee;
  const draft: Partial<BiaDraft> = request.draft ?? {};
  const identity = draft.identity ?? {};
  const corrected = Object.entries(draft.address ?? {}).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  const address: Partial<typeof employee.address> = { ...employee.address, ...Object.fromEntries(corrected) };
  const civilite = (identity.civilite ?? employee.civilite) === 'MME' ? 'Madame' : 'Monsieur';
  const fullName = printable(
    `${identity.firstName ?? employee.firstName} ${identity.lastName ?? employee.lastName}`,
  );
  const company = printable(companyName);
  const establishment = printable(request.establishmentName);
  const returnAddress = `${SCHEME.legalName}, service Affiliations, ${SCHEME.street}, ${SCHEME.postalCode} ${SCHEME.city}`;
  const online = request.mode === 'email' && request.status !== 'abandoned';
  const uploaded = new Set((request.documents ?? []).map((document) => document.kind));

  const letter: Block[] = [
    {
      kind: 'panel',
      title: 'Destinataire',
      rows: [
        { label: 'Salarié', value: `${civilite} ${fullName}` },
        {
          label: 'Adresse',
          value: printable(
            [address.line1, address.line2, `${address.postalCode ?? ''} ${address.city ?? ''}`]
              .filter(Boolean)
              .join(', '),
          ),
        },
      ],
    },
    { kind: 'paragraph', text: `${SCHEME.city}, le ${frenchDate(request.updatedAt)}` },
    { kind: 'heading', level: 1, text: 'Votre affiliation à la complémentaire santé' },
    { kind: 'paragraph', text: `${civilite},` },
    {
      kind: 'paragraph',
      text: `Votre employeur, **${company}** (établissement ${establishment}), vous a pré-affilié(e) au régime collectif et obligatoire de complémentaire santé **${SCHEME.name}**, géré avec ${SCHEME.insurer}, à compter du **${frenchDate(employee.contractStartDate)}**.`,
    },
    online
      ? {
          kind: 'callout',
          title: 'Le plus simple : en ligne',
          paragraphs: [
            `Nous vous avons envoyé un e-mail à l’adresse ${printable(employee.email ?? '')} avec votre **lien personnel** : complétez votre affiliation en ligne en quelques minutes, vous pouvez enregistrer un brouillon et y revenir.`,
            'Vous ne trouvez pas cet e-mail ? Vérifiez vos courriers indésirables, ou complétez le bulletin papier ci-après.',
          ],
        }
      : {
          kind: 'paragraph',
          text: 'Pour finaliser votre affiliation, complétez le **bulletin individuel d’affiliation (BIA)** ci-après, signez-le et retournez-le avec les pièces demandées.',
        },
    {
      kind: 'steps',
      items: [
        'Vérifiez les informations pré-remplies par votre employeur et corrigez-les si besoin (sauf le numéro de sécurité sociale).',
        'Déclarez vos ayants droit (conjoint, enfants) si vous souhaitez qu’ils soient couverts, et la télétransmission Noémie pour chacun.',
        'Indiquez l’IBAN du compte qui recevra vos remboursements.',
        'Datez, signez, et joignez votre **RIB** et votre **attestation de droits à l’Assurance Maladie**.',
      ],
    },
    {
      kind: 'panel',
      title: 'Adresse de retour',
      rows: [
        { label: 'Par courrier', value: returnAddress },
        { label: 'Téléphone', value: `${SCHEME.helpLine} (${SCHEME.helpHours}, ${SCHEME.helpPricing})` },
      ],
    },
    {
      kind: 'paragraph',
      text: 'Nous vous prions d’agréer l’expression de nos salutations distinguées.',
    },
    { kind: 'paragraph', text: `L’équipe ${SCHEME.name}` },
    { kind: 'pageBreak' },
  ];

  const beneficiaries = draft.beneficiaries ?? [];
  const beneficiaryRows: Block[] = beneficiaries.length
    ? [
        {
          kind: 'table',
          columns: [
            { header: 'Lien', width: 0.14 },
            { header: 'Nom et prénom', width: 0.32 },
            { header: 'Date de naissance', width: 0.18 },
            { header: 'N° de sécurité sociale', width: 0.24 },
            { header: 'Noémie', width: 0.12 },
          ],
          rows: beneficiaries.map((person) => [
            person.kind === 'conjoint' ? 'Conjoint' : 'Enfant',
            printable(`${person.lastName} ${person.firstName}`),
            frenchDate(person.birthDate),
            person.nir ? maskNir(person.nir) : person.attachedToNir ? 'Rattaché à un parent' : '',
            yesNo(person.noemie),
          ]),
        },
      ]
    : [
        { kind: 'paragraph', tone: 'small', text: 'Conjoint (marié, pacsé ou concubin) :' },
        beneficiaryFields(),
        {
          kind: 'paragraph',
          tone: 'small',
          text: 'Enfants à charge (N° de sécurité sociale de l’enfant, ou du parent auquel il est rattaché) :',
        },
        beneficiaryFields(),
        beneficiaryFields(),
        beneficiaryFields(),
      ];

  const form: Block[] = [
    { kind: 'heading', level: 1, text: 'Bulletin individuel d’affiliation' },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'À compléter en capitales. Les cases déjà remplies l’ont été par votre employeur (ou par vous, en ligne) : corrigez-les si elles sont inexactes.',
    },
    { kind: 'band', text: 'Votre employeur' },
    {
      kind: 'panel',
      rows: [
        { label: 'Entreprise', value: company },
        { label: 'Établissement', value: `${establishment} (SIRET ${request.siret})` },
        { label: 'Statut', value: STATUT_LABELS[request.statut] },
        { label: 'Date d’embauche', value: frenchDate(employee.hireDate) },
        { label: 'Début de la couverture', value: frenchDate(employee.contractStartDate) },
        { label: 'Référence de la demande', value: `${request.requestId} — parcours ${request.journey}` },
      ],
    },
    { kind: 'band', text: 'Vous' },
    {
      kind: 'fields',
      fields: [
        { label: 'Civilité', width: 0.16, value: civilite },
        { label: 'Nom', width: 0.42, value: printable(identity.lastName ?? employee.lastName) },
        { label: 'Prénom', width: 0.42, value: printable(identity.firstName ?? employee.firstName) },
      ],
    },
    {
      kind: 'fields',
      fields: [
        {
          label: 'Nom de naissance',
          width: 0.4,
          value: printable(identity.birthName ?? employee.birthName ?? ''),
        },
        {
          label: 'Date de naissance',
          width: 0.25,
          value: frenchDate(identity.birthDate ?? employee.birthDate),
        },
        {
          label: 'N° de sécurité sociale (communiqué par votre employeur)',
          width: 0.35,
          value: maskNir(employee.nir),
        },
      ],
    },
    {
      kind: 'fields',
      fields: [
        { label: 'Adresse', width: 0.65, value: printable(address.line1 ?? '') },
        { label: 'Complément', width: 0.35, value: printable(address.line2 ?? '') },
      ],
    },
    {
      kind: 'fields',
      fields: [
        { label: 'Code postal', width: 0.2, value: address.postalCode ?? '' },
        { label: 'Ville', width: 0.4, value: printable(address.city ?? '') },
        { label: 'E-mail', width: 0.4, value: printable(draft.email ?? employee.email ?? '') },
      ],
    },
    {
      kind: 'checkboxes',
      label: 'Situation de famille',
      options: Object.entries(FAMILY_SITUATIONS).map(([key, label]) => ({
        label,
        checked: draft.situation === key,
      })),
    },
    {
      kind: 'checkboxes',
      label:
        'Télétransmission Noémie pour vous (vos décomptes Sécurité sociale nous parviennent directement)',
      options: [
        { label: 'Oui', checked: draft.noemie === true },
        { label: 'Non', checked: draft.noemie === false },
      ],
    },
    { kind: 'band', text: 'Vos ayants droit' },
    ...beneficiaryRows,
    { kind: 'band', text: 'Vos remboursements' },
    ...(draft.bank?.iban
      ? [
          {
            kind: 'fields',
            fields: [
              { label: 'Titulaire du compte', width: 0.4, value: printable(draft.bank.holder ?? '') },
              { label: 'IBAN (saisi en ligne)', width: 0.4, value: maskedIban(draft.bank.iban) },
              { label: 'BIC', width: 0.2, value: draft.bank.bic ?? '' },
            ],
          } satisfies Block,
        ]
      : ([
          { kind: 'fields', fields: [{ label: 'Titulaire du compte', width: 1 }] },
          {
            kind: 'charBoxes',
            label: 'IBAN',
            count: 34,
            groupOf: 4,
            hint: 'Un IBAN français compte 27 caractères et commence par FR : laissez les dernières cases vides.',
          },
          { kind: 'charBoxes', label: 'BIC', count: 11, groupOf: 11 },
        ] satisfies Block[])),
    { kind: 'band', text: 'Pièces à joindre' },
    {
      kind: 'checkboxes',
      label: 'Cochez les pièces jointes à ce bulletin',
      options: (['rib', 'attestation'] as BiaDocumentKind[]).map((kind) => ({
        label: `${BIA_DOCUMENT_KINDS[kind]}${uploaded.has(kind) ? ' (déposé en ligne)' : ''}`,
        checked: uploaded.has(kind),
      })),
    },
    {
      kind: 'paragraph',
      tone: 'small',
      text: 'Selon votre situation, d’autres justificatifs peuvent être demandés (par exemple un certificat de scolarité pour un enfant étudiant de plus de 18 ans).',
    },
    { kind: 'band', text: 'Déclaration et signature' },
    {
      kind: 'checkboxes',
      label: 'Déclarations',
      options: [
        {
          label: 'Je certifie sur l’honneur l’exactitude des informations ci-dessus.',
          checked: draft.swornStatement === true,
        },
        {
          label: 'J’accepte que mes données soient traitées pour la gestion de mon affiliation.',
          checked: draft.consent === true,
        },
      ],
    },
    { kind: 'signature', label: 'Signature du salarié', placeAndDate: true },
    {
      kind: 'paragraph',
      tone: 'legal',
      text: `Vos données sont traitées par ${SCHEME.legalName} pour la gestion de votre affiliation et de vos remboursements, conformément au règlement général sur la protection des données. Vous pouvez exercer vos droits d’accès, de rectification et d’effacement en écrivant à ${returnAddress}.`,
    },
  ];

  return {
    id: `bia-${request.requestId}`,
    title: 'Bulletin individuel d’affiliation',
    category: 'salaries',
    description: `Lettre et bulletin individuel d’affiliation de ${fullName} (${company}).`,
    // The PDF's dates come from the request's last change: a version renders the same bytes.
    version: request.updatedAt.slice(0, 10),
    layout: 'form',
    subtitle: `${company} — complémentaire santé ${SCHEME.name}`,
    blocks: [...letter, ...form],
  };
}

function beneficiaryFields(): Block {
  const fields: FormField[] = [
    { label: 'Nom et prénom', width: 0.34 },
    { label: 'Date de naissance', width: 0.2 },
    { label: 'N° de sécurité sociale', width: 0.32 },
    { label: 'Noémie (oui/non)', width: 0.14 },
  ];
  return { kind: 'fields', fields };
}
