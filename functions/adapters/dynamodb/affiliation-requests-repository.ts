import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { keys } from './table-keys';
import { del, put, update } from './users-repository';
import { batchGet, getItem, type TransactItem } from './transact';
import { equalityFilter, oneCompanyFilter, queryFilledPage, queryPage, type Page } from './query-page';
import { versionedUpdate } from './update-expression';
import type { AffiliationStatus } from '../../domain/affiliation-request';
import type { AffiliationMode, BiaDraft, BiaDocumentKind, PostalAddress } from '../../contracts/affiliation';

/** One demande d'affiliation (key `affiliationRequest`), from pre-affiliation to the insured. */
export interface AffiliationRequestItem {
  entityType: 'AffiliationRequest';
  schemaVersion: 1;
  companyId: string;
  requestId: string;
  siret: string;
  /** Copied at creation (like the establishment's name) so the BIA pages need not read the company. */
  companyName?: string;
  establishmentName: string;
  statut: 'cadre' | 'non_cadre';
  /** What the employer typed (the NIR in clear: needed to create the insured; never listed unmasked). */
  employee: {
    civilite: 'M' | 'MME';
    lastName: string;
    birthName?: string;
    firstName: string;
    birthDate: string;
    nir: string;
    email?: string;
    address: PostalAddress;
    hireDate: string;
    contractStartDate: string;
  };
  nirDigest: string;
  mode: AffiliationMode;
  status: AffiliationStatus;
  /** 1 for the first sending; +1 at each "Relancer un nouveau parcours". */
  journey: number;
  journeyStartedAt: string;
  /**
   * E-mail mode: random per journey; the link's token is derived from it with the server's
   * pepper, so a reminder re-sends the same link while the table never holds a usable token.
   */
  linkSeed?: string;
  /** Automatic reminders sent in the current journey (drives the schedule). */
  automaticRemindersSent: number;
  /** All reminders (automatic + button) over the request's life. */
  remindersSent: number;
  lastReminderAt?: string;
  createdAt: string;
  createdBy: string;
  sentAt: string;
  updatedAt: string;
  /** Set while open: when the next reminder or the abandonment is due (GSI1 attributes too). */
  nextDueAt?: string;
  /** What falls due at nextDueAt: an automatic reminder, or the abandonment. */
  nextDueKind?: 'remind' | 'abandon';
  abandonedAt?: string;
  finalizedAt?: string;
  finalizedBy?: 'employee' | 'back-office';
  /** Courrier mode: queued for the mail room (GSI3 attributes while pending), then posted. */
  courrierQueuedAt?: string;
  courrierPostedAt?: string;
  /** The employee's BIA as saved so far. */
  draft?: BiaDraft;
  documents?: { uploadId: string; kind: BiaDocumentKind; fileName: string; size: number }[];
  /** The insured person created from the finalized BIA. */
  insuredId?: string;
  /** What the finalization led to: an insured person, or a dispense d'adhésion asked for instead. */
  outcome?: 'affiliation' | 'dispense';
  /** The dispense asked for in the BIA (outcome `dispense`). */
  dispenseId?: string;
  /** Optimistic lock: +1 on every change. */
  version: number;
}

export async function getAffiliationRequest(
  companyId: string,
  requestId: string,
): Promise<AffiliationRequestItem | undefined> {
  return getItem<AffiliationRequestItem>(keys.affiliationRequest(companyId, requestId));
}

/** Names of the home page counters (one attribute each on the company's counters item). */
export const affiliationCounter = (status: AffiliationStatus) => `affiliation_${status}`;

/**
 * Moves one request between status counters, in the transaction that changes its status, so
 * the home page never counts by reading lists. `from` undefined: a new request.
 */
