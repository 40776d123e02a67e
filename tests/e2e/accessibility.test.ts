import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSession, launchBrowser, seriousViolations, signedInAdmin } from '../support/browser';

/**
 * Every page of the SPA, signed in and signed out, scanned with axe in Chromium once its data
 * has loaded: no serious or critical violation anywhere. A new route is added here with it.
 */
const signedInPages = [
  '/',
  '/contrats',
  '/salaries',
  '/salaries/pre-affiliation',
  '/salaries/pre-affiliation?import=csv',
  '/salaries/suivi-affiliations',
  '/salaries/suivi-affiliations?statut=started&mode=email',
  '/salaries/anomalies',
  '/salaries/anomalies?onglet=historique',
  '/salaries/dispenses',
  '/salaries/dispenses?etat=pending',
  '/salaries/radiation',
  '/documents',
  '/habilitations',
  '/contact',
  '/profil',
  '/cgu',
  '/page-qui-n-existe-pas',
];
const publicPages = [
  '/connexion',
  '/activation',
  '/confirmation-email',
  '/mot-de-passe-oublie',
  '/nouveau-mot-de-passe',
  '/invitation',
  // The employee's BIA without a valid link (the page with one is scanned in affiliation.test.ts).
  '/bia',
  '/bia#jeton-invalide',
  '/cgu',
  '/page-qui-n-existe-pas',
];

describe('accessibility of every page', () => {
  const baseUrl = process.env.EES_BASE_URL ?? inject('baseUrl');
  let browser: Browser;
  let session: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = (await signedInAdmin()).session;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(signedInPages)('signed in: %s has no serious or critical violation', async (path) => {
    const context = await browser.newContext();
    await addSession(context, baseUrl, session);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(publicPages)('signed out: %s has no serious or critical violation', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
