import { z } from 'zod';
import { civilite, cursor, isoDate, nir, personName, siret, statutProfessionnel } from './common';
import { companyId } from './users';
import { downloadResponse } from './employees';
import { isValidIban, normaliseIban } from '../domain/iban';
import { DISPENSE_REASONS } from '../domain/dispenses';

/**
 * Pré-affiliation, the employee's online BIA and "Suivi des demandes d'affiliation".
 * One schema per request and answer, shared by the handlers and the SPA.
 */

export const affiliationRequestId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Demande d’affiliation introuvable.' });

export const AFFILIATION_STATUS_VALUES = ['sent', 'started', 'finalized', 'abandoned'] as const;
export const affiliationStatus = z.enum(AFFILIATION_STATUS_VALUES, { error: 'Statut inconnu.' });
export type AffiliationStatus = z.infer<typeof affiliationStatus>;
export const AFFILIATION_STATUS_LABELS: Record<AffiliationStatus, string> = {
  sent: 'Envoyé à l’employé',
  started: 'Démarré par le salarié',
  finalized: 'Finalisé par le salarié',
  abandoned: 'Abandonné',
};

export const affiliationMode = z.enum(['email', 'courrier'], { error: 'Mode d’envoi : e-mail ou courrier.' });
export type AffiliationMode = z.infer<typeof affiliationMode>;
export const AFFILIATION_MODE_LABELS: Record<AffiliationMode, string> = {
  email: 'E-mail',
  courrier: 'Courrier',
};

const required = { error: 'Ce champ est obligatoire.' };

export const postalAddress = z
  .object({
    line1: z.string().trim().min(3, { error: 'Saisissez le numéro et la voie.' }).max(120),
    line2: z.string().trim().max(120).optional(),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: 'Le code postal doit comporter 5 chiffres.' }),
    city: personName.or(z.string().trim().min(1, required).max(80)),
  })
  .strict();
export type PostalAddress = z.infer<typeof postalAddress>;

export const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .transform((value) => value.toLowerCase())
  .pipe(z.union([z.literal(''), z.email({ error: 'Adresse e-mail invalide.' })]))
  .optional()
  .transform((value) => (value ? value : undefined));

/** What the employer types in step 3 of "Pré-affilier un salarié". */
export const preAffiliationEmployee = z
  .object({
    civilite,
    lastName: personName,
    birthName: personName.optional(),
    firstName: personName,
    birthDate: isoDate,
    nir,
    email: optionalEmail,
    address: postalAddress,
    hireDate: isoDate,
    contractStartDate: isoDate,
  })
  .strict();

export const preAffiliateEmployeeRequest = z
  .object({
    /** Step 1. */
    siret,
    /** Step 2. */
    statut: statutProfessionnel,
    /** Step 3. */
    employee: preAffiliationEmployee,
  })
  .strict();
export type PreAffiliateEmployeeRequest = z.infer<typeof preAffiliateEmployeeRequest>;

/** A request as listed in "Suivi des demandes d'affiliation" (NIR masked). */
export const affiliationRequestSummary = z.object({
  requestId: affiliationRequestId,
  siret: z.string(),
  establishmentName: z.string(),
  statut: statutProfessionnel,
  civilite,
  lastName: z.string(),
  firstName: z.string(),
  maskedNir: z.string(),
  mode: affiliationMode,
  status: affiliationStatus,
  createdAt: z.string(),
  sentAt: z.string(),
  updatedAt: z.string(),
  lastReminderAt: z.string().nullable(),
  remindersSent: z.number().int(),
  /** When the next automatic reminder (or the abandonment) is due; null once closed. */
  nextDueAt: z.string().nullable(),
  /** What falls due then: an automatic reminder, or the abandonment of the request. */
  nextDueKind: z.enum(['remind', 'abandon']).nullable(),
  abandonedAt: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  /** The insured person created from the finalized BIA. */
  employeeId: z.string().nullable(),
  /** Finalized: an affiliation, or a dispense d'adhésion asked for instead (null while open). */
  outcome: z.enum(['affiliation', 'dispense']).nullable(),
  contractStartDate: z.string(),
  journey: z.number().int(),
});
export type AffiliationRequestSummary = z.infer<typeof affiliationRequestSummary>;

