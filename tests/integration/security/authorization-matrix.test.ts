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
import { callApi } from '../../support/api';
import { CookieJar } from '../../support/cookie-jar';
import { biaTokenIn, emailsTo, insurerKey, newEmployee } from '../../support/affiliation';
import { keyedDigest } from '../../../functions/adapters/system/keyed-digest';
import { BIA_TOKEN_HEADER, INSURER_KEY_HEADER } from '../../../functions/contracts/affiliation';

/**
 * Every route of the route table, called as every kind of caller, must answer exactly as its
 * access rule says: a new route without a rule, or with the wrong one, fails here.
 */
type Caller =
  'anonymous' | 'outsider' | 'member' | 'admin' | 'deactivated' | 'expired' | 'employeeLink' | 'insurer';
/**
 * member = Utilisateur of A, admin = Administrateur of A, outsider = Administrateur of B only,
 * employeeLink = the personal BIA link of an employee pré-affiliated by A, insurer = the back office's key.
 */
const callers: readonly Caller[] = [
  'anonymous',
  'outsider',
  'member',
  'admin',
  'deactivated',
  'expired',
  'employeeLink',
  'insurer',
];
type Account = 'outsider' | 'member' | 'admin' | 'deactivated' | 'expired';

const allowed: Record<Access, readonly Caller[]> = {
  public: callers,
  authenticated: ['outsider', 'member', 'admin'],
  companyMember: ['member', 'admin'],
  companyAdmin: ['admin'],
  // No caller here holds a pending login: every one of them is refused.
  loginAttempt: [],
  employeeLink: ['employeeLink'],
  insurer: ['insurer'],
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
    // An employee pré-affiliated by A's administrator: their personal link, from the e-mail.
    targetSiret = target!.mainSiret;
    const body = newEmployee({ siret: targetSiret });
    const created = await adminBrowser.call<{ requestId: string }>(
      'POST',
      `/companies/${companyId}/affiliation-requests`,
      body,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    employeeRequestId = created.body.requestId;
    employeeToken = (await emailsTo(body.employee.email!))
      .map((mail) => biaTokenIn(mail.text))
      .find(Boolean)!;
    expect(employeeToken).toBeDefined();
  });

  let targetSiret: string;
  let employeeRequestId: string;
  let employeeToken: string;

  /** A caller that holds no account, only a credential in a header (the BIA link, the back office's key). */
  const withHeader = (ip: string, name: string, value: () => string): Browser => ({
    jar: new CookieJar(),
    ip,
    call: <T>(method: string, path: string, body?: unknown) =>
      callApi<T>(method, path, {
        body: body ?? (method === 'GET' ? undefined : {}),
        headers: { [name]: value(), 'x-forwarded-for': ip },
      }),
  });

  const signedIn = new Map<Caller, Promise<Browser>>();
  /** One signed-in browser per caller (login is rate-limited per account, as it should be). */
  function as(caller: Caller): Promise<Browser> {
    let who = signedIn.get(caller);
    if (!who) {
      const ip = `192.0.2.${callers.indexOf(caller) + 10}`;
      const fresh = browser(ip);
      who =
        caller === 'employeeLink'
          ? // What an employee holds: the single-purpose token of their BIA link, no account.
            Promise.resolve(withHeader(ip, BIA_TOKEN_HEADER, () => employeeToken))
          : caller === 'insurer'
            ? Promise.resolve(withHeader(ip, INSURER_KEY_HEADER, insurerKey))
            : caller === 'anonymous'
              ? Promise.resolve(fresh)
              : logIn(fresh, accounts[caller]).then(() => fresh);
      signedIn.set(caller, who);
    }
    return who;
  }

  const pathFor = (route: RouteDefinition) =>
    route.path.replace('{companyId}', companyId).replace(/\{(\w+)\}/g, '0000000000000000000000000A');

  // Before the matrix: its last row (logout) ends every session.
  const employeeRoutes = routes.filter((route) => route.access === 'employeeLink');
  const insurerRoutes = routes.filter((route) => route.access === 'insurer');

  it('gives an employee link its own request only, nothing of the company', async () => {
    const employee = await as('employeeLink');
    const page = await employee.call<{ requestId: string }>('GET', '/bia');
    expect(page.status).toBe(200);
    expect(page.body.requestId).toBe(employeeRequestId);
    // The request's own follow-up, on the employer side, stays closed to it.
    const tracking = await employee.call('GET', `/companies/${companyId}/affiliation-requests`);
    expect(tracking.status).toBe(401);
  });

  it('refuses an expired employee link on every route of the BIA', async () => {
    const admin = await as('admin');
    const body = newEmployee({ siret: targetSiret });
    const created = await admin.call('POST', `/companies/${companyId}/affiliation-requests`, body);
    expect(created.status).toBe(201);
    const token = (await emailsTo(body.employee.email!)).map((mail) => biaTokenIn(mail.text)).find(Boolean)!;
    await documentClient().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.linkToken(keyedDigest('link', token)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    const expired = withHeader('192.0.2.200', BIA_TOKEN_HEADER, () => token);
    expect(employeeRoutes.length).toBeGreaterThan(0);
    for (const route of employeeRoutes) {
      const response = await expired.call<{ code: string }>(
        route.method,
        route.path,
        route.method === 'GET' ? undefined : {},
      );
      expect(response.status, route.id).toBe(401);
      expect(response.body.code, route.id).toBe('BIA_LINK_INVALID');
    }
  });

  it('refuses the back office’s routes to a signed-in administrator and to a wrong key', async () => {
    const admin = await as('admin');
    // A live session, so the refusal below is about the key, not about a dead session.
    expect((await admin.call('GET', '/me')).status).toBe(200);
    const wrongKey = withHeader('192.0.2.201', INSURER_KEY_HEADER, () => `${insurerKey()}-x`);
    expect(insurerRoutes.length).toBeGreaterThan(0);
    for (const route of insurerRoutes) {
      for (const who of [admin, wrongKey]) {
        const response = await who.call<{ code: string }>(
          route.method,
          pathFor(route),
          route.method === 'GET' ? undefined : {},
        );
        expect(response.status, route.id).toBe(401);
        expect(response.body.code, route.id).toBe('INSURER_KEY_INVALID');
      }
    }
  });

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
