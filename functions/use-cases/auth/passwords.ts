import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unprocessable } from '../../domain/errors';
import { keys } from '../../adapters/dynamodb/table-keys';
import { put, update } from '../../adapters/dynamodb/users-repository';
import { emailTemplates, frenchDateTime } from '../messages/email-templates';
import type { AuthPorts } from './auth-ports';
import { usableLinkToken } from './confirm-email';
import {
  assertAcceptablePassword,
  emailOutbox,
  enforceRateLimits,
  linkUrl,
  newLinkToken,
  newSession,
} from './shared';

export const RESET_LINK_TTL_MS = 30 * 60_000;

/**
 * "Mot de passe oublié": always the same answer, whether the e-mail exists or not. When it
 * does (and the account is usable), a single-use 30-minute link leaves through the outbox.
 */
export const requestPasswordReset =
  (ports: AuthPorts) =>
  async (input: { email: string; ip: string }): Promise<{ accepted: true }> => {
    await enforceRateLimits(ports, [
      { scope: 'reset-ip', subject: input.ip, limit: 20, windowSeconds: 3600 },
    ]);
    const perEmailAllowed = await ports.rateLimiter.hit({
      scope: 'reset-email',
      subject: ports.secrets.digest('rate', input.email),
      limit: 3,
      windowSeconds: 3600,
    });
    const user = await ports.users.userByEmail(input.email);
    // Over the per-address limit we stay silent rather than say so: the answer must not differ.
    if (!perEmailAllowed || !user || (user.status !== 'active' && user.status !== 'pending_email'))
      return { accepted: true };
    const link = newLinkToken(ports, 'reset-password', user.userId, RESET_LINK_TTL_MS);
    await ports.users.transact([
      put({
        ...keys.linkToken(link.digest),
        _type: 'LinkToken',
        _v: 1,
        purpose: link.purpose,
        userId: user.userId,
        expiresAt: link.expiresAt,
      }),
      emailOutbox(
        ports,
        'auth.reset-password',
        user.email,
        emailTemplates.resetPassword({
          firstName: user.firstName,
          url: linkUrl(ports, '/nouveau-mot-de-passe', link.token),
          validMinutes: RESET_LINK_TTL_MS / 60_000,
        }),
      ),
    ]);
    return { accepted: true };
  };

/**
 * Deletes the sessions `sessionsNotBefore` already refuses: tidying only, so a failure here must
 * not turn a done change into an error (the same form could then never be sent again).
 */
const endOtherSessions = (ports: AuthPorts, userId: string, keepDigest?: string) =>
  ports.sessions.deleteUserSessions(userId, keepDigest).catch(() => 0);

/** Every session issued before this instant is refused (sessions are checked against the user). */
const endSessionsBefore = (userId: string, nowIso: string) =>
  update(keys.user(userId), 'SET sessionsNotBefore = :now, version = version + :one', {
    ':now': nowIso,
    ':one': 1,
  });

/** The new password from the e-mailed link. It also proves the address, and ends every session. */
export const resetPassword =
  (ports: AuthPorts) =>
  async (input: { token: string; password: string }): Promise<{ reset: true }> => {
    const { digest, item } = await usableLinkToken(ports, input.token, 'reset-password');
    if (item.usedAt) throw unprocessable('LINK_INVALID');
    const user = await ports.users.getUser(item.userId);
    if (!user || (user.status !== 'active' && user.status !== 'pending_email'))
      throw unprocessable('LINK_INVALID');
    assertAcceptablePassword(ports, input.password, user);
    // From nowMs, like the createdAt of sessions and login attempts it is compared with.
    const nowIso = new Date(ports.clock.nowMs()).toISOString();
    try {
      // Spend the link first: a second submission of the same link cannot set another password.
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
      await ports.identity.setPassword(user.email, input.password);
      await ports.users.transact([
        // The link proves the address too: a user who never confirmed it becomes active.
        update(
          keys.user(user.userId),
          'SET sessionsNotBefore = :now, #status = :active, version = version + :one',
          { ':now': nowIso, ':active': 'active', ':one': 1 },
          undefined,
          { '#status': 'status' },
        ),
        emailOutbox(
          ports,
          'auth.password-changed',
          user.email,
          emailTemplates.passwordChanged({ firstName: user.firstName, at: frenchDateTime(nowIso) }),
        ),
      ]);
    } catch (error) {
      // The link is given back, so that sending the same form again finishes the reset.
      await ports.users
        .transact([update(keys.linkToken(digest), 'REMOVE usedAt', { ':now': nowIso }, 'usedAt = :now')])
        .catch(() => undefined);
      throw error;
    }
    await endOtherSessions(ports, user.userId);
    return { reset: true };
  };

/**
 * Change of password from the profile: needs the current one, ends every other session
 * (this browser gets a fresh session), and tells the user by e-mail.
 */
export const changePassword =
  (ports: AuthPorts) =>
  async (input: {
    userId: string;
    sessionDigest: string;
    currentPassword: string;
    newPassword: string;
    ip: string;
    userAgent: string;
  }) => {
    await enforceRateLimits(ports, [
      { scope: 'change-password', subject: input.userId, limit: 10, windowSeconds: 3600 },
    ]);
    const user = await ports.users.getUser(input.userId);
    if (!user) throw unprocessable('LINK_INVALID');
    if (!(await ports.identity.verifyPassword(user.email, input.currentPassword))) {
      throw unprocessable('CURRENT_PASSWORD_WRONG', { currentPassword: 'Mot de passe actuel incorrect.' });
    }
    assertAcceptablePassword(ports, input.newPassword, user, 'newPassword');
    await ports.identity.setPassword(user.email, input.newPassword);
    // The cut-off is one millisecond before the replacement session, which therefore stays valid.
    const cutOff = new Date(ports.clock.nowMs() - 1).toISOString();
    const session = newSession(ports, {
      userId: user.userId,
      ip: input.ip,
      userAgent: input.userAgent,
      rememberDevice: false,
    });
    try {
      await ports.users.transact([
        endSessionsBefore(user.userId, cutOff),
        ...session.items,
        emailOutbox(
          ports,
          'auth.password-changed',
          user.email,
          emailTemplates.passwordChanged({
            firstName: user.firstName,
            at: frenchDateTime(ports.clock.nowIso()),
          }),
        ),
      ]);
    } catch (error) {
      // Nothing else changed: the current password comes back, and the same form can be sent again.
      await ports.identity.setPassword(user.email, input.currentPassword).catch(() => undefined);
      throw error;
    }
    await endOtherSessions(ports, user.userId, session.sessionDigest);
    return { cookies: session.cookies };
  };
