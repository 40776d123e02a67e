import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../functions/contracts/error-messages';
import { CODE_TTL_MS, LOGIN_ATTEMPT_TTL_MS } from '../../../functions/domain/login-code';
import { COOKIE, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../functions/runtime/cookies';
import { checkSession } from '../../../functions/use-cases/auth/session-access';
import { baseUrl, callApi } from '../../support/api';
import {
  Spares,
  browser,
  e164,
  freshAdmins,
  latestCode,
  logIn,
  uniqueIp,
  type ActivatedAdmin,
} from '../../support/auth-flow';
import {
  fakeClock,
  isolatedInstant,
  logInDirectly,
  recordAwsCalls,
  setUserStatus,
  testAuthPorts,
  useTestStack,
  userIdOf,
  type TestAuthPorts,
} from '../../support/auth-ports';

const MINUTE = 60_000;
const unauthenticated = { code: 'UNAUTHENTICATED', message: errorMessages.UNAUTHENTICATED };

/** A Set-Cookie line as { name, value, attributes (lower case) }. */
const parseSetCookie = (line: string) => {
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  const separator = pair!.indexOf('=');
  return {
    name: pair!.slice(0, separator),
    value: pair!.slice(separator + 1),
    attributes: attributes.map((attribute) => attribute.toLowerCase()),
  };
};

/** Each describe or test that changes an account's state takes an account of its own. */
const admins = new Spares<ActivatedAdmin>();

beforeAll(async () => {
  useTestStack();
  admins.fill(await freshAdmins(8));
});

describe('session cookies', () => {
  let admin: ActivatedAdmin;

  beforeAll(async () => {
    admin = admins.take();
  });

  it('sets __Host- cookies, Secure, HttpOnly, Path=/, no Domain; Strict for session and login, Lax for the device', async () => {
    const who = browser(uniqueIp());
    const login = await who.call<{ phoneEditable: boolean }>('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    expect(login.cookies.map(parseSetCookie)).toEqual([
      {
        name: COOKIE.login,
        value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        // The attempt outlives its 15 minutes by the 10 of a code sent at the last moment.
        attributes: [
          'path=/',
          `max-age=${(LOGIN_ATTEMPT_TTL_MS + CODE_TTL_MS) / 1000}`,
          'secure',
          'httponly',
          'samesite=strict',
        ],
      },
    ]);

    expect((await who.call('POST', '/auth/login/code', { mobile: admin.mobile })).status).toBe(200);
    const verify = await who.call('POST', '/auth/login/verify', {
      code: await latestCode(e164(admin.mobile)),
    });
    expect(verify.status).toBe(200);
    const cookies = verify.cookies.map(parseSetCookie);
    expect(cookies).toEqual(
      expect.arrayContaining([
        {
          name: COOKIE.session,
          value: expect.stringMatching(/^[0-9A-Z]{26}\.[A-Za-z0-9_-]{43}$/),
          attributes: ['path=/', 'max-age=43200', 'secure', 'httponly', 'samesite=strict'],
        },
        {
          name: COOKIE.device,
          value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          attributes: ['path=/', 'max-age=34560000', 'secure', 'httponly', 'samesite=lax'],
        },
        {
          name: COOKIE.login,
          value: '',
          attributes: expect.arrayContaining(['max-age=0', 'path=/', 'secure']),
        },
      ]),
    );
    expect(cookies).toHaveLength(3);
    for (const cookie of cookies) {
      expect(cookie.name.startsWith('__Host-')).toBe(true);
      expect(cookie.attributes.some((attribute) => attribute.startsWith('domain'))).toBe(false);
    }
  });

  it('ends the session on the server at logout: the old cookie, replayed, is refused', async () => {
    const who = browser(uniqueIp());
    await logIn(who, admin);
    const stolen = browser(uniqueIp(), who.jar.clone());
    const logout = await who.call('POST', '/auth/logout');
    expect(logout.status).toBe(200);
    expect(logout.body).toEqual({ loggedOut: true });
    expect(logout.cookies.map(parseSetCookie)).toEqual([
      expect.objectContaining({
        name: COOKIE.session,
        value: '',
        attributes: expect.arrayContaining(['max-age=0']),
      }),
    ]);
    const replay = await stolen.call('GET', '/me');
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual(unauthenticated);
    expect((await stolen.call('POST', '/auth/logout')).status).toBe(401);
  });

  it('refuses a session cookie whose user id was swapped for another user', async () => {
    const who = browser(uniqueIp());
    await logIn(who, admin);
    const other = admins.take();
    const secret = who.jar.get(COOKIE.session)!.split('.')[1];
    const forged = await callApi('GET', '/me', {
      cookies: `${COOKIE.session}=${await userIdOf(other.email)}.${secret}`,
    });
    expect(forged.status).toBe(401);
    expect((await who.call('GET', '/me')).status).toBe(200);
  });
});

