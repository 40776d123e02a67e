import { beforeAll, describe, expect, it, inject } from 'vitest';
import { routes as routeTable, type Access, type RouteDefinition } from '../../../functions/routes';
import { resetConfigCache } from '../../../functions/runtime/config';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { put, usersRepository } from '../../../functions/adapters/dynamodb/users-repository';
import { freshCompany } from '../../support/fixtures';
import { activateAndConfirm, browser, logIn, type ActivatedAdmin, type Browser } from '../../support/auth-flow';

/**
 * Every route of the route table, called as every kind of caller, must answer exactly as its
 * access rule says: a new route without a rule, or with the wrong one, fails here.
 */
type Caller = 'anonymous' | 'outsider' | 'member' | 'admin';
const callers: readonly Caller[] = ['anonymous', 'outsider', 'member', 'admin'];

const allowed: Record<Access, readonly Caller[]> = {
  public: ['anonymous', 'outsider', 'member', 'admin'],
  authenticated: ['outsider', 'member', 'admin'],
  companyMember: ['member', 'admin'],
  companyAdmin: ['admin'],
  // None of these callers holds such a credential: every one of them is refused.
  loginAttempt: [],
  employeeLink: [],
  insurer: [],
};

/** Routes that end the session they use run last, so each caller signs in once. */
const endsSession = (route: RouteDefinition) => route.id === 'logout';
const routes: readonly RouteDefinition[] = [...routeTable].sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));

describe('authorization matrix', () => {
  let companyId: string;
  const accounts = {} as Record<Exclude<Caller, 'anonymous'>, ActivatedAdmin>;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    const [target, memberHome, outsiderHome] = await Promise.all([freshCompany(), freshCompany(), freshCompany()]);
    accounts.admin = await activateAndConfirm(target);
    accounts.member = await activateAndConfirm(memberHome);
    accounts.outsider = await activateAndConfirm(outsiderHome);
    const users = usersRepository();
    const admin = (await users.userByEmail(accounts.admin.email))!;
    const member = (await users.userByEmail(accounts.member.email))!;
    companyId = (await users.memberships(admin.userId))[0]!.companyId;
    // The member holds the Utilisateur profile on the target company (what an invitation grants).
    await users.transact([
      put({
        ...keys.membership(member.userId, companyId),
        ...keys.companyMember(companyId, member.userId),
        _type: 'Membership',
        _v: 1,
        userId: member.userId,
        companyId,
        role: 'user',
        status: 'active',
        companyName: target.name,
        mainSiret: target.mainSiret,
        grantedAt: new Date().toISOString(),
        grantedBy: admin.userId,
      }),
    ]);
  });

  const signedIn = new Map<Caller, Promise<Browser>>();
  /** One signed-in browser per caller (login is rate-limited per account, as it should be). */
  function as(caller: Caller): Promise<Browser> {
    let who = signedIn.get(caller);
    if (!who) {
      const fresh = browser(`192.0.2.${callers.indexOf(caller) + 10}`);
      who = caller === 'anonymous' ? Promise.resolve(fresh) : logIn(fresh, accounts[caller]).then(() => fresh);
      signedIn.set(caller, who);
    }
    return who;
  }

  const pathFor = (route: RouteDefinition) =>
    route.path.replace('{companyId}', companyId).replace(/\{(\w+)\}/g, '0000000000000000000000000A');

  it.each(routes.flatMap((route) => callers.map((caller) => [route.id, caller, route] as const)))(
    '%s as %s',
    async (_id, caller, route) => {
      const who = await as(caller);
      const response = await who.call(route.method, pathFor(route), route.method === 'GET' ? undefined : {});
      if (allowed[route.access].includes(caller)) {
        expect([401, 403], `${route.id} should let ${caller} through`).not.toContain(response.status);
      } else {
        const signedInCaller = caller !== 'anonymous';
        const companyScoped = route.access === 'companyMember' || route.access === 'companyAdmin';
        expect(response.status, `${route.id} must refuse ${caller}`).toBe(signedInCaller && companyScoped ? 403 : 401);
      }
      expect(response.status).toBeLessThan(500);
    },
  );

  it('has a rule for every route', () => {
    for (const route of routes) expect(Object.keys(allowed)).toContain(route.access);
  });
});