export const preAffiliateEmployeeResponse = affiliationRequestSummary;

export const affiliationRequestParams = z.object({ companyId, requestId: affiliationRequestId }).strict();

export const listAffiliationRequestsQuery = z
  .object({
    status: affiliationStatus.optional(),
    mode: affiliationMode.optional(),
    siret: z
      .string()
      .regex(/^\d{14}$/, { error: 'SIRET invalide.' })
      .optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type ListAffiliationRequestsQuery = z.infer<typeof listAffiliationRequestsQuery>;
export const listAffiliationRequestsResponse = z.object({
  items: z.array(affiliationRequestSummary),
  cursor: z.string().nullable(),
});

export const remindAffiliationRequestResponse = affiliationRequestSummary;
export const restartAffiliationRequestResponse = affiliationRequestSummary;
/** The letter + blank BIA (courrier) or the BIA as filled so far, as a short-lived PDF link. */
export const getAffiliationFormResponse = downloadResponse;

/** Bulk pre-affiliation: a CSV (UTF-8, `;` or `,`), checked in full before anything is created. */
export const PRE_AFFILIATION_CSV_COLUMNS = [
  'siret',
  'statut',
  'civilite',
  'nom',
  'nom_naissance',
  'prenom',
  'date_naissance',
  'nir',
  'email',
  'adresse',
  'complement_adresse',
  'code_postal',
  'ville',
  'date_embauche',
  'date_debut_contrat',
] as const;
export const PRE_AFFILIATION_CSV_MAX_LINES = 500;
export const importPreAffiliationsRequest = z
  .object({
    /** Chosen by the browser once per file: re-sending the same import creates nothing twice. */
    importId: z.uuid({ error: 'Identifiant d’import invalide.' }),
    fileName: z.string().trim().min(1).max(200),
    csv: z
      .string()
      .min(1, { error: 'Le fichier est vide.' })
      .max(60_000, { error: 'Fichier trop volumineux : 500 lignes au plus par import.' }),
    /** true: report only (nothing created); false: create every line, or nothing if one is wrong. */
    dryRun: z.boolean(),
  })
  .strict();
export const importLineError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export const importPreAffiliationsResponse = z.object({
  dryRun: z.boolean(),
  lines: z.number().int(),
  errors: z.array(importLineError),
  /** Requests created (0 on a dry run or when any line is wrong). */
  created: z.number().int(),
  requests: z.array(affiliationRequestSummary),
});

// ---------------------------------------------------------------------------------------
// The employee's BIA (no account: the personal link's token is the credential).

/** The link's token travels in this header (never in a URL the server logs). */
export const BIA_TOKEN_HEADER = 'x-ees-bia-token';
export const biaToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Lien invalide.' });

export const FAMILY_SITUATIONS = {
  celibataire: 'Célibataire',
  marie: 'Marié(e)',
  pacse: 'Pacsé(e)',
  concubinage: 'En concubinage',
  divorce: 'Divorcé(e)',
  separe: 'Séparé(e)',
  veuf: 'Veuf ou veuve',
} as const;
export const familySituation = z.enum(Object.keys(FAMILY_SITUATIONS) as [keyof typeof FAMILY_SITUATIONS], {
  error: 'Choisissez votre situation de famille.',
});

export const iban = z
  .string()
  .transform(normaliseIban)
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, { error: 'IBAN invalide (format).' })
      .refine(isValidIban, { error: 'IBAN invalide (clé de contrôle incorrecte).' }),
  );
export const bic = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { error: 'BIC invalide (8 ou 11 caractères).' });

