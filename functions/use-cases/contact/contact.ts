import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, unprocessable } from '../../domain/errors';
import {
  MAX_ATTACHMENT_BYTES,
  UPLOAD_TYPES,
  contentMatches,
  extensionMatches,
  safeFileName,
  type UploadContentType,
} from '../../domain/uploads';
import { CONTACT_MOTIFS, type SendContactMessageRequest } from '../../contracts/contact';
import { keys } from '../../adapters/dynamodb/table-keys';
import { put, update, type UsersRepository } from '../../adapters/dynamodb/users-repository';
import { batchGet, transact } from '../../adapters/dynamodb/transact';
import { queryPage } from '../../adapters/dynamodb/query-page';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { downloadUrl, inspectObject, moveObject, presignedUpload } from '../../adapters/s3/files';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { RateLimiter } from '../../ports/rate-limiter';
import type { Secrets } from '../../ports/secrets';
import { emailTemplates } from '../messages/email-templates';
import { auditPut, displayName } from '../users/audit';

export interface ContactPorts {
  users: UsersRepository;
  clock: Clock;
  ids: Ids;
  secrets: Secrets;
  rateLimiter: RateLimiter;
  uploadsBucket: string;
  insurerTeamEmail: string;
  publicUrl: string;
}

const UPLOAD_TTL_SECONDS = 15 * 60;
/** Uploads not attached to a message within a day are forgotten (and S3 lifecycle drops `pending/`). */
const UPLOAD_RECORD_SECONDS = 24 * 3600;
/**
 * The insurer's team gets links, not attachments: four 3 MB files exceed SES's 10 MB raw
 * message once base64-encoded. Each link is a random token (stored as a digest) that
 * redirects to a 5-minute presigned URL, for 30 days.
 */
export const ATTACHMENT_LINK_TTL_SECONDS = 30 * 24 * 3600;

interface UploadItem {
  uploadId: string;
  purpose: 'contact';
  companyId: string;
  userId: string;
  fileName: string;
  contentType: UploadContentType;
  key: string;
  status: 'pending' | 'used';
  expiresAt: number;
}

interface ContactMessageItem {
  messageId: string;
  reference: string;
  motif: keyof typeof CONTACT_MOTIFS;
  subject: string;
  sentAt: string;
  attachments: { fileName: string; size: number }[];
  outboxId: string;
}

const referenceOf = (messageId: string, nowIso: string) => `CT-${nowIso.slice(0, 4)}-${messageId.slice(-8)}`;

