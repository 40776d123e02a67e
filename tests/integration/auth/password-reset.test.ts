import { beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../functions/contracts/error-messages';
import { passwordProblemMessages } from '../../../functions/domain/password-policy';
import { COOKIE } from '../../../functions/runtime/cookies';
import {
  RESET_LINK_TTL_MS,
  requestPasswordReset,
  resetPassword,
} from '../../../functions/use-cases/auth/passwords';
import { emailTemplates } from '../../../functions/use-cases/messages/email-templates';
import { sentMessages } from '../../support/api';
import { freshCompany } from '../../support/fixtures';
import {
  activationBody,
  browser,
  e164,
  freshAdmins,
  Spares,
  latestCode,
  linkTokenFromEmail,
  logIn,
  uniqueEmail,
  uniqueIp,
  type ActivatedAdmin,
} from '../../support/auth-flow';
import {
  fakeClock,
  recordAwsCalls,
  setUserStatus,
  testAuthPorts,
  useTestStack,
  userIdOf,
} from '../../support/auth-ports';

const NEW_PASSWORD = 'Le-zinc-du-comptoir-brille-2027';
const RESET_PAGE = '/nouveau-mot-de-passe';
const PASSWORD_CHANGED_SUBJECT = emailTemplates.passwordChanged({ firstName: '', at: '' }).subject;
const linkInvalid = { code: 'LINK_INVALID', message: errorMessages.LINK_INVALID };

/** Each test takes an account of its own (the per-address limit is 3 links an hour). */
const admins = new Spares<ActivatedAdmin>();
const anAdmin = () => admins.take();

const requestReset = (email: string) => browser(uniqueIp()).call('POST', '/auth/password-reset', { email });

/** Asks for a link and returns its token, as the user would find it in the e-mail. */
async function resetLink(email: string): Promise<string> {
  expect((await requestReset(email)).status).toBe(202);
  return linkTokenFromEmail(email, RESET_PAGE);
}

const confirmReset = (token: string, password: string) =>
  browser(uniqueIp()).call('POST', '/auth/password-reset/confirm', { token, password });

const resetMailsTo = async (email: string) =>
  (await sentMessages()).emails.filter((mail) => mail.to.includes(email) && mail.text.includes(RESET_PAGE));

beforeAll(async () => {
  useTestStack();
  admins.fill(await freshAdmins(11));
});

describe('password reset', () => {
  it('sets a new password from the e-mailed link: the old one is refused, the new one works, every session ends', async () => {
    const admin = anAdmin();
    const [first, second] = [browser(uniqueIp()), browser(uniqueIp())];
    await logIn(first, admin);
    await logIn(second, admin);

    const request = await requestReset(admin.email);
    expect(request.status).toBe(202);
    expect(request.body).toEqual({ accepted: true });
    const token = await linkTokenFromEmail(admin.email, RESET_PAGE);
    const reset = await confirmReset(token, NEW_PASSWORD);
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ reset: true });
    expect(reset.cookies.some((cookie) => cookie.startsWith(`${COOKIE.session}=;`))).toBe(true);

    expect((await first.call('GET', '/me')).status).toBe(401);
    expect((await second.call('GET', '/me')).status).toBe(401);
    const old = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    expect(old.status).toBe(401);
    expect(old.body).toEqual({ code: 'INVALID_CREDENTIALS', message: errorMessages.INVALID_CREDENTIALS });
    await logIn(first, { ...admin, password: NEW_PASSWORD });
    expect((await first.call('GET', '/me')).status).toBe(200);
    const notices = (await sentMessages()).emails.filter(
      (mail) => mail.to.includes(admin.email) && mail.subject === PASSWORD_CHANGED_SUBJECT,
    );
    expect(notices).toHaveLength(1);
  });

  it('accepts a link only once', async () => {
    const admin = anAdmin();
    const token = await resetLink(admin.email);
    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
    const again = await confirmReset(token, 'Un-autre-mot-de-passe-encore');
    expect(again.status).toBe(422);
    expect(again.body).toEqual(linkInvalid);
    await logIn(browser(uniqueIp()), { ...admin, password: NEW_PASSWORD });
  });

  it('refuses a link more than 30 minutes old', async () => {
    const admin = anAdmin();
    const token = await resetLink(admin.email);
    const late = testAuthPorts({ clock: fakeClock(Date.now() + RESET_LINK_TTL_MS + 2_000) });
    await expect(resetPassword(late)({ token, password: NEW_PASSWORD })).rejects.toMatchObject({
      reason: 'LINK_INVALID',
    });
    // Only the time made the difference: now, the same link still works.
    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
  });

  it.each([
    ['a common password', 'azertyuiop2024', passwordProblemMessages.common],
    ['a password built from the name', 'Lefevre-Elodie-1987', passwordProblemMessages.personal],
  ])('refuses %s and leaves the link usable', async (_what, password, message) => {
    const admin = anAdmin();
    const token = await resetLink(admin.email);
    const weak = await confirmReset(token, password);
    expect(weak.status).toBe(422);
    expect(weak.body).toEqual({
      code: 'PASSWORD_REJECTED',
      message: errorMessages.PASSWORD_REJECTED,
      fields: { password: message },
    });
    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses an e-mail confirmation link', async () => {
    const admin = anAdmin();
    const token = await linkTokenFromEmail(admin.email, '/confirmation-email');
    const answer = await confirmReset(token, NEW_PASSWORD);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual(linkInvalid);
  });

  it('confirms the address of an account that never confirmed it', async () => {
    const pending = activationBody(await freshCompany());
    expect((await browser(uniqueIp()).call('POST', '/auth/activation', pending)).status).toBe(201);
    const token = await resetLink(pending.email);
    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
    const login = await browser(uniqueIp()).call('POST', '/auth/login', {
      email: pending.email,
      password: NEW_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ status: 'mfa_required' });
  });
});

