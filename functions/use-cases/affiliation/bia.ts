/**
 * The employee's BIA, reached by the personal link (no account: the link is the credential,
 * checked by the `employeeLink` access rule), and the paper BIA typed in by the back office.
 */
import { DomainError, notFound, unprocessable } from '../../domain/errors';
import { maskNir } from '../../domain/nir';
import { nextStatus } from '../../domain/affiliation-request';
import { checkBiaComplete, checkRoomForDocument } from '../../domain/bia';
import { extensionMatches, safeFileName, UPLOAD_TYPES } from '../../domain/uploads';
import {
  BIA_UPLOAD_MAX_BYTES,
  BIA_UPLOADS_PER_KIND,
  biaDraft,
  type BiaDocumentKind,
  type BiaDraft,
  type GetBiaResponse,
} from '../../contracts/affiliation';
import {
  affiliationRequestUpdate,
  shiftAffiliationCounters,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import {
  biaUploadChecked,
  biaUploadGrantItems,
  biaUploadKey,
  type BiaUploadItem,
} from '../../adapters/dynamodb/bia-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { presignedUpload } from '../../adapters/s3/files';
import { checkedDocuments, DRAFT_FIELDS, keptDocuments, requestDocument } from './bia-documents';
import {
  alreadyFinalized,
  prefilledOf,
  processBia,
  type BiaFinalized,
  type BiaPorts,
} from './bia-processing';
import { cancellationCodes, companyNameOf } from './journey';
import { requestDispense } from './bia-dispense';

export type { BiaPorts } from './bia-processing';

/** The personal link the access check verified (the `employeeLink` rule): which request, which journey. */
export interface EmployeeLink {
  readonly companyId: string;
  readonly requestId: string;
  readonly journey: number;
  /** The key of the link's item is the token's digest. */
  readonly tokenDigest: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** A presigned POST is usable for 15 minutes. */
const UPLOAD_TTL_SECONDS = 15 * 60;
const DAY_SECONDS = 24 * 3600;

const linkInvalid = () => new DomainError('UNAUTHENTICATED', 'BIA_LINK_INVALID');

/**
 * The request the link opens, as long as the link is that of its current journey and the
 * request was not abandoned (a restart issues a new link; an abandoned one gives access to nothing).
 */
async function linkedRequest(ports: BiaPorts, link: EmployeeLink): Promise<AffiliationRequestItem> {
  const request = await ports.requests.get(link.companyId, link.requestId);
  if (!request || request.journey !== link.journey || request.status === 'abandoned') throw linkInvalid();
  return request;
}

/** A BIA nobody has saved yet: the draft schema's defaults. */
const emptyDraft = (): BiaDraft => biaDraft.parse({});

function biaView(request: AffiliationRequestItem, companyName: string, link: EmployeeLink): GetBiaResponse {
  const { employee } = request;
  return {
    requestId: request.requestId,
    status: request.status,
    companyName,
    establishmentName: request.establishmentName,
    statut: request.statut,
    contractStartDate: employee.contractStartDate,
    maskedNir: maskNir(employee.nir),
    prefilled: {
      civilite: employee.civilite,
      lastName: employee.lastName,
      birthName: employee.birthName ?? null,
      firstName: employee.firstName,
      birthDate: employee.birthDate,
      email: employee.email ?? null,
      address: employee.address,
    },
    draft: request.draft ?? emptyDraft(),
    documents: request.documents ?? [],
    version: request.version,
    expiresAt: new Date(link.expiresAt * 1000).toISOString(),
  };
}

/** The BIA page: what the employer typed, the draft so far, and the state of the request. */
export const getBia =
  (ports: BiaPorts) =>
  async (link: EmployeeLink): Promise<GetBiaResponse> => {
    const request = await linkedRequest(ports, link);
    return biaView(request, await companyNameOf(ports, request), link);
  };

/** Why a transaction on an open request lost: it was finalized or abandoned meanwhile, or simply changed. */
async function lostRace(ports: BiaPorts, link: EmployeeLink): Promise<never> {
  const now = await linkedRequest(ports, link);
  if (now.status === 'finalized') throw unprocessable('AFFILIATION_ALREADY_FINALIZED');
  throw new DomainError('VERSION_CONFLICT');
}

/**
 * "Enregistrer le brouillon": any part may be missing, but every file it lists is checked.
 * The first save moves the request from Envoyé to Démarré.
 */
export const saveBiaDraft =
  (ports: BiaPorts) =>
  async (link: EmployeeLink, input: { draft: BiaDraft; version: number }): Promise<GetBiaResponse> => {
    const request = await linkedRequest(ports, link);
    const status = nextStatus(request.status, 'saveDraft');
    if (request.version !== input.version) throw new DomainError('VERSION_CONFLICT');
    const documents = await checkedDocuments(ports, request, input.draft.documents, { reinspect: false });
    const nowIso = ports.clock.nowIso();
    const saved: AffiliationRequestItem = {
      ...request,
      status,
      draft: input.draft,
      documents: documents.map(requestDocument),
      updatedAt: nowIso,
      version: request.version + 1,
    };
    const items = [
      affiliationRequestUpdate(request, {
        set: {
          status,
          draft: saved.draft,
          documents: saved.documents,
          updatedAt: nowIso,
          ...keys.affiliationRequestByStatus(request.companyId, status, request.requestId),
        },
      }),
      shiftAffiliationCounters(request.companyId, request.status, status),
      ...documents
        .filter((document) => document.newlyChecked)
        .map((document) => biaUploadChecked(document.upload, document.size)),
    ].filter((item): item is TransactItem => item !== null);
    try {
      await transact(items);
    } catch (error) {
      if (cancellationCodes(error)) await lostRace(ports, link);
      throw error;
    }
    return biaView(saved, await companyNameOf(ports, saved), link);
  };

/**
 * Step 1 of a document: a presigned POST for one file of at most 3 MB, straight to the
 * uploads bucket. The file is only accepted when a draft or the finalization lists it.
 */
export const createBiaUpload =
  (ports: BiaPorts) =>
  async (
    link: EmployeeLink,
    input: {
      kind: BiaDocumentKind;
      fileName: string;
      contentType: BiaUploadItem['contentType'];
      size: number;
    },
  ) => {
    const request = await linkedRequest(ports, link);
    nextStatus(request.status, 'saveDraft');
    if (!extensionMatches(input.contentType, input.fileName)) {
      throw unprocessable('BIA_UPLOAD_EXTENSION_MISMATCH', {
        fileName: `Le nom « ${safeFileName(input.fileName)} » ne correspond pas à un fichier ${UPLOAD_TYPES[input.contentType].label}.`,
      });
    }
    const kept = (request.documents ?? []).filter((document) => document.kind === input.kind).length;
    checkRoomForDocument(input.kind, kept, BIA_UPLOADS_PER_KIND);
    const uploadId = ports.ids.next();
    const nowMs = ports.clock.nowMs();
    const item: BiaUploadItem = {
      uploadId,
      purpose: 'bia',
      companyId: request.companyId,
      requestId: request.requestId,
      journey: request.journey,
      kind: input.kind,
      fileName: input.fileName,
      contentType: input.contentType,
      declaredSize: input.size,
      key: biaUploadKey(request.companyId, request.requestId, uploadId),
      status: 'pending',
      createdAt: new Date(nowMs).toISOString(),
      expiresAt: link.expiresAt + DAY_SECONDS,
    };
    try {
      await transact(biaUploadGrantItems(item));
    } catch (error) {
      if (cancellationCodes(error)) throw new DomainError('RATE_LIMITED', 'BIA_UPLOAD_LIMIT');
      throw error;
    }
    const post = await presignedUpload(
      ports.uploadsBucket,
      item.key,
      input.contentType,
      BIA_UPLOAD_MAX_BYTES,
      UPLOAD_TTL_SECONDS,
    );
    return {
      uploadId,
      url: post.url,
      fields: post.fields,
      maxBytes: BIA_UPLOAD_MAX_BYTES,
      expiresAt: new Date(nowMs + UPLOAD_TTL_SECONDS * 1000).toISOString(),
    };
  };

/**
 * "Finaliser": the BIA must be complete and its files valid; then it becomes an insured.
 * A second click answers what the first one did.
 */
export const finalizeBia =
  (ports: BiaPorts) =>
  async (link: EmployeeLink, input: { draft: BiaDraft; version: number }): Promise<BiaFinalized> => {
    const request = await linkedRequest(ports, link);
    if (request.status === 'finalized') return alreadyFinalized(request, 'employee');
    nextStatus(request.status, 'finalize');
    if (request.version !== input.version) throw new DomainError('VERSION_CONFLICT');
    // "Je demande une dispense": no affiliation, a request for the employer to decide.
    if (input.draft.dispense) {
      return requestDispense(ports)({
        request,
        draft: input.draft,
        dispense: input.draft.dispense,
        link: keys.linkToken(link.tokenDigest),
      });
    }
    checkBiaComplete(prefilledOf(request), input.draft, {
      today: ports.clock.nowIso().slice(0, 10),
      requireDocuments: true,
      prefix: DRAFT_FIELDS,
    });
    // The proof of a dispense the employee did not ask for in the end is no part of the affiliation.
    const documents = await checkedDocuments(
      ports,
      request,
      { ...input.draft.documents, dispense_proof: undefined },
      { reinspect: true },
    );
    return processBia(ports)({
      request,
      draft: input.draft,
      documents: documents.map((document) => ({
        kind: document.kind,
        fileName: document.fileName,
        size: document.size,
        key: document.upload.key,
      })),
      requestDocuments: documents.map(requestDocument),
      by: 'employee',
      link: keys.linkToken(link.tokenDigest),
    });
  };

/**
 * The back office types in a paper BIA received by post: the same rules, except that its
 * documents are the paper copies that came with it (files the employee had already sent
 * online stay attached).
 */
export const recordPaperBia =
  (ports: BiaPorts) =>
  async (input: {
    companyId: string;
    requestId: string;
    draft: BiaDraft;
    receivedOn: string;
  }): Promise<BiaFinalized> => {
    const request = await ports.requests.get(input.companyId, input.requestId);
    if (!request) throw notFound('AFFILIATION_REQUEST_NOT_FOUND');
    nextStatus(request.status, 'finalize');
    const today = ports.clock.nowIso().slice(0, 10);
    if (input.receivedOn > today) {
      throw unprocessable('PAPER_BIA_RECEIVED_IN_FUTURE', {
        receivedOn: 'La date de réception ne peut pas être dans le futur.',
      });
    }
    if (input.draft.dispense) {
      throw unprocessable('PAPER_BIA_WITH_DISPENSE', {
        [`${DRAFT_FIELDS}dispense`]:
          'Une demande de dispense se fait en ligne par le salarié, avec ses justificatifs : elle ne peut pas être saisie avec un BIA papier.',
      });
    }
    if (Object.values(input.draft.documents).some((files) => files && files.length > 0)) {
      throw unprocessable('PAPER_BIA_WITH_UPLOADS', {
        [`${DRAFT_FIELDS}documents`]:
          'Un BIA papier ne cite pas de fichiers déposés en ligne : ses justificatifs sont les copies reçues avec lui.',
      });
    }
    checkBiaComplete(prefilledOf(request), input.draft, {
      today,
      requireDocuments: false,
      prefix: DRAFT_FIELDS,
    });
    return processBia(ports)({
      request,
      draft: input.draft,
      documents: keptDocuments(request),
      requestDocuments: request.documents,
      by: 'back-office',
      receivedOn: input.receivedOn,
    });
  };
