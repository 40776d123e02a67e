import type { DispenseReason, DispenseState } from '../../domain/dispenses';
import type { AffiliationStatus } from '../../domain/affiliation-request';
import { affiliationCounter } from './affiliation-requests-repository';
import { keys } from './table-keys';
import { put, update } from './users-repository';
import { getItem, type TransactItem } from './transact';
import { oneCompanyFilter, queryPage, type Page } from './query-page';
import { versionedUpdate } from './update-expression';

/** A dispense d'adhésion (key `dispense`): asked for in the BIA, decided by the employer. */
export interface DispenseItem {
  companyId: string;
  dispenseId: string;
  /** The demande d'affiliation whose BIA asked for it. */
  requestId: string | null;
  siret: string;
  establishmentName: string;
  firstName: string;
  lastName: string;
  /** In clear (the DSN's anomaly detection compares NIRs); only ever listed masked. */
  nir: string;
  nirDigest: string;
  /** The employee's address, to tell them the decision (never the NIR in an e-mail). */
  email?: string;
  reason: DispenseReason;
  endDate: string | null;
  /** The checked files of the BIA, with their place in the uploads bucket. */
  proofs: { uploadId: string; fileName: string; size: number; key: string }[];
  /** When the employee certified the request on their honour (finalization). */
  swornAt: string;
  state: DispenseState;
  requestedAt: string;
  decidedAt?: string;
  decidedBy?: { userId: string; name: string };
  decisionComment?: string;
  /** Counted in the home page's "dispenses ending within 30 days" (by the decision or the job). */
  endingSoonCounted?: boolean;
  /** When the job reminded the employer that it ends soon. */
  remindedAt?: string;
  /** When the job saw its end date pass (then out of the count and of the job's index). */
  endedAt?: string;
  /** Optimistic lock: +1 on every change. */
  version: number;
}

/** The home page counters this feature keeps (attributes of the company's counters item). */
export const DISPENSE_COUNTERS = {
  pending: 'dispenses_pending',
  endingSoon: 'dispenses_ending_soon',
} as const;

/** A request's move between status counters (as shiftAffiliationCounters does), to merge into `counterMoves`. */
export const affiliationStatusDeltas = (
  from: AffiliationStatus,
  to: AffiliationStatus,
): Record<string, number> =>
  from === to ? {} : { [affiliationCounter(from)]: -1, [affiliationCounter(to)]: 1 };

/** The deltas of the dispense counters, to merge with others into one `counterMoves`. */
export const dispenseCounterDeltas = (change: {
  pending?: number;
  endingSoon?: number;
}): Record<string, number> => ({
  [DISPENSE_COUNTERS.pending]: change.pending ?? 0,
  [DISPENSE_COUNTERS.endingSoon]: change.endingSoon ?? 0,
});

/**
 * Moves counters of the company's counters item by their deltas, in the transaction of the
 * change they count (never counted by reading lists). One Update for all of them: a
 * transaction may touch an item once. Null when nothing moves.
 */
export function counterMoves(companyId: string, ...deltas: Record<string, number>[]): TransactItem | null {
  const totals = new Map<string, number>();
  for (const delta of deltas) {
    for (const [name, value] of Object.entries(delta)) totals.set(name, (totals.get(name) ?? 0) + value);
  }
  const moves = [...totals].filter(([, value]) => value !== 0);
  if (moves.length === 0) return null;
  return update(
    keys.companyCounters(companyId),
    `ADD ${moves.map((_, index) => `#c${index} :c${index}`).join(', ')}`,
    Object.fromEntries(moves.map(([, value], index) => [`:c${index}`, value])),
    undefined,
    Object.fromEntries(moves.map(([name], index) => [`#c${index}`, name])),
  );
}

/** The index attributes a dispense carries in its state (GSI2), and by end date once validated (GSI3, GSI4). */
export function dispenseIndexes(item: Pick<DispenseItem, 'companyId' | 'dispenseId' | 'state' | 'endDate'>) {
  const byState = keys.dispenseByState(item.companyId, item.state, item.dispenseId);
  if (item.state !== 'validated' || item.endDate === null) {
    return { ...byState, GSI3PK: undefined, GSI3SK: undefined, GSI4PK: undefined, GSI4SK: undefined };
  }
  return {
    ...byState,
    ...keys.dispenseEnding(item.endDate, item.companyId, item.dispenseId),
    ...keys.companyDispenseEnding(item.companyId, item.endDate, item.dispenseId),
  };
}

/** A new (pending) dispense and the lookup of the person's dispenses by NIR digest. */
export function dispensePutItems(item: DispenseItem): TransactItem[] {
  return [
    put(
      {
        ...keys.dispense(item.companyId, item.dispenseId),
        ...keys.dispenseByState(item.companyId, item.state, item.dispenseId),
        _type: 'Dispense',
        _v: 1,
        ...item,
      },
      'attribute_not_exists(PK)',
    ),
    put(
      {
        ...keys.dispenseByNir(item.companyId, item.nirDigest, item.dispenseId),
        _type: 'DispenseNir',
        _v: 1,
        companyId: item.companyId,
        dispenseId: item.dispenseId,
      },
      'attribute_not_exists(PK)',
    ),
  ];
}

/**
 * A change of one dispense, applied only if nobody changed it since it was read (`version`):
 * `set` fields, undefined values removed (index attributes included).
 */
export function dispenseUpdate(
  read: Pick<DispenseItem, 'companyId' | 'dispenseId' | 'version'>,
  set: Record<string, unknown>,
): TransactItem {
  return versionedUpdate(keys.dispense(read.companyId, read.dispenseId), read.version, { set });
}

export const dispensesRepository = () => ({
  get: (companyId: string, dispenseId: string) => getItem<DispenseItem>(keys.dispense(companyId, dispenseId)),

  /** A company's dispenses, newest first: of one state (GSI2), or all of them (the table). */
  list(
    companyId: string,
    state: DispenseState | undefined,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<DispenseItem>> {
    const all = keys.dispense(companyId, '');
    return queryPage<DispenseItem>(
      state
        ? {
            index: 'GSI2',
            partition: keys.dispenseByStatePartition(companyId, state),
            descending: true,
            cursor,
            limit,
          }
        : { partition: { PK: all.PK }, sortKeyPrefix: all.SK, descending: true, cursor, limit },
    );
  },

  /** A company's validated dispenses ending between two dates (both included), soonest first (GSI4). */
  endingBetween(
    companyId: string,
    from: string,
    to: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<Page<DispenseItem>> {
    return queryPage<DispenseItem>({
      index: 'GSI4',
      partition: keys.companyDispenseEndingPartition(companyId),
      // Sort keys are "<endDate>#<dispenseId>": "<to>~" is above every key of that day.
      sortKeyFrom: from,
      sortKeyBelow: `${to}~`,
      cursor,
      limit,
    });
  },

  /**
   * Every validated dispense not yet seen ended, ending on or before `horizon`, oldest end
   * first (the job's sparse GSI3). `companyId` (local test stacks) keeps a run to one company.
   */
  endingBy(horizon: string, cursor: string | undefined, limit: number, companyId?: string) {
    return queryPage<DispenseItem>({
      index: 'GSI3',
      partition: keys.dispenseEndingPartition(),
      sortKeyBelow: `${horizon}~`,
      cursor,
      limit,
      filter: oneCompanyFilter(companyId),
    });
  },
});

export type DispensesRepository = ReturnType<typeof dispensesRepository>;
