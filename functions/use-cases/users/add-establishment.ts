import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, conflict } from '../../domain/errors';
import { keys } from '../../adapters/dynamodb/table-keys';
import { put, update } from '../../adapters/dynamodb/users-repository';
import type { AuthPorts } from '../auth/auth-ports';
import { activationLimits, companyForIdentifiers } from '../auth/activate-space';
import { auditPut, displayName } from './audit';

/**
 * "Ajouter un établissement au périmètre suivi": the SIRET + identifiant of another company,
 * checked against the insurer's records with the activation's uniform answer and limits.
 * Knowing the pair makes the user an Administrateur of that company.
 */
export const addEstablishment =
  (ports: AuthPorts) =>
  async (input: { userId: string; siret: string; companyNumber: string; ip: string }) => {
    await activationLimits(ports, input.ip, input.siret);
    const company = await companyForIdentifiers(ports, input.siret, input.companyNumber);
    const user = await ports.users.getUser(input.userId);
    if (!user) throw new DomainError('UNAUTHENTICATED');
    const existing = await ports.users.membership(user.userId, company.companyId);
    if (existing?.status === 'active' && existing.role === 'admin') throw conflict('ALREADY_IN_PERIMETER');
    if (existing?.status === 'revoked') throw new DomainError('FORBIDDEN', 'MEMBERSHIP_REVOKED');
    const nowIso = ports.clock.nowIso();
    try {
      await ports.users.transact([
        put({
          ...keys.membership(user.userId, company.companyId),
          ...keys.companyMember(company.companyId, user.userId),
          _type: 'Membership',
          _v: 1,
          userId: user.userId,
          companyId: company.companyId,
          role: 'admin',
          status: 'active',
          companyName: company.name,
          mainSiret: company.mainSiret,
          grantedAt: nowIso,
          grantedBy: user.userId,
          version: 1,
        }),
        update(
          keys.company(company.companyId),
          'SET activated = :true, activatedAt = if_not_exists(activatedAt, :now) ADD adminCount :one',
          // Not an active admin before (checked above): one more active admin now.
          { ':true': true, ':now': nowIso, ':one': 1 },
          'attribute_exists(PK)',
        ),
        auditPut(ports, {
          companyId: company.companyId,
          actorId: user.userId,
          actorName: displayName(user),
          action: 'company.perimeter-added',
          targetId: user.userId,
          targetName: displayName(user),
          changes: { role: { from: existing?.role ?? null, to: 'admin' } },
        }),
      ]);
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw conflict('ALREADY_IN_PERIMETER');
      throw error;
    }
    return { companyId: company.companyId, name: company.name };
  };
