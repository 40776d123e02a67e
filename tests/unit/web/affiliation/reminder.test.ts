import { describe, expect, it } from 'vitest';
import { reminderAvailability } from '../../../../web/src/features/affiliation/lib/reminder';

const now = new Date('2026-05-12T10:00:00Z');

describe('"Relancer", at most once per 24 hours', () => {
  it('is available on an open request never reminded', () => {
    expect(reminderAvailability({ status: 'sent', lastReminderAt: null }, now)).toEqual({
      kind: 'available',
    });
    expect(reminderAvailability({ status: 'started', lastReminderAt: null }, now)).toEqual({
      kind: 'available',
    });
  });

  it('says when it will be possible again within 24 h of the last reminder', () => {
    expect(reminderAvailability({ status: 'sent', lastReminderAt: '2026-05-11T10:00:01Z' }, now)).toEqual({
      kind: 'too-soon',
      availableAt: '2026-05-12T10:00:01.000Z',
    });
  });

  it('is available again once 24 h have passed', () => {
    expect(reminderAvailability({ status: 'started', lastReminderAt: '2026-05-11T10:00:00Z' }, now)).toEqual({
      kind: 'available',
    });
  });

  it('does not apply to finalized or abandoned requests', () => {
    expect(reminderAvailability({ status: 'finalized', lastReminderAt: null }, now)).toEqual({
      kind: 'closed',
    });
    expect(reminderAvailability({ status: 'abandoned', lastReminderAt: null }, now)).toEqual({
      kind: 'closed',
    });
  });
});
