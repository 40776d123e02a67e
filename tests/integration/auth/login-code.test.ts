import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../functions/contracts/error-messages';
import { CODE_TTL_MS, LOGIN_ATTEMPT_TTL_MS, RESEND_COOLDOWN_MS } from '../../../functions/domain/login-code';
import { maskPhone } from '../../../functions/domain/phone';
import { COOKIE } from '../../../functions/runtime/cookies';
import { login } from '../../../functions/use-cases/auth/login';
import { sendLoginCode } from '../../../functions/use-cases/auth/send-login-code';
import { verifyLoginCode } from '../../../functions/use-cases/auth/verify-login-code';
import { callApi, sentMessages } from '../../support/api';
import {
  Spares,
  browser,
  e164,
  freshAdmins,
  latestCode,
  logIn,
  uniqueIp,
  uniqueMobile,
  type ActivatedAdmin,
} from '../../support/auth-flow';
import {
  cookieValue,
  fakeClock,
  isolatedInstant,
  testAuthPorts,
  useTestStack,
  type TestAuthPorts,
} from '../../support/auth-ports';

/**
 * The SMS code rules, mostly through the use cases with a clock the test moves and chosen
 * random numbers (the code of uint32 n is n mod 10^6, six digits), against the real table.
 */

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36';
const SECOND = 1_000;

interface Attempt {
  cookie: string;
  ip: string;
  phoneEditable: boolean;
}

async function startAttempt(ports: TestAuthPorts, who: ActivatedAdmin, ip = uniqueIp()): Promise<Attempt> {
  const result = await login(ports)({
    email: who.email,
    password: who.password,
    ip,
    userAgent: USER_AGENT,
    deviceCookie: undefined,
  });
  if (result.response.status !== 'mfa_required') throw new Error('expected the SMS step');
  return {
    cookie: cookieValue(result.cookies, COOKIE.login)!,
    ip,
    phoneEditable: result.response.phoneEditable,
  };
}

const send = (ports: TestAuthPorts, attempt: Attempt, mobile?: string) =>
  sendLoginCode(ports)({ loginCookie: attempt.cookie, mobile });

const verify = (ports: TestAuthPorts, attempt: Attempt, code: string) =>
  verifyLoginCode(ports)({ loginCookie: attempt.cookie, code, ip: attempt.ip, userAgent: USER_AGENT });

/** Random numbers handed out in order: the codes the next sends will get. */
const sequence = (...values: number[]) => {
  const queue = [...values];
  return () => {
    const next = queue.shift();
    if (next === undefined) throw new Error('no more chosen random numbers');
    return next;
  };
};

const refusal = (code: string, reason: string) => ({ code, reason });

/** Each describe or test takes accounts of its own (the daily SMS caps count per user). */
const admins = new Spares<ActivatedAdmin>();
const adminOfFreshCompany = () => admins.take();

beforeAll(async () => {
  useTestStack();
  admins.fill(await freshAdmins(7));
});

describe('code lifetime and format', () => {
  let admin: ActivatedAdmin;

  beforeAll(async () => {
    admin = adminOfFreshCompany();
    // A first login verifies the phone number.
    await logIn(browser(uniqueIp()), admin);
  });

  it('accepts a code exactly 10 minutes after it was sent, and refuses it 1 ms later', async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });

    const inTime = await startAttempt(ports, admin);
    const sent = await send(ports, inTime);
    expect(sent.expiresAt).toBe(new Date(ports.clock.nowMs() + CODE_TTL_MS).toISOString());
    ports.clock.advance(CODE_TTL_MS);
    const { cookies } = await verify(ports, inTime, '000042');
    expect(cookieValue(cookies, COOKIE.session)).toBeDefined();

    const late = await startAttempt(ports, admin);
    await send(ports, late);
    ports.clock.advance(CODE_TTL_MS + 1);
    await expect(verify(ports, late, '000042')).rejects.toMatchObject({
      ...refusal('UNPROCESSABLE', 'LOGIN_CODE_EXPIRED'),
      fields: { code: errorMessages.LOGIN_CODE_EXPIRED },
    });
    // "Demandez-en un nouveau": a new code for the same attempt works.
    await send(ports, late);
    await expect(verify(ports, late, '000042')).resolves.toBeDefined();
  });

  it('keeps the login attempt alive for the 10 minutes of a code sent late', async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });
    const attempt = await startAttempt(ports, admin);
    ports.clock.advance(LOGIN_ATTEMPT_TTL_MS - SECOND);
    await send(ports, attempt);
    ports.clock.advance(CODE_TTL_MS);
    await expect(verify(ports, attempt, '000042')).resolves.toBeDefined();
  });

  it('sends a code with leading zeros as six digits, and accepts it as typed', async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 7 });
    const attempt = await startAttempt(ports, admin);
    await send(ports, attempt);
    const sms = (await sentMessages()).sms.find((message) => message.to === e164(admin.mobile));
    expect(sms?.text).toContain('votre code de connexion est 000007.');
    await expect(verify(ports, attempt, '000007')).resolves.toBeDefined();
  });

  it('sends to the verified number, which this screen cannot replace', async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });
    const attempt = await startAttempt(ports, admin);
    expect(attempt.phoneEditable).toBe(false);
    const sent = await send(ports, attempt, uniqueMobile());
    expect(sent.maskedPhone).toBe(maskPhone(e164(admin.mobile)));
  });
});

