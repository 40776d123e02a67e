import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_POLICY,
  canApply,
  checkManualReminder,
  isOpen,
  linkExpiresAt,
  nextDueAction,
  nextStatus,
  type AffiliationEvent,
  type AffiliationStatus,
} from '../../../functions/domain/affiliation-request';
import { DomainError } from '../../../functions/domain/errors';

const STATUSES: AffiliationStatus[] = ['sent', 'started', 'finalized', 'abandoned'];
const EVENTS: AffiliationEvent[] = ['saveDraft', 'finalize', 'remind', 'abandon', 'restart'];

/** The whole table: the status after each event, or the reason it is refused. */
const EXPECTED: Record<AffiliationStatus, Record<AffiliationEvent, AffiliationStatus | string>> = {
  sent: {
    saveDraft: 'started',
    finalize: 'finalized',
    remind: 'sent',
    abandon: 'abandoned',
    restart: 'AFFILIATION_NOT_ABANDONED',
  },
  started: {
    saveDraft: 'started',
    finalize: 'finalized',
    remind: 'started',
    abandon: 'abandoned',
    restart: 'AFFILIATION_NOT_ABANDONED',
  },
  finalized: {
    saveDraft: 'AFFILIATION_ALREADY_FINALIZED',
    finalize: 'AFFILIATION_ALREADY_FINALIZED',
    remind: 'AFFILIATION_ALREADY_FINALIZED',
    abandon: 'AFFILIATION_ALREADY_FINALIZED',
    restart: 'AFFILIATION_ALREADY_FINALIZED',
  },
  abandoned: {
    saveDraft: 'AFFILIATION_ABANDONED',
    finalize: 'AFFILIATION_ABANDONED',
    remind: 'AFFILIATION_ABANDONED',
    abandon: 'AFFILIATION_ABANDONED',
    restart: 'sent',
  },
};

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('affiliation request transitions', () => {
  const cases = STATUSES.flatMap((status) =>
    EVENTS.map((event) => [status, event, EXPECTED[status][event]] as const),
  );

  it.each(cases.filter(([, , outcome]) => STATUSES.includes(outcome as AffiliationStatus)))(
    '%s + %s → %s',
    (status, event, outcome) => {
      expect(canApply(status, event)).toBe(true);
      expect(nextStatus(status, event)).toBe(outcome);
    },
  );

  it.each(cases.filter(([, , outcome]) => !STATUSES.includes(outcome as AffiliationStatus)))(
    '%s + %s is refused (%s, 422)',
    (status, event, reason) => {
      expect(canApply(status, event)).toBe(false);
      const error = refusal(() => nextStatus(status, event));
      expect(error.code).toBe('UNPROCESSABLE');
      expect(error.reason).toBe(reason);
    },
  );

  it('counts only sent and started as open (they have a due date and hold the NIR)', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['sent', 'started']);
  });
});

describe('nextDueAction', () => {
  const start = '2026-03-02T09:30:00.000Z';

  it('reminds at J+7, then J+14, then abandons at J+30 (default policy)', () => {
    expect(
      nextDueAction({ journeyStartedAt: start, automaticRemindersSent: 0 }, DEFAULT_REMINDER_POLICY),
    ).toEqual({
      kind: 'remind',
      dueAt: '2026-03-09T09:30:00.000Z',
      reminderNumber: 1,
    });
    expect(
      nextDueAction({ journeyStartedAt: start, automaticRemindersSent: 1 }, DEFAULT_REMINDER_POLICY),
    ).toEqual({
      kind: 'remind',
      dueAt: '2026-03-16T09:30:00.000Z',
      reminderNumber: 2,
    });
    expect(
      nextDueAction({ journeyStartedAt: start, automaticRemindersSent: 2 }, DEFAULT_REMINDER_POLICY),
    ).toEqual({
      kind: 'abandon',
      dueAt: '2026-04-01T09:30:00.000Z',
    });
  });

  it('follows a configured policy, sorting the days and ignoring those at or after the deadline', () => {
    const policy = { reminderDays: [10, 3, 20, 25], abandonAfterDays: 20, manualReminderHours: 24 };
    const due = (sent: number) =>
      nextDueAction({ journeyStartedAt: start, automaticRemindersSent: sent }, policy);
    expect(due(0)).toMatchObject({ kind: 'remind', dueAt: '2026-03-05T09:30:00.000Z' });
    expect(due(1)).toMatchObject({ kind: 'remind', dueAt: '2026-03-12T09:30:00.000Z' });
    expect(due(2)).toEqual({ kind: 'abandon', dueAt: '2026-03-22T09:30:00.000Z' });
  });

  it('abandons directly when no reminder is configured', () => {
    const policy = { reminderDays: [], abandonAfterDays: 30, manualReminderHours: 24 };
    expect(nextDueAction({ journeyStartedAt: start, automaticRemindersSent: 0 }, policy).kind).toBe(
      'abandon',
    );
  });

  it('lets the link live until the abandonment deadline of its journey', () => {
    expect(linkExpiresAt(start, DEFAULT_REMINDER_POLICY)).toBe('2026-04-01T09:30:00.000Z');
  });
});

describe('checkManualReminder ("Relancer")', () => {
  const now = '2026-03-10T12:00:00.000Z';

  it('allows a first reminder of an open request', () => {
    expect(() => checkManualReminder('sent', null, now, DEFAULT_REMINDER_POLICY)).not.toThrow();
    expect(() => checkManualReminder('started', null, now, DEFAULT_REMINDER_POLICY)).not.toThrow();
  });

  it('refuses a second reminder within 24 hours, allows it from 24 hours on', () => {
    const error = refusal(() =>
      checkManualReminder('sent', '2026-03-09T12:00:00.001Z', now, DEFAULT_REMINDER_POLICY),
    );
    expect(error.reason).toBe('REMINDER_TOO_SOON');
    expect(() =>
      checkManualReminder('sent', '2026-03-09T12:00:00.000Z', now, DEFAULT_REMINDER_POLICY),
    ).not.toThrow();
  });

  it('refuses to remind a finalized or abandoned request, whatever the last reminder', () => {
    expect(refusal(() => checkManualReminder('finalized', null, now, DEFAULT_REMINDER_POLICY)).reason).toBe(
      'AFFILIATION_ALREADY_FINALIZED',
    );
    expect(refusal(() => checkManualReminder('abandoned', null, now, DEFAULT_REMINDER_POLICY)).reason).toBe(
      'AFFILIATION_ABANDONED',
    );
  });
});
