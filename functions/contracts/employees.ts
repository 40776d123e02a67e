import { z } from 'zod';
import { cursor, isoDate, risque, statutProfessionnel } from './common';
import { companyId } from './users';

export const insuredId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Identifiant de salarié invalide.' });
export const contractNumberParam = z
  .string()
  .regex(/^[A-Z0-9-]{4,20}$/, { error: 'Numéro de contrat invalide.' });

export const employeeParams = z.object({ companyId, employeeId: insuredId }).strict();
export const contractParams = z.object({ companyId, contractNumber: contractNumberParam }).strict();

export const RADIATION_REASON_VALUES = [
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
export const radiationReason = z.enum(RADIATION_REASON_VALUES, {
  error: 'Choisissez un motif de radiation.',
});
export const RADIATION_REASON_LABELS: Record<z.infer<typeof radiationReason>, string> = {
  demission: 'Démission',
  licenciement: 'Licenciement',
  licenciement_faute_grave: 'Licenciement pour faute grave',
  licenciement_faute_lourde: 'Licenciement pour faute lourde',
  fin_cdd: 'Fin de CDD',
  rupture_conventionnelle: 'Rupture conventionnelle',
  retraite: 'Départ à la retraite',
  deces: 'Décès',
  autre: 'Autre motif',
};

export const contractSummary = z.object({
  contractNumber: z.string(),
  statut: statutProfessionnel,
  risque,
  product: z.string(),
  effectiveDate: z.string(),
  endDate: z.string().nullable(),
});
export const listContractsResponse = z.object({ items: z.array(contractSummary) });

export const beneficiary = z.object({
  kind: z.enum(['conjoint', 'enfant']),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
  noemie: z.boolean(),
});

export const portabilite = z.object({
  eligible: z.boolean(),
  months: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const employeeSummary = z.object({
  employeeId: insuredId,
  siret: z.string(),
  establishmentName: z.string(),
  statut: statutProfessionnel,
  civilite: z.enum(['M', 'MME']),
  lastName: z.string(),
  firstName: z.string(),
  maskedNir: z.string(),
  contractNumber: z.string(),
  product: z.string(),
  noemie: z.boolean(),
  effectiveDate: z.string(),
  endDate: z.string().nullable(),
  radiationReason: z.string().nullable(),
  portabilite: portabilite.nullable(),
  beneficiaries: z.array(beneficiary),
  version: z.number().int(),
});
export type EmployeeSummary = z.infer<typeof employeeSummary>;

export const employeeFilters = z
  .object({
    /** A name prefix ("dup", "Dupont Mar") or a full NIR (15 characters, spaces allowed). */
    q: z.string().trim().max(80).optional(),
    siret: z
      .string()
      .regex(/^\d{14}$/, { error: 'SIRET invalide.' })
      .optional(),
    contractNumber: contractNumberParam.optional(),
    statut: statutProfessionnel.optional(),
    state: z.enum(['active', 'radiated']).optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();

export const listEmployeesQuery = employeeFilters
  .extend({ cursor: cursor.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
export type ListEmployeesQuery = z.infer<typeof listEmployeesQuery>;
export const listEmployeesResponse = z.object({
  items: z.array(employeeSummary),
  cursor: z.string().nullable(),
});

export const getContractQuery = z
  .object({ cursor: cursor.optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
export const getContractResponse = z.object({
  contract: contractSummary,
  insured: z.array(employeeSummary),
  cursor: z.string().nullable(),
});

export const revealNirResponse = z.object({ nir: z.string() });

export const exportEmployeesRequest = employeeFilters
  .omit({ order: true })
  .extend({ order: z.enum(['asc', 'desc']).optional() })
  .strict();
export const downloadResponse = z.object({
  url: z.string(),
  fileName: z.string(),
  expiresAt: z.string(),
});
export const exportEmployeesResponse = downloadResponse.extend({ rows: z.number().int() });

export const radiateEmployeeRequest = z
  .object({
    endDate: isoDate,
    reason: radiationReason,
    /** The version shown when the user opened the form: a concurrent change is refused. */
    version: z.number().int().nonnegative(),
  })
  .strict();
export const radiateEmployeeResponse = employeeSummary;
