import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unprocessable } from '../../domain/errors';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import type { AuthPorts } from '../auth/auth-ports';
import { usableLinkToken } from '../auth/confirm-email';
import { assertAcceptablePassword } from '../auth/shared';
import { auditPut, displayName } from './audit';

/**
 * The invited person creates their password from the e-mailed link. The link proves the
 * address; the phone is verified by the SMS code at their first login, as for everyone.
 */
export const acceptInvitation =
  (ports: AuthPorts) =>
  async (input: { token: string; password: string; cguVersion: string }): Promise<{ email: string }> => {
    const { digest, item } = await usableLinkToken(ports, input.token, 'invitation');
    if (item.usedAt) throw unprocessable('LINK_INVALID');
    const user = await ports.users.getUser(item.userId);
    if (!user || user.status !== 'invited') throw unprocessable('LINK_INVALID');
    assertAcceptablePassword(ports, input.password, user);
    const nowIso = ports.clock.nowIso();
    try {
      await ports.users.transact([
        update(
          keys.linkToken(digest),
          'SET usedAt = :now',
          { ':now': nowIso },
          'attribute_not_exists(usedAt)',
        ),
      ]);
    } catch (error) {
      if (error instanceof TransactionCanceledException) throw unprocessable('LINK_INVALID');
      throw error;
    }
    try {
      await ports.identity.createUser({ email: user.email, password: input.password });
      const memberships = await ports.users.memberships(user.userId);
      await ports.users.transact([
        update(
          keys.user(user.userId),
          'SET #status = :active, identityStatus = :created, cgu = :cgu, emailConfirmedAt = :now, version = version + :one REMOVE invitationDigest',
          {
            ':active': 'active',
            ':invited': 'invited',
            ':created': 'created',
            ':cgu': { version: input.cguVersion, acceptedAt: nowIso },
            ':now': nowIso,
            ':one': 1,
          },
          '#status = :invited',
          { '#status': 'status' },
        ),
        ...memberships.slice(0, 90).map((membership) =>
          auditPut(ports, {
            companyId: membership.companyId,
            actorId: user.userId,
            actorName: displayName(user),
            action: 'user.invitation-accepted',
            targetId: user.userId,
            targetName: displayName(user),
          }),
        ),
      ]);
    } catch (error) {
      // Nothing is half-done: the link is given back and the account stays invited (and has no
      // password in Cognito), so that sending the same form again creates it.
      await ports.users
        .transact([update(keys.linkToken(digest), 'REMOVE usedAt', { ':now': nowIso }, 'usedAt = :now')])
        .catch(() => undefined);
      await ports.identity.deleteUser(user.email).catch(() => undefined);
      throw error;
    }
    return { email: user.email };
  };
