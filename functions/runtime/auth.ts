import type { RouteDefinition } from '../routes';
import { DomainError } from '../domain/errors';
import { sessionsRepository } from '../adapters/dynamodb/sessions-repository';
import { cryptoSecrets } from '../adapters/system/crypto-secrets';
import { systemClock } from '../adapters/system/system-clock';
import { checkSession } from '../use-cases/auth/session-access';
import { COOKIE, isOpaqueSecret } from './cookies';
import type { Role, User } from '../domain/users';
import { biaLink } from '../adapters/dynamodb/bia-links-repository';
import { keyedDigest } from '../adapters/system/keyed-digest';
import { BIA_TOKEN_HEADER, INSURER_KEY_HEADER } from '../contracts/affiliation';
import { config } from './config';

/** Who is calling, once the session has been checked. */
export interface Principal {
  readonly kind: 'user';
  readonly userId: string;
  /** Digest of the session secret (the session's key), never the secret itself. */
  readonly sessionId: string;
  readonly companyRole?: Role;
  /** The user as read by the access check (same request, same read). */
  readonly user?: User;
}

/** An employee holding the personal link of one demande d'affiliation (no account). */
export interface EmployeeLink {
  readonly companyId: string;
  readonly requestId: string;
  readonly journey: number;
  readonly tokenDigest: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

/** Everything the access check established about the caller. */
export interface Caller {
  readonly principal: Principal | null;
  readonly employeeLink: EmployeeLink | null;
  readonly insurer: boolean;
}

export interface AuthInput {
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly sourceIp: string;
}

let sessionChecker: ReturnType<typeof checkSession> | undefined;

const BIA_TOKEN_FORM = /^[A-Za-z0-9_-]{43}$/;

/** The BIA link: a live token of purpose 'bia'; every failure is the same "link no longer valid". */
async function checkEmployeeLink(token: string | undefined): Promise<EmployeeLink> {
  if (!token || !BIA_TOKEN_FORM.test(token)) throw new DomainError('UNAUTHENTICATED', 'BIA_LINK_INVALID');
  const tokenDigest = keyedDigest('link', token);
  const link = await biaLink(tokenDigest);
  if (!link || link.expiresAt < Math.floor(systemClock.nowMs() / 1000)) {
    throw new DomainError('UNAUTHENTICATED', 'BIA_LINK_INVALID');
  }
  return { ...link, tokenDigest };
}

/**
 * The back office calls with a key from the stage's secrets (INSURER_API_KEY); a stage
 * without one serves no back-office route at all.
 */
function checkInsurerKey(given: string | undefined): void {
  const expected = config().INSURER_API_KEY;
  if (!expected || given === undefined || !cryptoSecrets.same(given, expected)) {
    throw new DomainError('UNAUTHENTICATED', 'INSURER_KEY_INVALID');
  }
}

/** The access check of every route, from its `access` rule in the route table. */
export async function resolveCaller(route: RouteDefinition, input: AuthInput): Promise<Caller> {
  const nobody = { principal: null, employeeLink: null, insurer: false };
  switch (route.access) {
    case 'employeeLink':
      return { ...nobody, employeeLink: await checkEmployeeLink(input.headers[BIA_TOKEN_HEADER]) };
    case 'insurer':
      checkInsurerKey(input.headers[INSURER_KEY_HEADER]);
      return { ...nobody, insurer: true };
    default:
      return { ...nobody, principal: await resolvePrincipal(route, input) };
  }
}

/**
 * The user behind a route's session rules: `public` needs nothing; session rules are
 * checked against the table (session, user, membership).
 */
async function resolvePrincipal(route: RouteDefinition, input: AuthInput): Promise<Principal | null> {
  switch (route.access) {
    case 'public':
      return null;
    case 'authenticated':
    case 'companyMember':
    case 'companyAdmin': {
      sessionChecker ??= checkSession({
        sessions: sessionsRepository(),
        secrets: cryptoSecrets,
        clock: systemClock,
      });
      const principal = await sessionChecker({
        cookie: input.cookies[COOKIE.session],
        access: route.access,
        companyId: input.params.companyId,
      });
      return {
        kind: 'user',
        userId: principal.userId,
        sessionId: principal.sessionDigest,
        companyRole: principal.companyRole,
        user: principal.user,
      };
    }
    case 'loginAttempt':
      // The login-attempt cookie is the credential: its form is checked here, before the body
      // is read; its use case checks the rest (it exists, is pending, has not expired).
      if (!isOpaqueSecret(input.cookies[COOKIE.login])) {
        throw new DomainError('UNAUTHENTICATED', 'LOGIN_ATTEMPT_INVALID');
      }
      return null;
    case 'employeeLink':
    case 'insurer':
      throw new Error(`resolvePrincipal is not the check of ${route.access} routes`);
  }
}
