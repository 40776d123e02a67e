import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  portalContext,
  screenshots,
  seriousViolations,
  signedInAdmin,
  type SignedInAdmin,
} from '../support/browser';

/** "Mes documents pratiques" in Chromium: the guide's two groups, and a real PDF downloaded. */
const baseUrl = inject('baseUrl');

let browser: Browser;
let admin: SignedInAdmin;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, admin] = await Promise.all([launchBrowser(), signedInAdmin()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  // A script error or a CSP violation anywhere fails the file.
  expect(pageErrors).toEqual([]);
});

async function open(path: string, width = 1280): Promise<Page> {
  const context = await portalContext(browser, baseUrl, { width, session: admin.session });
  contexts.push(context);
  return openPage(context, path, pageErrors);
}

describe('Mes documents pratiques', () => {
  it('lists the documents utiles salariés and the guides pratiques, each with its size and date', async () => {
    const page = await open('/documents');
    const employees = page.getByRole('region', { name: 'Documents utiles salariés' });
    const guides = page.getByRole('region', { name: 'Guides pratiques' });
    await employees.getByRole('heading', { level: 3 }).first().waitFor();

    const employeeTitles = await employees.getByRole('heading', { level: 3 }).allTextContents();
    const guideTitles = await guides.getByRole('heading', { level: 3 }).allTextContents();
    expect(employeeTitles.join(' | ')).toMatch(/Mandat de prélèvement SEPA/);
    expect(employeeTitles.join(' | ')).toMatch(/affiliation/i);
    expect(guideTitles.join(' | ')).toMatch(/Guide utilisateur Espace Entreprise/);
    expect(guideTitles.join(' | ')).toMatch(/Espace Assuré/);
    expect(guideTitles.join(' | ')).toMatch(/Guide pratique/);

    // Every card: PDF, a size in French units, the date of its version.
    const metas = await page.locator('.doc-card__meta').allTextContents();
    expect(metas.length).toBe(employeeTitles.length + guideTitles.length);
    for (const meta of metas)
      expect(meta).toMatch(/^PDF · [\d,]+\s(octets|Ko|Mo) · mis à jour le \d{2}\/\d{2}\/\d{4}$/);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'documents');
  });

  it('downloads a document as a PDF, announced to screen readers', async () => {
    const page = await open('/documents');
    const button = page.getByRole('button', { name: /^Télécharger Mandat de prélèvement SEPA/ });
    expect(await button.getAttribute('type')).toBe('button');

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.length).toBeGreaterThan(1000);

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Téléchargement de' }).count())
      .toBe(1);
    // The page has not moved.
    expect(new URL(page.url()).pathname).toBe('/documents');
  });

  it('fits a 375 px screen, the buttons under the text', async () => {
    const page = await open('/documents', 375);
    await page.locator('.doc-card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
