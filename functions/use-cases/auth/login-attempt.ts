import { DomainError } from '../../domain/errors';
import { isOpaqueSecret } from '../../runtime/cookies';
import type { LoginAttemptItem } from '../../adapters/dynamodb/sessions-repository';
import type { User } from '../../domain/users';
import type { AuthPorts } from './auth-ports';

/** The pending login attempt this browser holds (its cookie), or 401: log in again. */
export async function currentLoginAttempt(
  ports: AuthPorts,
  cookie: string | undefined,
): Promise<{ attempt: LoginAttemptItem; digest: string }> {
  if (!isOpaqueSecret(cookie)) throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
  const digest = ports.secrets.digest('login', cookie);
  const attempt = await ports.sessions.loginAttempt(digest);
  const nowSeconds = Math.floor(ports.clock.nowMs() / 1000);
  if (!attempt || attempt.expiresAt < nowSeconds)
    throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
  if (attempt.status === 'dead') throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_EXHAUSTED');
  if (attempt.status !== 'pending') throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
  return { attempt, digest };
}

/**
 * The user may still finish this attempt: active, and the password it was begun with is still
 * theirs (a change or reset since then sets `sessionsNotBefore` after the attempt's start).
 */
export const attemptStillValid = (attempt: LoginAttemptItem, user: User | undefined): user is User =>
  user !== undefined &&
  user.status === 'active' &&
  (user.sessionsNotBefore === undefined || attempt.createdAt >= user.sessionsNotBefore);
