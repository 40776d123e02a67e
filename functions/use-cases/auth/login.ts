import { DomainError } from '../../domain/errors';
import { mfaRequired } from '../../domain/mfa-policy';
import { maskPhone } from '../../domain/phone';
import { CODE_TTL_MS, LOGIN_ATTEMPT_TTL_MS } from '../../domain/login-code';
import type { LoginResponse } from '../../contracts/auth';
import { keys } from '../../adapters/dynamodb/table-keys';
import { update } from '../../adapters/dynamodb/users-repository';
import { loginCookie, isOpaqueSecret } from '../../runtime/cookies';
import type { AuthPorts } from './auth-ports';
import { enforceRateLimits, newSession } from './shared';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  deviceCookie: string | undefined;
}

export interface LoginResult {
  response: LoginResponse;
  cookies: string[];
}

/**
 * E-mail + password. Cognito checks the password; our user record decides the rest. Unknown
 * e-mail, wrong password and a deactivated account get the same answer. Then either a
 * session (known browser, same network, recent login, verified phone) or a login attempt
 * that waits for the SMS code — and no session before that code.
 */
export const login =
  (ports: AuthPorts) =>
  async (input: LoginInput): Promise<LoginResult> => {
    await enforceRateLimits(ports, [
      { scope: 'login-ip', subject: input.ip, limit: 30, windowSeconds: 900 },
      {
        scope: 'login-email',
        subject: ports.secrets.digest('rate', input.email),
        limit: 10,
        windowSeconds: 900,
      },
    ]);
    // Both always run, so timing does not tell whether the e-mail exists.
    const [user, passwordOk] = await Promise.all([
      ports.users.userByEmail(input.email),
      ports.identity.verifyPassword(input.email, input.password),
    ]);
    if (!user || !passwordOk || (user.status !== 'active' && user.status !== 'pending_email')) {
      throw new DomainError('UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    }
    if (user.status === 'pending_email') throw new DomainError('FORBIDDEN', 'EMAIL_NOT_CONFIRMED');

    const now = ports.clock.nowMs();
    const deviceDigest = isOpaqueSecret(input.deviceCookie)
      ? ports.secrets.digest('device', input.deviceCookie)
      : undefined;
    const device = deviceDigest ? await ports.sessions.device(user.userId, deviceDigest) : undefined;
    const required = mfaRequired({
      deviceKnown: Boolean(device),
      ip: input.ip,
      lastIp: user.lastLoginIp,
      lastLoginAt: user.lastLoginAt,
      now,
      phoneVerified: user.phoneVerified,
    });

    if (!required) {
      const session = newSession(ports, {
        userId: user.userId,
        ip: input.ip,
        userAgent: input.userAgent,
        rememberDevice: false,
      });
      const nowIso = new Date(now).toISOString();
      await ports.users.transact([
        ...session.items,
        ports.sessions.deviceTouch(user.userId, deviceDigest!, input.ip, nowIso),
        update(keys.user(user.userId), 'SET lastLoginAt = :now, lastLoginIp = :ip', {
          ':now': nowIso,
          ':ip': input.ip,
        }),
      ]);
      return { response: { status: 'authenticated' }, cookies: session.cookies };
    }

    const attemptSecret = ports.secrets.token();
    await ports.users.transact([
      ports.sessions.loginAttemptPut({
        attemptDigest: ports.secrets.digest('login', attemptSecret),
        userId: user.userId,
        ip: input.ip,
        userAgent: input.userAgent.slice(0, 300),
        status: 'pending',
        deviceKnown: Boolean(device),
        tries: 0,
        sends: 0,
        createdAt: new Date(now).toISOString(),
        expiresAt: Math.floor((now + LOGIN_ATTEMPT_TTL_MS) / 1000),
      }),
    ]);
    return {
      response: {
        status: 'mfa_required',
        maskedPhone: user.phoneVerified && user.mobile ? maskPhone(user.mobile) : null,
        phoneEditable: !user.phoneVerified,
      },
      // The browser keeps it while a code sent at the last moment is still valid (see sendLoginCode).
      cookies: [loginCookie(attemptSecret, LOGIN_ATTEMPT_TTL_MS + CODE_TTL_MS)],
    };
  };