describe('tries', () => {
  let admin: ActivatedAdmin;
  let other: ActivatedAdmin;

  beforeAll(async () => {
    [admin, other] = [adminOfFreshCompany(), adminOfFreshCompany()];
  });

  it('ends the attempt at the 5th wrong code: even the right code is then refused, and a new login is needed', async () => {
    const who = browser(uniqueIp());
    const start = await who.call<{ phoneEditable: boolean }>('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    expect((await who.call('POST', '/auth/login/code', { mobile: admin.mobile })).status).toBe(200);
    expect(start.body.phoneEditable).toBe(true);
    const right = await latestCode(e164(admin.mobile));
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');

    for (const left of [4, 3, 2, 1]) {
      const answer = await who.call('POST', '/auth/login/verify', { code: wrong });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({
        code: 'LOGIN_CODE_WRONG',
        message: errorMessages.LOGIN_CODE_WRONG,
        fields: { code: `Code incorrect. Il vous reste ${left} essai${left > 1 ? 's' : ''}.` },
      });
    }
    const exhausted = { code: 'LOGIN_ATTEMPT_EXHAUSTED', message: errorMessages.LOGIN_ATTEMPT_EXHAUSTED };
    const fifth = await who.call('POST', '/auth/login/verify', { code: wrong });
    expect({ status: fifth.status, body: fifth.body }).toEqual({ status: 401, body: exhausted });
    const rightTooLate = await who.call('POST', '/auth/login/verify', { code: right });
    expect({ status: rightTooLate.status, body: rightTooLate.body }).toEqual({
      status: 401,
      body: exhausted,
    });
    expect((await who.call('POST', '/auth/login/code', {})).status).toBe(401);
    expect((await who.call('GET', '/me')).status).toBe(401);

    expect(await logIn(who, admin)).toBe('with-code');
    expect((await who.call('GET', '/me')).status).toBe(200);
  });

  it('refuses a code used once already, even when the attempt cookie is replayed', async () => {
    const who = browser(uniqueIp());
    await who.call('POST', '/auth/login', { email: other.email, password: other.password });
    await who.call('POST', '/auth/login/code', { mobile: other.mobile });
    const code = await latestCode(e164(other.mobile));
    const replay = browser(uniqueIp(), who.jar.clone());
    expect((await who.call('POST', '/auth/login/verify', { code })).status).toBe(200);
    expect(who.jar.get(COOKIE.login)).toBeUndefined();

    const again = await replay.call('POST', '/auth/login/verify', { code });
    expect(again.status).toBe(401);
    expect(again.body).toEqual({
      code: 'LOGIN_ATTEMPT_INVALID',
      message: errorMessages.LOGIN_ATTEMPT_INVALID,
    });
    expect(again.cookies).toEqual([]);
    expect((await replay.call('POST', '/auth/login/code', {})).status).toBe(401);
  });

  it("refuses the code of the same user's other login attempt (another browser)", async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: sequence(111_111, 222_222) });
    const first = await startAttempt(ports, admin);
    const second = await startAttempt(ports, admin);
    await send(ports, first);
    await send(ports, second);
    await expect(verify(ports, second, '111111')).rejects.toMatchObject(
      refusal('UNPROCESSABLE', 'LOGIN_CODE_WRONG'),
    );
    await expect(verify(ports, first, '222222')).rejects.toMatchObject(
      refusal('UNPROCESSABLE', 'LOGIN_CODE_WRONG'),
    );
    await expect(verify(ports, first, '111111')).resolves.toBeDefined();
    await expect(verify(ports, second, '222222')).resolves.toBeDefined();
  });

  it("refuses another user's code", async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: sequence(333_333, 444_444) });
    const theirs = await startAttempt(ports, other);
    const mine = await startAttempt(ports, admin);
    await send(ports, theirs);
    await send(ports, mine);
    await expect(verify(ports, mine, '333333')).rejects.toMatchObject(
      refusal('UNPROCESSABLE', 'LOGIN_CODE_WRONG'),
    );
    await expect(verify(ports, mine, '444444')).resolves.toBeDefined();
  });

  it.each([
    ['no login-attempt cookie', ''],
    ['a malformed one', `${COOKIE.login}=not-a-secret`],
  ])('refuses the code routes with %s, before looking at the request body', async (_what, cookies) => {
    for (const path of ['/auth/login/code', '/auth/login/verify']) {
      const answer = await callApi('POST', path, {
        body: { code: 'pas un code', unexpected: true },
        cookies,
        headers: { 'x-forwarded-for': uniqueIp() },
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 'LOGIN_ATTEMPT_INVALID',
        message: errorMessages.LOGIN_ATTEMPT_INVALID,
      });
    }
  });

  it('refuses the code routes with a well-formed but unknown login-attempt cookie', async () => {
    for (const path of ['/auth/login/code', '/auth/login/verify']) {
      const answer = await callApi('POST', path, {
        body: path.endsWith('verify') ? { code: '123456' } : {},
        cookies: `${COOKIE.login}=${'A'.repeat(43)}`,
        headers: { 'x-forwarded-for': uniqueIp() },
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 'LOGIN_ATTEMPT_INVALID',
        message: errorMessages.LOGIN_ATTEMPT_INVALID,
      });
    }
  });

  it('refuses a code before any was sent, without spending a try', async () => {
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });
    const attempt = await startAttempt(ports, admin);
    for (let i = 0; i < 6; i++) {
      await expect(verify(ports, attempt, '000042')).rejects.toMatchObject(
        refusal('UNPROCESSABLE', 'LOGIN_CODE_NOT_SENT'),
      );
    }
    await send(ports, attempt);
    await expect(verify(ports, attempt, '000042')).resolves.toBeDefined();
  });
});