export const biaBeneficiary = z
  .object({
    kind: z.enum(['conjoint', 'enfant'], { error: 'Conjoint ou enfant.' }),
    civilite: civilite.optional(),
    lastName: personName,
    firstName: personName,
    birthDate: isoDate,
    /** The beneficiary's own NIR, when they have one. */
    nir: nir.optional(),
    /** A child without their own NIR is attached to a parent's (the employee's or the other parent's). */
    attachedToNir: nir.optional(),
    noemie: z.boolean(),
  })
  .strict();
export type BiaBeneficiary = z.infer<typeof biaBeneficiary>;

export const BIA_DOCUMENT_KINDS = {
  rib: 'RIB (relevé d’identité bancaire)',
  attestation: 'Attestation de droits Sécurité sociale',
  other: 'Autre justificatif',
  /** The proof of a dispense d'adhésion asked for instead of the affiliation (see `biaDispense`). */
  dispense_proof: 'Justificatif de la dispense',
} as const;
export type BiaDocumentKind = keyof typeof BIA_DOCUMENT_KINDS;
export const biaDocumentKind = z.enum(Object.keys(BIA_DOCUMENT_KINDS) as [BiaDocumentKind], {
  error: 'Type de document inconnu.',
});
export const BIA_UPLOAD_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const BIA_UPLOAD_MAX_BYTES = 3 * 1024 * 1024;
/** Files per kind (e.g. an attestation photographed as two pages). */
export const BIA_UPLOADS_PER_KIND = 2;

export const biaUploadId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Document invalide.' });

// A dispense d'adhésion asked for in the BIA ("Je demande une dispense"), instead of the
// affiliation: the legal reasons and what each needs (proof, end date) are the domain's rules.
export { DISPENSE_REASON_RULES, DISPENSE_REMINDER_DAYS } from '../domain/dispenses';
export const biaDispenseReason = z.enum(DISPENSE_REASONS, { error: 'Choisissez le motif de la dispense.' });
/**
 * The request as the employee fills it in (any part may be missing in a draft; finalization
 * checks it with the reason's rule). Its proofs are the files of kind `dispense_proof` in
 * `documents`, uploaded and checked like every file of the BIA.
 */
export const biaDispense = z
  .object({
    reason: biaDispenseReason.optional(),
    /** When the reason has one (end of the CSS rights, échéance of the individual contract, end of the CDD). */
    endDate: isoDate.optional(),
    /** "Je certifie sur l'honneur l'exactitude de ces informations." */
    swornStatement: z.boolean().optional(),
  })
  .strict();
export type BiaDispense = z.infer<typeof biaDispense>;

/** What the finalization led to: the affiliation (an insured person) or a dispense to validate. */
export const affiliationOutcome = z.enum(['affiliation', 'dispense']);
export type AffiliationOutcome = z.infer<typeof affiliationOutcome>;

/** Everything the employee fills in; a draft may leave any part empty. */
export const biaDraft = z
  .object({
    identity: z
      .object({
        civilite: civilite.optional(),
        lastName: personName.optional(),
        birthName: personName.optional(),
        firstName: personName.optional(),
        birthDate: isoDate.optional(),
      })
      .strict()
      .default({}),
    address: postalAddress.partial().strict().optional(),
    email: optionalEmail,
    situation: familySituation.optional(),
    /** Télétransmission Noémie for the employee. */
    noemie: z.boolean().optional(),
    beneficiaries: z.array(biaBeneficiary).max(12, { error: '12 bénéficiaires au plus.' }).default([]),
    bank: z
      .object({
        holder: z.string().trim().max(120).optional(),
        iban: iban.optional(),
        bic: bic.optional(),
      })
      .strict()
      .optional(),
    documents: z
      .object({
        rib: z.array(biaUploadId).max(BIA_UPLOADS_PER_KIND, { error: '2 fichiers au plus par document.' }),
        attestation: z
          .array(biaUploadId)
          .max(BIA_UPLOADS_PER_KIND, { error: '2 fichiers au plus par document.' }),
        other: z.array(biaUploadId).max(BIA_UPLOADS_PER_KIND, { error: '2 fichiers au plus par document.' }),
        dispense_proof: z
          .array(biaUploadId)
          .max(BIA_UPLOADS_PER_KIND, { error: '2 fichiers au plus par document.' }),
      })
      .partial()
      .strict()
      .default({}),
    consent: z.boolean().optional(),
    swornStatement: z.boolean().optional(),
    /** Present when the employee asks for a dispense d'adhésion instead of the affiliation. */
    dispense: biaDispense.optional(),
  })
  .strict();
