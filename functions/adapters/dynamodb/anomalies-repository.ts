/**
 * DSN imports and the affiliation anomalies they raise: the anomaly items, their guards, the
 * import guard, the home page's anomaly counter, and the reads of the company's state an
 * import compares the DSN with (insured, requests under way, dispenses).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import type { AnomalyResolution } from '../../contracts/anomalies';
import type { Anomaly, AnomalyType } from '../../domain/dsn/anomalies';
import type { AffiliationStatus } from '../../domain/affiliation-request';
import type { DispenseState } from '../../domain/dispenses';
import { keys } from './table-keys';
import { batchGet, getItem, type TransactItem } from './transact';
import { equalityFilter, queryFilledPage, queryPage, type Page } from './query-page';
import { put, update } from './users-repository';
import type { InsuredItem } from './employees-repository';
import type { AffiliationRequestItem } from './affiliation-requests-repository';
import type { DispenseItem } from './dispenses-repository';

/**
 * One anomaly (key `anomaly`), open until an action or a later DSN resolves it: the domain's
 * anomaly as detected (its key replaced by a keyed digest: it derives from a NIR) and its state.
 * The NIR is kept in full, as on the insured item; it is only ever shown masked.
 */
export interface AnomalyItem extends Omit<Anomaly, 'anomalyKey'> {
  companyId: string;
  anomalyId: string;
  /** Keyed digest of the domain's anomalyKey: the guard's key. */
  anomalyKeyDigest: string;
  state: 'open' | 'resolved';
  /** Content digest of the DSN file that raised it. */
  dsnDigest: string;
  detectedAt: string;
  resolution: {
    how: AnomalyResolution;
    at: string;
    /** Display name of who resolved it ('' for a later DSN). */
    by: string;
    byUserId: string | null;
    dispenseId: string | null;
  } | null;
  version: number;
}

/** Home page counters (one item per company, key `companyCounters`). */
export interface CompanyCountersItem {
  anomalies_open?: number;
  dispenses_pending?: number;
  dispenses_ending_soon?: number;
  lastDsnMonth?: string;
  [affiliationCounter: `affiliation_${string}`]: number | undefined;
}

/** Name of the open-anomalies counter on the counters item. */
export const OPEN_ANOMALIES_COUNTER = 'anomalies_open';

const table = () => config().TABLE_NAME;

/** Every item of one index partition (an import reads whole partitions: a company's state). */
async function wholePartition<T>(index: 'GSI1' | 'GSI2', partition: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await queryPage<T>({ index, partition, cursor, limit: 1000 });
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return items;
}

