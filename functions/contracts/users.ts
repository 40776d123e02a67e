import { z } from 'zod';
import { civilite, cursor, isoDate, personName, siret } from './common';
import { companyNumber } from './back-office-import';
import { CURRENT_CGU_VERSION, email, frenchMobile, linkToken, newPassword, role } from './auth';

/** A company id as our API issues them (ULID). */
export const companyId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Identifiant d’entreprise invalide.' });
export const userId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Identifiant d’utilisateur invalide.' });

export const companyParams = z.object({ companyId }).strict();
export const companyUserParams = z.object({ companyId, userId }).strict();

export const membershipStatus = z.enum(['active', 'suspended', 'revoked']);
export const MEMBERSHIP_STATUS_LABELS: Record<z.infer<typeof membershipStatus>, string> = {
  active: 'Actif',
  suspended: 'Désactivé temporairement',
  revoked: 'Désactivé définitivement',
};
export const accountStatus = z.enum(['invited', 'pending_email', 'active', 'suspended', 'deactivated']);

export const companyUser = z.object({
  userId,
  civilite,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  maskedPhone: z.string().nullable(),
  role,
  membershipStatus,
  accountStatus,
  grantedAt: z.string(),
  version: z.number().int(),
});
export type CompanyUser = z.infer<typeof companyUser>;
export const listCompanyUsersResponse = z.object({ items: z.array(companyUser) });

export const rightsEntry = z.object({ companyId, role }).strict();

export const inviteUserRequest = z
  .object({
    civilite,
    lastName: personName,
    firstName: personName,
    email,
    mobile: frenchMobile,
    rights: z
      .array(rightsEntry)
      .min(1, { error: 'Choisissez au moins une entreprise.' })
      .max(200, { error: '200 entreprises au plus par invitation.' })
      .refine((rights) => new Set(rights.map((r) => r.companyId)).size === rights.length, {
        error: 'Chaque entreprise ne peut apparaître qu’une fois.',
      }),
  })
  .strict();
export type InviteUserRequest = z.infer<typeof inviteUserRequest>;
/** The same answer whether the e-mail already had an account or not. */
export const inviteUserResponse = z.object({ invited: z.literal(true) });

export const updateUserRightsRequest = z
  .object({
    civilite: civilite.optional(),
    lastName: personName.optional(),
    firstName: personName.optional(),
    role,
    /** The version read with the list (optimistic locking: concurrent edits are refused). */
    version: z.number().int().nonnegative(),
  })
  .strict();
export const updateUserRightsResponse = companyUser;

export const deactivateUserRequest = z
  .object({
    mode: z.enum(['temporary', 'permanent'], {
      error: 'Choisissez une désactivation temporaire ou définitive.',
    }),
  })
  .strict();
export const userStatusResponse = z.object({ membershipStatus });

export const acceptInvitationRequest = z
  .object({
    token: linkToken,
    password: newPassword,
    cguVersion: z.literal(CURRENT_CGU_VERSION, {
      error: 'Veuillez accepter les conditions générales en vigueur.',
    }),
    cguAccepted: z.literal(true, { error: 'Veuillez accepter les conditions générales d’utilisation.' }),
  })
  .strict();
export const acceptInvitationResponse = z.object({ email: z.string() });
export const resendInvitationResponse = z.object({ resent: z.literal(true) });

export const establishmentSummary = z.object({ siret: z.string(), name: z.string(), city: z.string() });
export const profileResponse = z.object({
  userId,
  email: z.string(),
  civilite,
  firstName: z.string(),
  lastName: z.string(),
  maskedPhone: z.string().nullable(),
  phoneVerified: z.boolean(),
  perimeter: z.array(
    z.object({
      companyId,
      name: z.string(),
      mainSiret: z.string(),
      role,
      establishments: z.array(establishmentSummary),
    }),
  ),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

export const updateProfileRequest = z
  .object({
    civilite: civilite.optional(),
    lastName: personName.optional(),
    firstName: personName.optional(),
    /** A new number is only saved once the SMS code sent to it is confirmed. */
    mobile: frenchMobile.optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { error: 'Rien à modifier.' });
export const updateProfileResponse = z.object({
  profile: profileResponse,
  phoneVerification: z.object({ maskedPhone: z.string(), expiresAt: z.string() }).nullable(),
});
export const verifyProfilePhoneRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: 'Le code comporte 6 chiffres.' }),
  })
  .strict();

export const addEstablishmentRequest = z
  .object({ siret, companyNumber: z.string().trim().toUpperCase().pipe(companyNumber) })
  .strict();
export const addEstablishmentResponse = z.object({ companyId, name: z.string() });

export const auditAction = z.enum([
  'company.activated',
  'company.perimeter-added',
  'user.invited',
  'user.rights-granted',
  'user.rights-updated',
  'user.invitation-resent',
  'user.invitation-accepted',
  'user.deactivated',
  'user.reactivated',
  'employee.nir-revealed',
  'employee.radiated',
  'affiliation.pre-affiliated',
  'affiliation.reminded',
  'affiliation.restarted',
  'anomaly.forced-affiliation',
  'anomaly.forced-radiation',
  'anomaly.dispensed',
  'dispense.validated',
  'dispense.refused',
]);
export const AUDIT_ACTION_LABELS: Record<z.infer<typeof auditAction>, string> = {
  'company.activated': 'Activation de l’espace',
  'company.perimeter-added': 'Ajout au périmètre suivi',
  'user.invited': 'Invitation d’un utilisateur',
  'user.rights-granted': 'Droits accordés à un compte existant',
  'user.rights-updated': 'Modification du profil ou des droits',
  'user.invitation-resent': 'Nouvel envoi du lien de création du mot de passe',
  'user.invitation-accepted': 'Création du mot de passe (invitation acceptée)',
  'user.deactivated': 'Désactivation',
  'user.reactivated': 'Réactivation',
  'employee.nir-revealed': 'Consultation d’un numéro de sécurité sociale',
  'employee.radiated': 'Radiation d’un salarié',
  'affiliation.pre-affiliated': 'Pré-affiliation d’un salarié',
  'affiliation.reminded': 'Relance d’un salarié (affiliation)',
  'affiliation.restarted': 'Nouveau parcours d’affiliation',
  'anomaly.forced-affiliation': 'Affiliation forcée (anomalie DSN)',
  'anomaly.forced-radiation': 'Radiation forcée (anomalie DSN)',
  'anomaly.dispensed': 'Dispense rattachée (anomalie DSN)',
  'dispense.validated': 'Dispense d’adhésion validée',
  'dispense.refused': 'Dispense d’adhésion refusée',
};

export const listAuditEventsQuery = z
  .object({
    actorId: userId.optional(),
    action: auditAction.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export const auditEvent = z.object({
  auditId: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
export const listAuditEventsResponse = z.object({
  items: z.array(auditEvent),
  cursor: z.string().nullable(),
});
