import { z } from 'zod';
import { cursor, isoDate, statutProfessionnel } from './common';
import { companyId } from './users';
import { radiationReason } from './employees';
import { AFFILIATION_STATUS_VALUES } from './affiliation';

/**
 * "Suivi des anomalies d'affiliation" (DSN compared with affiliations), "Dispenses
 * d'adhésion" and the home page's affiliation focus.
 */

const ulid = (message: string) => z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: message });

export const anomalyId = ulid('Identifiant d’anomalie invalide.');
export const dispenseId = ulid('Identifiant de dispense invalide.');

export const ANOMALY_TYPES = {
  not_affiliated: 'Déclaré en DSN mais non affilié',
  ended_still_affiliated: 'Contrat terminé en DSN mais toujours affilié',
  identity_mismatch: 'Identité différente entre la DSN et l’affiliation',
  statut_mismatch: 'Statut (cadre / non cadre) différent',
  establishment_mismatch: 'Établissement différent',
} as const;
export type AnomalyType = keyof typeof ANOMALY_TYPES;
export const anomalyType = z.enum(Object.keys(ANOMALY_TYPES) as [AnomalyType], {
  error: 'Type d’anomalie inconnu.',
});

export const ANOMALY_RESOLUTIONS = {
  forced_affiliation: 'Affiliation forcée',
  forced_radiation: 'Radiation forcée',
  dispensed: 'Salarié dispensé',
  corrected_by_dsn: 'Corrigée par une DSN suivante',
} as const;
export type AnomalyResolution = keyof typeof ANOMALY_RESOLUTIONS;
export const anomalyResolution = z.enum(Object.keys(ANOMALY_RESOLUTIONS) as [AnomalyResolution]);

export const anomalyState = z.enum(['open', 'resolved'], { error: 'État : ouverte ou résolue.' });
export const ANOMALY_STATE_LABELS = { open: 'Ouverte', resolved: 'Résolue' } as const;

export const anomalySummary = z.object({
  anomalyId,
  type: anomalyType,
  state: anomalyState,
  siret: z.string(),
  establishmentName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  maskedNir: z.string(),
  /** Plain French, e.g. « Déclaré en DSN (janvier 2026) comme cadre, affilié comme non cadre. » */
  detail: z.string(),
  /** Date d'effet of the affiliation concerned, when there is one. */
  affiliationDate: z.string().nullable(),
  /** The DSN month that raised it, YYYY-MM. */
  dsnMonth: z.string(),
  detectedAt: z.string(),
  /** What the DSN says, for the actions: contract start, statut, end date and reason. */
  dsn: z.object({
    contractStartDate: z.string().nullable(),
    statut: statutProfessionnel.nullable(),
    endDate: z.string().nullable(),
    radiationReason: radiationReason.nullable(),
  }),
  employeeId: z.string().nullable(),
  resolution: z
    .object({ how: anomalyResolution, at: z.string(), by: z.string(), dispenseId: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
});
export type AnomalySummary = z.infer<typeof anomalySummary>;

export const anomalyParams = z.object({ companyId, anomalyId }).strict();
export const listAnomaliesQuery = z
  .object({
    state: anomalyState.default('open'),
    type: anomalyType.optional(),
    siret: z
      .string()
      .regex(/^\d{14}$/, { error: 'SIRET invalide.' })
      .optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const listAnomaliesResponse = z.object({
  items: z.array(anomalySummary),
  cursor: z.string().nullable(),
});

/** The version the user saw: an anomaly changed meanwhile (or already resolved) is refused. */
const versioned = z.object({ version: z.number().int().nonnegative() });
export const forceAffiliationRequest = versioned.strict();
export const forceRadiationRequest = versioned
  .extend({
    /** Defaults to the DSN's end date and reason; the user may correct them. */
    endDate: isoDate.optional(),
    reason: radiationReason.optional(),
  })
  .strict();
export const resolveAnomalyAsDispensedRequest = versioned.extend({ dispenseId }).strict();
export const anomalyActionResponse = anomalySummary;

// ---------------------------------------------------------------------------------------
// Dispenses d'adhésion.

export const DISPENSE_REASON_VALUES = [
  'css',
  'contrat_individuel',
  'autre_couverture_collective',
  'cdd_court',
  'presence_due',
] as const;
export const dispenseReason = z.enum(DISPENSE_REASON_VALUES, {
  error: 'Choisissez le motif de la dispense.',
});
export type DispenseReason = z.infer<typeof dispenseReason>;

export const dispenseState = z.enum(['pending', 'validated', 'refused'], {
  error: 'État de dispense inconnu.',
});
export const DISPENSE_STATE_LABELS = {
  pending: 'À valider',
  validated: 'Validée',
  refused: 'Refusée',
} as const;

export const dispenseSummary = z.object({
  dispenseId,
  requestId: z.string().nullable(),
  siret: z.string(),
  establishmentName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  maskedNir: z.string(),
  reason: dispenseReason,
  reasonLabel: z.string(),
  endDate: z.string().nullable(),
  state: dispenseState,
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** The employee's justificatifs; `url` is a download link valid for a few minutes. */
  proofs: z.array(
    z.object({ uploadId: z.string(), fileName: z.string(), size: z.number().int(), url: z.string() }),
  ),
  version: z.number().int(),
});
export type DispenseSummary = z.infer<typeof dispenseSummary>;

export const dispenseParams = z.object({ companyId, dispenseId }).strict();
export const listDispensesQuery = z
  .object({
    state: dispenseState.optional(),
    /** Validated dispenses ending within 30 days. */
    endingSoon: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const listDispensesResponse = z.object({
  items: z.array(dispenseSummary),
  cursor: z.string().nullable(),
});

export const decideDispenseRequest = z
  .object({
    decision: z.enum(['validated', 'refused'], { error: 'Validez ou refusez la dispense.' }),
    comment: z.string().trim().max(500, { error: '500 caractères au plus.' }).optional(),
    version: z.number().int().nonnegative(),
  })
  .strict()
  .refine((value) => value.decision === 'validated' || (value.comment ?? '').length >= 5, {
    error: 'Expliquez le refus au salarié (5 caractères au moins).',
    path: ['comment'],
  });
export const decideDispenseResponse = dispenseSummary;

// ---------------------------------------------------------------------------------------
// Home page: the affiliation focus, read from counters kept in the same transactions as the
// changes they count.

export const getHomeSummaryResponse = z.object({
  affiliationRequests: z.object(
    Object.fromEntries(AFFILIATION_STATUS_VALUES.map((status) => [status, z.number().int()])) as Record<
      (typeof AFFILIATION_STATUS_VALUES)[number],
      z.ZodNumber
    >,
  ),
  openAnomalies: z.number().int(),
  pendingDispenses: z.number().int(),
  dispensesEndingSoon: z.number().int(),
  lastDsnMonth: z.string().nullable(),
});
export type HomeSummary = z.infer<typeof getHomeSummaryResponse>;