export const anomaliesRepository = () => ({
  get: (companyId: string, anomalyId: string) => getItem<AnomalyItem>(keys.anomaly(companyId, anomalyId)),

  counters: (companyId: string) => getItem<CompanyCountersItem>(keys.companyCounters(companyId)),

  dsnImport: (companyId: string, digest: string) =>
    getItem<{ month: string; importedAt: string }>(keys.dsnImport(companyId, digest)),

  dispense: (companyId: string, dispenseId: string) =>
    getItem<DispenseItem>(keys.dispense(companyId, dispenseId)),

  /**
   * The companies owning these SIRETs (GSI2 of the establishments). An index read is
   * eventually consistent, which is fine: establishments come from the back office's feed
   * long before a DSN names them.
   */
  async companyIdsBySiret(sirets: readonly string[]): Promise<Map<string, string>> {
    const found = await Promise.all(
      [...new Set(sirets)].map(async (siret) => {
        const { Items } = await documentClient().send(
          new QueryCommand({
            TableName: table(),
            IndexName: 'GSI2',
            KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK = :sk',
            ExpressionAttributeValues: {
              ':pk': keys.establishmentBySiret(siret).GSI2PK,
              ':sk': keys.establishmentBySiret(siret).GSI2SK,
            },
            Limit: 1,
          }),
        );
        const companyId = (Items?.[0] as { companyId?: string } | undefined)?.companyId;
        return companyId ? ([siret, companyId] as const) : null;
      }),
    );
    return new Map(found.filter((entry): entry is readonly [string, string] => entry !== null));
  },

  /** Every affiliation of the company, radiated ones included (GSI1, by name). */
  allInsured: (companyId: string) =>
    wholePartition<InsuredItem>('GSI1', keys.insuredByNamePartition(companyId)),

  /** Requests in these statuses (GSI2, one partition per status). */
  async requestsIn(
    companyId: string,
    statuses: readonly AffiliationStatus[],
  ): Promise<AffiliationRequestItem[]> {
    const lists = await Promise.all(
      statuses.map((status) =>
        wholePartition<AffiliationRequestItem>(
          'GSI2',
          keys.affiliationRequestByStatusPartition(companyId, status),
        ),
      ),
    );
    return lists.flat();
  },

  /** Dispenses in these states (GSI2, one partition per state). */
  async dispensesIn(companyId: string, states: readonly DispenseState[]): Promise<DispenseItem[]> {
    const lists = await Promise.all(
      states.map((state) =>
        wholePartition<DispenseItem>('GSI2', keys.dispenseByStatePartition(companyId, state)),
      ),
    );
    return lists.flat();
  },

  openAnomalies: (companyId: string) =>
    wholePartition<AnomalyItem>('GSI2', keys.anomalyByStatePartition(companyId, 'open')),

  /** Which of these anomaly guards exist (their digests). */
  async existingGuards(companyId: string, digests: readonly string[]): Promise<Set<string>> {
    const found = await batchGet<{ anomalyKeyDigest: string }>(
      digests.map((digest) => keys.anomalyGuard(companyId, digest)),
    );
    return new Set(found.map((item) => item.anomalyKeyDigest));
  },

  /**
   * Suivi des anomalies, newest first: the company's open or resolved ones (GSI2); the type
   * and SIRET filters sieve that partition.
   */
  async list(
    companyId: string,
    filters: { state: 'open' | 'resolved'; type?: AnomalyType; siret?: string },
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<AnomalyItem>> {
    return queryFilledPage<AnomalyItem>(
      {
        index: 'GSI2',
        partition: keys.anomalyByStatePartition(companyId, filters.state),
        filter: equalityFilter({ type: filters.type, siret: filters.siret }),
        descending: true,
      },
      cursor,
      limit,
    );
  },
});

export type AnomaliesRepository = ReturnType<typeof anomaliesRepository>;

// ---------------------------------------------------------------------------------------
// Transaction items

/** A new open anomaly and its guard (both only if absent: a concurrent import may have raised it). */
export function newAnomalyItems(item: AnomalyItem): TransactItem[] {
  return [
    put(
      {
        ...keys.anomaly(item.companyId, item.anomalyId),
        ...keys.anomalyByState(item.companyId, item.state, item.anomalyId),
        _type: 'Anomaly',
        _v: 1,
        ...item,
      },
      'attribute_not_exists(PK)',
    ),
    put(
      {
        ...keys.anomalyGuard(item.companyId, item.anomalyKeyDigest),
        _type: 'AnomalyGuard',
        _v: 1,
        companyId: item.companyId,
        anomalyId: item.anomalyId,
        anomalyKeyDigest: item.anomalyKeyDigest,
        createdAt: item.detectedAt,
      },
      'attribute_not_exists(PK)',
    ),
  ];
}

/**
 * Resolves an anomaly, only if it is still open at the version that was read: it moves to
 * the resolved partition (the history tab); `set` adds fields (e.g. the affiliation created).
 */
export function anomalyResolution(
  read: Pick<AnomalyItem, 'companyId' | 'anomalyId' | 'version'>,
  resolution: NonNullable<AnomalyItem['resolution']>,
  nowIso: string,
  set: Partial<Pick<AnomalyItem, 'employeeId' | 'contractNumber' | 'affiliationDate'>> = {},
): TransactItem {
  const resolved = keys.anomalyByState(read.companyId, 'resolved', read.anomalyId);
  const names: Record<string, string> = { '#state': 'state', '#version': 'version' };
  const values: Record<string, unknown> = {
    ':open': 'open',
    ':resolved': 'resolved',
    ':resolution': resolution,
    ':gpk': resolved.GSI2PK,
    ':now': nowIso,
    ':expected': read.version,
    ':next': read.version + 1,
  };
  const sets = [
    '#state = :resolved',
    'resolution = :resolution',
    'GSI2PK = :gpk',
    'updatedAt = :now',
    '#version = :next',
  ];
  Object.entries(set).forEach(([field, value], index) => {
    names[`#s${index}`] = field;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  });
  return update(
    keys.anomaly(read.companyId, read.anomalyId),
    `SET ${sets.join(', ')}`,
    values,
    '#state = :open AND #version = :expected',
    names,
  );
}

/** Moves the home page's open-anomalies counter, in the transaction that opens or closes them. */
export function shiftOpenAnomalies(companyId: string, delta: number): TransactItem {
  return update(
    keys.companyCounters(companyId),
    'ADD #open :delta SET #type = if_not_exists(#type, :type)',
    {
      ':delta': delta,
      ':type': 'CompanyCounters',
    },
    undefined,
    { '#open': OPEN_ANOMALIES_COUNTER, '#type': '_type' },
  );
}

/** The import guard of one DSN file (by content digest), written once its anomalies are stored. */
export function dsnImportPut(
  companyId: string,
  digest: string,
  record: {
    month: string;
    importedAt: string;
    fileKey: string;
    anomaliesRaised: number;
    anomaliesCorrected: number;
  },
): TransactItem {
  return put(
    { ...keys.dsnImport(companyId, digest), _type: 'DsnImport', _v: 1, companyId, digest, ...record },
    'attribute_not_exists(PK)',
  );
}

/** The month of the newest DSN imported (the home page says it), never moved backwards. */
export function lastDsnMonthUpdate(companyId: string, month: string): TransactItem {
  return update(
    keys.companyCounters(companyId),
    'SET lastDsnMonth = :month, #type = if_not_exists(#type, :type)',
    { ':month': month, ':type': 'CompanyCounters' },
    'attribute_not_exists(lastDsnMonth) OR lastDsnMonth < :month',
    { '#type': '_type' },
  );
}

/** The dispense is still validated when the anomaly is closed with it. */
export function dispenseStillValidated(companyId: string, dispenseId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.dispense(companyId, dispenseId),
      ConditionExpression: '#state = :validated',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':validated': 'validated' },
    },
  };
}