export function shiftAffiliationCounters(
  companyId: string,
  from: AffiliationStatus | undefined,
  to: AffiliationStatus,
): TransactItem | null {
  if (from === to) return null;
  const names: Record<string, string> = { '#to': affiliationCounter(to) };
  const values: Record<string, unknown> = { ':one': 1 };
  let expression = 'ADD #to :one';
  if (from) {
    names['#from'] = affiliationCounter(from);
    values[':minusOne'] = -1;
    expression += ', #from :minusOne';
  }
  return update(keys.companyCounters(companyId), expression, values, undefined, names);
}

// ---------------------------------------------------------------------------------------
// The employer side: creation, lists, the due index of the jobs and the courrier queue.

/** Guard item: the request currently holding this NIR in the company (open or finalized). */
export interface OpenAffiliationNirItem {
  companyId: string;
  requestId: string;
}

/** The first answer to an Idempotency-Key, replayed to a retry with the same body. */
export interface IdempotencyItem<Answer = unknown> {
  bodyHash: string;
  requestId: string;
  answer: Answer;
  createdAt: string;
  expiresAt: number;
}

/** An Idempotency-Key answer is replayed for a week; after that a retry is a new call. */
export const IDEMPOTENCY_RETENTION_SECONDS = 7 * 24 * 3600;

export interface AffiliationListFilters {
  status?: AffiliationStatus;
  mode?: AffiliationMode;
  siret?: string;
}

export const affiliationRequestsRepository = () => ({
  get: getAffiliationRequest,

  /** Request items by key, strongly consistent (the courrier queue, a batch of an import). */
  many: (items: { companyId: string; requestId: string }[]) =>
    batchGet<AffiliationRequestItem>(
      items.map((item) => keys.affiliationRequest(item.companyId, item.requestId)),
    ),

  async establishment(
    companyId: string,
    siret: string,
  ): Promise<{ siret: string; name: string; city?: string } | undefined> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: config().TABLE_NAME, Key: keys.establishment(companyId, siret) }),
    );
    return Item as { siret: string; name: string; city?: string } | undefined;
  },

  /** Which requests hold these NIRs (digests) in the company, in one BatchGet. */
  async openByNir(companyId: string, nirDigests: string[]): Promise<Map<string, OpenAffiliationNirItem>> {
    const found = await batchGet<OpenAffiliationNirItem & { SK: string }>(
      nirDigests.map((digest) => keys.openAffiliationByNir(companyId, digest)),
    );
    const byDigest = new Map<string, OpenAffiliationNirItem>();
    for (const digest of nirDigests) {
      const item = found.find(
        (candidate) => candidate.SK === keys.openAffiliationByNir(companyId, digest).SK,
      );
      if (item) byDigest.set(digest, item);
    }
    return byDigest;
  },

  async idempotency<Answer>(scope: string, keysOf: string[]): Promise<Map<string, IdempotencyItem<Answer>>> {
    const found = await batchGet<IdempotencyItem<Answer> & { PK: string }>(
      keysOf.map((key) => keys.idempotency(scope, key)),
    );
    return new Map(
      keysOf.flatMap((key) => {
        const item = found.find((candidate) => candidate.PK === keys.idempotency(scope, key).PK);
        return item ? [[key, item] as const] : [];
      }),
    );
  },

  /**
   * Suivi des demandes, newest first: one status → its GSI2 partition; otherwise the
   * company's requests in the table. Mode and SIRET sieve the chosen partition.
   */
  async list(
    companyId: string,
    filters: AffiliationListFilters,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<AffiliationRequestItem>> {
    const prefix = keys.affiliationRequestsPrefix(companyId);
    const where = filters.status
      ? {
          index: 'GSI2' as const,
          partition: keys.affiliationRequestByStatusPartition(companyId, filters.status),
        }
      : { partition: { PK: prefix.PK }, sortKeyPrefix: prefix.SKPrefix };
    return queryFilledPage<AffiliationRequestItem>(
      {
        ...where,
        filter: equalityFilter({ mode: filters.mode, siret: filters.siret }),
        descending: true,
      },
      cursor,
      limit,
    );
  },

  /** Open requests whose reminder or abandonment is due at `nowIso` (sparse GSI1), oldest first. */
  due(nowIso: string, cursor: string | undefined, limit: number, companyId?: string) {
    return queryPage<AffiliationRequestItem>({
      index: 'GSI1',
      partition: keys.affiliationDuePartition(),
      // Sort keys are "<dueAt>#<companyId>#<requestId>": everything below "<now>~" is due.
      sortKeyBelow: `${nowIso}~`,
      cursor,
      limit,
      filter: oneCompanyFilter(companyId),
    });
  },

  /** Courriers waiting for the mail room, oldest first (sparse GSI3). */
  courrierQueue(cursor: string | undefined, limit: number) {
    return queryPage<AffiliationRequestItem>({
      index: 'GSI3',
      partition: keys.courrierQueuePartition(),
      cursor,
      limit,
    });
  },
});

