/**
 * The life of a demande d'affiliation, as pure rules: which event may move a request from
 * which status, and when the next automatic reminder or the abandonment falls due.
 * No clock, no I/O: "now" comes in as an ISO timestamp.
 */
import { DomainError } from './errors';

export type AffiliationStatus = 'sent' | 'started' | 'finalized' | 'abandoned';

export type AffiliationEvent =
  /** The employee saves their BIA as a draft. */
  | 'saveDraft'
  /** The employee (online) or the back office (paper BIA) finalizes the BIA. */
  | 'finalize'
  /** Someone (employer button or the job) sends a reminder. */
  | 'remind'
  /** The deadline passed without a finalized BIA. */
  | 'abandon'
  /** The employer starts a new journey for an abandoned request (new link). */
  | 'restart';

const TRANSITIONS: Record<AffiliationEvent, Partial<Record<AffiliationStatus, AffiliationStatus>>> = {
  saveDraft: { sent: 'started', started: 'started' },
  finalize: { sent: 'finalized', started: 'finalized' },
  remind: { sent: 'sent', started: 'started' },
  abandon: { sent: 'abandoned', started: 'abandoned' },
  restart: { abandoned: 'sent' },
};

/** Why an event is refused in a status (the reason code the edge turns into French). */
const REFUSAL: Record<AffiliationStatus, string> = {
  sent: 'AFFILIATION_NOT_ABANDONED',
  started: 'AFFILIATION_NOT_ABANDONED',
  finalized: 'AFFILIATION_ALREADY_FINALIZED',
  abandoned: 'AFFILIATION_ABANDONED',
};

export function canApply(status: AffiliationStatus, event: AffiliationEvent): boolean {
  return TRANSITIONS[event][status] !== undefined;
}

/** The status after `event`, or a 422 DomainError naming why it is refused. */
export function nextStatus(status: AffiliationStatus, event: AffiliationEvent): AffiliationStatus {
  const next = TRANSITIONS[event][status];
  if (next === undefined) throw new DomainError('UNPROCESSABLE', REFUSAL[status]);
  return next;
}

export const isOpen = (status: AffiliationStatus): boolean => status === 'sent' || status === 'started';

export interface ReminderPolicy {
  /** Days after the journey's start at which automatic reminders go out (default 7 and 14). */
  readonly reminderDays: readonly number[];
  /** Days after the journey's start at which an unfinished request is abandoned (default 30). */
  readonly abandonAfterDays: number;
  /** Minimum hours between two reminders sent from the employer's button. */
  readonly manualReminderHours: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  reminderDays: [7, 14],
  abandonAfterDays: 30,
  manualReminderHours: 24,
};

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export interface JourneySchedule {
  /** When the journey (first sending or restart) began. */
  readonly journeyStartedAt: string;
  /** Automatic reminders already sent in this journey. */
  readonly automaticRemindersSent: number;
}

export type DueAction =
  { kind: 'remind'; dueAt: string; reminderNumber: number } | { kind: 'abandon'; dueAt: string };

/** The next scheduled action of an open request: the next reminder not yet sent, else abandonment. */
export function nextDueAction(schedule: JourneySchedule, policy: ReminderPolicy): DueAction {
  const days = [...policy.reminderDays].filter((day) => day < policy.abandonAfterDays).sort((a, b) => a - b);
  const nextReminderDay = days[schedule.automaticRemindersSent];
  if (nextReminderDay !== undefined) {
    return {
      kind: 'remind',
      dueAt: addDays(schedule.journeyStartedAt, nextReminderDay),
      reminderNumber: schedule.automaticRemindersSent + 1,
    };
  }
  return { kind: 'abandon', dueAt: addDays(schedule.journeyStartedAt, policy.abandonAfterDays) };
}

/** The link lives until the abandonment deadline of its journey. */
export const linkExpiresAt = (journeyStartedAt: string, policy: ReminderPolicy): string =>
  addDays(journeyStartedAt, policy.abandonAfterDays);

/** The employer's "Relancer" button: open requests only, and not twice within the policy's hours. */
export function checkManualReminder(
  status: AffiliationStatus,
  lastReminderAt: string | null,
  now: string,
  policy: ReminderPolicy,
): void {
  nextStatus(status, 'remind');
  if (
    lastReminderAt &&
    Date.parse(now) - Date.parse(lastReminderAt) < policy.manualReminderHours * 3600_000
  ) {
    throw new DomainError('UNPROCESSABLE', 'REMINDER_TOO_SOON');
  }
}
