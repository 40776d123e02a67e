import { beforeAll, describe, expect, it } from 'vitest';
import { freshCompany } from '../../support/fixtures';
import {
  activateAndConfirm,
  browser,
  e164,
  latestCode,
  linkTokenFromEmail,
  logIn,
  STRONG_PASSWORD,
  uniqueEmail,
  uniqueMobile,
  type ActivatedAdmin,
  type Browser,
} from '../../support/auth-flow';
import { sentMessages } from '../../support/api';

interface Me {
  userId: string;
  companies: { companyId: string; name: string; role: string }[];
}
interface CompanyUser {
  userId: string;
  email: string;
  role: string;
  membershipStatus: string;
  accountStatus: string;
  version: number;
}

async function companyIdOf(who: Browser): Promise<string> {
  return (await who.call<Me>('GET', '/me')).body.companies[0]!.companyId;
}

async function invite(
  admin: Browser,
  companyId: string,
  role: 'admin' | 'user',
  email = uniqueEmail('invite'),
) {
  const mobile = uniqueMobile();
  const response = await admin.call('POST', `/companies/${companyId}/users`, {
    civilite: 'M',
    lastName: 'Durand',
    firstName: 'Paul',
    email,
    mobile,
    rights: [{ companyId, role }],
  });
  return { response, email, mobile };
}

