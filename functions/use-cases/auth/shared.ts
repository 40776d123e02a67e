import { DomainError, unprocessable } from '../../domain/errors';
import { passwordProblem, passwordProblemMessages, type PasswordContext } from '../../domain/password-policy';
import { DEVICE_COOKIE_MS, SESSION_ABSOLUTE_MS, deviceCookie, sessionCookie } from '../../runtime/cookies';
import { outboxPut } from '../../adapters/dynamodb/outbox-repository';
import type { TransactItem } from '../../adapters/dynamodb/transact';
import type { EmailContent } from '../messages/email-templates';
import type { AuthPorts } from './auth-ports';
import type { RateLimit } from '../../ports/rate-limiter';

/** Throws the French field error of the first password rule broken. */
export function assertAcceptablePassword(
  ports: AuthPorts,
  password: string,
  context: PasswordContext,
  field = 'password',
) {
  const problem = passwordProblem(password, ports.isCommonPassword, context);
  if (problem) throw unprocessable('PASSWORD_REJECTED', { [field]: passwordProblemMessages[problem] });
}

export async function enforceRateLimits(ports: AuthPorts, limits: RateLimit[]): Promise<void> {
  const results = await Promise.all(limits.map((limit) => ports.rateLimiter.hit(limit)));
  if (results.some((allowed) => !allowed)) throw new DomainError('RATE_LIMITED');
}

export const emailOutbox = (
  ports: AuthPorts,
  purpose: string,
  to: string,
  content: EmailContent,
): TransactItem =>
  outboxPut({
    messageId: ports.ids.next(),
    purpose,
    payload: { channel: 'email', to: [to], ...content },
    nowIso: ports.clock.nowIso(),
  });

/** A new session (and, when asked, a new remembered device) for a user who passed every factor. */
export function newSession(
  ports: AuthPorts,
  input: { userId: string; ip: string; userAgent: string; rememberDevice: boolean },
): { items: TransactItem[]; cookies: string[]; sessionDigest: string } {
  const now = ports.clock.nowMs();
  const nowIso = new Date(now).toISOString();
  const secret = ports.secrets.token();
  const sessionDigest = ports.secrets.digest('session', secret);
  const items: TransactItem[] = [
    ports.sessions.sessionPut({
      userId: input.userId,
      sessionDigest,
      createdAt: nowIso,
      lastSeenAt: now,
      absoluteExpiresAt: now + SESSION_ABSOLUTE_MS,
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 300),
    }),
  ];
  const cookies = [sessionCookie(`${input.userId}.${secret}`)];
  if (input.rememberDevice) {
    const deviceSecret = ports.secrets.token();
    items.push(
      ports.sessions.devicePut(
        input.userId,
        ports.secrets.digest('device', deviceSecret),
        input.ip,
        input.userAgent,
        nowIso,
        now + DEVICE_COOKIE_MS,
      ),
    );
    cookies.push(deviceCookie(deviceSecret));
  }
  return { items, cookies, sessionDigest };
}

/** Single-use link tokens: the table keeps only their digest. */
export function newLinkToken(
  ports: AuthPorts,
  purpose: 'confirm-email' | 'reset-password' | 'invitation',
  userId: string,
  ttlMs: number,
) {
  const token = ports.secrets.token();
  const digest = ports.secrets.digest('link', token);
  const expiresAt = Math.floor((ports.clock.nowMs() + ttlMs) / 1000);
  return { token, digest, expiresAt, purpose, userId };
}

export const linkUrl = (ports: AuthPorts, page: string, token: string) =>
  // The token travels in the fragment: browsers never send it to a server, so no log has it.
  `${ports.publicUrl}${page}#jeton=${token}`;
