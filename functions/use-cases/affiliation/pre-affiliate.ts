/**
 * "Pré-affilier un salarié": the checks, then one transaction that creates the request, the
 * NIR guard, the Idempotency-Key answer, the personal link and its e-mail (or the courrier
 * queued), the home page counter and the journal entry. The bulk import uses the same code.
 */
import { DomainError, conflict, unprocessable } from '../../domain/errors';
import { nextDueAction } from '../../domain/affiliation-request';
import { matchingContract, preAffiliationDateErrors } from '../../domain/pre-affiliation';
import type { AffiliationRequestSummary, PreAffiliateEmployeeRequest } from '../../contracts/affiliation';
import {
  affiliationRequestPut,
  idempotencyPut,
  openAffiliationNirPut,
  shiftAffiliationCounters,
  type AffiliationRequestItem,
} from '../../adapters/dynamodb/affiliation-requests-repository';
import type { ContractItem } from '../../adapters/dynamodb/employees-repository';
import { transact, type TransactItem } from '../../adapters/dynamodb/transact';
import { auditPut, displayName } from '../users/audit';
import { ensureAffiliationForm } from './courrier';
import {
  cancellationCodes,
  employeeName,
  isTransactionConflict,
  journeyLinkItems,
  pause,
  toAffiliationSummary,
} from './journey';
import type { Actor, AffiliationPorts } from './ports';

/** Scope of the Idempotency-Key answers of pre-affiliations (single and per import line). */
export const PRE_AFFILIATE_SCOPE = 'preAffiliate';

/** What a creation needs to know about the company, read once (once per import, too). */
export interface CreationContext {
  companyId: string;
  companyName: string;
  establishments: ReadonlyMap<string, { name: string }>;
  contracts: readonly ContractItem[];
  actor: Actor;
}

/** Refusals of one request that need no duplicate lookup: field → French message. */
export function requestErrors(
  context: Pick<CreationContext, 'establishments' | 'contracts'>,
  request: PreAffiliateEmployeeRequest,
  today: string,
): { reason: string; fields: Record<string, string> } | null {
  if (!context.establishments.has(request.siret)) {
    return {
      reason: 'ESTABLISHMENT_NOT_FOUND',
      fields: { siret: 'Cet établissement ne fait pas partie de votre entreprise.' },
    };
  }
  const dates = preAffiliationDateErrors(request.employee, today);
  if (Object.keys(dates).length) return { reason: 'PRE_AFFILIATION_DATES_INVALID', fields: dates };
  if (!matchingContract(context.contracts, request.statut, request.employee.contractStartDate)) {
    return {
      reason: 'NO_MATCHING_CONTRACT',
      fields: {
        statut: `Aucun contrat santé de votre entreprise ne couvre les salariés ${request.statut === 'cadre' ? 'cadres' : 'non cadres'} à cette date de début : contactez-nous.`,
      },
    };
  }
  return null;
}

/** Why this NIR cannot be pre-affiliated again in the company, if it cannot. */
export async function duplicateReason(
  ports: Pick<AffiliationPorts, 'requests' | 'employees'>,
  companyId: string,
  nirDigest: string,
): Promise<'EMPLOYEE_ALREADY_AFFILIATED' | 'AFFILIATION_ALREADY_REQUESTED' | null> {
  const [insured, open] = await Promise.all([
    ports.employees.insuredByNirDigest(companyId, nirDigest),
    ports.requests.openByNir(companyId, [nirDigest]),
  ]);
  if (insured.some((item) => !item.endDate)) return 'EMPLOYEE_ALREADY_AFFILIATED';
  if (open.size > 0) return 'AFFILIATION_ALREADY_REQUESTED';
  return null;
}

/** The digest that proves a retry carries the same body as the first call. */
export const bodyHash = (ports: Pick<AffiliationPorts, 'secrets'>, request: PreAffiliateEmployeeRequest) =>
  ports.secrets.digest('idempotency-body', stableJson(request));

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface PlannedCreation {
  item: AffiliationRequestItem;
  summary: AffiliationRequestSummary;
  /** Everything but the counters (an import adds them once per transaction). */
  writes: TransactItem[];
}

/** The new request and its writes; `idempotency` records the answer under that key. */
export function planCreation(
  ports: AffiliationPorts,
  context: CreationContext,
  request: PreAffiliateEmployeeRequest,
  options: { idempotencyKey?: string; hash?: string; source?: { importId: string; line: number } },
): PlannedCreation {
  const nowIso = ports.clock.nowIso();
  const requestId = ports.ids.next();
  const mode = request.employee.email ? 'email' : 'courrier';
  const due = nextDueAction({ journeyStartedAt: nowIso, automaticRemindersSent: 0 }, ports.policy);
  const item: AffiliationRequestItem = {
    entityType: 'AffiliationRequest',
    schemaVersion: 1,
    companyId: context.companyId,
    requestId,
    siret: request.siret,
    companyName: context.companyName,
    establishmentName: context.establishments.get(request.siret)?.name ?? '',
    statut: request.statut,
    employee: { ...request.employee },
    nirDigest: ports.nirDigest(request.employee.nir),
    mode,
    status: 'sent',
    journey: 1,
    journeyStartedAt: nowIso,
    ...(mode === 'email' ? { linkSeed: ports.secrets.token() } : { courrierQueuedAt: nowIso }),
    automaticRemindersSent: 0,
    remindersSent: 0,
    createdAt: nowIso,
    createdBy: context.actor.userId,
    sentAt: nowIso,
    updatedAt: nowIso,
    nextDueAt: due.dueAt,
    nextDueKind: due.kind,
    version: 1,
  };
  const summary = toAffiliationSummary(item);
  const writes: TransactItem[] = [
    affiliationRequestPut(item),
    openAffiliationNirPut(item.companyId, item.nirDigest, requestId),
    ...(options.idempotencyKey
      ? [
          idempotencyPut(
            PRE_AFFILIATE_SCOPE,
            options.idempotencyKey,
            {
              bodyHash: options.hash ?? bodyHash(ports, request),
              requestId,
              answer: summary,
              createdAt: nowIso,
            },
            Math.floor(ports.clock.nowMs() / 1000),
          ),
        ]
      : []),
    ...(mode === 'email'
      ? journeyLinkItems(ports, { ...item, companyName: context.companyName }, { reminder: false })
      : []),
    auditPut(ports, {
      companyId: item.companyId,
      actorId: context.actor.userId,
      actorName: displayName(context.actor),
      action: 'affiliation.pre-affiliated',
      targetId: requestId,
      targetName: employeeName(item),
      changes: {
        siret: item.siret,
        statut: item.statut,
        mode,
        contractStartDate: item.employee.contractStartDate,
        ...(options.source ? { importId: options.source.importId, line: options.source.line } : {}),
      },
    }),
  ];
  return { item, summary, writes };
}

