import { DomainError } from '../../domain/errors';
import type { Role, User } from '../../domain/users';
import type { SessionsRepository } from '../../adapters/dynamodb/sessions-repository';
import { SESSION_IDLE_MS, parseSessionCookie } from '../../runtime/cookies';
import type { Clock } from '../../ports/clock';
import type { Secrets } from '../../ports/secrets';

export interface SessionPrincipal {
  userId: string;
  sessionDigest: string;
  /** The caller's profile on the company of the path, for company-scoped routes. */
  companyRole?: Role;
  /** The user record the check read anyway: use cases need not read it a second time. */
  user: User;
}

export type AccessRule = 'authenticated' | 'companyMember' | 'companyAdmin';

/** Refresh the idle clock at most this often: one write per minute, not per request. */
const TOUCH_EVERY_MS = 60_000;
const COMPANY_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The access check of every non-public route, in one BatchGet: the session (idle and
 * absolute expiry, not ended by a password change), its user (still active: deactivation
 * takes effect at the next request) and, when the route is company-scoped, the membership.
 */
export const checkSession =
  ({ sessions, secrets, clock }: { sessions: SessionsRepository; secrets: Secrets; clock: Clock }) =>
  async (input: {
    cookie: string | undefined;
    access: AccessRule;
    companyId?: string;
  }): Promise<SessionPrincipal> => {
    const parsed = parseSessionCookie(input.cookie);
    if (!parsed) throw new DomainError('UNAUTHENTICATED');
    const sessionDigest = secrets.digest('session', parsed.secret);
    const companyScoped = input.access !== 'authenticated';
    if (companyScoped && !input.companyId) throw new DomainError('FORBIDDEN');
    // Company ids are ULIDs: anything else is no membership of the caller's, and must not reach a
    // key (DynamoDB refuses a sort key over 1 KB with a ValidationException, i.e. a 500).
    const { session, user, membership } = await sessions.sessionContext(
      sessionDigest,
      parsed.userId,
      companyScoped && COMPANY_ID.test(input.companyId!) ? input.companyId : undefined,
    );
    const now = clock.nowMs();
    if (
      !session ||
      session.userId !== parsed.userId ||
      now > session.absoluteExpiresAt ||
      now - session.lastSeenAt > SESSION_IDLE_MS ||
      !user ||
      user.status !== 'active' ||
      (user.sessionsNotBefore !== undefined && session.createdAt < user.sessionsNotBefore)
    ) {
      throw new DomainError('UNAUTHENTICATED');
    }
    let companyRole: Role | undefined;
    if (companyScoped) {
      if (!membership || membership.status !== 'active') throw new DomainError('FORBIDDEN');
      if (input.access === 'companyAdmin' && membership.role !== 'admin') throw new DomainError('FORBIDDEN');
      companyRole = membership.role;
    }
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) {
      await sessions.touch(sessionDigest, now);
    }
    return { userId: parsed.userId, sessionDigest, companyRole, user };
  };
