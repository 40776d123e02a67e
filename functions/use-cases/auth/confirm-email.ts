import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unprocessable } from '../../domain/errors';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import type { LinkTokenItem } from '../../adapters/dynamodb/users-repository';
import type { AuthPorts } from './auth-ports';

/** A usable link token of the given purpose, or the one uniform "invalid or expired" error. */
export async function usableLinkToken(ports: AuthPorts, token: string, purpose: LinkTokenItem['purpose']) {
  const digest = ports.secrets.digest('link', token);
  const item = await ports.users.linkToken(digest);
  const nowSeconds = Math.floor(ports.clock.nowMs() / 1000);
  if (!item || item.purpose !== purpose || item.expiresAt < nowSeconds) throw unprocessable('LINK_INVALID');
  return { digest, item };
}

/**
 * The confirmation link of the activation e-mail. Clicking it twice is harmless: once the
 * address is confirmed, the same link answers "confirmed" again.
 */
export const confirmEmail =
  (ports: AuthPorts) =>
  async (token: string): Promise<{ confirmed: true }> => {
    const { digest, item } = await usableLinkToken(ports, token, 'confirm-email');
    if (item.usedAt) {
      const user = await ports.users.getUser(item.userId);
      if (user?.status === 'active') return { confirmed: true };
      throw unprocessable('LINK_INVALID');
    }
    const nowIso = ports.clock.nowIso();
    try {
      await ports.users.transact([
        update(
          keys.linkToken(digest),
          'SET usedAt = :now',
          { ':now': nowIso },
          'attribute_not_exists(usedAt)',
        ),
        update(
          keys.user(item.userId),
          'SET #status = :active, emailConfirmedAt = :now, version = version + :one',
          { ':active': 'active', ':pending': 'pending_email', ':now': nowIso, ':one': 1 },
          '#status = :pending',
          { '#status': 'status' },
        ),
      ]);
    } catch (error) {
      // A concurrent click got there first: same outcome. Else (deactivated meanwhile) nothing was confirmed.
      if (error instanceof TransactionCanceledException) {
        if ((await ports.users.getUser(item.userId))?.status === 'active') return { confirmed: true };
        throw unprocessable('LINK_INVALID');
      }
      throw error;
    }
    return { confirmed: true };
  };