/** The company facts every creation needs, read once. */
export async function creationContext(
  ports: AffiliationPorts,
  companyId: string,
  actor: Actor,
  sirets: readonly string[],
): Promise<CreationContext> {
  const [company, contracts, establishments] = await Promise.all([
    ports.users.getCompany(companyId),
    ports.employees.contracts(companyId),
    Promise.all([...new Set(sirets)].map((siret) => ports.requests.establishment(companyId, siret))),
  ]);
  if (!company) throw new DomainError('NOT_FOUND', 'COMPANY_NOT_FOUND');
  return {
    companyId,
    companyName: company.name,
    contracts,
    actor,
    establishments: new Map(
      establishments.flatMap((found) => (found ? [[found.siret, { name: found.name }] as const] : [])),
    ),
  };
}

class RaceLost extends Error {}

/** A retry with the same key: the first answer if the body is the same, else a refusal. */
function replayed(
  record: { bodyHash: string; answer: unknown } | undefined,
  hash: string,
): AffiliationRequestSummary | undefined {
  if (!record) return undefined;
  if (record.bodyHash !== hash) throw unprocessable('IDEMPOTENCY_KEY_REUSED');
  return record.answer as AffiliationRequestSummary;
}

/**
 * One pré-affiliation. With an Idempotency-Key, a retry (or the second of a double click)
 * gets the first answer and nothing is created twice; the key with another body is refused.
 */
export const preAffiliateEmployee =
  (ports: AffiliationPorts) =>
  async (input: {
    companyId: string;
    actor: Actor;
    idempotencyKey?: string;
    request: PreAffiliateEmployeeRequest;
  }): Promise<AffiliationRequestSummary> => {
    const key = input.idempotencyKey ? `${input.companyId}#${input.idempotencyKey}` : undefined;
    const hash = bodyHash(ports, input.request);
    for (let attempt = 0; ; attempt++) {
      try {
        return await createOnce(ports, input, key, hash);
      } catch (error) {
        // A concurrent call held one of the same items: the next look sees its outcome.
        if (!(error instanceof RaceLost)) throw error;
        if (attempt >= 4) throw new DomainError('CONFLICT');
        await pause(40 * 2 ** attempt + Math.random() * 40);
      }
    }
  };

async function createOnce(
  ports: AffiliationPorts,
  input: { companyId: string; actor: Actor; request: PreAffiliateEmployeeRequest },
  key: string | undefined,
  hash: string,
): Promise<AffiliationRequestSummary> {
  if (key) {
    const first = replayed((await ports.requests.idempotency(PRE_AFFILIATE_SCOPE, [key])).get(key), hash);
    if (first) return first;
  }
  const context = await creationContext(ports, input.companyId, input.actor, [input.request.siret]);
  const refusal = requestErrors(context, input.request, ports.clock.nowIso().slice(0, 10));
  if (refusal) throw unprocessable(refusal.reason, refusal.fields);
  const duplicate = await duplicateReason(
    ports,
    input.companyId,
    ports.nirDigest(input.request.employee.nir),
  );
  if (duplicate) {
    // The guard and the key's answer are written together: the second of a double click sees both.
    if (key && duplicate === 'AFFILIATION_ALREADY_REQUESTED') {
      const first = replayed((await ports.requests.idempotency(PRE_AFFILIATE_SCOPE, [key])).get(key), hash);
      if (first) return first;
    }
    throw conflict(duplicate);
  }

  const plan = planCreation(ports, context, input.request, { idempotencyKey: key, hash });
  // The letter first: if the transaction fails, an unused PDF is harmless.
  if (plan.item.mode === 'courrier') await ensureAffiliationForm(ports, plan.item, context.companyName);
  try {
    await transact([...plan.writes, shiftAffiliationCounters(input.companyId, undefined, 'sent')!]);
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes === null) throw error;
    if (key) {
      const first = replayed((await ports.requests.idempotency(PRE_AFFILIATE_SCOPE, [key])).get(key), hash);
      if (first) return first;
    }
    // Item 1 is the NIR guard: another request took this NIR between our check and our write.
    if (codes[1] === 'ConditionalCheckFailed') throw conflict('AFFILIATION_ALREADY_REQUESTED');
    if (isTransactionConflict(codes)) throw new RaceLost();
    throw error;
  }
  return plan.summary;
}
