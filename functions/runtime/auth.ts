import type { RouteDefinition } from '../routes';
import { DomainError } from '../domain/errors';
import { sessionsRepository } from '../adapters/dynamodb/sessions-repository';
import { cryptoSecrets } from '../adapters/system/crypto-secrets';
import { systemClock } from '../adapters/system/system-clock';
import { checkSession } from '../use-cases/auth/session-access';
import { COOKIE, isOpaqueSecret } from './cookies';
import type { Role, User } from '../domain/users';

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

export interface AuthInput {
  readonly cookies: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly sourceIp: string;
}

let sessionChecker: ReturnType<typeof checkSession> | undefined;

/**
 * The access check of every route, from its `access` rule in the route table: `public`
 * needs nothing; session rules are checked against the table (session, user, membership);
 * `employeeLink` and `insurer` routes check their own credential in their use case.
 */
export async function resolvePrincipal(route: RouteDefinition, input: AuthInput): Promise<Principal | null> {
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
      // No route of these kinds is served yet: refuse rather than let through.
      throw new DomainError('UNAUTHENTICATED');
  }
}
