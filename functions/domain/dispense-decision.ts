/**
 * The life of a dispense d'adhésion once the employee asked for it: the employer's decision,
 * then the reminder job's daily pass around its end date. The reasons and what a request
 * must hold are in dispenses.ts. Pure: "today" comes in as an ISO date.
 */
import { DomainError, unprocessable } from './errors';
import { addDays } from './radiation';
import { DISPENSE_REMINDER_DAYS, isEndingWithin, type DispenseState } from './dispenses';

export interface DecidableDispense {
  state: DispenseState;
  endDate: string | null;
  version: number;
}

export interface DecisionPlan {
  state: 'validated' | 'refused';
  /** Ends within the reminder window already: counted at once among the dispenses ending soon. */
  countsAsEndingSoon: boolean;
  /** Validated with an end date: indexed by that date (reminder job, "arrivant à échéance" list). */
  indexedByEnd: boolean;
}

/**
 * Validate or refuse a pending dispense, as the user saw it (`version`). A dispense is decided
 * once (a second click is told so, whatever version it carries); one whose end date has
 * passed can no longer be validated: there is nothing left to exempt.
 */
export function planDecision(
  dispense: DecidableDispense,
  input: { decision: 'validated' | 'refused'; version: number },
  today: string,
): DecisionPlan {
  if (dispense.state !== 'pending') throw unprocessable('DISPENSE_ALREADY_DECIDED');
  if (dispense.version !== input.version) throw new DomainError('VERSION_CONFLICT');
  if (input.decision === 'refused')
    return { state: 'refused', countsAsEndingSoon: false, indexedByEnd: false };
  if (dispense.endDate !== null && dispense.endDate < today) throw unprocessable('DISPENSE_ENDED');
  return {
    state: 'validated',
    countsAsEndingSoon: isEndingWithin({ state: 'validated', endDate: dispense.endDate }, today),
    indexedByEnd: dispense.endDate !== null,
  };
}

export interface EndingDispense {
  state: DispenseState;
  endDate: string | null;
  /** When the employer was reminded that it ends soon. */
  remindedAt?: string | null;
  /** Counted among the dispenses ending within the window (home page counter). */
  endingSoonCounted?: boolean;
  /** When the job saw it ended. */
  endedAt?: string | null;
}

export type EndingStep =
  /** Entering the window: remind the employer, and count it unless the decision already did. */
  | { kind: 'remind'; count: boolean }
  /** Its end date has passed: out of the count (if it was in) and out of the job's index. */
  | { kind: 'end'; uncount: boolean }
  | { kind: 'none' };

/**
 * What the daily job does with a validated dispense on `today`. A dispense covers its end date
 * itself (isDispenseInForce), so it has ended the day after. One that ends before the job
 * could remind anyone simply ends.
 */
export function endingStep(
  dispense: EndingDispense,
  today: string,
  days = DISPENSE_REMINDER_DAYS,
): EndingStep {
  if (dispense.state !== 'validated' || dispense.endDate === null || dispense.endedAt)
    return { kind: 'none' };
  if (dispense.endDate < today) return { kind: 'end', uncount: dispense.endingSoonCounted === true };
  if (dispense.endDate <= addDays(today, days) && !dispense.remindedAt) {
    return { kind: 'remind', count: dispense.endingSoonCounted !== true };
  }
  return { kind: 'none' };
}

/** The last end date the job must look at on `today`: everything ending within the window. */
export const endingHorizon = (today: string, days = DISPENSE_REMINDER_DAYS): string => addDays(today, days);

/**
 * A refused dispense makes the affiliation due again: the request that was finalized on this
 * dispense reopens for a new journey (and only that one: a request restarted since is left alone).
 */
export const reopensRequest = (
  request: { status: string; outcome?: string; dispenseId?: string },
  dispenseId: string,
): boolean =>
  request.status === 'finalized' && request.outcome === 'dispense' && request.dispenseId === dispenseId;
