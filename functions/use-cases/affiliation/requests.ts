/**
 * "Suivi des demandes d'affiliation": the list, the employer's "Relancer" button and
 * "Relancer un nouveau parcours" for an abandoned request.
 */
import { DomainError, conflict } from '../../domain/errors';
import { checkManualReminder, nextDueAction, nextStatus } from '../../domain/affiliation-request';
import { matchingContract } from '../../domain/pre-affiliation';
import type { AffiliationRequestSummary, ListAffiliationRequestsQuery } from '../../contracts/affiliation';
import {
  affiliationRequestUpdate,
  openAffiliationNirPut,
  shiftAffiliationCounters,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { auditPut, displayName } from '../users/audit';
import {
  cancellationCodes,
  courrierQueued,
  dueAttributes,
  employeeName,
  companyNameOf,
  journeyLinkDelete,
  journeyLinkItems,
  requestOf,
  toAffiliationSummary,
} from './journey';
import { reminderWrites } from './reminders';
import type { Actor, AffiliationPorts } from './ports';

export const listAffiliationRequests =
  (ports: AffiliationPorts) => async (companyId: string, query: ListAffiliationRequestsQuery) => {
    const page = await ports.requests.list(
      companyId,
      { status: query.status, mode: query.mode, siret: query.siret },
      query.cursor,
      query.limit,
    );
    return { items: page.items.map(toAffiliationSummary), cursor: page.cursor };
  };

/** An employer's button on one of the company's requests. */
interface RequestAction {
  companyId: string;
  requestId: string;
  actor: Actor;
}

/**
 * "Relancer": the link e-mailed again now (or the courrier queued again), at most once per
 * 24 hours (a double click is the same reminder, refused the second time).
 */
export const remindAffiliationRequest =
  (ports: AffiliationPorts) =>
  async (input: RequestAction): Promise<AffiliationRequestSummary> => {
    const request = await requestOf(ports, input.companyId, input.requestId);
    checkManualReminder(request.status, request.lastReminderAt ?? null, ports.clock.nowIso(), ports.policy);
    const { updated, writes } = reminderWrites(ports, request, await companyNameOf(ports, request));
    try {
      await transact([
        ...writes,
        auditPut(ports, {
          companyId: input.companyId,
          actorId: input.actor.userId,
          actorName: displayName(input.actor),
          action: 'affiliation.reminded',
          targetId: request.requestId,
          targetName: employeeName(request),
          changes: { mode: request.mode, remindersSent: updated.remindersSent },
        }),
      ]);
    } catch (error) {
      if (cancellationCodes(error) === null) throw error;
      // Changed meanwhile: most often the same reminder from a second click, which says so.
      const again = await requestOf(ports, input.companyId, input.requestId);
      checkManualReminder(again.status, again.lastReminderAt ?? null, ports.clock.nowIso(), ports.policy);
      throw new DomainError('VERSION_CONFLICT');
    }
    return toAffiliationSummary(updated);
  };

/**
 * "Relancer un nouveau parcours" (Abandonné only): journey + 1 with a new link (the old
 * one dies in the same transaction), draft and documents cleared, schedule from now, the
 * NIR guard taken back — unless another request took the NIR since.
 */
export const restartAffiliationRequest =
  (ports: AffiliationPorts) =>
  async (input: RequestAction): Promise<AffiliationRequestSummary> => {
    const request = await requestOf(ports, input.companyId, input.requestId);
    const status = nextStatus(request.status, 'restart');
    const [contracts, insured, companyName] = await Promise.all([
      ports.employees.contracts(input.companyId),
      ports.employees.insuredByNirDigest(input.companyId, request.nirDigest),
      companyNameOf(ports, request),
    ]);
    if (insured.some((item) => !item.endDate)) throw conflict('EMPLOYEE_ALREADY_AFFILIATED');
    if (!matchingContract(contracts, request.statut, request.employee.contractStartDate)) {
      throw new DomainError('UNPROCESSABLE', 'NO_MATCHING_CONTRACT');
    }
    const nowIso = ports.clock.nowIso();
    const journey = request.journey + 1;
    const set: Record<string, unknown> = {
      status,
      journey,
      journeyStartedAt: nowIso,
      automaticRemindersSent: 0,
      sentAt: nowIso,
      updatedAt: nowIso,
      abandonedAt: undefined,
      draft: undefined,
      documents: undefined,
      ...keys.affiliationRequestByStatus(request.companyId, status, request.requestId),
      ...dueAttributes(
        request,
        nextDueAction({ journeyStartedAt: nowIso, automaticRemindersSent: 0 }, ports.policy),
      ),
      ...(request.mode === 'email' ? { linkSeed: ports.secrets.token() } : courrierQueued(request, nowIso)),
    };
    const updated = { ...request, ...set, version: request.version + 1 } as AffiliationRequestItem;
    const writes: TransactItem[] = [
      affiliationRequestUpdate(request, { set }),
      openAffiliationNirPut(request.companyId, request.nirDigest, request.requestId),
      shiftAffiliationCounters(request.companyId, request.status, status)!,
      ...journeyLinkDelete(ports.secrets, request),
      ...(request.mode === 'email'
        ? journeyLinkItems(ports, { ...updated, companyName }, { reminder: false })
        : []),
      auditPut(ports, {
        companyId: input.companyId,
        actorId: input.actor.userId,
        actorName: displayName(input.actor),
        action: 'affiliation.restarted',
        targetId: request.requestId,
        targetName: employeeName(request),
        changes: { journey: { from: request.journey, to: journey }, mode: request.mode },
      }),
    ];
    try {
      await transact(writes);
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes === null) throw error;
      if (codes[0] !== 'ConditionalCheckFailed' && codes[1] === 'ConditionalCheckFailed') {
        throw conflict('AFFILIATION_ALREADY_REQUESTED');
      }
      // Changed meanwhile (most often restarted by a second click, which then says so).
      const again = await requestOf(ports, input.companyId, input.requestId);
      nextStatus(again.status, 'restart');
      throw new DomainError('VERSION_CONFLICT');
    }
    return toAffiliationSummary(updated);
  };
