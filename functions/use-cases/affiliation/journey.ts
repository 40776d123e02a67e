/**
 * What every step of a request's journey shares: the personal link (token, link item,
 * e-mail), the courrier queue attributes, the summary shown to the employer.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { notFound } from '../../domain/errors';
import { maskNir } from '../../domain/nir';
import { linkExpiresAt, type DueAction, type ReminderPolicy } from '../../domain/affiliation-request';
import type { AffiliationRequestSummary } from '../../contracts/affiliation';
import type { AffiliationRequestItem } from '../../adapters/dynamodb/affiliation-requests-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { del, put } from '../../adapters/dynamodb/users-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import type { TransactItem } from '../../adapters/dynamodb/transact';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Secrets } from '../../ports/secrets';
import { emailTemplates } from '../messages/email-templates';
import type { AffiliationPorts } from './ports';

type LinkedRequest = Pick<AffiliationRequestItem, 'companyId' | 'requestId' | 'journey' | 'linkSeed'>;

/**
 * The journey's token: an HMAC (server pepper) of the journey's random seed, 32 bytes in
 * base64url — the form of every link token. The table keeps the seed and the token's
 * digest, never the token; the server can re-send the same link in a reminder.
 */
export function biaLinkToken(secrets: Pick<Secrets, 'digest'>, request: LinkedRequest): string {
  if (!request.linkSeed) throw new Error(`Request ${request.requestId} has no personal link`);
  const material = `${request.companyId}#${request.requestId}#${request.journey}#${request.linkSeed}`;
  return Buffer.from(secrets.digest('bia-link-token', material), 'hex').toString('base64url');
}

/** The key of the journey's link item (what the `employeeLink` access check reads). */
export const biaLinkKey = (secrets: Pick<Secrets, 'digest'>, request: LinkedRequest) =>
  keys.linkToken(secrets.digest('link', biaLinkToken(secrets, request)));

/** The page of the BIA; the token rides in the fragment, which browsers never send to a server. */
export const biaLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/bia#${token}`;

/**
 * The personal link of the request's current journey: its link item (put again as is by a
 * reminder) and the e-mail that carries it, to include in the transaction of the change
 * that sends it. E-mail mode only.
 */
export function journeyLinkItems(
  ports: { secrets: Secrets; ids: Ids; clock: Clock; policy: ReminderPolicy; publicUrl: string },
  request: LinkedRequest &
    Pick<AffiliationRequestItem, 'journeyStartedAt' | 'employee' | 'mode'> & { companyName: string },
  options: { reminder: boolean },
): TransactItem[] {
  const email = request.employee.email;
  if (request.mode !== 'email' || !email)
    throw new Error(`Request ${request.requestId} is not in e-mail mode`);
  const token = biaLinkToken(ports.secrets, request);
  const expiresAt = linkExpiresAt(request.journeyStartedAt, ports.policy);
  return [
    put({
      ...keys.linkToken(ports.secrets.digest('link', token)),
      _type: 'LinkToken',
      _v: 1,
      purpose: 'bia',
      companyId: request.companyId,
      requestId: request.requestId,
      journey: request.journey,
      expiresAt: Math.floor(Date.parse(expiresAt) / 1000),
    }),
    outboxPut({
      messageId: ports.ids.next(),
      purpose: options.reminder ? 'affiliation.bia-reminder' : 'affiliation.bia-invitation',
      payload: {
        channel: 'email',
        to: [email],
        ...emailTemplates.biaInvitation({
          firstName: request.employee.firstName,
          companyName: request.companyName,
          contractStartDate: request.employee.contractStartDate,
          url: biaLinkUrl(ports.publicUrl, token),
          validUntil: expiresAt,
          reminder: options.reminder,
        }),
      },
      nowIso: ports.clock.nowIso(),
    }),
  ];
}

/** Kills the journey's link (abandonment, restart); harmless when it is already gone. */
export function journeyLinkDelete(secrets: Secrets, request: LinkedRequest): TransactItem[] {
  return request.linkSeed ? [del(biaLinkKey(secrets, request))] : [];
}

/** Sets the request in the mail room's queue (GSI3) as of `nowIso`, or again after a reminder. */
export function courrierQueued(
  request: Pick<AffiliationRequestItem, 'companyId' | 'requestId'>,
  nowIso: string,
) {
  const queue = keys.courrierQueue(nowIso, request.companyId, request.requestId);
  return { courrierQueuedAt: nowIso, courrierPostedAt: undefined, ...queue };
}

/** The due index attributes of an open request (GSI1), and what falls due then. */
export const dueAttributes = (
  request: Pick<AffiliationRequestItem, 'companyId' | 'requestId'>,
  due: Pick<DueAction, 'kind' | 'dueAt'>,
) => ({
  nextDueAt: due.dueAt,
  nextDueKind: due.kind,
  ...keys.affiliationDue(due.dueAt, request.companyId, request.requestId),
});

export function toAffiliationSummary(item: AffiliationRequestItem): AffiliationRequestSummary {
  return {
    requestId: item.requestId,
    siret: item.siret,
    establishmentName: item.establishmentName,
    statut: item.statut,
    civilite: item.employee.civilite,
    lastName: item.employee.lastName,
    firstName: item.employee.firstName,
    maskedNir: maskNir(item.employee.nir),
    mode: item.mode,
    status: item.status,
    createdAt: item.createdAt,
    sentAt: item.sentAt,
    updatedAt: item.updatedAt,
    lastReminderAt: item.lastReminderAt ?? null,
    remindersSent: item.remindersSent,
    nextDueAt: item.nextDueAt ?? null,
    nextDueKind: item.nextDueAt ? (item.nextDueKind ?? 'remind') : null,
    abandonedAt: item.abandonedAt ?? null,
    finalizedAt: item.finalizedAt ?? null,
    employeeId: item.insuredId ?? null,
    outcome: item.outcome ?? (item.status === 'finalized' ? 'affiliation' : null),
    contractStartDate: item.employee.contractStartDate,
    journey: item.journey,
  };
}

/** A request of this company, or 404 (another company's request is simply not found). */
export async function requestOf(
  ports: Pick<AffiliationPorts, 'requests'>,
  companyId: string,
  requestId: string,
): Promise<AffiliationRequestItem> {
  const item = await ports.requests.get(companyId, requestId);
  if (!item) throw notFound('AFFILIATION_REQUEST_NOT_FOUND');
  return item;
}

/** Why each item of a cancelled transaction failed ('ConditionalCheckFailed', 'TransactionConflict'…). */
export function cancellationCodes(error: unknown): (string | undefined)[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code);
}

/** Two writers raced on one item: the loser may simply try again. */
export const isTransactionConflict = (codes: (string | undefined)[] | null): boolean =>
  codes !== null && codes.includes('TransactionConflict');

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The employee's name as the employer reads it in lists and e-mails. */
export const employeeName = (item: Pick<AffiliationRequestItem, 'employee'>) =>
  `${item.employee.firstName} ${item.employee.lastName}`;

/** The company's name as shown to the employee: stored on the request; read for older items. */
export const companyNameOf = async (
  ports: { users: { getCompany(companyId: string): Promise<{ name: string } | undefined> } },
  request: Pick<AffiliationRequestItem, 'companyId' | 'companyName'>,
): Promise<string> => request.companyName ?? (await ports.users.getCompany(request.companyId))?.name ?? '';
