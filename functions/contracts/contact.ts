import { z } from 'zod';
import { companyId } from './users';

/** The motif tree of "Nous contacter", as in the guide. */
export const CONTACT_MOTIFS = {
  contrat_cotisations: { group: 'Gérer mon contrat', label: 'Information sur les cotisations' },
  contrat_autre: { group: 'Gérer mon contrat', label: 'Autre demande' },
  salaries_affiliation: { group: 'Gérer mes salariés', label: 'Affiliation d’un salarié' },
  salaries_radiation: { group: 'Gérer mes salariés', label: 'Radiation d’un salarié' },
  salaries_documents: { group: 'Gérer mes salariés', label: 'Transmettre des documents pour mon salarié' },
} as const;
export const contactMotif = z.enum(Object.keys(CONTACT_MOTIFS) as [keyof typeof CONTACT_MOTIFS], {
  error: 'Choisissez un motif.',
});

export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export const ATTACHMENT_MAX_BYTES = 3 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 4;

export const uploadId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'Pièce jointe invalide.' });

export const createContactUploadRequest = z
  .object({
    fileName: z.string().trim().min(1).max(200, { error: 'Nom de fichier trop long.' }),
    contentType: z.enum(ATTACHMENT_CONTENT_TYPES, {
      error: 'Formats acceptés : PDF, JPEG, PNG, Word (.docx), Excel (.xlsx).',
    }),
    size: z
      .number()
      .int()
      .min(1, { error: 'Ce fichier est vide.' })
      .max(ATTACHMENT_MAX_BYTES, { error: 'Chaque fichier doit faire 3 Mo au plus.' }),
  })
  .strict();
export const createContactUploadResponse = z.object({
  uploadId,
  /** Presigned POST: the browser sends the file straight to S3 with these form fields. */
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number().int(),
  expiresAt: z.string(),
});

export const sendContactMessageRequest = z
  .object({
    /** Chosen by the browser once per message: a retry or double click sends it once. */
    requestId: z.uuid({ error: 'Identifiant de demande invalide.' }),
    motif: contactMotif,
    subject: z
      .string()
      .trim()
      .min(3, { error: 'Précisez l’objet (3 caractères au moins).' })
      .max(150, { error: '150 caractères au plus.' }),
    message: z
      .string()
      .trim()
      .min(10, { error: 'Votre message est trop court.' })
      .max(5000, { error: '5 000 caractères au plus.' }),
    attachments: z
      .array(uploadId)
      .max(ATTACHMENT_MAX_COUNT, { error: '4 pièces jointes au plus.' })
      .default([]),
  })
  .strict();
export type SendContactMessageRequest = z.infer<typeof sendContactMessageRequest>;

export const contactMessageStatus = z.enum(['pending', 'sent', 'failed']);
export const CONTACT_STATUS_LABELS: Record<z.infer<typeof contactMessageStatus>, string> = {
  pending: 'En cours d’envoi',
  sent: 'Transmis à nos équipes',
  failed: 'Échec de l’envoi — contactez-nous par téléphone',
};

export const contactMessage = z.object({
  messageId: z.string(),
  reference: z.string(),
  motif: contactMotif,
  subject: z.string(),
  sentAt: z.string(),
  attachments: z.array(z.object({ fileName: z.string(), size: z.number().int() })),
  status: contactMessageStatus,
});
export const sendContactMessageResponse = contactMessage;
export const listContactMessagesResponse = z.object({
  items: z.array(contactMessage),
  cursor: z.string().nullable(),
});
export const contactParams = z.object({ companyId }).strict();
export const attachmentTokenParams = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Lien invalide.' }) })
  .strict();
