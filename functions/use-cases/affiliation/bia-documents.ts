/**
 * The files of a BIA: each one referenced by a draft or a finalization must be an upload of
 * this request's journey, for that document, really received, of at most 3 MB, and really a
 * PDF, JPEG or PNG by its first bytes (never by its name or the type the browser claimed).
 */
import { BIA_UPLOAD_MAX_BYTES, type BiaDocumentKind } from '../../contracts/affiliation';
import { documentRefused, type BiaKind } from '../../domain/bia';
import { contentMatches } from '../../domain/uploads';
import type { AffiliationRequestItem } from '../../adapters/dynamodb/affiliation-requests-repository';
import { biaUploadKey, type BiaRepository, type BiaUploadItem } from '../../adapters/dynamodb/bia-repository';
import { inspectObject } from '../../adapters/s3/files';
import type { Clock } from '../../ports/clock';

const KINDS: readonly BiaKind[] = ['rib', 'attestation', 'other', 'dispense_proof'];

/** Where messages about the draft land in the request body. */
export const DRAFT_FIELDS = 'draft.';

export interface CheckedDocument {
  uploadId: string;
  kind: BiaDocumentKind;
  fileName: string;
  /** The real size, measured by the server. */
  size: number;
  upload: BiaUploadItem;
  /** Measured now (its upload record is to be marked checked), not on an earlier save. */
  newlyChecked: boolean;
}

/** The request's record of a document (what the BIA page lists). */
export const requestDocument = ({ uploadId, kind, fileName, size }: CheckedDocument) => ({
  uploadId,
  kind,
  fileName,
  size,
});

/** The documents already accepted on the request, with their place in the bucket. */
export const keptDocuments = (
  request: Pick<AffiliationRequestItem, 'companyId' | 'requestId' | 'documents'>,
) =>
  (request.documents ?? []).map((document) => ({
    kind: document.kind,
    fileName: document.fileName,
    size: document.size,
    key: biaUploadKey(request.companyId, request.requestId, document.uploadId),
  }));

/**
 * Checks every file the BIA lists. A file measured on an earlier save is trusted as such on a
 * draft; `reinspect` (finalization) measures every file again, since the presigned form could
 * have been used once more on the same key in the meantime.
 */
export async function checkedDocuments(
  ports: { bia: BiaRepository; clock: Clock; uploadsBucket: string },
  request: Pick<AffiliationRequestItem, 'companyId' | 'requestId' | 'journey'>,
  documents: Partial<Record<BiaKind, readonly string[]>>,
  options: { reinspect: boolean },
): Promise<CheckedDocument[]> {
  const refs = KINDS.flatMap((kind) =>
    (documents[kind] ?? []).map((uploadId, index) => ({ kind, uploadId, index })),
  );
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.uploadId))
      throw documentRefused(ref.kind, ref.index, 'duplicate', undefined, DRAFT_FIELDS);
    seen.add(ref.uploadId);
  }
  if (refs.length === 0) return [];
  const uploads = await ports.bia.uploads(refs.map((ref) => ref.uploadId));
  const nowSeconds = Math.floor(ports.clock.nowMs() / 1000);
  const outcomes = await Promise.allSettled(
    refs.map(async ({ kind, uploadId, index }): Promise<CheckedDocument> => {
      const upload = uploads.find((candidate) => candidate.uploadId === uploadId);
      if (
        !upload ||
        upload.purpose !== 'bia' ||
        upload.companyId !== request.companyId ||
        upload.requestId !== request.requestId ||
        upload.journey !== request.journey ||
        upload.kind !== kind ||
        upload.expiresAt < nowSeconds
      ) {
        throw documentRefused(kind, index, 'unknown', undefined, DRAFT_FIELDS);
      }
      const document = { uploadId, kind, fileName: upload.fileName, upload };
      if (upload.status === 'checked' && upload.size !== undefined && !options.reinspect) {
        return { ...document, size: upload.size, newlyChecked: false };
      }
      const refuse = (refusal: Parameters<typeof documentRefused>[2]) =>
        documentRefused(kind, index, refusal, upload.fileName, DRAFT_FIELDS);
      const object = await inspectObject(ports.uploadsBucket, upload.key);
      if (!object) throw refuse('not-uploaded');
      if (object.size === 0) throw refuse('empty');
      // The presigned POST states the size range, but not every storage enforces it (s3rver does not).
      if (object.size > BIA_UPLOAD_MAX_BYTES) throw refuse('too-large');
      if (!contentMatches(upload.contentType, object.head)) throw refuse('disguised');
      return {
        ...document,
        size: object.size,
        newlyChecked: upload.status !== 'checked' || upload.size !== object.size,
      };
    }),
  );
  // The first refused file in the form's order, whichever check finished first.
  const refused = outcomes.find((outcome) => outcome.status === 'rejected');
  if (refused) throw refused.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<CheckedDocument>).value);
}
