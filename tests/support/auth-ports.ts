import { randomInt } from 'node:crypto';
import { inject } from 'vitest';
import { resetConfigCache, config } from '../../functions/runtime/config';
import { cognitoClient, documentClient } from '../../functions/runtime/clients';
import { usersRepository } from '../../functions/adapters/dynamodb/users-repository';
import { sessionsRepository } from '../../functions/adapters/dynamodb/sessions-repository';
import { dynamoRateLimiter } from '../../functions/adapters/dynamodb/rate-limiter';
import { cognitoIdentityProvider } from '../../functions/adapters/cognito/cognito-identity-provider';
import { cryptoSecrets } from '../../functions/adapters/system/crypto-secrets';
import { ulidIds } from '../../functions/adapters/system/ulid-ids';
import { isCommonPassword } from '../../functions/adapters/system/common-passwords';
import type { AuthPorts } from '../../functions/use-cases/auth/auth-ports';
import type { Clock } from '../../functions/ports/clock';
import type { UserStatus } from '../../functions/domain/users';
import { keys } from '../../functions/adapters/dynamodb/table-keys';
import { update } from '../../functions/adapters/dynamodb/users-repository';
import { COOKIE } from '../../functions/runtime/cookies';
import { login } from '../../functions/use-cases/auth/login';
import { sendLoginCode } from '../../functions/use-cases/auth/send-login-code';
import { verifyLoginCode } from '../../functions/use-cases/auth/verify-login-code';

/**
 * Direct calls of the authentication use cases from a test worker, against the same
 * DynamoDB Local and cognito-local as the running stack, with a clock the test moves and,
 * when asked, chosen "random" numbers for the SMS codes. Outbox items they write are still
 * delivered by the stack's stream poller, so `sentMessages()` sees them.
 */

export interface FakeClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function fakeClock(startMs: number): FakeClock {
  let now = startMs;
  return {
    nowMs: () => now,
    nowIso: () => new Date(now).toISOString(),
    set: (epochMs) => {
      now = epochMs;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

const DAY_MS = 24 * 3600_000;

let nextDay = randomInt(0, 3650);
/**
 * A start instant of its own: 08:00 UTC of a day in 2031–2050 that no other call in this
 * test file gets. Rate-limit windows are keyed by time, so fake-clock tests never share a
 * window with real-time requests or with each other, and the day has room for the hours a
 * test moves through.
 */
export const isolatedInstant = (): number => {
  nextDay = (nextDay + 1) % 3650;
  return Date.UTC(2031, 0, 1) + nextDay * 2 * DAY_MS + 8 * 3600_000;
};

/** Points this worker's config and AWS clients at the test stack. Call in a `beforeAll`. */
export function useTestStack(): void {
  Object.assign(process.env, inject('stackEnv'));
  resetConfigCache();
}

export interface TestAuthPorts extends AuthPorts {
  clock: FakeClock;
}

/**
 * The production wiring of functions/adapters/auth-ports.ts, with a fake clock (also the
 * rate limiter's) and optionally a fixed source for the login codes' random numbers.
 */
export function testAuthPorts(options: { clock?: FakeClock; uint32?: () => number } = {}): TestAuthPorts {
  const clock = options.clock ?? fakeClock(isolatedInstant());
  return {
    users: usersRepository(),
    sessions: sessionsRepository(),
    identity: cognitoIdentityProvider(),
    secrets: options.uint32 ? { ...cryptoSecrets, uint32: options.uint32 } : cryptoSecrets,
    clock,
    ids: ulidIds,
    rateLimiter: dynamoRateLimiter(() => clock.nowMs()),
    isCommonPassword,
    publicUrl: config().PUBLIC_URL.replace(/\/$/, ''),
  };
}

/** Sets a user's status straight in the table (what an administrator's deactivation will do). */
export async function setUserStatus(userId: string, status: UserStatus): Promise<void> {
  await usersRepository().transact([
    update(keys.user(userId), 'SET #status = :status', { ':status': status }, 'attribute_exists(PK)', {
      '#status': 'status',
    }),
  ]);
}

/** The user id behind an e-mail address (as the table has it). */
export async function userIdOf(email: string): Promise<string> {
  const user = await usersRepository().userByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  return user.userId;
}

export interface RecordedCall {
  service: 'dynamodb' | 'cognito';
  command: string;
}

/**
 * Records every DynamoDB and Cognito command this worker's SDK clients send while `work`
 * runs (work must be the only thing running in the worker meanwhile; its errors propagate,
 * so a refusal is asserted inside `work`). Lets a test compare the work done on two paths,
 * the honest stand-in for "similar timing".
 */
export async function recordAwsCalls(work: () => Promise<unknown>): Promise<RecordedCall[]> {
  const calls: RecordedCall[] = [];
  const name = `record-${randomInt(2 ** 31)}`;
  type Stack = ReturnType<typeof documentClient>['middlewareStack'];
  const stacks: [RecordedCall['service'], Stack][] = [
    ['dynamodb', documentClient().middlewareStack],
    ['cognito', cognitoClient().middlewareStack as unknown as Stack],
  ];
  for (const [service, stack] of stacks) {
    stack.add(
      (next, context) => (args) => {
        calls.push({ service, command: String(context.commandName) });
        return next(args);
      },
      { step: 'initialize', name },
    );
  }
  try {
    await work();
  } finally {
    for (const [, stack] of stacks) stack.remove(name);
  }
  return calls;
}

/** The value a Set-Cookie list gives to a cookie, or undefined. */
export function cookieValue(setCookies: readonly string[], name: string): string | undefined {
  const line = setCookies.find((cookie) => cookie.startsWith(`${name}=`));
  const value = line?.split(';')[0]!.slice(name.length + 1);
  return value || undefined;
}

export interface DirectLogin {
  /** The session cookie's value ("<userId>.<secret>"). */
  session: string;
  /** The remembered-browser cookie, when this login set one. */
  device: string | undefined;
  withCode: boolean;
}

/**
 * A whole login through the use cases, as the handlers chain them: password, then (when
 * asked) the SMS code. `code` is the code the ports' `uint32` produces (e.g. 42 → '000042').
 */
export async function logInDirectly(
  ports: TestAuthPorts,
  who: { email: string; password: string; mobile: string },
  options: { ip: string; code: string; deviceCookie?: string; userAgent?: string },
): Promise<DirectLogin> {
  const userAgent = options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36';
  const first = await login(ports)({
    email: who.email,
    password: who.password,
    ip: options.ip,
    userAgent,
    deviceCookie: options.deviceCookie,
  });
  if (first.response.status === 'authenticated') {
    return { session: cookieValue(first.cookies, COOKIE.session)!, device: undefined, withCode: false };
  }
  const loginCookie = cookieValue(first.cookies, COOKIE.login);
  await sendLoginCode(ports)({ loginCookie, mobile: first.response.phoneEditable ? who.mobile : undefined });
  const { cookies } = await verifyLoginCode(ports)({
    loginCookie,
    code: options.code,
    ip: options.ip,
    userAgent,
  });
  return {
    session: cookieValue(cookies, COOKIE.session)!,
    device: cookieValue(cookies, COOKIE.device),
    withCode: true,
  };
}