export type AffiliationRequestsRepository = ReturnType<typeof affiliationRequestsRepository>;

/** Adds `count` new requests of one status to the home page counters (a batch of an import). */
export function addAffiliationCounter(
  companyId: string,
  status: AffiliationStatus,
  count: number,
): TransactItem {
  return update(keys.companyCounters(companyId), 'ADD #status :count', { ':count': count }, undefined, {
    '#status': affiliationCounter(status),
  });
}

/** The guard of a NIR, put only if no request holds it (creation and restart). */
export function openAffiliationNirPut(companyId: string, nirDigest: string, requestId: string): TransactItem {
  return put(
    {
      ...keys.openAffiliationByNir(companyId, nirDigest),
      _type: 'OpenAffiliationNir',
      _v: 1,
      companyId,
      requestId,
    },
    'attribute_not_exists(PK)',
  );
}

/** Frees the NIR at abandonment, only if this request still holds it. */
export function openAffiliationNirDelete(
  companyId: string,
  nirDigest: string,
  requestId: string,
): TransactItem {
  return del(
    keys.openAffiliationByNir(companyId, nirDigest),
    'attribute_not_exists(PK) OR requestId = :requestId',
    {
      ':requestId': requestId,
    },
  );
}

export function idempotencyPut(
  scope: string,
  key: string,
  record: Omit<IdempotencyItem, 'expiresAt'>,
  nowSeconds: number,
): TransactItem {
  return put(
    {
      ...keys.idempotency(scope, key),
      _type: 'Idempotency',
      _v: 1,
      ...record,
      expiresAt: nowSeconds + IDEMPOTENCY_RETENTION_SECONDS,
    },
    'attribute_not_exists(PK)',
  );
}

/** A new request with its index attributes (status, due date, courrier queue). */
export function affiliationRequestPut(item: AffiliationRequestItem): TransactItem {
  return put(
    {
      ...keys.affiliationRequest(item.companyId, item.requestId),
      ...keys.affiliationRequestByStatus(item.companyId, item.status, item.requestId),
      ...(item.nextDueAt ? keys.affiliationDue(item.nextDueAt, item.companyId, item.requestId) : {}),
      ...(item.courrierQueuedAt && !item.courrierPostedAt
        ? keys.courrierQueue(item.courrierQueuedAt, item.companyId, item.requestId)
        : {}),
      _type: 'AffiliationRequest',
      _v: 1,
      ...item,
    },
    'attribute_not_exists(PK)',
  );
}

/**
 * A change of one request, applied only if nobody changed it since it was read (`version`):
 * `set` fields (undefined values are removed), plus raw index attributes to set or remove.
 */
export function affiliationRequestUpdate(
  read: Pick<AffiliationRequestItem, 'companyId' | 'requestId' | 'version'>,
  change: { set: Record<string, unknown>; remove?: string[] },
): TransactItem {
  return versionedUpdate(keys.affiliationRequest(read.companyId, read.requestId), read.version, change);
}
