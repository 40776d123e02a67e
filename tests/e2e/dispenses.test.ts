import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addSession,
  launchBrowser,
  screenshots,
  seriousViolations,
  SESSION_COOKIE,
  watchPageErrors,
} from '../support/browser';
import {
  emailsTo,
  freshEmployer,
  PDF,
  preAffiliate,
  type Employer,
  type PreAffiliated,
} from '../support/affiliation';
import { inDays, uniqueLastName } from '../support/dispenses';

/**
 * A dispense d'adhésion in Chromium: the employee opens her BIA link, asks for a dispense
 * (reason, end date, proof, sworn statement) instead of the affiliation; the employer finds
 * it in Mes salariés › Dispenses, opens the proof and validates it.
 */
const baseUrl = inject('baseUrl');
const exact = { exact: true } as const;

let browser: Browser;
let employer: Employer;
let employerContext: BrowserContext;
let employeeContext: BrowserContext;
let request: PreAffiliated;
const lastName = uniqueLastName();
const endDate = inDays(120);
const pageErrors: string[] = [];

// The uploads go to another origin: a CSP or CORS refusal would show in the console.
const watchErrors = (target: Page) =>
  watchPageErrors(target, pageErrors, /Content Security Policy|Refused to|CORS/i);

beforeAll(async () => {
  [browser, employer] = await Promise.all([launchBrowser(), freshEmployer()]);
  request = await preAffiliate(employer, { lastName });
  const options = { baseURL: baseUrl, viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
  employerContext = await browser.newContext(options);
  employeeContext = await browser.newContext(options);
  employerContext.setDefaultTimeout(15_000);
  employeeContext.setDefaultTimeout(15_000);
  await addSession(employerContext, baseUrl, employer.who.jar.get(SESSION_COOKIE)!);
});

afterAll(async () => {
  await employeeContext?.close();
  await employerContext?.close();
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

describe('a dispense d’adhésion, from the BIA to the employer’s decision', () => {
  it('lets the employee ask for a dispense instead of the affiliation, with what the reason needs', async () => {
    const bia = await employeeContext.newPage();
    watchErrors(bia);
    await bia.goto(`/bia#${request.token}`);
    await bia.getByRole('heading', { level: 1, name: "Mon bulletin d'affiliation" }).waitFor();
    // The bulletin loaded, the affiliation's sections shown.
    await bia.getByLabel('IBAN', exact).waitFor();

    await bia.getByLabel('Je demande une dispense d’adhésion').check();
    // The affiliation's own sections step aside.
    await expect.poll(() => bia.getByLabel('IBAN', exact).isVisible()).toBe(false);
    expect(await bia.getByRole('button', { name: 'Envoyer ma demande de dispense' }).count()).toBe(1);

    await bia.getByLabel('Motif de la dispense').selectOption('css');
    await bia.getByLabel('Date de fin de vos droits à la CSS').fill(endDate);
    await bia
      .getByLabel('Attestation de droits à la Complémentaire santé solidaire')
      .setInputFiles({ name: 'attestation-css.pdf', mimeType: 'application/pdf', buffer: PDF });
    const proof = bia.locator('li[data-file-name="attestation-css.pdf"]');
    await expect.poll(() => proof.locator('progress').getAttribute('value'), { timeout: 20_000 }).toBe('100');

    // Without the sworn statement, the server says so next to it.
    await bia.getByRole('button', { name: 'Envoyer ma demande de dispense' }).click();
    await bia.getByText('Cochez l’attestation sur l’honneur pour demander une dispense.').first().waitFor();
    expect(await seriousViolations(bia)).toEqual([]);
    await screenshots(bia, 'bia-dispense');

    await bia
      .getByLabel(/^Je certifie sur l’honneur l’exactitude de ces informations et je préviendrai/)
      .check();
    await bia.getByRole('button', { name: 'Envoyer ma demande de dispense' }).click();
    await bia.getByRole('heading', { level: 1, name: 'Votre demande de dispense est envoyée' }).waitFor();
    expect(await bia.getByRole('main').textContent()).toContain('Votre employeur va examiner votre demande');
    expect((await emailsTo(employer.adminEmail)).map((mail) => mail.subject)).toContain(
      `Demande de dispense à valider — Camille ${lastName}`,
    );
  });

  it('lets the employer open the proof and validate the dispense', async () => {
    const page = await employerContext.newPage();
    watchErrors(page);
    await page.goto('/salaries/dispenses?etat=pending');
    await page.getByRole('heading', { level: 1, name: "Dispenses d'adhésion" }).waitFor();
    const row = page.getByRole('row').filter({ hasText: lastName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Je bénéficie de la Complémentaire santé solidaire (CSS)');
    expect(await row.textContent()).not.toContain(request.nir.slice(5, 13));
    const link = row.getByRole('link', { name: 'attestation-css.pdf' });
    const response = await fetch((await link.getAttribute('href'))!);
    expect(response.status).toBe(200);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: `Valider la dispense de Camille ${lastName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Valider la dispense de Camille ${lastName}` });
    await dialog.getByRole('button', { name: 'Valider la dispense' }).click();
    await page.getByText(`Dispense de Camille ${lastName} validée.`).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: lastName }).count()).toBe(0);

    await page.getByLabel('Afficher').selectOption('validated');
    await page.getByRole('row').filter({ hasText: lastName }).waitFor();
    expect((await emailsTo(request.email)).map((mail) => mail.subject)).toContain(
      'Votre dispense d’adhésion est acceptée',
    );
  });
});
