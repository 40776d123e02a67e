/**
 * Mes salariés › Dispenses d'adhésion: the employees' requests (asked for in their BIA), the
 * list with its views, and the employer's decision.
 *
 * A refused dispense reopens the affiliation: the employee must be covered, so the request
 * that was finalized on the dispense starts a new journey at once (as "Relancer un nouveau
 * parcours" does: new personal link e-mailed, or courrier queued; reminders from now), and
 * the refusal e-mail says why. The employer has nothing more to do than for any pré-affiliation.
 */
import { DomainError, notFound } from '../../domain/errors';
import { maskNir } from '../../domain/nir';
import { safeFileName } from '../../domain/uploads';
import { nextDueAction } from '../../domain/affiliation-request';
import { DISPENSE_REASON_RULES, type DispenseState } from '../../domain/dispenses';
import { endingHorizon, planDecision, reopensRequest } from '../../domain/dispense-decision';
import type { BiaDraft } from '../../contracts/affiliation';
import type { DispenseSummary } from '../../contracts/anomalies';
import {
  affiliationRequestUpdate,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import {
  affiliationStatusDeltas,
  counterMoves,
  dispenseCounterDeltas,
  dispenseIndexes,
  dispenseUpdate,
  type DispenseItem,
} from '../../adapters/dynamodb/dispenses-repository';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import { keys } from '../../adapters/dynamodb/table-keys';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { downloadUrl } from '../../adapters/s3/files';
import { emailTemplates } from '../messages/email-templates';
import { auditPut, displayName } from '../users/audit';
import type { Actor } from '../affiliation/ports';
import {
  cancellationCodes,
  courrierQueued,
  dueAttributes,
  journeyLinkDelete,
  journeyLinkItems,
} from '../affiliation/journey';
import type { DispensePorts } from './ports';

const todayOf = (ports: Pick<DispensePorts, 'clock'>) => ports.clock.nowIso().slice(0, 10);

/** A dispense as the employer's list shows it: NIR masked, proofs with short-lived download links. */
export async function toDispenseSummary(ports: DispensePorts, item: DispenseItem): Promise<DispenseSummary> {
  const nowMs = ports.clock.nowMs();
  return {
    dispenseId: item.dispenseId,
    requestId: item.requestId,
    siret: item.siret,
    establishmentName: item.establishmentName,
    firstName: item.firstName,
    lastName: item.lastName,
    maskedNir: maskNir(item.nir),
    reason: item.reason,
    reasonLabel: DISPENSE_REASON_RULES[item.reason].label,
    endDate: item.endDate,
    state: item.state,
    requestedAt: item.requestedAt,
    decidedAt: item.decidedAt ?? null,
    decisionComment: item.decisionComment ?? null,
    proofs: await Promise.all(
      item.proofs.map(async (proof) => ({
        uploadId: proof.uploadId,
        fileName: proof.fileName,
        size: proof.size,
        url: (await downloadUrl(ports.uploadsBucket, proof.key, safeFileName(proof.fileName), nowMs)).url,
      })),
    ),
    version: item.version,
  };
}

export interface ListDispensesQuery {
  state?: DispenseState;
  endingSoon?: boolean;
  cursor?: string;
  limit: number;
}

/**
 * One page of the list, newest first: all dispenses, those of one state, or the validated
 * ones ending within the reminder window (soonest first; no other state ends soon, so a
 * state other than "validated" with it lists nothing).
 */
export const listDispenses =
  (ports: DispensePorts) =>
  async (
    companyId: string,
    query: ListDispensesQuery,
  ): Promise<{ items: DispenseSummary[]; cursor: string | null }> => {
    let page;
    if (query.endingSoon) {
      if (query.state && query.state !== 'validated') return { items: [], cursor: null };
      const today = todayOf(ports);
      page = await ports.dispenses.endingBetween(
        companyId,
        today,
        endingHorizon(today),
        query.cursor,
        query.limit,
      );
    } else {
      page = await ports.dispenses.list(companyId, query.state, query.cursor, query.limit);
    }
    return {
      items: await Promise.all(page.items.map((item) => toDispenseSummary(ports, item))),
      cursor: page.cursor,
    };
  };

/** The BIA kept for the new journey: what the employee typed, without the dispense and the old journey's files. */
const draftForNewJourney = (draft: BiaDraft | undefined): BiaDraft | undefined =>
  draft ? { ...draft, dispense: undefined, documents: {} } : undefined;

/**
 * The affiliation due again after a refusal: the request reopens on a new journey (status
 * Envoyé, new link or courrier, reminders from now). The NIR guard stays with it. (Its
 * counters move with the decision's, in one update.)
 */
function reopenWrites(
  ports: DispensePorts,
  request: AffiliationRequestItem,
  companyName: string,
): TransactItem[] {
  const nowIso = ports.clock.nowIso();
  const set: Record<string, unknown> = {
    status: 'sent',
    journey: request.journey + 1,
    journeyStartedAt: nowIso,
    automaticRemindersSent: 0,
    sentAt: nowIso,
    updatedAt: nowIso,
    outcome: undefined,
    dispenseId: undefined,
    finalizedAt: undefined,
    finalizedBy: undefined,
    draft: draftForNewJourney(request.draft),
    documents: undefined,
    ...keys.affiliationRequestByStatus(request.companyId, 'sent', request.requestId),
    ...dueAttributes(
      request,
      nextDueAction({ journeyStartedAt: nowIso, automaticRemindersSent: 0 }, ports.policy),
    ),
    ...(request.mode === 'email' ? { linkSeed: ports.secrets.token() } : courrierQueued(request, nowIso)),
  };
  const reopened = { ...request, ...set, version: request.version + 1 } as AffiliationRequestItem;
  return [
    affiliationRequestUpdate(request, { set }),
    ...journeyLinkDelete(ports.secrets, request),
    ...(request.mode === 'email'
      ? journeyLinkItems(ports, { ...reopened, companyName }, { reminder: false })
      : []),
  ];
}

/** The employee hears of the decision (by e-mail, when they gave one). */
function decisionEmail(
  ports: DispensePorts,
  dispense: DispenseItem,
  input: { state: 'validated' | 'refused'; comment?: string; companyName: string; newLink: boolean },
): TransactItem[] {
  if (!dispense.email) return [];
  const rule = DISPENSE_REASON_RULES[dispense.reason];
  const content =
    input.state === 'validated'
      ? emailTemplates.dispenseValidated({
          firstName: dispense.firstName,
          companyName: input.companyName,
          reasonLabel: rule.label,
          endDate: dispense.endDate,
          annualProof: rule.annualProof,
        })
      : emailTemplates.dispenseRefused({
          firstName: dispense.firstName,
          companyName: input.companyName,
          comment: input.comment ?? '',
          newLink: input.newLink,
        });
  return [
    outboxPut({
      messageId: ports.ids.next(),
      purpose: `dispense.${input.state}`,
      payload: { channel: 'email', to: [dispense.email], ...content },
      nowIso: ports.clock.nowIso(),
    }),
  ];
}

export interface DecideDispenseInput {
  companyId: string;
  dispenseId: string;
  decision: 'validated' | 'refused';
  comment?: string;
  version: number;
  actor: Actor;
}

/**
 * "Valider" / "Refuser": once, on the version the user saw. Counters (to decide −1; ending
 * within 30 days +1 when it already does), its indexes, the audit entry and the employee's
 * e-mail change in one transaction — with, for a refusal, the affiliation reopened.
 */
export const decideDispense =
  (ports: DispensePorts) =>
  async (input: DecideDispenseInput): Promise<DispenseSummary> => {
    const dispense = await ports.dispenses.get(input.companyId, input.dispenseId);
    if (!dispense) throw notFound('DISPENSE_NOT_FOUND');
    const plan = planDecision(dispense, input, todayOf(ports));
    const comment = input.comment?.trim() || undefined;
    const [company, request] = await Promise.all([
      ports.users.getCompany(input.companyId),
      plan.state === 'refused' && dispense.requestId
        ? ports.requests.get(input.companyId, dispense.requestId)
        : Promise.resolve(undefined),
    ]);
    const companyName = company?.name ?? '';
    const reopened = request && reopensRequest(request, dispense.dispenseId) ? request : undefined;
    const nowIso = ports.clock.nowIso();
    const set: Record<string, unknown> = {
      state: plan.state,
      decidedAt: nowIso,
      decidedBy: { userId: input.actor.userId, name: displayName(input.actor) },
      decisionComment: comment,
      ...(plan.countsAsEndingSoon ? { endingSoonCounted: true } : {}),
      ...dispenseIndexes({ ...dispense, state: plan.state }),
    };
    const decided = { ...dispense, ...set, version: dispense.version + 1 } as DispenseItem;
    const writes: TransactItem[] = [
      dispenseUpdate(dispense, set),
      counterMoves(
        input.companyId,
        dispenseCounterDeltas({ pending: -1, endingSoon: plan.countsAsEndingSoon ? 1 : 0 }),
        reopened ? affiliationStatusDeltas(reopened.status, 'sent') : {},
      )!,
      ...(reopened ? reopenWrites(ports, reopened, companyName) : []),
      ...decisionEmail(ports, dispense, {
        state: plan.state,
        comment,
        companyName,
        newLink: reopened?.mode === 'email',
      }),
      auditPut(ports, {
        companyId: input.companyId,
        actorId: input.actor.userId,
        actorName: displayName(input.actor),
        action: `dispense.${plan.state}`,
        targetId: dispense.dispenseId,
        targetName: `${dispense.firstName} ${dispense.lastName}`,
        changes: {
          state: { from: dispense.state, to: plan.state },
          reason: dispense.reason,
          endDate: dispense.endDate,
          ...(comment ? { comment } : {}),
          ...(reopened ? { affiliationReopened: reopened.requestId } : {}),
        },
      }),
    ];
    try {
      await transact(writes);
    } catch (error) {
      if (cancellationCodes(error) === null) throw error;
      // Changed meanwhile: most often decided by someone else (or a second click), which then says so.
      const now = await ports.dispenses.get(input.companyId, input.dispenseId);
      if (now) planDecision(now, { ...input, version: now.version }, todayOf(ports));
      throw new DomainError('VERSION_CONFLICT');
    }
    return toDispenseSummary(ports, decided);
  };