export type BiaDraft = z.infer<typeof biaDraft>;

export const saveBiaDraftRequest = z
  .object({ draft: biaDraft, version: z.number().int().nonnegative() })
  .strict();
export const finalizeBiaRequest = saveBiaDraftRequest;

export const biaDocument = z.object({
  uploadId: biaUploadId,
  kind: biaDocumentKind,
  fileName: z.string(),
  size: z.number().int(),
});

/** What the BIA page shows: the employer's pre-filled data, the draft so far, its state. */
export const getBiaResponse = z.object({
  requestId: affiliationRequestId,
  status: affiliationStatus,
  companyName: z.string(),
  establishmentName: z.string(),
  statut: statutProfessionnel,
  contractStartDate: z.string(),
  /** Shown masked; not editable by the employee. */
  maskedNir: z.string(),
  prefilled: z.object({
    civilite,
    lastName: z.string(),
    birthName: z.string().nullable(),
    firstName: z.string(),
    birthDate: z.string(),
    email: z.string().nullable(),
    address: postalAddress,
  }),
  draft: biaDraft,
  documents: z.array(biaDocument),
  version: z.number().int(),
  /** Until when the link works. */
  expiresAt: z.string(),
});
export type GetBiaResponse = z.infer<typeof getBiaResponse>;
export const saveBiaDraftResponse = getBiaResponse;
export const finalizeBiaResponse = z.object({
  requestId: affiliationRequestId,
  status: affiliationStatus,
  finalizedAt: z.string(),
  outcome: affiliationOutcome,
});

export const createBiaUploadRequest = z
  .object({
    kind: biaDocumentKind,
    fileName: z.string().trim().min(1).max(200, { error: 'Nom de fichier trop long.' }),
    contentType: z.enum(BIA_UPLOAD_CONTENT_TYPES, { error: 'Formats acceptés : PDF, JPEG ou PNG.' }),
    size: z
      .number()
      .int()
      .min(1, { error: 'Ce fichier est vide.' })
      .max(BIA_UPLOAD_MAX_BYTES, { error: 'Chaque fichier doit faire 3 Mo au plus.' }),
  })
  .strict();
export const createBiaUploadResponse = z.object({
  uploadId: biaUploadId,
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
  expiresAt: z.string(),
});

// ---------------------------------------------------------------------------------------
// Back office (insurer role): the courrier queue and paper BIAs returned by post.

export const INSURER_KEY_HEADER = 'x-ees-insurer-key';

export const courrierSummary = z.object({
  companyId: z.string(),
  requestId: affiliationRequestId,
  companyName: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  address: postalAddress,
  queuedAt: z.string(),
  journey: z.number().int(),
});
export const listCourriersQuery = z
  .object({ cursor: cursor.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
export const listCourriersResponse = z.object({
  items: z.array(courrierSummary.extend({ letter: downloadResponse })),
  cursor: z.string().nullable(),
});
export const markCourrierPostedResponse = z.object({ requestId: affiliationRequestId, postedAt: z.string() });

/** A paper BIA typed in by the back office: the same content as a finalized online BIA. */
export const recordPaperBiaRequest = z.object({ draft: biaDraft, receivedOn: isoDate }).strict();
export const recordPaperBiaResponse = finalizeBiaResponse;
