import { beforeAll, describe, expect, it } from 'vitest';
import { freshCompany } from '../../support/fixtures';
import { activateAndConfirm, browser, logIn, type ActivatedAdmin } from '../../support/auth-flow';

describe('activation, login with SMS code, session', () => {
  let admin: ActivatedAdmin;

  beforeAll(async () => {
    admin = await activateAndConfirm(await freshCompany());
  });

  it('asks for a code at first login, then opens a session that /me recognises', async () => {
    const first = browser('203.0.113.20');
    expect(await logIn(first, admin)).toBe('with-code');
    const me = await first.call<{ email: string; companies: { role: string; mainSiret: string }[] }>(
      'GET',
      '/me',
    );
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(admin.email);
    expect(me.body.companies).toEqual([
      expect.objectContaining({ role: 'admin', mainSiret: admin.company.mainSiret }),
    ]);
  });

  it('logs in without a code from the same browser and network', async () => {
    const same = browser('203.0.113.21');
    await logIn(same, admin);
    expect(await logIn(same, admin)).toBe('without-code');
  });

  it('asks for a code again from a new browser, or from a new IP', async () => {
    const known = browser('203.0.113.22');
    await logIn(known, admin);
    expect(await logIn(browser('203.0.113.22'), admin)).toBe('with-code');
    const moved = browser('198.51.100.7', known.jar.clone());
    expect(await logIn(moved, admin)).toBe('with-code');
  });

  it('refuses the session after logout, even when the old cookie is replayed', async () => {
    const who = browser('203.0.113.23');
    await logIn(who, admin);
    const stolen = who.jar.clone();
    expect((await who.call('POST', '/auth/logout')).status).toBe(200);
    expect((await who.call('GET', '/me')).status).toBe(401);
    const replay = browser('203.0.113.23', stolen);
    expect((await replay.call('GET', '/me')).status).toBe(401);
  });
});
