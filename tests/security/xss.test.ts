import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CompanyDataset } from '../../bin/local/demo-data';
import { keys } from '../../functions/adapters/dynamodb/table-keys';
import { put, usersRepository } from '../../functions/adapters/dynamodb/users-repository';
import { resetConfigCache } from '../../functions/runtime/config';
import { control, sentMessages, type ApiResponse } from '../support/api';
import {
  browser,
  linkTokenFromEmail,
  logIn,
  STRONG_PASSWORD,
  uniqueEmail,
  uniqueIp,
  uniqueMobile,
  type ActivatedAdmin,
  type Browser,
} from '../support/auth-flow';
import { addSession, launchBrowser, SESSION_COOKIE } from '../support/browser';
import { importCompanies } from '../support/company-import';

/**
 * Stored XSS: text people or the insurer's feed store, shown later by the SPA or in an
 * e-mail. Names pass the name rule with apostrophes and hyphens; company names come from
 * the back office, whose raison_sociale accepts markup. Each must come back as data
 * (JSON with nosniff), be escaped in HTML e-mails, and show in Chromium as literal text —
 * no dialog, no injected element.
 */
const baseUrl = inject('baseUrl');
const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';
const SCRIPT_PAYLOAD = `"><svg onload=alert(2)><script>alert(3)</script>`;
const LAST_NAME = 'D’Orléans-Lévêque';
const FIRST_NAME = "Anne-Marie d'Arc";

