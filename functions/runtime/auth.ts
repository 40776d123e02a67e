import type { RouteDefinition } from '../routes';
import { DomainError } from '../domain/errors';

/** Who is calling, once the session (or the employee's link) has been checked. */
export interface Principal {
  readonly kind: 'user';
  readonly userId: string;
  readonly sessionId: string;
}

export interface AuthInput {
  readonly cookies: Readonly<Record<string, string>>;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly sourceIp: string;
}

/**
 * The access check of every route, from its `access` rule in the route table. Public
 * routes need nothing. Every other rule needs a session, which the authentication issue
 * provides; until a route uses it, anything but `public` is refused rather than let through.
 */
export async function resolvePrincipal(route: RouteDefinition, _input: AuthInput): Promise<Principal | null> {
  if (route.access === 'public') return null;
  throw new DomainError('UNAUTHENTICATED');
}