describe('password reset and login attempts in progress', () => {
  it('lets no login attempt begun with the old password finish after a reset', async () => {
    const admin = anAdmin();
    const intruder = browser(uniqueIp());
    expect(
      (await intruder.call('POST', '/auth/login', { email: admin.email, password: admin.password })).status,
    ).toBe(200);
    expect((await intruder.call('POST', '/auth/login/code', { mobile: admin.mobile })).status).toBe(200);
    const code = await latestCode(e164(admin.mobile));

    expect((await confirmReset(await resetLink(admin.email), NEW_PASSWORD)).status).toBe(200);

    const verify = await intruder.call('POST', '/auth/login/verify', { code });
    expect(verify.status).toBe(401);
    expect(verify.body).toEqual({
      code: 'LOGIN_ATTEMPT_INVALID',
      message: errorMessages.LOGIN_ATTEMPT_INVALID,
    });
    expect((await intruder.call('GET', '/me')).status).toBe(401);
  });

  it('lets no login attempt begun with the old password go on after a password change', async () => {
    const admin = anAdmin();
    const owner = browser(uniqueIp());
    await logIn(owner, admin);
    const intruder = browser(uniqueIp());
    expect(
      (await intruder.call('POST', '/auth/login', { email: admin.email, password: admin.password })).status,
    ).toBe(200);

    const change = await owner.call('POST', '/me/password', {
      currentPassword: admin.password,
      newPassword: NEW_PASSWORD,
    });
    expect(change.status).toBe(200);

    const send = await intruder.call('POST', '/auth/login/code', {});
    expect(send.status).toBe(401);
    expect(send.body).toEqual({
      code: 'LOGIN_ATTEMPT_INVALID',
      message: errorMessages.LOGIN_ATTEMPT_INVALID,
    });
  });
});

describe('password reset request does not tell which accounts exist', () => {
  let known: ActivatedAdmin;
  let deactivated: ActivatedAdmin;

  beforeAll(async () => {
    [known, deactivated] = [anAdmin(), anAdmin()];
    await setUserStatus(await userIdOf(deactivated.email), 'deactivated');
  });

  it('answers the same 202 to a known, an unknown and a deactivated address, and mails only the known one', async () => {
    const unknown = uniqueEmail('nobody');
    const answers = await Promise.all([known.email, unknown, deactivated.email].map(requestReset));
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body, cookies: answer.cookies }).toEqual({
        status: 202,
        body: { accepted: true },
        cookies: [],
      });
    }
    expect(await resetMailsTo(known.email)).toHaveLength(1);
    expect(await resetMailsTo(unknown)).toHaveLength(0);
    expect(await resetMailsTo(deactivated.email)).toHaveLength(0);
  });

  it('reads the same items for a known and an unknown address; only the link and its e-mail are written', async () => {
    const ports = testAuthPorts();
    const workFor = async (email: string) =>
      (await recordAwsCalls(() => requestPasswordReset(ports)({ email, ip: uniqueIp() })))
        .map((call) => call.command)
        .sort();
    const forKnown = await workFor(known.email);
    const forUnknown = await workFor(uniqueEmail('nobody'));
    const transaction = forKnown.indexOf('TransactWriteItemsCommand');
    expect(transaction).toBeGreaterThanOrEqual(0);
    expect(forKnown.toSpliced(transaction, 1)).toEqual(forUnknown);
  });

  it('sends at most 3 links an hour to one address, and answers the 4th request the same way', async () => {
    const admin = anAdmin();
    for (let i = 0; i < 4; i++) {
      const answer = await requestReset(admin.email);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 202, body: { accepted: true } });
    }
    expect(await resetMailsTo(admin.email)).toHaveLength(3);
  });
});