describe('stored script payloads are shown as text', () => {
  let chromium: Chromium;
  let context: BrowserContext | undefined;
  let img: CompanyDataset;
  let script: CompanyDataset;
  let admin: ActivatedAdmin;
  let who: Browser;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    const importFile = (key: string, body: string) => control(`/import?key=${encodeURIComponent(key)}`, body);
    [[img, script], chromium] = await Promise.all([
      importCompanies(importFile, [{ name: IMG_PAYLOAD }, { name: SCRIPT_PAYLOAD }]) as Promise<
        [CompanyDataset, CompanyDataset]
      >,
      launchBrowser(),
    ]);
    who = browser(uniqueIp());
    admin = await activateAndConfirmNamed(img, who);
    await logIn(who, admin);
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await chromium?.close();
  });

  /** Activation, through the API, with names full of apostrophes and hyphens (what the name rule allows). */
  async function activateAndConfirmNamed(company: CompanyDataset, person: Browser): Promise<ActivatedAdmin> {
    const email = uniqueEmail('xss');
    const mobile = uniqueMobile();
    const activation = await person.call('POST', '/auth/activation', {
      siret: company.summary.mainSiret,
      companyNumber: company.summary.companyNumber,
      civilite: 'MME',
      lastName: LAST_NAME,
      firstName: FIRST_NAME,
      email,
      mobile,
      password: STRONG_PASSWORD,
      cguVersion: '2026-11',
      cguAccepted: true,
    });
    expect(activation.status, JSON.stringify(activation.body)).toBe(201);
    const token = await linkTokenFromEmail(email, '/confirmation-email');
    expect((await person.call('POST', '/auth/email-confirmation', { token })).status).toBe(200);
    return { email, mobile, password: STRONG_PASSWORD, company: company.summary };
  }

  async function open(path: string): Promise<Page> {
    await context?.close();
    context = await chromium.newContext({ baseURL: baseUrl, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    await addSession(context, baseUrl, who.jar.get(SESSION_COOKIE)!);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  /** Elements or handlers the payloads would have created had they been parsed as HTML. */
  const injected = (page: Page) =>
    page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"]').length,
      svgs: document.querySelectorAll('svg[onload]').length,
      handlers: [...document.querySelectorAll('*')].filter((element) =>
        [...element.attributes].some((attribute) => /^on/i.test(attribute.name)),
      ).length,
      inlineScripts: [...document.scripts].filter((element) => /alert\(/.test(element.textContent ?? ''))
        .length,
    }));

  const NOTHING_INJECTED = { images: 0, svgs: 0, handlers: 0, inlineScripts: 0 };

  it('refuses markup in a person’s name at activation', async () => {
    const refused = await browser(uniqueIp()).call('POST', '/auth/activation', {
      siret: script.summary.mainSiret,
      companyNumber: script.summary.companyNumber,
      civilite: 'M',
      lastName: '<script>alert(1)</script>',
      firstName: 'Jean',
      email: 'xss.refused@example.com',
      mobile: '0612345678',
      password: 'Brasserie-du-port-1987!',
      cguVersion: '2026-11',
      cguAccepted: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { lastName: expect.any(String) },
    });
  });

  it('returns the stored company name as JSON data, byte for byte, never as HTML', async () => {
    const me: ApiResponse<{ firstName: string; lastName: string; companies: { name: string }[] }> =
      await who.call('GET', '/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('content-type')).toMatch(/^application\/json/);
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.body.companies.map((company) => company.name)).toEqual([IMG_PAYLOAD]);
    expect([me.body.firstName, me.body.lastName]).toEqual([FIRST_NAME, LAST_NAME]);
  });

  it('escapes the company name in the HTML of the confirmation e-mail', async () => {
    const mail = (await sentMessages()).emails.find(
      (email) => email.to.includes(admin.email) && email.subject.startsWith('Confirmez votre adresse e-mail'),
    );
    expect(mail?.text).toContain(IMG_PAYLOAD);
    expect(mail?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.html).not.toContain(IMG_PAYLOAD);
    expect(mail?.html).toContain('Bonjour Anne-Marie d&#39;Arc,');
  });

  it('shows the company name literally in the header of the home page, with no script run', async () => {
    const page = await open('/');
    await expect.poll(() => page.getByText(IMG_PAYLOAD, { exact: true }).first().isVisible()).toBe(true);
    expect(await injected(page)).toEqual(NOTHING_INJECTED);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('would notice a script that runs (canary: a real alert is caught)', async () => {
    const page = await open('/');
    await page.evaluate(() => window.setTimeout(() => window.alert('sonde'), 0));
    await expect.poll(() => dialogs).toEqual(['alert: sonde']);
    dialogs.length = 0;
  });

  it('shows the names literally on the profile page, with no script run', async () => {
    const page = await open('/profil');
    await expect.poll(() => page.getByRole('rowheader', { name: IMG_PAYLOAD }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(LAST_NAME, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(FIRST_NAME, { exact: true }).isVisible()).toBe(true);
    expect(await injected(page)).toEqual(NOTHING_INJECTED);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lists two hostile company names as text in the company choice and on the profile', async () => {
    // The administrator also follows the second company (what an invitation will grant).
    const me = await who.call<{ userId: string }>('GET', '/me');
    const companyId = (await usersRepository().companyBySiret(script.summary.mainSiret))!.companyId;
    await usersRepository().transact([
      put({
        ...keys.membership(me.body.userId, companyId),
        ...keys.companyMember(companyId, me.body.userId),
        _type: 'Membership',
        _v: 1,
        userId: me.body.userId,
        companyId,
        role: 'user',
        status: 'active',
        companyName: SCRIPT_PAYLOAD,
        mainSiret: script.summary.mainSiret,
        grantedAt: new Date().toISOString(),
        grantedBy: me.body.userId,
      }),
    ]);

    const home = await open('/');
    const options = home.locator('.company-bar select option');
    await expect.poll(() => options.count()).toBe(2);
    const labels = await options.allTextContents();
    expect(labels.some((label) => label.startsWith(`${IMG_PAYLOAD} — SIRET`))).toBe(true);
    expect(labels.some((label) => label.startsWith(`${SCRIPT_PAYLOAD} — SIRET`))).toBe(true);
    expect(await injected(home)).toEqual(NOTHING_INJECTED);

    const profile = await open('/profil');
    for (const name of [IMG_PAYLOAD, SCRIPT_PAYLOAD]) {
      await expect.poll(() => profile.getByRole('rowheader', { name }).isVisible()).toBe(true);
    }
    expect(await injected(profile)).toEqual(NOTHING_INJECTED);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
