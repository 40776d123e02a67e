import '../../../shared/forms/zod';
import {
  BIA_TOKEN_HEADER,
  createBiaUploadResponse,
  finalizeBiaResponse,
  getBiaResponse,
  saveBiaDraftResponse,
  type BIA_UPLOAD_CONTENT_TYPES,
  type BiaDocumentKind,
  type BiaDraft,
} from '../../../../../functions/contracts/affiliation';
import { api } from '../../../shared/api';

export type BiaContentType = (typeof BIA_UPLOAD_CONTENT_TYPES)[number];

/**
 * The employee's BIA has no session: the personal link's token is the credential, sent in a
 * header on every call (never in an address the servers log). Writes still carry the CSRF
 * header, as every write of the portal does.
 */
const withToken = (token: string, signal?: AbortSignal) => ({
  headers: { [BIA_TOKEN_HEADER]: token },
  ...(signal ? { signal } : {}),
});

export const biaKeys = {
  /** One BIA per tab: the token is deliberately not part of the key (it stays out of caches' keys). */
  bia: ['bia'] as const,
};

/** GET /bia — route `getBia`: the employer's pre-filled data, the draft so far, its version. */
export const getBia = (token: string, signal?: AbortSignal) =>
  api.get('/bia', undefined, getBiaResponse, withToken(token, signal));

export type Bia = Awaited<ReturnType<typeof getBia>>;

/** PUT /bia/draft — route `saveBiaDraft` (status becomes "Démarré par le salarié"). */
export const saveBiaDraft = (token: string, body: { draft: BiaDraft; version: number }) =>
  api.put('/bia/draft', body, saveBiaDraftResponse, withToken(token));

/** POST /bia/uploads — route `createBiaUploadUrl`: where to send one file (presigned POST). */
export const createBiaUploadUrl = (
  token: string,
  body: { kind: BiaDocumentKind; fileName: string; contentType: BiaContentType; size: number },
  signal?: AbortSignal,
) => api.post('/bia/uploads', body, createBiaUploadResponse, withToken(token, signal));

/** POST /bia/finalization — route `finalizeBia`: checks completeness, then the affiliation is created. */
export const finalizeBia = (token: string, body: { draft: BiaDraft; version: number }) =>
  api.post('/bia/finalization', body, finalizeBiaResponse, withToken(token));

export type Finalized = Awaited<ReturnType<typeof finalizeBia>>;
