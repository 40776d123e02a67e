import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CompanyDataset } from '../../bin/local/demo-data';
import { portabiliteFor } from '../../functions/domain/radiation';
import { sortableName } from '../../functions/adapters/dynamodb/table-keys';
import { todayIso } from '../../web/src/features/employees/lib/dates';
import { control } from '../support/api';
import {
  activateAndConfirm,
  browser as apiBrowser,
  logIn,
  type Browser as ApiBrowser,
} from '../support/auth-flow';
import {
  launchBrowser,
  openPage,
  portalContext,
  randomIp,
  screenshots,
  seriousViolations,
  SESSION_COOKIE,
} from '../support/browser';
import { importCompanies } from '../support/company-import';

/**
 * Mes contrats, Mes salariés and Radiation (contexte sans DSN) in Chromium, against the real
 * local stack and a company of its own (30 insured over 2 establishments): a contract's
 * insured, a certificate, a radiation with its portabilité, then the list filtered, searched,
 * exported, a NIR revealed and masked again, and a radiation done with the keyboard alone.
 */
const baseUrl = inject('baseUrl');

interface Insured {
  employeeId: string;
  lastName: string;
  firstName: string;
  maskedNir: string;
  contractNumber: string;
  effectiveDate: string;
  endDate: string | null;
  beneficiaries: { kind: 'conjoint' | 'enfant'; firstName: string; lastName: string; birthDate: string }[];
}

let browser: Browser;
let dataset: CompanyDataset;
let session: string;
let companyId: string;
let who: ApiBrowser;
const ip = randomIp();
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const today = todayIso();

/** dd/mm/yyyy, as the pages show dates. */
const french = (iso: string) => iso.split('-').reverse().join('/');
const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

/** The one radiated through Mes contrats, found again in Mes salariés. */
let radiated: Insured;

/**
 * The order of a date input's segments in this browser. A French Chrome shows jj/mm/aaaa;
 * headless Chromium keeps its own mm/dd/yyyy whatever the locale, so the keyboard test types
 * the digits in the order the field expects, as its user would.
 */
async function dateSegmentOrder(context: BrowserContext): Promise<('day' | 'month' | 'year')[]> {
  const probe = await context.newPage();
  await probe.setContent('<input type="date" id="probe">');
  await probe.focus('#probe');
  await probe.keyboard.type('01022026');
  const value = await probe.inputValue('#probe');
  await probe.close();
  if (value === '2026-02-01') return ['day', 'month', 'year'];
  if (value === '2026-01-02') return ['month', 'day', 'year'];
  throw new Error(`unexpected date input order: ${value}`);
}

beforeAll(async () => {
  const importFile = (key: string, body: string) => control(`/import?key=${encodeURIComponent(key)}`, body);
  let datasets: CompanyDataset[];
  [browser, datasets] = await Promise.all([
    launchBrowser(),
    importCompanies(importFile, [{ insured: 30, establishments: 2 }]),
  ]);
  dataset = datasets[0]!;
  who = apiBrowser(ip);
  const admin = await activateAndConfirm(dataset.summary, who);
  await logIn(who, admin);
  session = who.jar.get(SESSION_COOKIE)!;
  expect(session).toBeTruthy();
  const me = await who.call<{ companies: { companyId: string }[] }>('GET', '/me');
  companyId = me.body.companies[0]!.companyId;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  // A script error or a CSP violation anywhere fails the file.
  expect(pageErrors).toEqual([]);
});

async function open(path: string, { clock = false } = {}): Promise<Page> {
  const context = await portalContext(browser, baseUrl, { ip, session, acceptDownloads: true });
  contexts.push(context);
  return openPage(context, path, pageErrors, clock ? { beforeGoto: (page) => page.clock.install() } : {});
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      type: element?.getAttribute('type') ?? undefined,
      label: element?.getAttribute('aria-label') ?? undefined,
      text: element?.textContent?.trim(),
      outline: element ? getComputedStyle(element).outlineStyle : undefined,
    };
  });

