/**
 * The daily job around the end of validated dispenses: 30 days before, the company's
 * administrators are reminded (the employee must then be affiliated, unless a new dispense
 * is justified) and the dispense counts among those "ending within 30 days"; once its end date
 * has passed, it leaves that count and the job's index. Every write is conditional on the
 * version read: two runs (or a run and a decision) never both act.
 */
import { endingHorizon, endingStep, type EndingStep } from '../../domain/dispense-decision';
import { DISPENSE_REASON_RULES } from '../../domain/dispenses';
import type { Membership, User } from '../../domain/users';
import {
  dispenseUpdate,
  counterMoves,
  dispenseCounterDeltas,
  type DispenseItem,
} from '../../adapters/dynamodb/dispenses-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { emailTemplates } from '../messages/email-templates';
import { cancellationCodes } from '../affiliation/journey';
import type { DispensePorts } from './ports';

/** Where the reminder leads (the SPA's page, on the dispenses ending within 30 days). */
export const ENDING_DISPENSES_PATH = '/salaries/dispenses?echeance=30';

/** One e-mail per administrator, within a transaction's 100 items. */
const MAX_RECIPIENTS = 25;

type Recipient = Pick<User, 'email' | 'firstName'>;

/** The administrators of a company who can act on it (active account and membership). */
async function administrators(ports: DispensePorts, companyId: string): Promise<Recipient[]> {
  const members: Membership[] = await ports.users.companyMembers(companyId);
  const admins = members.filter((member) => member.role === 'admin' && member.status === 'active');
  if (admins.length === 0) return [];
  const users = await ports.users.getMany<User>(admins.map((member) => keys.user(member.userId)));
  return users
    .filter((user) => user.status === 'active' && user.email)
    .slice(0, MAX_RECIPIENTS)
    .map(({ email, firstName }) => ({ email, firstName }));
}

function stepWrites(
  ports: DispensePorts,
  dispense: DispenseItem,
  step: Exclude<EndingStep, { kind: 'none' }>,
  recipients: Recipient[],
): TransactItem[] {
  const nowIso = ports.clock.nowIso();
  if (step.kind === 'end') {
    return [
      dispenseUpdate(dispense, {
        endedAt: nowIso,
        endingSoonCounted: false,
        GSI3PK: undefined,
        GSI3SK: undefined,
      }),
      ...(step.uncount ? [counterMoves(dispense.companyId, dispenseCounterDeltas({ endingSoon: -1 }))!] : []),
    ];
  }
  return [
    dispenseUpdate(dispense, { remindedAt: nowIso, endingSoonCounted: true }),
    ...(step.count ? [counterMoves(dispense.companyId, dispenseCounterDeltas({ endingSoon: 1 }))!] : []),
    ...recipients.map((recipient) =>
      outboxPut({
        messageId: ports.ids.next(),
        purpose: 'dispense.ending-soon',
        payload: {
          channel: 'email',
          to: [recipient.email],
          ...emailTemplates.dispenseEndingSoon({
            firstName: recipient.firstName,
            employeeName: `${dispense.firstName} ${dispense.lastName}`,
            establishmentName: dispense.establishmentName,
            reasonLabel: DISPENSE_REASON_RULES[dispense.reason].label,
            endDate: dispense.endDate!,
            url: `${ports.publicUrl}${ENDING_DISPENSES_PATH}`,
          }),
        },
        nowIso,
      }),
    ),
  ];
}

export type EndingOutcome = 'reminded' | 'ended' | 'skipped';

async function applyStep(
  ports: DispensePorts,
  listed: Pick<DispenseItem, 'companyId' | 'dispenseId'>,
  today: string,
  recipientsOf: (companyId: string) => Promise<Recipient[]>,
): Promise<EndingOutcome> {
  // Two tries: a decision or another run between our read and our write is no reason to wait a day.
  for (let attempt = 0; attempt < 2; attempt++) {
    const dispense = await ports.dispenses.get(listed.companyId, listed.dispenseId);
    if (!dispense) return 'skipped';
    const step = endingStep(dispense, today);
    if (step.kind === 'none') return 'skipped';
    const recipients = step.kind === 'remind' ? await recipientsOf(dispense.companyId) : [];
    try {
      await transact(stepWrites(ports, dispense, step, recipients));
      return step.kind === 'remind' ? 'reminded' : 'ended';
    } catch (error) {
      if (cancellationCodes(error) === null) throw error;
    }
  }
  return 'skipped';
}

/** At most this many dispenses per run; the next run (daily) goes on. */
const MAX_PER_RUN = 2000;

/**
 * The scheduled job: every validated dispense ending on or before today + 30 days, read
 * through the sparse index by end date (GSI3), page by page. `companyId` (local test stacks
 * only) keeps a run to one company so tests sharing a stack never act on each other's data.
 */
export const remindEndingDispenses =
  (ports: DispensePorts) =>
  async (options: { companyId?: string } = {}): Promise<Record<EndingOutcome, number>> => {
    const today = ports.clock.nowIso().slice(0, 10);
    const outcome: Record<EndingOutcome, number> = { reminded: 0, ended: 0, skipped: 0 };
    const recipients = new Map<string, Promise<Recipient[]>>();
    const recipientsOf = (companyId: string) => {
      if (!recipients.has(companyId)) recipients.set(companyId, administrators(ports, companyId));
      return recipients.get(companyId)!;
    };
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await ports.dispenses.endingBy(endingHorizon(today), cursor, 100, options.companyId);
      for (const listed of page.items) {
        outcome[await applyStep(ports, listed, today, recipientsOf)] += 1;
      }
      seen += page.items.length;
      cursor = page.cursor ?? undefined;
    } while (cursor && seen < MAX_PER_RUN);
    return outcome;
  };
