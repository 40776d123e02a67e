import '../../../shared/forms/zod';
import { useQuery } from '@tanstack/react-query';
import {
  createContactUploadResponse,
  listContactMessagesResponse,
  sendContactMessageResponse,
  type SendContactMessageRequest,
} from '../../../../../functions/contracts/contact';
import { api } from '../../../shared/api';
import type { AttachmentContentType } from '../lib/attachments';

export const contactKeys = {
  messages: (companyId: string) => ['contact', companyId, 'messages'] as const,
};

const base = (companyId: string) => `/companies/${encodeURIComponent(companyId)}/contact`;

/** POST /companies/{companyId}/contact/uploads — route `createContactUploadUrl`: where to send one file. */
export const createContactUpload = (
  companyId: string,
  body: { fileName: string; contentType: AttachmentContentType; size: number },
  signal?: AbortSignal,
) => api.post(`${base(companyId)}/uploads`, body, createContactUploadResponse, { signal });

export type UploadGrant = Awaited<ReturnType<typeof createContactUpload>>;

/** POST /companies/{companyId}/contact/messages — route `sendContactMessage`. */
export const sendContactMessage = (companyId: string, body: SendContactMessageRequest) =>
  api.post(`${base(companyId)}/messages`, body, sendContactMessageResponse);

export type ContactMessage = Awaited<ReturnType<typeof sendContactMessage>>;

/** GET /companies/{companyId}/contact/messages — route `listContactMessages`: "Mes messages". */
export const listContactMessages = (companyId: string, signal?: AbortSignal) =>
  api.get(`${base(companyId)}/messages`, undefined, listContactMessagesResponse, { signal });

export const useContactMessages = (companyId: string) =>
  useQuery({
    queryKey: contactKeys.messages(companyId),
    queryFn: ({ signal }) => listContactMessages(companyId, signal),
    // A message just sent is "en cours d'envoi" until the e-mail has left: look again shortly
    // (for two minutes at most; a delivery retried later shows on the next visit).
    refetchInterval: (query) =>
      query.state.data?.items.some((item) => item.status === 'pending') && query.state.dataUpdateCount < 24
        ? 5_000
        : false,
  });
