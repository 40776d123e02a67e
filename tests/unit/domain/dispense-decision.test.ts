import { describe, expect, it } from 'vitest';
import {
  endingHorizon,
  endingStep,
  planDecision,
  reopensRequest,
  type DecidableDispense,
  type EndingDispense,
} from '../../../functions/domain/dispense-decision';
import { DomainError } from '../../../functions/domain/errors';

const TODAY = '2026-03-10';

const pending = (overrides: Partial<DecidableDispense> = {}): DecidableDispense => ({
  state: 'pending',
  endDate: '2026-12-31',
  version: 1,
  ...overrides,
});

const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, reason: error.reason };
    throw error;
  }
  return null;
};

describe('the employer’s decision', () => {
  it('validates a dispense ending after the window: indexed by its end, not yet counted as ending soon', () => {
    expect(planDecision(pending(), { decision: 'validated', version: 1 }, TODAY)).toEqual({
      state: 'validated',
      countsAsEndingSoon: false,
      indexedByEnd: true,
    });
  });

  it.each([
    ['today', TODAY],
    ['in 30 days', '2026-04-09'],
  ])('counts at once a dispense ending %s (already in the 30-day window)', (_, endDate) => {
    expect(planDecision(pending({ endDate }), { decision: 'validated', version: 1 }, TODAY)).toMatchObject({
      countsAsEndingSoon: true,
      indexedByEnd: true,
    });
  });

  it('does not count a dispense ending in 31 days', () => {
    expect(
      planDecision(pending({ endDate: '2026-04-10' }), { decision: 'validated', version: 1 }, TODAY),
    ).toMatchObject({ countsAsEndingSoon: false });
  });

  it('validates a dispense without end date: never indexed by end, never ending soon', () => {
    expect(planDecision(pending({ endDate: null }), { decision: 'validated', version: 1 }, TODAY)).toEqual({
      state: 'validated',
      countsAsEndingSoon: false,
      indexedByEnd: false,
    });
  });

  it('refuses a dispense, even one whose end date has passed', () => {
    expect(
      planDecision(pending({ endDate: '2026-03-01' }), { decision: 'refused', version: 1 }, TODAY),
    ).toEqual({ state: 'refused', countsAsEndingSoon: false, indexedByEnd: false });
  });

  it('will not validate a dispense whose end date has passed', () => {
    expect(
      refusalOf(() =>
        planDecision(pending({ endDate: '2026-03-09' }), { decision: 'validated', version: 1 }, TODAY),
      ),
    ).toEqual({ code: 'UNPROCESSABLE', reason: 'DISPENSE_ENDED' });
  });

  it('refuses a stale version as a conflict', () => {
    expect(
      refusalOf(() => planDecision(pending({ version: 2 }), { decision: 'validated', version: 1 }, TODAY)),
    ).toEqual({ code: 'VERSION_CONFLICT', reason: undefined });
  });

  it.each(['validated', 'refused'] as const)(
    'says a %s dispense is already decided, whatever version the second click carries',
    (state) => {
      for (const version of [1, 2]) {
        expect(
          refusalOf(() =>
            planDecision(pending({ state, version: 2 }), { decision: 'validated', version }, TODAY),
          ),
        ).toEqual({ code: 'UNPROCESSABLE', reason: 'DISPENSE_ALREADY_DECIDED' });
      }
    },
  );
});

describe('the daily pass of the reminder job', () => {
  const validated = (overrides: Partial<EndingDispense> = {}): EndingDispense => ({
    state: 'validated',
    endDate: '2026-04-09',
    ...overrides,
  });

  it('looks up to 30 days ahead', () => {
    expect(endingHorizon(TODAY)).toBe('2026-04-09');
  });

  it('reminds once the end is 30 days away, and counts it unless the decision did', () => {
    expect(endingStep(validated(), TODAY)).toEqual({ kind: 'remind', count: true });
    expect(endingStep(validated({ endingSoonCounted: true }), TODAY)).toEqual({
      kind: 'remind',
      count: false,
    });
  });

  it('waits while the end is more than 30 days away', () => {
    expect(endingStep(validated({ endDate: '2026-04-10' }), TODAY)).toEqual({ kind: 'none' });
  });

  it('reminds only once', () => {
    expect(
      endingStep(validated({ remindedAt: '2026-03-09T06:00:00.000Z', endingSoonCounted: true }), TODAY),
    ).toEqual({ kind: 'none' });
  });

  it('keeps a dispense in force on its end date, and ends it the day after', () => {
    const counted = validated({ endDate: TODAY, remindedAt: 'x', endingSoonCounted: true });
    expect(endingStep(counted, TODAY)).toEqual({ kind: 'none' });
    expect(endingStep(counted, '2026-03-11')).toEqual({ kind: 'end', uncount: true });
  });

  it('ends without uncounting a dispense that was never counted (the job did not run in the window)', () => {
    expect(endingStep(validated({ endDate: '2026-03-01' }), TODAY)).toEqual({ kind: 'end', uncount: false });
  });

  it('leaves alone an ended dispense, one without end date, and one not validated', () => {
    expect(endingStep(validated({ endDate: '2026-03-01', endedAt: 'x' }), TODAY)).toEqual({ kind: 'none' });
    expect(endingStep(validated({ endDate: null }), TODAY)).toEqual({ kind: 'none' });
    expect(endingStep(validated({ state: 'refused' }), TODAY)).toEqual({ kind: 'none' });
    expect(endingStep(validated({ state: 'pending' }), TODAY)).toEqual({ kind: 'none' });
  });
});

describe('a refusal reopens the affiliation', () => {
  it('of the request finalized on this very dispense only', () => {
    const request = { status: 'finalized', outcome: 'dispense', dispenseId: 'D1' };
    expect(reopensRequest(request, 'D1')).toBe(true);
    expect(reopensRequest(request, 'D2')).toBe(false);
    expect(reopensRequest({ ...request, outcome: 'affiliation' }, 'D1')).toBe(false);
    expect(reopensRequest({ status: 'sent' }, 'D1')).toBe(false);
  });
});