async function acceptAndLogIn(email: string, mobile: string): Promise<Browser> {
  const token = await linkTokenFromEmail(email, '/invitation');
  const accepted = await browser().call('POST', '/auth/invitation', {
    token,
    password: STRONG_PASSWORD,
    cguVersion: '2026-11',
    cguAccepted: true,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const who = browser('203.0.113.77');
  await logIn(who, { email, mobile, password: STRONG_PASSWORD, company: undefined as never });
  return who;
}

describe('Gestion des habilitations', () => {
  let admin: ActivatedAdmin;
  let adminBrowser: Browser;
  let companyId: string;

  beforeAll(async () => {
    admin = await activateAndConfirm(await freshCompany());
    adminBrowser = browser('203.0.113.70');
    await logIn(adminBrowser, admin);
    companyId = await companyIdOf(adminBrowser);
  });

  it('invites a Utilisateur who creates a password, passes the SMS code and sees only that company', async () => {
    const { response, email, mobile } = await invite(adminBrowser, companyId, 'user');
    expect(response.status).toBe(201);
    const invited = await acceptAndLogIn(email, mobile);
    const me = await invited.call<Me>('GET', '/me');
    expect(me.body.companies).toEqual([expect.objectContaining({ companyId, role: 'user' })]);
    expect((await invited.call('GET', `/companies/${companyId}/users`)).status).toBe(403);
    const list = await adminBrowser.call<{ items: CompanyUser[] }>('GET', `/companies/${companyId}/users`);
    expect(list.body.items.find((user) => user.email === email)).toMatchObject({
      role: 'user',
      accountStatus: 'active',
    });
  });

  it('answers the same when the invited e-mail already has an account, and grants the rights', async () => {
    const other = await activateAndConfirm(await freshCompany());
    const { response } = await invite(adminBrowser, companyId, 'user', other.email);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ invited: true });
    const who = browser('203.0.113.71');
    await logIn(who, other);
    const me = await who.call<Me>('GET', '/me');
    expect(me.body.companies.map((company) => company.companyId)).toContain(companyId);
  });

  it('kills the previous link when the invitation is resent', async () => {
    const { email } = await invite(adminBrowser, companyId, 'user');
    const first = await linkTokenFromEmail(email, '/invitation');
    const list = await adminBrowser.call<{ items: CompanyUser[] }>('GET', `/companies/${companyId}/users`);
    const target = list.body.items.find((user) => user.email === email)!;
    expect(
      (await adminBrowser.call('POST', `/companies/${companyId}/users/${target.userId}/invitation`)).status,
    ).toBe(200);
    const old = await browser().call<{ code: string }>('POST', '/auth/invitation', {
      token: first,
      password: STRONG_PASSWORD,
      cguVersion: '2026-11',
      cguAccepted: true,
    });
    expect(old.status).toBe(422);
    expect(old.body.code).toBe('LINK_INVALID');
    const second = await linkTokenFromEmail(email, '/invitation');
    expect(second).not.toBe(first);
  });

  it('refuses to demote or deactivate the last administrator', async () => {
    const me = await adminBrowser.call<Me>('GET', '/me');
    const list = await adminBrowser.call<{ items: CompanyUser[] }>('GET', `/companies/${companyId}/users`);
    const self = list.body.items.find((user) => user.userId === me.body.userId)!;
    const demote = await adminBrowser.call<{ code: string }>(
      'PUT',
      `/companies/${companyId}/users/${self.userId}`,
      {
        role: 'user',
        version: self.version,
      },
    );
    expect(demote.status).toBe(422);
    expect(demote.body.code).toBe('LAST_ADMIN');
    const deactivate = await adminBrowser.call<{ code: string }>(
      'POST',
      `/companies/${companyId}/users/${self.userId}/deactivation`,
      { mode: 'temporary' },
    );
    expect(deactivate.body.code).toBe('LAST_ADMIN');
  });

  it('ends the sessions of a deactivated user at once, and can reactivate a temporary deactivation only', async () => {
    const { email, mobile } = await invite(adminBrowser, companyId, 'user');
    const invited = await acceptAndLogIn(email, mobile);
    const me = await invited.call<Me>('GET', '/me');
    expect(me.status).toBe(200);
    const path = `/companies/${companyId}/users/${me.body.userId}`;
    expect((await adminBrowser.call('POST', `${path}/deactivation`, { mode: 'temporary' })).status).toBe(200);
    expect((await invited.call('GET', '/me')).status).toBe(401);
    expect((await adminBrowser.call('POST', `${path}/reactivation`)).status).toBe(200);
    expect((await adminBrowser.call('POST', `${path}/deactivation`, { mode: 'permanent' })).status).toBe(200);
    const again = await adminBrowser.call<{ code: string }>('POST', `${path}/reactivation`);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('CANNOT_REACTIVATE');
  });

  it('refuses a stale edit (version) and answers 404 for a user of another company', async () => {
    const { email } = await invite(adminBrowser, companyId, 'user');
    const list = await adminBrowser.call<{ items: CompanyUser[] }>('GET', `/companies/${companyId}/users`);
    const target = list.body.items.find((user) => user.email === email)!;
    const path = `/companies/${companyId}/users/${target.userId}`;
    expect((await adminBrowser.call('PUT', path, { role: 'admin', version: target.version })).status).toBe(
      200,
    );
    const stale = await adminBrowser.call<{ code: string }>('PUT', path, {
      role: 'user',
      version: target.version,
    });
    expect(stale.status).toBe(409);
    const stranger = await activateAndConfirm(await freshCompany());
    const strangerBrowser = browser('203.0.113.72');
    await logIn(strangerBrowser, stranger);
    const strangerId = (await strangerBrowser.call<Me>('GET', '/me')).body.userId;
    expect(
      (
        await adminBrowser.call('PUT', `/companies/${companyId}/users/${strangerId}`, {
          role: 'user',
          version: 1,
        })
      ).status,
    ).toBe(404);
  });

  it('refuses fields a request may not set (mass assignment)', async () => {
    const response = await adminBrowser.call('POST', `/companies/${companyId}/users`, {
      civilite: 'M',
      lastName: 'Durand',
      firstName: 'Paul',
      email: uniqueEmail('mass'),
      mobile: uniqueMobile(),
      rights: [{ companyId, role: 'user' }],
      status: 'active',
    });
    expect(response.status).toBe(400);
  });

  it('keeps a journal of the changes, newest first, filterable by action', async () => {
    const journal = await adminBrowser.call<{ items: { action: string; actorName: string }[] }>(
      'GET',
      `/companies/${companyId}/audit-events?action=user.invited`,
    );
    expect(journal.status).toBe(200);
    expect(journal.body.items.length).toBeGreaterThan(0);
    expect(journal.body.items.every((item) => item.action === 'user.invited')).toBe(true);
    const all = await adminBrowser.call<{ items: { at: string }[] }>(
      'GET',
      `/companies/${companyId}/audit-events?limit=100`,
    );
    const times = all.body.items.map((item) => item.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('Profil', () => {
  it('adds an establishment to the perimeter with its SIRET and identifiant, as administrator', async () => {
    const admin = await activateAndConfirm(await freshCompany());
    const who = browser('203.0.113.73');
    await logIn(who, admin);
    const other = await freshCompany();
    const wrong = await who.call<{ code: string }>('POST', '/me/establishments', {
      siret: other.mainSiret,
      companyNumber: 'ZZ999999',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ACTIVATION_IDENTIFIERS_UNKNOWN');
    const added = await who.call('POST', '/me/establishments', {
      siret: other.mainSiret,
      companyNumber: other.companyNumber,
    });
    expect(added.status).toBe(201);
    const profile = await who.call<{
      perimeter: { mainSiret: string; role: string; establishments: unknown[] }[];
    }>('GET', '/me/profile');
    expect(profile.body.perimeter).toEqual(
      expect.arrayContaining([expect.objectContaining({ mainSiret: other.mainSiret, role: 'admin' })]),
    );
  });

  it('changes the mobile number only once the SMS code sent to the new number comes back', async () => {
    const admin = await activateAndConfirm(await freshCompany());
    const who = browser('203.0.113.74');
    await logIn(who, admin);
    const newMobile = uniqueMobile();
    const update = await who.call<{ phoneVerification: { maskedPhone: string } | null }>(
      'PATCH',
      '/me/profile',
      {
        mobile: newMobile,
        firstName: 'Hélène',
      },
    );
    expect(update.status).toBe(200);
    expect(update.body.phoneVerification).not.toBeNull();
    const before = await who.call<{ maskedPhone: string; firstName: string }>('GET', '/me/profile');
    expect(before.body.firstName).toBe('Hélène');
    expect(before.body.maskedPhone.endsWith(admin.mobile.slice(-2))).toBe(true);
    const code = await latestCode(e164(newMobile));
    const verified = await who.call<{ maskedPhone: string }>('POST', '/me/profile/phone-verification', {
      code,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.maskedPhone.endsWith(newMobile.slice(-2))).toBe(true);
    const messages = await sentMessages();
    expect(messages.sms.some((sms) => sms.to === e164(newMobile))).toBe(true);
  });
});
