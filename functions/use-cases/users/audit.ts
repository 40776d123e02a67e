import { keys } from '../../adapters/dynamodb/table-keys';
import { put } from '../../adapters/dynamodb/users-repository';
import type { TransactItem } from '../../adapters/dynamodb/transact';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';

export interface AuditEntry {
  companyId: string;
  actorId: string;
  actorName: string;
  action: string;
  targetId?: string;
  targetName?: string;
  /** Changed fields, before → after. Never a NIR, an IBAN or a secret. */
  changes?: Record<string, unknown>;
}

/** The audit item of a mutation, written in the same transaction as the mutation itself. */
export function auditPut(ports: { clock: Clock; ids: Ids }, entry: AuditEntry): TransactItem {
  const auditId = ports.ids.next();
  return put({
    ...keys.audit(entry.companyId, auditId),
    _type: 'Audit',
    _v: 1,
    auditId,
    at: ports.clock.nowIso(),
    companyId: entry.companyId,
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    targetId: entry.targetId ?? null,
    targetName: entry.targetName ?? null,
    changes: entry.changes ?? {},
  });
}

export const displayName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;
