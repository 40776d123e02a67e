import { beforeAll, describe, expect, it } from 'vitest';
import { MFA_MAX_LOGIN_AGE_MS } from '../../../functions/domain/mfa-policy';
import { login } from '../../../functions/use-cases/auth/login';
import { emailTemplates } from '../../../functions/use-cases/messages/email-templates';
import { sentMessages } from '../../support/api';
import { freshAdmins, Spares, uniqueIp, type ActivatedAdmin } from '../../support/auth-flow';
import {
  fakeClock,
  isolatedInstant,
  logInDirectly,
  testAuthPorts,
  useTestStack,
  type TestAuthPorts,
} from '../../support/auth-ports';

/**
 * "When and only when" the SMS code is asked, end to end: the facts come from the table
 * (remembered browser, last login's IP and date, verified phone) as the logins leave them.
 * A clock the test moves stands in for the months between two logins.
 */

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36';
const SECOND = 1_000;
const NEW_BROWSER_SUBJECT = emailTemplates.newBrowserLogin({ firstName: '', at: '', browser: '' }).subject;

const admins = new Spares<ActivatedAdmin>();

beforeAll(async () => {
  useTestStack();
  admins.fill(await freshAdmins(5));
});

/** A user who completed one login with the code: this browser is known, the phone verified. */
async function knownBrowser(admin: ActivatedAdmin, ip: string) {
  const ports = testAuthPorts({ clock: fakeClock(isolatedInstant()), uint32: () => 42 });
  const first = await logInDirectly(ports, admin, { ip, code: '000042' });
  expect(first.withCode).toBe(true);
  return { ports, device: first.device! };
}

const outcome = async (
  ports: TestAuthPorts,
  admin: ActivatedAdmin,
  ip: string,
  deviceCookie: string | undefined,
) =>
  (
    await login(ports)({
      email: admin.email,
      password: admin.password,
      ip,
      userAgent: USER_AGENT,
      deviceCookie,
    })
  ).response.status;

describe('second factor, end to end', () => {
  it('asks no code of a known browser on the same network within 90 days, and asks one 1 s after', async () => {
    const admin = admins.take();
    const ip = uniqueIp();
    const { ports, device } = await knownBrowser(admin, ip);

    ports.clock.advance(MFA_MAX_LOGIN_AGE_MS);
    expect(await outcome(ports, admin, ip, device)).toBe('authenticated');
    // That login counts as the last one: 90 days and one second after it, the code is back.
    ports.clock.advance(MFA_MAX_LOGIN_AGE_MS + SECOND);
    expect(await outcome(ports, admin, ip, device)).toBe('mfa_required');
  });

  it('asks a code of a new browser, of a forged or another user’s browser cookie, and from a new IP', async () => {
    const [admin, other] = [admins.take(), admins.take()];
    const ip = uniqueIp();
    const { ports, device } = await knownBrowser(admin, ip);
    const { device: othersDevice } = await knownBrowser(other, ip);

    expect(await outcome(ports, admin, ip, undefined)).toBe('mfa_required');
    expect(await outcome(ports, admin, ip, 'A'.repeat(43))).toBe('mfa_required');
    expect(await outcome(ports, admin, ip, othersDevice)).toBe('mfa_required');
    expect(await outcome(ports, admin, uniqueIp(), device)).toBe('mfa_required');
    expect(await outcome(ports, admin, ip, device)).toBe('authenticated');
  });

  it('compares IPv6 addresses on their /64 and reads an IPv4-mapped address as IPv4', async () => {
    const admin = admins.take();
    const { ports, device } = await knownBrowser(admin, '2001:db8:7:42::1');

    expect(await outcome(ports, admin, '2001:db8:7:42:a1b2:c3d4:e5f6:7788', device)).toBe('authenticated');
    expect(await outcome(ports, admin, '2001:0db8:0007:0042::2', device)).toBe('authenticated');
    expect(await outcome(ports, admin, '2001:db8:7:43::1', device)).toBe('mfa_required');

    const ipv4 = uniqueIp();
    const { ports: again, device: sameDevice } = await knownBrowser(admin, ipv4);
    expect(await outcome(again, admin, `::ffff:${ipv4}`, sameDevice)).toBe('authenticated');
  });

  it('e-mails a notice after a login from a new browser, not after a known browser on a new network', async () => {
    const admin = admins.take();
    const { ports, device } = await knownBrowser(admin, uniqueIp());
    const moved = await logInDirectly(ports, admin, { ip: uniqueIp(), code: '000042', deviceCookie: device });
    expect(moved.withCode).toBe(true);
    const notices = (await sentMessages()).emails.filter(
      (mail) => mail.to.includes(admin.email) && mail.subject === NEW_BROWSER_SUBJECT,
    );
    expect(notices).toHaveLength(1);
  });
});
