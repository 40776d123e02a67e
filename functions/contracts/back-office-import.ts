import { z } from 'zod';
import { civilite, isoDate, nir, personName, risque, siret, statutProfessionnel } from './common';

/**
 * The insurer's back-office feed: one CSV file per record kind, UTF-8, `;` separator,
 * a header row with exactly these column names (French, as the insurer's tools export).
 * Empty cells are absent values. Each row is validated by the schema of its kind; a
 * rejected row is reported with its line number and the French reason.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === undefined ? undefined : value), schema.optional());

const ouiNon = z
  .enum(['oui', 'non'], { error: 'Valeur attendue : oui ou non.' })
  .transform((v) => v === 'oui');

export const companyNumber = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{6,12}$/, {
    error: "L'identifiant entreprise comporte 6 à 12 lettres majuscules ou chiffres.",
  });

export const contractNumber = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{4,20}$/, { error: 'Numéro de contrat invalide.' });

export const postalCode = z.string().regex(/^\d{5}$/, { error: 'Le code postal comporte 5 chiffres.' });

export const backOfficeRecordKinds = [
  'entreprises',
  'etablissements',
  'contrats',
  'assures',
  'ayants_droit',
] as const;
export type BackOfficeRecordKind = (typeof backOfficeRecordKinds)[number];

export const companyRow = z.object({
  identifiant_entreprise: companyNumber,
  /** "numero_adherent" on Malakoff Humanis contracts, else "numero_entreprise". */
  libelle_identifiant: z.enum(['numero_entreprise', 'numero_adherent']),
  raison_sociale: z.string().trim().min(1).max(120),
  siret_principal: siret,
});

export const establishmentRow = z.object({
  identifiant_entreprise: companyNumber,
  siret,
  nom: z.string().trim().min(1).max(120),
  adresse: z.string().trim().min(1).max(200),
  code_postal: postalCode,
  ville: z.string().trim().min(1).max(80),
});

export const contractRow = z.object({
  identifiant_entreprise: companyNumber,
  contrat_employeur: contractNumber,
  statut: statutProfessionnel,
  risque,
  contrat: z.string().trim().min(1).max(80),
  date_effet: isoDate,
  date_fin: optional(isoDate),
});

export const insuredRow = z.object({
  identifiant_entreprise: companyNumber,
  contrat_employeur: contractNumber,
  siret,
  nir,
  civilite,
  nom: personName,
  nom_naissance: optional(personName),
  prenom: personName,
  date_naissance: isoDate,
  email: optional(z.email({ error: 'Adresse e-mail invalide.' })),
  adresse: z.string().trim().min(1).max(200),
  code_postal: postalCode,
  ville: z.string().trim().min(1).max(80),
  teletransmission_noemie: ouiNon,
  date_effet: isoDate,
  date_fin: optional(isoDate),
  motif_radiation: optional(z.string().trim().min(1).max(120)),
});

export const beneficiaryRow = z.object({
  identifiant_entreprise: companyNumber,
  contrat_employeur: contractNumber,
  nir_assure: nir,
  lien: z.enum(['conjoint', 'enfant'], { error: 'Lien : conjoint ou enfant.' }),
  nom: personName,
  prenom: personName,
  date_naissance: isoDate,
  /** Children may be attached to a parent's NIR instead of their own. */
  nir: optional(nir),
  teletransmission_noemie: ouiNon,
});

export const backOfficeRowSchemas = {
  entreprises: companyRow,
  etablissements: establishmentRow,
  contrats: contractRow,
  assures: insuredRow,
  ayants_droit: beneficiaryRow,
} as const satisfies Record<BackOfficeRecordKind, z.ZodType>;

export type CompanyRow = z.infer<typeof companyRow>;
export type EstablishmentRow = z.infer<typeof establishmentRow>;
export type ContractRow = z.infer<typeof contractRow>;
export type InsuredRow = z.infer<typeof insuredRow>;
export type BeneficiaryRow = z.infer<typeof beneficiaryRow>;

/** Column order of each file (the documented header). */
export const backOfficeHeaders: Record<BackOfficeRecordKind, readonly string[]> = Object.fromEntries(
  Object.entries(backOfficeRowSchemas).map(([kind, schema]) => [kind, Object.keys(schema.shape)]),
) as unknown as Record<BackOfficeRecordKind, readonly string[]>;
