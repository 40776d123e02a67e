import { z } from 'zod';
import { civilite, personName, siret } from './common';
import { companyNumber } from './back-office-import';

/** The version of the CGU the SPA shows; an acceptance records it with its timestamp. */
export const CURRENT_CGU_VERSION = '2026-11';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'Adresse e-mail trop longue.' })
  .pipe(z.email({ error: 'Adresse e-mail invalide.' }));

/** Length only (NIST SP 800-63B / ASVS): no composition rules; the server also refuses common passwords. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .max(PASSWORD_MAX_LENGTH, {
    error: `Le mot de passe doit comporter au plus ${PASSWORD_MAX_LENGTH} caractères.`,
  });

/** Checked against Cognito only: any length, but bounded. */
export const currentPassword = z
  .string()
  .min(1, { error: 'Saisissez votre mot de passe.' })
  .max(PASSWORD_MAX_LENGTH, { error: 'Mot de passe trop long.' });

/** French mobile, as typed (06 12 34 56 78, +33 6…); the server normalises it to E.164. */
export const frenchMobile = z
  .string()
  .trim()
  .max(20, { error: 'Numéro de téléphone trop long.' })
  .regex(/^(?:(?:\+|00)33\s?[67]|0[67])(?:[\s.-]?\d{2}){4}$/, {
    error: 'Saisissez un numéro de mobile français (06 ou 07).',
  });

/** Opaque single-use token from an e-mailed link. */
export const linkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{32,128}$/, { error: 'Lien invalide ou incomplet.' });

export const activationIdentifiers = z
  .object({
    siret,
    companyNumber: z.string().trim().toUpperCase().pipe(companyNumber),
  })
  .strict();

export const checkActivationRequest = activationIdentifiers;
export const checkActivationResponse = z.object({ companyName: z.string() });

export const activateSpaceRequest = z
  .object({
    siret,
    companyNumber: z.string().trim().toUpperCase().pipe(companyNumber),
    civilite,
    lastName: personName,
    firstName: personName,
    email,
    mobile: frenchMobile,
    password: newPassword,
    cguVersion: z.literal(CURRENT_CGU_VERSION, {
      error: 'Veuillez accepter les conditions générales en vigueur.',
    }),
    cguAccepted: z.literal(true, { error: 'Veuillez accepter les conditions générales d’utilisation.' }),
  })
  .strict();
export type ActivateSpaceRequest = z.infer<typeof activateSpaceRequest>;
export const activateSpaceResponse = z.object({ email: z.string(), companyName: z.string() });

export const confirmEmailRequest = z.object({ token: linkToken }).strict();
export const confirmEmailResponse = z.object({ confirmed: z.literal(true) });

export const loginRequest = z.object({ email, password: currentPassword }).strict();
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authenticated') }),
  z.object({
    status: z.literal('mfa_required'),
    /** The verified number, masked; null when the user must enter one. */
    maskedPhone: z.string().nullable(),
    /** A verified number is shown masked and cannot be replaced from this screen. */
    phoneEditable: z.boolean(),
  }),
]);
export type LoginResponse = z.infer<typeof loginResponse>;

export const sendLoginCodeRequest = z.object({ mobile: frenchMobile.optional() }).strict();
export const sendLoginCodeResponse = z.object({
  maskedPhone: z.string(),
  /** ISO instant from which "Renvoyer le code" is allowed again. */
  resendAvailableAt: z.string(),
  expiresAt: z.string(),
});

export const verifyLoginCodeRequest = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { error: 'Le code comporte 6 chiffres.' }),
  })
  .strict();
export const verifyLoginCodeResponse = z.object({ status: z.literal('authenticated') });

export const logoutResponse = z.object({ loggedOut: z.literal(true) });

export const role = z.enum(['admin', 'user']);
export type Role = z.infer<typeof role>;
export const ROLE_LABELS: Record<Role, string> = { admin: 'Administrateur', user: 'Utilisateur' };

export const meResponse = z.object({
  userId: z.string(),
  email: z.string(),
  civilite,
  firstName: z.string(),
  lastName: z.string(),
  maskedPhone: z.string().nullable(),
  companies: z.array(
    z.object({
      companyId: z.string(),
      name: z.string(),
      mainSiret: z.string(),
      role,
    }),
  ),
});
export type MeResponse = z.infer<typeof meResponse>;

export const requestPasswordResetRequest = z.object({ email }).strict();
export const requestPasswordResetResponse = z.object({ accepted: z.literal(true) });

export const resetPasswordRequest = z.object({ token: linkToken, password: newPassword }).strict();
export const resetPasswordResponse = z.object({ reset: z.literal(true) });

export const changePasswordRequest = z
  .object({ currentPassword, newPassword })
  .strict()
  .refine((value) => value.currentPassword !== value.newPassword, {
    error: 'Le nouveau mot de passe doit être différent de l’actuel.',
    path: ['newPassword'],
  });
export const changePasswordResponse = z.object({ changed: z.literal(true) });
