import { beforeAll, describe, expect, it, inject } from 'vitest';
import { routes as routeTable, type Access, type RouteDefinition } from '../../../functions/routes';
import { resetConfigCache } from '../../../functions/runtime/config';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { put, usersRepository } from '../../../functions/adapters/dynamodb/users-repository';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../../functions/runtime/clients';
import { config } from '../../../functions/runtime/config';
import { freshCompany } from '../../support/fixtures';
import {
  activateAndConfirm,
  browser,
  logIn,
  type ActivatedAdmin,
  type Browser,
} from '../../support/auth-flow';

/**
 * Every route of the route table, called as every kind of caller, must answer exactly as its
 * access rule says: a new route without a rule, or with the wrong one, fails here.
 */
type Caller = 'anonymous' | 'outsider' | 'member' | 'admin' | 'deactivated' | 'expired' | 'employeeLink';
/** member = Utilisateur of A, admin = Administrateur of A, outsider = Administrateur of B only. */
const callers: readonly Caller[] = [
  'anonymous',
  'outsider',
  'member',
  'admin',
  'deactivated',
  'expired',
  'employeeLink',
];
type Account = 'outsider' | 'member' | 'admin' | 'deactivated' | 'expired';

const allowed: Record<Access, readonly Caller[]> = {
  public: callers,
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
const routes: readonly RouteDefinition[] = [...routeTable].sort(
  (a, b) => Number(endsSession(a)) - Number(endsSession(b)),
);

describe('authorization matrix', () => {
  let companyId: string;
  const accounts = {} as Record<Account, ActivatedAdmin>;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    const [target, memberHome, outsiderHome, deactivatedHome, expiredHome] = await Promise.all(
      Array.from({ length: 5 }, () => freshCompany()),
    );
    accounts.admin = await activateAndConfirm(target!);
    accounts.member = await activateAndConfirm(memberHome!);
    accounts.outsider = await activateAndConfirm(outsiderHome!);
    accounts.deactivated = await activateAndConfirm(deactivatedHome!);
    accounts.expired = await activateAndConfirm(expiredHome!);
    const users = usersRepository();
    const admin = (await users.userByEmail(accounts.admin.email))!;
    companyId = (await users.memberships(admin.userId))[0]!.companyId;
    // member, deactivated and expired hold the Utilisateur profile on A (what an invitation grants).
    for (const account of ['member', 'deactivated', 'expired'] as const) {
      const user = (await users.userByEmail(accounts[account].email))!;
      await users.transact([
        put({
          ...keys.membership(user.userId, companyId),
          ...keys.companyMember(companyId, user.userId),
          _type: 'Membership',
          _v: 1,
          userId: user.userId,
          companyId,
          role: 'user',
          status: 'active',
          companyName: target!.name,
          mainSiret: target!.mainSiret,
          grantedAt: new Date().toISOString(),
          grantedBy: admin.userId,
        }),
      ]);
    }
    // Signed in, then deactivated by A's administrator: the sessions end at once.
    const deactivatedBrowser = await as('deactivated');
    const deactivatedId = (await deactivatedBrowser.call<{ userId: string }>('GET', '/me')).body.userId;
    const adminBrowser = await as('admin');
    const deactivation = await adminBrowser.call(
      'POST',
      `/companies/${companyId}/users/${deactivatedId}/deactivation`,
      {
        mode: 'temporary',
      },
    );
    expect(deactivation.status).toBe(200);
    // Signed in, then idle for longer than the 30-minute idle timeout.
    const expiredBrowser = await as('expired');
    const expiredUser = (await users.userByEmail(accounts.expired.email))!;
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.userSessionsPartition(expiredUser.userId).GSI1PK },
      }),
    );
    for (const session of Items) {
      await documentClient().send(
        new UpdateCommand({
          TableName: config().TABLE_NAME,
          Key: keys.session(session.sessionDigest as string),
          UpdateExpression: 'SET lastSeenAt = :old',
          ExpressionAttributeValues: { ':old': Date.now() - 31 * 60_000 },
        }),
      );
    }
    expect((await expiredBrowser.call('GET', '/me')).status).toBe(401);
  });

  const signedIn = new Map<Caller, Promise<Browser>>();
  /** One signed-in browser per caller (login is rate-limited per account, as it should be). */
  function as(caller: Caller): Promise<Browser> {
    let who = signedIn.get(caller);
    if (!who) {
      const fresh = browser(`192.0.2.${callers.indexOf(caller) + 10}`);
      if (caller === 'employeeLink') {
        // What an employee holds: the single-purpose token of their BIA link, no account.
        fresh.jar.store([`ees-bia=${'x'.repeat(43)}; Path=/`]);
      }
      who =
        caller === 'anonymous' || caller === 'employeeLink'
          ? Promise.resolve(fresh)
          : logIn(fresh, accounts[caller]).then(() => fresh);
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
        // A live session on the wrong company is forbidden; no (live) session is unauthenticated.
        const liveSession = caller === 'outsider' || caller === 'member' || caller === 'admin';
        const companyScoped = route.access === 'companyMember' || route.access === 'companyAdmin';
        expect(response.status, `${route.id} must refuse ${caller}`).toBe(
          liveSession && companyScoped ? 403 : 401,
        );
      }
      expect(response.status).toBeLessThan(500);
    },
  );

  it('has a rule for every route', () => {
    for (const route of routes) expect(Object.keys(allowed)).toContain(route.access);
  });
});
