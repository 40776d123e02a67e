import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DomainError, unprocessable } from '../../domain/errors';
import { MAX_CODE_TRIES, checkCode } from '../../domain/login-code';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import { COOKIE, clearCookie } from '../../runtime/cookies';
import { describeBrowser, emailTemplates, frenchDateTime } from '../messages/email-templates';
import type { AuthPorts } from './auth-ports';
import { attemptStillValid, currentLoginAttempt } from './login-attempt';
import { emailOutbox, newSession } from './shared';

/**
 * "Continuer": checks the SMS code of this login attempt. Five wrong codes kill the attempt
 * (log in again). On success, in one transaction: the attempt is spent (single use), the
 * phone becomes verified, this browser is remembered, the session is created, and a "new
 * browser" notice leaves through the outbox when the browser was unknown.
 */
export const verifyLoginCode =
  (ports: AuthPorts) =>
  async (input: { loginCookie: string | undefined; code: string; userAgent: string; ip: string }) => {
    const { attempt, digest } = await currentLoginAttempt(ports, input.loginCookie);
    const now = ports.clock.nowMs();
    const submitted = ports.secrets.digest('login-code', `${digest}:${input.code}`);
    const outcome = checkCode(
      {
        codeDigest: attempt.codeDigest ?? null,
        codeExpiresAt: attempt.codeExpiresAt ?? null,
        tries: attempt.tries,
        used: attempt.status !== 'pending',
      },
      now,
      (stored) => ports.secrets.same(stored, submitted),
    );
    if (outcome === 'exhausted') throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_EXHAUSTED');
    if (outcome === 'used') throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
    if (outcome === 'none') throw unprocessable('LOGIN_CODE_NOT_SENT');
    if (outcome === 'expired' || outcome === 'wrong') {
      const tries = attempt.tries + 1;
      const dead = tries >= MAX_CODE_TRIES;
      try {
        await ports.users.transact([
          update(
            keys.loginAttempt(digest),
            'SET tries = :tries, #status = :status',
            {
              ':tries': tries,
              ':previous': attempt.tries,
              ':status': dead ? 'dead' : 'pending',
              ':pending': 'pending',
            },
            'tries = :previous AND #status = :pending',
            { '#status': 'status' },
          ),
        ]);
      } catch (error) {
        // Another try landed at the same time; it is counted, this one is refused.
        if (!(error instanceof TransactionCanceledException)) throw error;
      }
      if (dead) throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_EXHAUSTED');
      throw unprocessable(outcome === 'expired' ? 'LOGIN_CODE_EXPIRED' : 'LOGIN_CODE_WRONG', {
        code:
          outcome === 'expired'
            ? 'Ce code a expiré : demandez-en un nouveau.'
            : `Code incorrect. Il vous reste ${MAX_CODE_TRIES - tries} essai${MAX_CODE_TRIES - tries > 1 ? 's' : ''}.`,
      });
    }

    const user = await ports.users.getUser(attempt.userId);
    if (!attemptStillValid(attempt, user)) throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
    const nowIso = new Date(now).toISOString();
    const session = newSession(ports, {
      userId: user.userId,
      ip: input.ip,
      userAgent: input.userAgent,
      rememberDevice: true,
    });
    try {
      await ports.users.transact([
        update(
          keys.loginAttempt(digest),
          'SET #status = :used, usedAt = :now REMOVE codeDigest',
          { ':used': 'used', ':pending': 'pending', ':now': nowIso, ':code': attempt.codeDigest },
          '#status = :pending AND codeDigest = :code',
          { '#status': 'status' },
        ),
        update(
          keys.user(user.userId),
          'SET mobile = :phone, phoneVerified = :true, lastLoginAt = :now, lastLoginIp = :ip, version = version + :one',
          { ':phone': attempt.phone, ':true': true, ':now': nowIso, ':ip': input.ip, ':one': 1 },
          'attribute_exists(PK)',
        ),
        ...session.items,
        ...(attempt.deviceKnown
          ? []
          : [
              emailOutbox(
                ports,
                'auth.new-browser',
                user.email,
                emailTemplates.newBrowserLogin({
                  firstName: user.firstName,
                  at: frenchDateTime(nowIso),
                  browser: describeBrowser(input.userAgent),
                }),
              ),
            ]),
      ]);
    } catch (error) {
      // The same code submitted twice at once: one wins, the other must log in again.
      if (error instanceof TransactionCanceledException)
        throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
      throw error;
    }
    return { cookies: [...session.cookies, clearCookie(COOKIE.login)] };
  };