/** Step 1 of an attachment: the browser gets a presigned POST for one file of ≤ 3 MB. */
export const createContactUpload =
  (ports: ContactPorts) =>
  async (input: {
    companyId: string;
    userId: string;
    fileName: string;
    contentType: UploadContentType;
    size: number;
  }) => {
    if (!extensionMatches(input.contentType, input.fileName)) {
      throw unprocessable('ATTACHMENT_EXTENSION_MISMATCH', {
        fileName: `Le nom « ${safeFileName(input.fileName)} » ne correspond pas à un fichier ${UPLOAD_TYPES[input.contentType].label}.`,
      });
    }
    const allowed = await ports.rateLimiter.hit({
      scope: 'contact-upload',
      subject: input.userId,
      limit: 40,
      windowSeconds: 3600,
    });
    if (!allowed) throw new DomainError('RATE_LIMITED');
    const uploadId = ports.ids.next();
    const key = `pending/contact/${input.companyId}/${uploadId}`;
    const now = ports.clock.nowMs();
    await transact([
      put({
        ...keys.upload(uploadId),
        _type: 'Upload',
        _v: 1,
        uploadId,
        purpose: 'contact',
        companyId: input.companyId,
        userId: input.userId,
        fileName: input.fileName,
        contentType: input.contentType,
        declaredSize: input.size,
        key,
        status: 'pending',
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor(now / 1000) + UPLOAD_RECORD_SECONDS,
      }),
    ]);
    const post = await presignedUpload(
      ports.uploadsBucket,
      key,
      input.contentType,
      MAX_ATTACHMENT_BYTES,
      UPLOAD_TTL_SECONDS,
    );
    return {
      uploadId,
      url: post.url,
      fields: post.fields,
      maxBytes: MAX_ATTACHMENT_BYTES,
      expiresAt: new Date(now + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  };

/** Every attachment must be this user's, for this company, uploaded, ≤ 3 MB and really of its type. */
async function checkedAttachments(
  ports: ContactPorts,
  input: { companyId: string; userId: string; attachments: string[] },
) {
  if (new Set(input.attachments).size !== input.attachments.length) {
    throw unprocessable('ATTACHMENT_DUPLICATE', { attachments: 'La même pièce jointe figure deux fois.' });
  }
  const items = await batchGet<UploadItem>(input.attachments.map((id) => keys.upload(id)));
  const nowSeconds = Math.floor(ports.clock.nowMs() / 1000);
  return Promise.all(
    input.attachments.map(async (uploadId, index) => {
      const field = `attachments.${index}`;
      const item = items.find((candidate) => candidate.uploadId === uploadId);
      if (
        !item ||
        item.userId !== input.userId ||
        item.companyId !== input.companyId ||
        item.purpose !== 'contact' ||
        item.expiresAt < nowSeconds
      ) {
        throw unprocessable('ATTACHMENT_UNKNOWN', {
          [field]: 'Pièce jointe introuvable : ajoutez-la de nouveau.',
        });
      }
      if (item.status !== 'pending') {
        throw unprocessable('ATTACHMENT_UNKNOWN', {
          [field]: `« ${item.fileName} » est déjà jointe à un autre message.`,
        });
      }
      const object = await inspectObject(ports.uploadsBucket, item.key);
      if (!object)
        throw unprocessable('ATTACHMENT_NOT_UPLOADED', {
          [field]: `« ${item.fileName} » n’a pas été reçue : ajoutez-la de nouveau.`,
        });
      if (object.size === 0 || object.size > MAX_ATTACHMENT_BYTES) {
        throw unprocessable('ATTACHMENT_TOO_LARGE', {
          [field]: `« ${item.fileName} » dépasse 3 Mo (ou est vide).`,
        });
      }
      if (!contentMatches(item.contentType, object.head)) {
        throw unprocessable('ATTACHMENT_DISGUISED', {
          [field]: `« ${item.fileName} » n’est pas un vrai fichier ${UPLOAD_TYPES[item.contentType].label} : il a été refusé.`,
        });
      }
      return { ...item, size: object.size };
    }),
  );
}

/**
 * Sends a message to the insurer's team: checked attachments moved out of `pending/`, the
 * message, the team's e-mail (with expiring attachment links) and the sender's
 * acknowledgement written in one transaction; a retried request answers the same message.
 */
export const sendContactMessage =
  (ports: ContactPorts) =>
  async (input: SendContactMessageRequest & { companyId: string; userId: string }) => {
    const existing = await ports.users.getMany<{ messageId: string; userId: string; companyId: string }>([
      keys.contactRequest(input.requestId),
    ]);
    if (existing[0]) return replay(ports, input, existing[0]);
    const allowed = await ports.rateLimiter.hit({
      scope: 'contact-send',
      subject: input.userId,
      limit: 20,
      windowSeconds: 3600,
    });
    if (!allowed) throw new DomainError('RATE_LIMITED');
    const [user, company] = await Promise.all([
      ports.users.getUser(input.userId),
      ports.users.getCompany(input.companyId),
    ]);
    if (!user || !company) throw new DomainError('UNAUTHENTICATED');
    const attachments = await checkedAttachments(ports, { ...input, attachments: input.attachments });

    const messageId = ports.ids.next();
    const nowIso = ports.clock.nowIso();
    const reference = referenceOf(messageId, nowIso);
    const stored = attachments.map((attachment, index) => ({
      ...attachment,
      finalKey: `contact/${input.companyId}/${messageId}/${index + 1}-${safeFileName(attachment.fileName)}`,
      token: ports.secrets.token(),
    }));
    const motif = CONTACT_MOTIFS[input.motif];
    const outboxId = ports.ids.next();
    const linkExpiresAt = Math.floor(ports.clock.nowMs() / 1000) + ATTACHMENT_LINK_TTL_SECONDS;
    const items = [
      put(
        {
          ...keys.contactRequest(input.requestId),
          _type: 'ContactRequest',
          _v: 1,
          messageId,
          userId: input.userId,
          companyId: input.companyId,
        },
        'attribute_not_exists(PK)',
      ),
      put({
        ...keys.contactMessage(input.companyId, input.userId, messageId),
        _type: 'ContactMessage',
        _v: 1,
        messageId,
        reference,
        companyId: input.companyId,
        userId: input.userId,
        motif: input.motif,
        subject: input.subject,
        message: input.message,
        attachments: stored.map((file) => ({
          fileName: file.fileName,
          size: file.size,
          key: file.finalKey,
          contentType: file.contentType,
        })),
        outboxId,
        sentAt: nowIso,
      }),
      ...stored.flatMap((file) => [
        update(
          keys.upload(file.uploadId),
          'SET #status = :used',
          { ':used': 'used', ':pending': 'pending' },
          '#status = :pending',
          { '#status': 'status' },
        ),
        put({
          ...keys.linkToken(ports.secrets.digest('link', file.token)),
          _type: 'LinkToken',
          _v: 1,
          purpose: 'contact-attachment',
          userId: input.userId,
          bucketKey: file.finalKey,
          fileName: safeFileName(file.fileName),
          expiresAt: linkExpiresAt,
        }),
      ]),
      outboxPut({
        messageId: outboxId,
        purpose: 'contact.to-insurer',
        payload: {
          channel: 'email',
          to: [ports.insurerTeamEmail],
          replyTo: [user.email],
          ...emailTemplates.contactToInsurer({
            reference,
            motif: `${motif.group} › ${motif.label}`,
            subject: input.subject,
            message: input.message,
            companyName: company.name,
            siret: company.mainSiret,
            senderName: displayName(user),
            senderEmail: user.email,
            attachments: stored.map((file) => ({
              fileName: file.fileName,
              size: file.size,
              url: `${ports.publicUrl}/api/contact-attachments/${file.token}`,
            })),
            linkDays: ATTACHMENT_LINK_TTL_SECONDS / 86400,
          }),
        },
        nowIso,
      }),
      outboxPut({
        messageId: ports.ids.next(),
        purpose: 'contact.acknowledgement',
        payload: {
          channel: 'email',
          to: [user.email],
          ...emailTemplates.contactAcknowledgement({
            firstName: user.firstName,
            reference,
            motif: `${motif.group} › ${motif.label}`,
            subject: input.subject,
            attachments: stored.map((file) => file.fileName),
          }),
        },
        nowIso,
      }),
      auditPut(ports, {
        companyId: input.companyId,
        actorId: user.userId,
        actorName: displayName(user),
        action: 'contact.message-sent',
        targetId: messageId,
        targetName: reference,
        changes: { motif: input.motif, attachments: stored.length },
      }),
    ];
    // Files first: if the transaction fails, copies under contact/ are harmless and a retry redoes them.
    for (const file of stored) await moveObject(ports.uploadsBucket, file.key, file.finalKey);
    try {
      await transact(items);
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const again = await ports.users.getMany<{ messageId: string; userId: string; companyId: string }>([
          keys.contactRequest(input.requestId),
        ]);
        if (again[0]) return replay(ports, input, again[0]);
      }
      throw error;
    }
    return {
      messageId,
      reference,
      motif: input.motif,
      subject: input.subject,
      sentAt: nowIso,
      attachments: stored.map((file) => ({ fileName: file.fileName, size: file.size })),
      status: 'pending' as const,
    };
  };

async function replay(
  ports: ContactPorts,
  input: { companyId: string; userId: string },
  guard: { messageId: string; userId: string; companyId: string },
) {
  if (guard.userId !== input.userId || guard.companyId !== input.companyId)
    throw new DomainError('CONFLICT', 'REQUEST_ID_REUSED');
  const [message] = await listContactMessages(ports)(input.companyId, input.userId, {
    ids: [guard.messageId],
  });
  if (!message) throw new DomainError('CONFLICT', 'REQUEST_ID_REUSED');
  return message;
}

const STATUS_BY_OUTBOX: Record<string, 'pending' | 'sent' | 'failed'> = {
  pending: 'pending',
  sending: 'pending',
  sent: 'sent',
  parked: 'failed',
};

/** "Mes messages": this user's messages about this company, with the delivery status. */
export const listContactMessages =
  // Reads only the table (through the shared repositories); the ports keep every use case's signature alike.
  (_ports: ContactPorts) =>
    async (companyId: string, userId: string, options: { cursor?: string; ids?: string[] } = {}) => {
      const messages = options.ids
        ? await batchGet<ContactMessageItem>(
            options.ids.map((id) => keys.contactMessage(companyId, userId, id)),
          )
        : (
            await queryPage<ContactMessageItem>({
              partition: keys.contactMessagesPartition(companyId, userId),
              cursor: options.cursor,
              limit: 50,
              descending: true,
            })
          ).items;
      const outbox = await batchGet<{ messageId: string; status: string }>(
        messages.map((message) => keys.outbox(message.outboxId)),
      );
      const statusOf = new Map(
        outbox.map((item) => [item.messageId, STATUS_BY_OUTBOX[item.status] ?? 'pending']),
      );
      return messages.map((message) => ({
        messageId: message.messageId,
        reference: message.reference,
        motif: message.motif,
        subject: message.subject,
        sentAt: message.sentAt,
        attachments: message.attachments.map(({ fileName, size }) => ({ fileName, size })),
        status: statusOf.get(message.outboxId) ?? ('pending' as const),
      }));
    };

/** The link in the insurer team's e-mail: a fresh 5-minute presigned URL while the link lives. */
export const attachmentDownload =
  (ports: ContactPorts) =>
  async (token: string): Promise<string> => {
    const item = (await ports.users.linkToken(ports.secrets.digest('link', token))) as
      { purpose: string; bucketKey?: string; fileName?: string; expiresAt: number } | undefined;
    if (
      !item ||
      item.purpose !== 'contact-attachment' ||
      !item.bucketKey ||
      item.expiresAt < Math.floor(ports.clock.nowMs() / 1000)
    ) {
      throw unprocessable('LINK_INVALID');
    }
    return (
      await downloadUrl(
        ports.uploadsBucket,
        item.bucketKey,
        item.fileName ?? 'piece-jointe',
        ports.clock.nowMs(),
      )
    ).url;
  };