/** The bytes a download event delivered. */
async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** Names that appear once in the company: buttons named after them are unambiguous. */
function uniqueNames(): Set<string> {
  const counts = new Map<string, number>();
  for (const row of dataset.rows.assures) {
    const name = `${row.prenom} ${row.nom}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count === 1).map(([name]) => name));
}

describe('Mes contrats', () => {
  it('lists the contracts, opens one, downloads a certificate and radiates an insured', async () => {
    const page = await open('/contrats');
    const contracts = page.getByRole('table', { name: /^Contrats de / });
    await contracts.waitFor();
    expect(await contracts.locator('tbody tr').count()).toBe(dataset.rows.contrats.length);
    const headers = await contracts.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Statut',
      'Risque',
      'Contrat employeur',
      'Contrat',
      "Date d'effet",
      'Date de fin',
      'Actions',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'contrats');

    // The contract with the most people still covered, and one of them on its first page.
    const active = dataset.rows.assures.filter((row) => !row.date_fin);
    const byContract = new Map<string, number>();
    for (const row of active)
      byContract.set(row.contrat_employeur, (byContract.get(row.contrat_employeur) ?? 0) + 1);
    const contractNumber = [...byContract].sort((a, b) => b[1] - a[1])[0]![0];
    const firstPage = await who.call<{ insured: Insured[] }>(
      'GET',
      `/companies/${companyId}/contracts/${contractNumber}?limit=25`,
    );
    const unique = uniqueNames();
    const target = firstPage.body.insured.find(
      (insured) => !insured.endDate && insured.effectiveDate <= today && unique.has(fullName(insured)),
    )!;
    expect(target).toBeDefined();

    await page.getByRole('link', { name: `Voir les assurés du contrat ${contractNumber}` }).click();
    await page.waitForURL(`${baseUrl}/contrats?contrat=${contractNumber}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Contrat ${contractNumber}`) }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1' });
    const insuredTable = page.getByRole('table', { name: `Assurés du contrat ${contractNumber}` });
    await insuredTable.waitFor();
    expect(await insuredTable.locator('thead th').allTextContents()).toEqual([
      'Nom',
      'Prénom',
      'Télétransmission Noémie',
      'Conjoint',
      'Enfants',
      "Date d'effet",
      'Date de fin',
      'Actions',
    ]);
    expect(await insuredTable.locator('tbody tr').count()).toBe(firstPage.body.insured.length);

    // Children: a disclosure with their names and birth dates.
    const parent = firstPage.body.insured.find((insured) =>
      insured.beneficiaries.some((b) => b.kind === 'enfant'),
    );
    if (parent) {
      const children = parent.beneficiaries.filter((b) => b.kind === 'enfant');
      const toggle = page.getByRole('button', {
        name: new RegExp(`^${children.length} enfants? de ${fullName(parent)}$`),
      });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const list = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
      expect(await list.textContent()).toContain(fullName(children[0]!));
      expect(await list.textContent()).toContain(french(children[0]!.birthDate));
    }
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'contrat-detail');

    // The affiliation certificate: a real PDF.
    const [certificate] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: `Télécharger le certificat d'affiliation de ${fullName(target)}` })
        .click(),
    ]);
    expect((await downloaded(certificate)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(certificate.suggestedFilename()).toMatch(/^certificat-affiliation-.*\.pdf$/);

    // Escape closes the dialog and gives the focus back to the button that opened it.
    const radier = page.getByRole('button', { name: `Radier ${fullName(target)}` });
    await radier.click();
    const dialog = page.getByRole('dialog', { name: `Radier ${fullName(target)}` });
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'input', type: 'date' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).label).toBe(`Radier ${fullName(target)}`);

    // Radiation: today, "Licenciement"; the confirmation, then the portabilité computed by the server.
    await radier.click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/ayants droit.*radiés à la même date/);
    await dialog.getByRole('button', { name: 'Continuer' }).click();
    const dateField = dialog.getByLabel('Date de fin de la couverture');
    await expect.poll(() => dateField.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Choisissez un motif de radiation.');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'radiation-dialogue');

    await dateField.fill(today);
    await dialog.getByLabel('Motif de la radiation').selectOption({ label: 'Licenciement' });
    await dialog.getByRole('button', { name: 'Continuer' }).click();
    const question = dialog.getByRole('heading', {
      name: `Confirmer la radiation de ${fullName(target)} au ${french(today)} ?`,
    });
    await question.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h3' });
    await dialog.getByRole('button', { name: 'Confirmer la radiation' }).click();
    await dialog.getByText('Radiation enregistrée').waitFor();
    const expected = portabiliteFor('licenciement', target.effectiveDate, today);
    expect(expected.eligible).toBe(true);
    const result = await dialog.textContent();
    expect(result).toContain(
      `Portabilité : ${expected.months} mois, du ${french(expected.from!)} au ${french(expected.to!)}`,
    );
    await screenshots(page, 'radiation-confirmee');
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The row now has its end date and portabilité, and the focus is on it.
    const row = insuredTable.locator('tr', {
      has: page.locator(`[data-employee-row="${target.employeeId}"]`),
    });
    await expect
      .poll(() => row.textContent())
      .toContain(`Portabilité : ${expected.months} mois, jusqu'au ${french(expected.to!)}`);
    expect(await row.textContent()).toContain(french(today));
    expect(await row.getByRole('button', { name: `Radier ${fullName(target)}` }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-employee-row'))).toBe(
      target.employeeId,
    );
    radiated = { ...target, endDate: today };
  });
});