describe('sending limits', () => {
  it('waits 60 s between two sends, allows 5 per attempt, and only the newest code counts', async () => {
    const admin = adminOfFreshCompany();
    const ports = testAuthPorts({
      clock: fakeClock(isolatedInstant()),
      uint32: sequence(100_001, 100_002, 100_003, 100_004, 100_005),
    });
    const attempt = await startAttempt(ports, admin);

    const first = await send(ports, attempt, admin.mobile);
    expect(first.resendAvailableAt).toBe(new Date(ports.clock.nowMs() + RESEND_COOLDOWN_MS).toISOString());
    ports.clock.advance(RESEND_COOLDOWN_MS - 1);
    await expect(send(ports, attempt)).rejects.toMatchObject(refusal('RATE_LIMITED', 'LOGIN_CODE_COOLDOWN'));
    ports.clock.advance(1);
    await send(ports, attempt);
    await expect(verify(ports, attempt, '100001')).rejects.toMatchObject(
      refusal('UNPROCESSABLE', 'LOGIN_CODE_WRONG'),
    );

    for (let i = 3; i <= 5; i++) {
      ports.clock.advance(RESEND_COOLDOWN_MS);
      await send(ports, attempt);
    }
    ports.clock.advance(RESEND_COOLDOWN_MS);
    await expect(send(ports, attempt)).rejects.toMatchObject(refusal('RATE_LIMITED', 'LOGIN_CODE_SEND_CAP'));
    await expect(verify(ports, attempt, '100005')).resolves.toBeDefined();
  });

  it('sends at most 10 SMS a day to one user, whatever the numbers', async () => {
    const admin = adminOfFreshCompany();
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()) });
    for (let attempts = 0; attempts < 2; attempts++) {
      const attempt = await startAttempt(ports, admin);
      for (let sends = 0; sends < 5; sends++) {
        await send(ports, attempt, uniqueMobile());
        ports.clock.advance(RESEND_COOLDOWN_MS);
      }
    }
    const eleventh = await startAttempt(ports, admin);
    await expect(send(ports, eleventh, uniqueMobile())).rejects.toMatchObject(
      refusal('RATE_LIMITED', 'SMS_DAILY_CAP'),
    );

    ports.clock.advance(24 * 3600 * SECOND);
    const tomorrow = await startAttempt(ports, admin);
    await expect(send(ports, tomorrow, uniqueMobile())).resolves.toBeDefined();
  });

  it('sends at most 10 SMS a day to one number, whoever asks', async () => {
    const [first, second] = [adminOfFreshCompany(), adminOfFreshCompany()];
    const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()) });
    const shared = uniqueMobile();
    const sendMany = async (who: ActivatedAdmin, count: number) => {
      const attempt = await startAttempt(ports, who);
      for (let i = 0; i < count; i++) {
        await send(ports, attempt, shared);
        ports.clock.advance(RESEND_COOLDOWN_MS);
      }
      return attempt;
    };
    await sendMany(first, 5);
    await sendMany(first, 1);
    const secondAttempt = await sendMany(second, 4);

    await expect(send(ports, secondAttempt, shared)).rejects.toMatchObject(
      refusal('RATE_LIMITED', 'SMS_DAILY_CAP'),
    );
    // The same user, with 5 SMS today, may still receive one on another number.
    await expect(send(ports, secondAttempt, uniqueMobile())).resolves.toBeDefined();
    expect((await sentMessages()).sms.filter((sms) => sms.to === e164(shared))).toHaveLength(10);
  });
});
