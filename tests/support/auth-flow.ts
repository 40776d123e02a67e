import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { callApi, sentMessages, type ApiResponse } from './api';
import { CookieJar } from './cookie-jar';
import type { CompanySummary } from '../../bin/local/demo-data';
import { freshCompanies } from './fixtures';

export const STRONG_PASSWORD = 'Brasserie-du-port-1987!';

let counter = 0;
// Test files run in several worker processes, each with its own counter: the process id keeps
// two workers that ask in the same millisecond from getting the same address.
export const uniqueEmail = (label: string) =>
  `${label}.${Date.now().toString(36)}${(counter++).toString(36)}p${process.pid.toString(36)}@example.com`;

/** A French mobile number unlikely to collide between tests (the per-phone SMS cap). */
// 0612… is an allocated mobile block (libphonenumber refuses unallocated ones).
export const uniqueMobile = () => `0612${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

let nextIp = randomInt(2 ** 24);
/**
 * An IPv4 address of 10/8 no other test uses (per-IP rate limits, the "same network" rule):
 * each test file starts at a random point and counts up.
 */
export const uniqueIp = () => {
  nextIp = (nextIp + 1) % 2 ** 24;
  return `10.${nextIp >> 16}.${(nextIp >> 8) & 0xff}.${nextIp & 0xff}`;
};

export interface Browser {
  jar: CookieJar;
  ip: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
}

/** A simulated browser: its own cookies and (in test mode) its own IP address. */
export function browser(ip = '203.0.113.10', jar = new CookieJar()): Browser {
  return {
    jar,
    ip,
    async call<T>(method: string, path: string, body?: unknown) {
      const response = await callApi<T>(method, path, {
        body: body ?? (method === 'GET' ? undefined : {}),
        cookies: jar.header(),
        headers: {
          'x-forwarded-for': ip,
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
        },
      });
      jar.store(response.cookies);
      return response;
    },
  };
}

/** The link token of the newest e-mail to this address whose link goes to the given page. */
export async function linkTokenFromEmail(to: string, page: string): Promise<string> {
  // Delivery is asynchronous (outbox → stream → SES emulator): on a busy machine a message the
  // drain has just sent may not be listed yet, so look a few times before giving up.
  for (let attempt = 0; attempt < 20; attempt++) {
    const messages = await sentMessages();
    const mail = messages.emails.find((email) => email.to.includes(to) && email.text.includes(page));
    const token = mail?.text.match(new RegExp(`${page}#jeton=([A-Za-z0-9_-]+)`))?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no ${page} link mailed to ${to}`);
}

/** The newest SMS code sent to this E.164 number. */
export async function latestCode(e164: string): Promise<string> {
  const messages = await sentMessages();
  const code = messages.sms.find((sms) => sms.to === e164)?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${e164}`);
  return code;
}

export const e164 = (mobile: string) => `+33${mobile.slice(1)}`;

export interface ActivatedAdmin {
  email: string;
  mobile: string;
  password: string;
  company: CompanySummary;
}

/** The "Activer mon espace" form for this company, filled in as a person would, with overrides. */
export const activationBody = (company: CompanySummary, overrides: Record<string, unknown> = {}) => ({
  siret: company.mainSiret,
  companyNumber: company.companyNumber,
  civilite: 'MME',
  lastName: 'Lefèvre',
  firstName: 'Élodie',
  email: uniqueEmail('admin'),
  mobile: uniqueMobile(),
  password: STRONG_PASSWORD,
  cguVersion: '2026-11',
  cguAccepted: true,
  ...overrides,
});

/** Activates the company and confirms the e-mail, as a person would. */
export async function activateAndConfirm(company: CompanySummary, who = browser()): Promise<ActivatedAdmin> {
  const email = uniqueEmail('admin');
  const mobile = uniqueMobile();
  const activation = await who.call('POST', '/auth/activation', {
    siret: company.mainSiret,
    companyNumber: company.companyNumber,
    civilite: 'MME',
    lastName: 'Lefèvre',
    firstName: 'Élodie',
    email,
    mobile,
    password: STRONG_PASSWORD,
    cguVersion: '2026-11',
    cguAccepted: true,
  });
  expect(activation.status, JSON.stringify(activation.body)).toBe(201);
  const token = await linkTokenFromEmail(email, '/confirmation-email');
  const confirmation = await who.call('POST', '/auth/email-confirmation', { token });
  expect(confirmation.status).toBe(200);
  return { email, mobile, password: STRONG_PASSWORD, company };
}

/** Administrators of `count` fresh companies each, activated and confirmed side by side (faster than in turn). */
export async function freshAdmins(count: number): Promise<ActivatedAdmin[]> {
  const companies = await freshCompanies(count);
  return Promise.all(companies.map((company) => activateAndConfirm(company, browser(uniqueIp()))));
}

/** Fixtures made side by side in a beforeAll, then handed out one per test. */
export class Spares<T> {
  private items: T[] = [];

  fill(items: readonly T[]): void {
    this.items = [...items];
  }

  take(): T {
    const item = this.items.shift();
    if (item === undefined) throw new Error('No spare fixture left: raise the count made in beforeAll.');
    return item;
  }
}

/** Full login of a browser, through the SMS code when it is asked for. */
export async function logIn(who: Browser, admin: ActivatedAdmin): Promise<'with-code' | 'without-code'> {
  const login = await who.call<{ status: string; phoneEditable?: boolean }>('POST', '/auth/login', {
    email: admin.email,
    password: admin.password,
  });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  if (login.body.status === 'authenticated') return 'without-code';
  const send = await who.call(
    'POST',
    '/auth/login/code',
    login.body.phoneEditable ? { mobile: admin.mobile } : {},
  );
  expect(send.status, JSON.stringify(send.body)).toBe(200);
  const verify = await who.call('POST', '/auth/login/verify', { code: await latestCode(e164(admin.mobile)) });
  expect(verify.status, JSON.stringify(verify.body)).toBe(200);
  return 'with-code';
}