describe('Mes salariés', () => {
  it('shows the radiated employee with the end date and the portabilité, filtered on « Radiés »', async () => {
    expect(radiated).toBeDefined();
    const page = await open('/salaries');
    const table = page.getByRole('table', { name: /^Salariés affiliés/ });
    await table.waitFor();
    const status = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /salariés? affichés?/ });
    expect(await status.textContent()).toMatch(
      /^25 salariés affichés\. D'autres salariés peuvent être chargés\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'salaries');

    await page.getByLabel('Situation').selectOption({ label: 'Radiés' });
    const expectedRadiated = dataset.rows.assures.filter((row) => row.date_fin).length + 1;
    await expect
      .poll(() => status.textContent())
      .toBe(`${expectedRadiated} ${expectedRadiated > 1 ? 'salariés affichés' : 'salarié affiché'}.`);
    const row = table.locator('tr', { has: page.locator(`[data-employee-row="${radiated.employeeId}"]`) });
    const expected = portabiliteFor('licenciement', radiated.effectiveDate, today);
    const text = await row.textContent();
    expect(text).toContain(french(today));
    expect(text).toContain('Motif : Licenciement');
    expect(text).toContain(`Portabilité : ${expected.months} mois, jusqu'au ${french(expected.to!)}`);
    // Radiated: no "Radier", but the attestation de radiation.
    expect(await row.getByRole('button', { name: /^Radier/ }).count()).toBe(0);
    const [attestation] = await Promise.all([
      page.waitForEvent('download'),
      row
        .getByRole('button', { name: `Télécharger l'attestation de radiation de ${fullName(radiated)}` })
        .click(),
    ]);
    expect((await downloaded(attestation)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('pages with "Charger plus", and sorts by name both ways', async () => {
    const page = await open('/salaries');
    const table = page.getByRole('table', { name: /^Salariés affiliés/ });
    await table.waitFor();
    const names = () => table.locator('[data-employee-row]').allTextContents();
    expect(await names()).toHaveLength(25);
    await page.getByRole('button', { name: 'Charger plus de salariés' }).click();
    await expect.poll(async () => (await names()).length).toBe(dataset.rows.assures.length);
    // The focus lands on the first row that arrived.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe((await names())[25]);
    expect(await page.getByRole('button', { name: 'Charger plus de salariés' }).count()).toBe(0);
    const ascending = await names();
    expect(ascending.map((name) => sortableName(name))).toEqual(
      [...ascending.map((name) => sortableName(name))].sort(),
    );

    const sort = table.getByRole('button', { name: /^Nom/ });
    expect(await table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await sort.click();
    await expect.poll(() => table.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await names())[0]).toBe(ascending.at(-1));
  });

  it('finds employees by the first letters of their name', async () => {
    const page = await open('/salaries');
    const target = dataset.rows.assures[7]!;
    const prefix = target.nom.slice(0, 3);
    await page.getByLabel('Rechercher un salarié').fill(prefix);
    const table = page.getByRole('table', { name: /^Salariés affiliés/ });
    const expectedCount = dataset.rows.assures.filter((row) =>
      sortableName(row.nom).startsWith(sortableName(prefix)),
    ).length;
    const status = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /salariés? affichés?/ });
    await expect
      .poll(() => status.textContent())
      .toBe(`${expectedCount} ${expectedCount > 1 ? 'salariés affichés' : 'salarié affiché'}.`);
    const names = await table.locator('[data-employee-row]').allTextContents();
    expect(names).toContain(target.nom);
    expect(names.every((name) => sortableName(name).startsWith(sortableName(prefix)))).toBe(true);

    // A partial NIR is not searched as a name: the page says what it needs.
    await page.getByLabel('Rechercher un salarié').fill('1 85 05');
    await page.getByText('saisissez ses 15 caractères').first().waitFor();
    // A full NIR finds the one person.
    await page.getByLabel('Rechercher un salarié').fill(target.nir);
    await expect.poll(() => table.locator('[data-employee-row]').allTextContents()).toEqual([target.nom]);
  });

  it('reveals a NIR on request only, and masks it again after 30 seconds', async () => {
    const page = await open('/salaries', { clock: true });
    const table = page.getByRole('table', { name: /^Salariés affiliés/ });
    await table.waitFor();
    const first = (await table.locator('[data-employee-row]').first().getAttribute('data-employee-row'))!;
    const employees = await who.call<{ items: Insured[] }>(
      'GET',
      `/companies/${companyId}/employees?limit=1`,
    );
    const employee = employees.body.items[0]!;
    expect(employee.employeeId).toBe(first);
    const nir = dataset.rows.assures.find(
      (row) => row.nom === employee.lastName && row.prenom === employee.firstName,
    )!.nir;
    const row = table.locator('tr', { has: page.locator(`[data-employee-row="${first}"]`) });
    const cell = row.locator('.emp-nir__value');
    expect(await cell.textContent()).toContain(employee.maskedNir);
    expect((await page.content()).replace(/\s/g, '')).not.toContain(nir);

    await row
      .getByRole('button', { name: `Afficher le numéro de sécurité sociale de ${fullName(employee)}` })
      .click();
    await expect.poll(async () => (await cell.textContent())?.replace(/\s/g, '')).toBe(nir);
    expect(await row.getByRole('button', { name: /^Masquer le numéro/ }).count()).toBe(1);

    await page.clock.fastForward(31_000);
    await expect.poll(() => cell.textContent()).toContain(employee.maskedNir);
    expect(await row.getByRole('button', { name: /^Afficher le numéro/ }).count()).toBe(1);
    expect((await page.content()).replace(/\s/g, '')).not.toContain(nir);
  });

  it('exports the filtered list as CSV', async () => {
    const page = await open('/salaries');
    await page.getByRole('table', { name: /^Salariés affiliés/ }).waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^salaries-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse((await downloaded(file)).toString('utf8'), {
      delimiter: ';',
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(dataset.rows.assures.length);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['etablissement', 'nom', 'prenom', 'nir', 'date_fin']),
    );
    expect(rows.every((row) => /•/.test(row.nir!))).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: `Export de ${dataset.rows.assures.length} salariés prêt.` })
      .waitFor({ state: 'attached' });

    // The same filters as the screen: only the radiated ones.
    await page.getByLabel('Situation').selectOption({ label: 'Radiés' });
    await page
      .getByRole('status')
      .filter({ hasText: /salariés? affichés?\.$/ })
      .waitFor();
    const [radiatedFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    const radiatedRows = parse((await downloaded(radiatedFile)).toString('utf8'), {
      delimiter: ';',
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(radiatedRows.length).toBe(dataset.rows.assures.filter((row) => row.date_fin).length + 1);
    expect(radiatedRows.every((row) => row.date_fin)).toBe(true);
  });
});

describe('Radiation (contexte sans DSN)', () => {
  it('is accessible, and can be done with the keyboard alone', async () => {
    const page = await open('/salaries/radiation');
    const order = await dateSegmentOrder(page.context());
    await page.getByRole('heading', { level: 2, name: 'Choisissez le salarié à radier' }).waitFor();
    await page.getByRole('table', { name: 'Salariés couverts correspondant à la recherche' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'radiation');

    const unique = uniqueNames();
    const lastNames = new Map<string, number>();
    for (const row of dataset.rows.assures) lastNames.set(row.nom, (lastNames.get(row.nom) ?? 0) + 1);
    const target = dataset.rows.assures.find(
      (row) =>
        !row.date_fin &&
        row.date_effet <= today &&
        lastNames.get(row.nom) === 1 &&
        unique.has(`${row.prenom} ${row.nom}`) &&
        row.nom !== radiated?.lastName,
    )!;
    expect(target).toBeDefined();
    const name = `${target.prenom} ${target.nom}`;

    const tabTo = async (
      predicate: (element: Awaited<ReturnType<typeof focused>>) => boolean,
      what: string,
    ) => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        const element = await focused(page);
        if (predicate(element)) return element;
      }
      throw new Error(`Tab never reached ${what}`);
    };

    const search = await tabTo((element) => element.type === 'search', 'the search field');
    expect(search.outline).not.toBe('none');
    await page.keyboard.type(target.nom);
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Salariés couverts correspondant à la recherche' })
          .locator('tbody tr')
          .count(),
      )
      .toBe(1);
    const choose = await tabTo((element) => element.label === `Choisir ${name}`, `"Choisir ${name}"`);
    expect(choose.outline).not.toBe('none');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: `Radiation de ${name}` }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2', text: `Radiation de ${name}` });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'radiation-formulaire');

    await tabTo((element) => element.type === 'date', 'the date field');
    const [year, month, day] = today.split('-') as [string, string, string];
    await page.keyboard.type(order.map((part) => ({ day, month, year })[part]).join(''));
    expect(await page.getByLabel('Date de fin de la couverture').inputValue()).toBe(today);
    // Tab goes through the date's segments (and its calendar button), then to the reason.
    await tabTo((element) => element.tag === 'select', 'the reason');
    await page.keyboard.type('Fin');
    expect(await page.getByLabel('Motif de la radiation').inputValue()).toBe('fin_cdd');
    await tabTo((element) => element.text === 'Continuer', '"Continuer"');
    await page.keyboard.press('Enter');

    await page
      .getByRole('heading', { name: `Confirmer la radiation de ${name} au ${french(today)} ?` })
      .waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h3' });
    const confirm = await tabTo(
      (element) => element.text === 'Confirmer la radiation',
      '"Confirmer la radiation"',
    );
    expect(confirm.outline).not.toBe('none');
    await page.keyboard.press('Enter');

    await page.getByText('Radiation enregistrée').waitFor();
    const expected = portabiliteFor('fin_cdd', target.date_effet, today);
    expect(await page.getByRole('main').textContent()).toContain(`Portabilité : ${expected.months} mois`);
    await screenshots(page, 'radiation-resultat');
    await tabTo(
      (element) => element.text === "Télécharger l'attestation de radiation",
      'the attestation button',
    );
    const [attestation] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect((await downloaded(attestation)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // "Radier un autre salarié" starts over, the search field focused.
    await tabTo((element) => element.text === 'Radier un autre salarié', '"Radier un autre salarié"');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).type).toBe('search');
  });
});
