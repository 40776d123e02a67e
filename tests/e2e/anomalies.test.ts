import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeDsn } from '../../functions/domain/dsn/write-dsn';
import {
  activeInsured,
  asDeclared,
  currentMonth,
  departed,
  dsnOf,
  importDsnFile,
  newHire,
} from '../support/dsn';
import {
  launchBrowser,
  openPage,
  portalContext,
  screenshots,
  seriousViolations,
  SESSION_COOKIE,
} from '../support/browser';
import { freshEmployer, type Employer } from '../support/pre-affiliation';

/**
 * Suivi des anomalies d'affiliation in Chromium, against the real local stack: a DSN with one
 * undeclared hire and one departure is imported for a company of its own; the home page
 * counts two anomalies; the employer forces the affiliation of one and the radiation of the
 * other; both move to the history tab and the home page is back to zero.
 */
const baseUrl = inject('baseUrl');
const month = currentMonth();

let browser: Browser;
let employer: Employer;
let hireName: string;
let leaverName: string;
let leaverLastName: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, employer] = await Promise.all([launchBrowser(), freshEmployer({ insured: 3 })]);
  const { dataset } = employer;
  const [leaver, ...others] = activeInsured(dataset);
  const hire = newHire(dataset, { lastName: 'Nouvelembauche', firstName: 'Lucas' });
  hireName = 'Lucas Nouvelembauche';
  leaverName = `${leaver!.prenom} ${leaver!.nom}`;
  leaverLastName = leaver!.nom;
  const report = await importDsnFile(
    writeDsn(
      dsnOf(dataset, month, [
        hire,
        departed(asDeclared(dataset, leaver!), `${month}-01`, 'demission'),
        ...others.map((row) => asDeclared(dataset, row)),
      ]),
    ),
  );
  expect(report).toMatchObject({ status: 'imported', anomalies: { raised: 2 } });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  // A script error or a CSP violation anywhere fails the file.
  expect(pageErrors).toEqual([]);
});

async function open(path: string): Promise<Page> {
  const context = await portalContext(browser, baseUrl, {
    ip: employer.who.ip,
    session: employer.who.jar.get(SESSION_COOKIE)!,
  });
  contexts.push(context);
  return openPage(context, path, pageErrors);
}

/** The home page's "Anomalies à traiter" counter, once the focus has loaded. */
const anomalyCounter = (page: Page) => page.getByRole('link', { name: /^Anomalies à traiter/ });

describe("Suivi des anomalies d'affiliation", () => {
  it('counts the DSN’s two anomalies on the home page, resolves both from the list, and counts zero again', async () => {
    const home = await open('/');
    await expect
      .poll(() => anomalyCounter(home).textContent())
      .toMatch(/^Anomalies à traiter\s*2\s*anomalies ouvertes$/);
    await screenshots(home, 'accueil-anomalies');

    await anomalyCounter(home).click();
    await home.waitForURL(`${baseUrl}/salaries/anomalies`);
    const table = home.getByRole('table', { name: "Anomalies d'affiliation à traiter" });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody').textContent()).toContain('Déclaré en DSN mais non affilié');
    expect(await table.locator('tbody').textContent()).toContain(
      'Contrat terminé en DSN mais toujours affilié',
    );
    expect(await seriousViolations(home)).toEqual([]);
    await screenshots(home, 'anomalies-ouvertes');

    // Forcer l'affiliation: the dialog says what it will do, then the row leaves the list.
    await home.getByRole('button', { name: `Forcer l'affiliation : ${hireName}` }).click();
    const affiliation = home.getByRole('dialog', { name: `Forcer l'affiliation de ${hireName}` });
    await affiliation.waitFor();
    expect(await affiliation.textContent()).toContain('est créée immédiatement sur le contrat non cadre');
    await affiliation.getByRole('button', { name: "Forcer l'affiliation" }).click();
    await home.getByText(`Affiliation forcée pour ${hireName} : l'anomalie est résolue.`).waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);

    // Forcer la radiation: the DSN's end date and reason are already filled in.
    await home.getByRole('button', { name: `Forcer la radiation : ${leaverName}` }).click();
    const radiation = home.getByRole('dialog', { name: `Forcer la radiation de ${leaverName}` });
    await radiation.waitFor();
    expect(await radiation.getByLabel('Date de fin de la couverture').inputValue()).toBe(`${month}-01`);
    expect(await radiation.getByLabel('Motif de la radiation').inputValue()).toBe('demission');
    await radiation.getByRole('button', { name: 'Forcer la radiation' }).click();
    await home.getByText(`Radiation forcée pour ${leaverName} : l'anomalie est résolue.`).waitFor();
    await home.getByText('Aucune anomalie à traiter').waitFor();

    // Both in the history tab, with how and by whom.
    await home.getByRole('link', { name: 'Historique (résolues)' }).click();
    const history = home.getByRole('table', { name: "Anomalies d'affiliation résolues" });
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2);
    const resolutions = await history.locator('.anm-resolution').allTextContents();
    expect(resolutions.sort()).toEqual([
      expect.stringMatching(/^Affiliation forcée le .+ par Élodie Lefèvre$/),
      expect.stringMatching(/^Radiation forcée le .+ par Élodie Lefèvre$/),
    ]);
    await screenshots(home, 'anomalies-historique');

    const after = await open('/');
    await expect
      .poll(() => anomalyCounter(after).textContent())
      .toMatch(/^Anomalies à traiter\s*0\s*anomalie ouverte$/);

    // What the actions did, as Mes salariés shows it.
    const employees = await employer.call<{
      items: { lastName: string; endDate: string | null; radiationReason: string | null }[];
    }>('GET', `${employer.base}/employees?limit=100`);
    expect(employees.body.items).toContainEqual(
      expect.objectContaining({ lastName: 'Nouvelembauche', endDate: null }),
    );
    expect(employees.body.items).toContainEqual(
      expect.objectContaining({
        lastName: leaverLastName,
        endDate: `${month}-01`,
        radiationReason: 'demission',
      }),
    );
  });
});
