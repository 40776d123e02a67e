import type { AffiliationRequestSummary } from '../../../../../functions/contracts/affiliation';

/**
 * "Relancer" sends the link (or the letter) again now. The API allows one reminder per 24 h
 * (functions/domain/affiliation-request.ts stays the judge); the button says so beforehand.
 */
export const MANUAL_REMINDER_HOURS = 24;

export type ReminderAvailability =
  | { kind: 'available' }
  /** Finalized or abandoned: nothing to remind. */
  | { kind: 'closed' }
  | { kind: 'too-soon'; availableAt: string };

export function reminderAvailability(
  request: Pick<AffiliationRequestSummary, 'status' | 'lastReminderAt'>,
  now: Date,
): ReminderAvailability {
  if (request.status !== 'sent' && request.status !== 'started') return { kind: 'closed' };
  if (!request.lastReminderAt) return { kind: 'available' };
  const last = Date.parse(request.lastReminderAt);
  if (Number.isNaN(last)) return { kind: 'available' };
  const availableAt = last + MANUAL_REMINDER_HOURS * 3_600_000;
  return now.getTime() < availableAt
    ? { kind: 'too-soon', availableAt: new Date(availableAt).toISOString() }
    : { kind: 'available' };
}