describe('session timeouts (checked with a moved clock on sessions made by real logins)', () => {
  let admin: ActivatedAdmin;
  let ports: TestAuthPorts;
  let ip: string;
  let device: string;

  const check = (session: string) =>
    checkSession({ sessions: ports.sessions, secrets: ports.secrets, clock: ports.clock })({
      cookie: session,
      access: 'authenticated',
    });

  /** A new session for the remembered browser at the clock's current time (no SMS needed). */
  const newSession = async () => {
    const login = await logInDirectly(ports, admin, { ip, code: '000042', deviceCookie: device });
    expect(login.withCode).toBe(false);
    return login.session;
  };

  beforeAll(async () => {
    admin = admins.take();
    ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });
    ip = uniqueIp();
    const first = await logInDirectly(ports, admin, { ip, code: '000042' });
    expect(first.withCode).toBe(true);
    device = first.device!;
  });

  it('keeps a session exactly 30 minutes idle, and refuses it 1 ms later', async () => {
    const atLimit = await newSession();
    ports.clock.advance(SESSION_IDLE_MS);
    await expect(check(atLimit)).resolves.toMatchObject({ userId: await userIdOf(admin.email) });

    const pastLimit = await newSession();
    ports.clock.advance(SESSION_IDLE_MS + 1);
    await expect(check(pastLimit)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('counts the idle time from the last request', async () => {
    const session = await newSession();
    ports.clock.advance(20 * MINUTE);
    await check(session);
    ports.clock.advance(25 * MINUTE);
    await expect(check(session)).resolves.toBeDefined();
    ports.clock.advance(SESSION_IDLE_MS + 1);
    await expect(check(session)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refreshes the idle clock at most once a minute (no write per request)', async () => {
    const session = await newSession();
    ports.clock.advance(30_000);
    const soon = await recordAwsCalls(() => check(session));
    ports.clock.advance(31_000);
    const later = await recordAwsCalls(() => check(session));
    expect(soon.map((call) => call.command)).toEqual(['BatchGetItemCommand']);
    expect(later.map((call) => call.command)).toEqual(['BatchGetItemCommand', 'UpdateItemCommand']);
  });

  it('ends an active session 12 hours after the login, to the millisecond', async () => {
    const session = await newSession();
    const start = ports.clock.nowMs();
    while (ports.clock.nowMs() + 25 * MINUTE < start + SESSION_ABSOLUTE_MS) {
      ports.clock.advance(25 * MINUTE);
      await check(session);
    }
    ports.clock.set(start + SESSION_ABSOLUTE_MS);
    await expect(check(session)).resolves.toBeDefined();
    ports.clock.set(start + SESSION_ABSOLUTE_MS + 1);
    await expect(check(session)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('deactivation', () => {
  it('refuses the very next request of a deactivated user, and their login', async () => {
    const admin = admins.take();
    const who = browser(uniqueIp());
    await logIn(who, admin);
    expect((await who.call('GET', '/me')).status).toBe(200);

    await setUserStatus(await userIdOf(admin.email), 'deactivated');

    const me = await who.call('GET', '/me');
    expect(me.status).toBe(401);
    expect(me.body).toEqual(unauthenticated);
    expect((await who.call('POST', '/auth/logout')).status).toBe(401);
    const again = await who.call('POST', '/auth/login', { email: admin.email, password: admin.password });
    expect(again.status).toBe(401);
    expect(again.body).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS });
  });

  it('lets a user deactivated between password and code go no further', async () => {
    const admin = admins.take();
    const who = browser(uniqueIp());
    const login = await who.call('POST', '/auth/login', { email: admin.email, password: admin.password });
    expect(login.body).toMatchObject({ status: 'mfa_required' });
    await setUserStatus(await userIdOf(admin.email), 'deactivated');
    const send = await who.call('POST', '/auth/login/code', { mobile: admin.mobile });
    expect(send.status).toBe(401);
    expect(send.body).toEqual({
      code: 'LOGIN_ATTEMPT_INVALID',
      message: errorMessages.LOGIN_ATTEMPT_INVALID,
    });
  });
});

describe('password change', () => {
  it('ends the other sessions and keeps this browser signed in with a fresh session', async () => {
    const admin = admins.take();
    const here = browser(uniqueIp());
    const elsewhere = browser(uniqueIp());
    await logIn(here, admin);
    await logIn(elsewhere, admin);
    const before = browser(uniqueIp(), here.jar.clone());
    const newPassword = 'Une-terrasse-au-soleil-2027';

    const change = await here.call('POST', '/me/password', { currentPassword: admin.password, newPassword });
    expect(change.status).toBe(200);
    expect(change.body).toEqual({ changed: true });
    expect(here.jar.get(COOKIE.session)).not.toBe(before.jar.get(COOKIE.session));

    expect((await here.call('GET', '/me')).status).toBe(200);
    expect((await elsewhere.call('GET', '/me')).status).toBe(401);
    expect((await before.call('GET', '/me')).status).toBe(401);

    const old = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    expect(old.status).toBe(401);
    const fresh = browser(uniqueIp());
    await logIn(fresh, { ...admin, password: newPassword });
    expect((await fresh.call('GET', '/me')).status).toBe(200);
  });

  it('refuses a wrong current password and a weak new one, changing nothing', async () => {
    const admin = admins.take();
    const who = browser(uniqueIp());
    await logIn(who, admin);

    const wrong = await who.call('POST', '/me/password', {
      currentPassword: 'Pas-le-bon-mot-de-passe',
      newPassword: 'Une-terrasse-au-soleil-2027',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      fields: { currentPassword: 'Mot de passe actuel incorrect.' },
    });
    const weak = await who.call<{ fields: Record<string, string> }>('POST', '/me/password', {
      currentPassword: admin.password,
      newPassword: 'azertyuiop2024',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.fields.newPassword).toMatch(/trop courant/);

    expect((await who.call('GET', '/me')).status).toBe(200);
    expect(await logIn(who, admin)).toBe('without-code');
  });
});

describe('CSRF', () => {
  let admin: ActivatedAdmin;

  beforeAll(async () => {
    admin = admins.take();
  });

  const csrfRejected = { code: 'CSRF_REJECTED', message: errorMessages.CSRF_REJECTED };
  const login = (headers: Record<string, string>) =>
    callApi('POST', '/auth/login', {
      body: { email: admin.email, password: admin.password },
      csrf: false,
      headers: { 'x-forwarded-for': uniqueIp(), ...headers },
    });

  it.each([
    ['without the x-ees-request header', () => ({ origin: baseUrl() })],
    ['with another value of the header', () => ({ origin: baseUrl(), 'x-ees-request': 'true' })],
    ['from a foreign origin', () => ({ origin: 'https://evil.example', 'x-ees-request': '1' })],
    ['from the same host on another port', () => ({ origin: 'http://127.0.0.1:1', 'x-ees-request': '1' })],
    ['from an opaque origin', () => ({ origin: 'null', 'x-ees-request': '1' })],
    ['without an Origin', () => ({ 'x-ees-request': '1' })],
  ])('refuses a POST %s with 403 CSRF_REJECTED', async (_how, headers) => {
    const answer = await login(headers());
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(csrfRejected);
    expect(answer.cookies).toEqual([]);
  });

  it('accepts the same POST with the header and the portal origin', async () => {
    const answer = await login({ origin: baseUrl(), 'x-ees-request': '1' });
    expect(answer.status).toBe(200);
  });

  it('refuses a cross-site logout before looking at the session, which stays open', async () => {
    const who = browser(uniqueIp());
    await logIn(who, admin);
    const forged = await callApi('POST', '/auth/logout', {
      cookies: who.jar.header(),
      csrf: false,
      headers: { origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual(csrfRejected);
    expect((await callApi('POST', '/auth/logout', { csrf: false })).status).toBe(403);
    expect((await who.call('GET', '/me')).status).toBe(200);
  });

  it('lets reads through without the header', async () => {
    const who = browser(uniqueIp());
    await logIn(who, admin);
    const me = await callApi('GET', '/me', { cookies: who.jar.header() });
    expect(me.status).toBe(200);
  });
});
