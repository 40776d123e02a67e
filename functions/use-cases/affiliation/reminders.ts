/**
 * Reminders and abandonment: the writes of a reminder (employer button or job) and the
 * scheduled job that walks the index of open requests by due date. Every write is
 * conditional on the version read, so two runs (or a run and a click) never both act.
 */
import { isOpen, nextDueAction, nextStatus, type DueAction } from '../../domain/affiliation-request';
import {
  affiliationRequestUpdate,
  openAffiliationNirDelete,
  shiftAffiliationCounters,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { emailTemplates } from '../messages/email-templates';
import {
  cancellationCodes,
  courrierQueued,
  dueAttributes,
  employeeName,
  journeyLinkDelete,
  journeyLinkItems,
} from './journey';
import type { AffiliationPorts } from './ports';

/** Where the employer follows the requests (the SPA's page). */
export const AFFILIATION_TRACKING_PATH = '/salaries/suivi-affiliations';

/**
 * A reminder now: the same link e-mailed again (e-mail mode) or the courrier put back in
 * the mail room's queue. `automaticRemindersSent` (the job's) moves the schedule on.
 */
export function reminderWrites(
  ports: AffiliationPorts,
  request: AffiliationRequestItem,
  companyName: string,
  automaticRemindersSent?: number,
): { updated: AffiliationRequestItem; writes: TransactItem[] } {
  nextStatus(request.status, 'remind');
  const nowIso = ports.clock.nowIso();
  const set: Record<string, unknown> = {
    lastReminderAt: nowIso,
    remindersSent: request.remindersSent + 1,
    updatedAt: nowIso,
    ...(automaticRemindersSent === undefined
      ? {}
      : {
          automaticRemindersSent,
          ...dueAttributes(
            request,
            nextDueAction(
              { journeyStartedAt: request.journeyStartedAt, automaticRemindersSent },
              ports.policy,
            ),
          ),
        }),
    ...(request.mode === 'courrier' ? courrierQueued(request, nowIso) : {}),
  };
  const updated = { ...request, ...set, version: request.version + 1 } as AffiliationRequestItem;
  return {
    updated,
    writes: [
      affiliationRequestUpdate(request, { set }),
      ...(request.mode === 'email'
        ? journeyLinkItems(ports, { ...request, companyName }, { reminder: true })
        : []),
    ],
  };
}

/** The request gave up: closed, NIR freed, link dead, counters moved, its creator told. */
async function abandonWrites(
  ports: AffiliationPorts,
  request: AffiliationRequestItem,
  companyName: string,
): Promise<TransactItem[]> {
  const status = nextStatus(request.status, 'abandon');
  const nowIso = ports.clock.nowIso();
  const creator = await ports.users.getUser(request.createdBy);
  return [
    affiliationRequestUpdate(request, {
      set: {
        status,
        abandonedAt: nowIso,
        updatedAt: nowIso,
        nextDueAt: undefined,
        ...keys.affiliationRequestByStatus(request.companyId, status, request.requestId),
      },
      remove: ['GSI1PK', 'GSI1SK', 'GSI3PK', 'GSI3SK'],
    }),
    openAffiliationNirDelete(request.companyId, request.nirDigest, request.requestId),
    ...journeyLinkDelete(ports.secrets, request),
    shiftAffiliationCounters(request.companyId, request.status, status)!,
    ...(creator?.email
      ? [
          outboxPut({
            messageId: ports.ids.next(),
            purpose: 'affiliation.abandoned',
            payload: {
              channel: 'email',
              to: [creator.email],
              ...emailTemplates.affiliationAbandoned({
                firstName: creator.firstName,
                employeeName: employeeName(request),
                establishmentName: request.establishmentName,
                companyName,
                days: ports.policy.abandonAfterDays,
                url: `${ports.publicUrl}${AFFILIATION_TRACKING_PATH}`,
              }),
            },
            nowIso,
          }),
        ]
      : []),
  ];
}

/**
 * The action due now. A job that ran late does not send a burst: overdue reminders that a
 * later overdue action supersedes are counted as done without being sent.
 */
export function dueNow(
  request: Pick<AffiliationRequestItem, 'journeyStartedAt' | 'automaticRemindersSent'>,
  nowIso: string,
  policy: AffiliationPorts['policy'],
): { action: DueAction; automaticRemindersSent: number } | { action: null; due: DueAction } {
  let sent = request.automaticRemindersSent;
  let action = nextDueAction(
    { journeyStartedAt: request.journeyStartedAt, automaticRemindersSent: sent },
    policy,
  );
  if (action.dueAt > nowIso) return { action: null, due: action };
  while (action.kind === 'remind') {
    const after = nextDueAction(
      { journeyStartedAt: request.journeyStartedAt, automaticRemindersSent: sent + 1 },
      policy,
    );
    if (after.dueAt > nowIso) break;
    sent += 1;
    action = after;
  }
  return { action, automaticRemindersSent: sent };
}

export type DueOutcome = 'reminded' | 'abandoned' | 'skipped';

async function applyDue(
  ports: AffiliationPorts,
  listed: Pick<AffiliationRequestItem, 'companyId' | 'requestId'>,
  companyName: (companyId: string) => Promise<string>,
): Promise<DueOutcome> {
  const nowIso = ports.clock.nowIso();
  // Two tries: a draft saved by the employee between our read and our write is no reason to wait an hour.
  for (let attempt = 0; attempt < 2; attempt++) {
    const request = await ports.requests.get(listed.companyId, listed.requestId);
    if (!request || !isOpen(request.status) || !request.nextDueAt || request.nextDueAt > nowIso)
      return 'skipped';
    const due = dueNow(request, nowIso, ports.policy);
    const name = await companyName(request.companyId);
    const writes: TransactItem[] =
      due.action === null
        ? // The schedule changed (configuration): only the index moves.
          [affiliationRequestUpdate(request, { set: dueAttributes(request, due.due) })]
        : due.action.kind === 'remind'
          ? reminderWrites(ports, request, name, due.automaticRemindersSent + 1).writes
          : await abandonWrites(ports, request, name);
    try {
      await transact(writes);
      return due.action === null ? 'skipped' : due.action.kind === 'remind' ? 'reminded' : 'abandoned';
    } catch (error) {
      if (cancellationCodes(error) === null) throw error;
    }
  }
  return 'skipped';
}

/** At most this many requests per run; the next run (hourly) goes on. */
const MAX_PER_RUN = 2000;

/**
 * The scheduled job: every open request whose reminder or abandonment is due, read through
 * the sparse due index (GSI1), page by page. `companyId` (local test stacks only) limits a
 * run to one company so tests sharing a stack never act on each other's requests.
 */
export const runAffiliationSchedule =
  (ports: AffiliationPorts) =>
  async (options: { companyId?: string } = {}): Promise<Record<DueOutcome, number>> => {
    const nowIso = ports.clock.nowIso();
    const outcome: Record<DueOutcome, number> = { reminded: 0, abandoned: 0, skipped: 0 };
    const names = new Map<string, Promise<string>>();
    const companyName = (companyId: string) => {
      if (!names.has(companyId)) {
        names.set(
          companyId,
          ports.users.getCompany(companyId).then((company) => company?.name ?? ''),
        );
      }
      return names.get(companyId)!;
    };
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await ports.requests.due(nowIso, cursor, 100, options.companyId);
      for (const listed of page.items) {
        outcome[await applyDue(ports, listed, companyName)] += 1;
      }
      seen += page.items.length;
      cursor = page.cursor ?? undefined;
    } while (cursor && seen < MAX_PER_RUN);
    return outcome;
  };
