import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from '../support/auth-flow';
import {
  addSession,
  launchBrowser,
  screenshots,
  seriousViolations,
  SESSION_COOKIE,
  watchPageErrors,
} from '../support/browser';
import {
  biaTokenIn,
  emailsTo,
  freshEmployer,
  PDF,
  PNG,
  randomNir,
  runAffiliationJob,
  type Employer,
} from '../support/affiliation';

/**
 * Pré-affiliation → the employee's BIA → the insured, in Chromium, in two browser contexts:
 * the employer (signed in) pré-affiliates through the guide's steps; the employee opens the
 * link of her e-mail in a context of her own (no account), saves a draft, uploads her RIB and
 * attestation with their progress, finalizes; the employer follows it in Suivi des
 * affiliations and finds her in Mes salariés. Then the courrier path (no e-mail: the PDF),
 * a reminder, a CSV import and a new journey for an abandoned request.
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
let employer: Employer;
let employerContext: BrowserContext;
let employeeContext: BrowserContext;
let page: Page;
let bia: Page;
const pageErrors: string[] = [];

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = daysFromToday(0);

/** The employee of the journey: Camille, with an e-mail. */
const camille = {
  lastName: `Lefort${String.fromCharCode(97 + Math.floor(Math.random() * 26))}${String.fromCharCode(97 + Math.floor(Math.random() * 26))}`,
  firstName: 'Camille',
  email: uniqueEmail('camille'),
  birthDate: '1991-03-08',
  nir: randomNir(2, 1991, 3),
};
/** The employee without e-mail: the courrier path. */
const bruno = {
  lastName: `Marchal${String.fromCharCode(97 + Math.floor(Math.random() * 26))}`,
  firstName: 'Bruno',
  birthDate: '1984-11-20',
  nir: randomNir(1, 1984, 11),
};

// The uploads go to another origin: a CSP or CORS refusal would show in the console.
const watchErrors = (target: Page) =>
  watchPageErrors(target, pageErrors, /Content Security Policy|Refused to|CORS/i);

beforeAll(async () => {
  [browser, employer] = await Promise.all([
    launchBrowser(),
    freshEmployer({ insured: 3, establishments: 2 }),
  ]);
  employerContext = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
  });
  employerContext.setDefaultTimeout(15_000);
  await addSession(employerContext, baseUrl, employer.who.jar.get(SESSION_COOKIE)!);
  page = await employerContext.newPage();
  watchErrors(page);
});

afterAll(async () => {
  await employeeContext?.close();
  await employerContext?.close();
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

/** The bytes a download event delivered. */
async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  return readFileSync(path);
}

const formatSiret = (siret: string) =>
  `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
const stepHeading = () => page.locator('#pre-affiliation-etape');
const exact = { exact: true } as const;

/** Steps 1 and 2: the company's main establishment, non cadre. */
async function chooseEstablishmentAndStatut() {
  await page.getByLabel(new RegExp(`SIRET ${formatSiret(employer.company.mainSiret)}`)).check();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect.poll(() => stepHeading().textContent()).toContain('Statut professionnel');
  await page.getByLabel('Non cadre', exact).check();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect.poll(() => stepHeading().textContent()).toContain('Salarié');
}

async function fillEmployee(person: { lastName: string; firstName: string; birthDate: string; nir: string }) {
  await page.getByLabel(person.firstName === 'Bruno' ? 'Monsieur' : 'Madame', exact).check();
  await page.getByLabel('Nom', exact).fill(person.lastName);
  await page.getByLabel('Prénom', exact).fill(person.firstName);
  await page.getByLabel('Date de naissance', exact).fill(person.birthDate);
  await page.getByLabel('Numéro de sécurité sociale', exact).fill(person.nir);
  await page.getByLabel('Numéro et voie', exact).fill('8 quai Saint-Antoine');
  await page.getByLabel('Code postal', exact).fill('69002');
  await page.getByLabel('Ville', exact).fill('Lyon');
  await page.getByLabel('Date d’embauche', exact).fill(daysFromToday(-10));
  await page.getByLabel('Date de début du contrat', exact).fill(today);
}

const requestRow = (target: Page, lastName: string) => target.getByRole('row').filter({ hasText: lastName });

describe('pré-affiliation with an e-mail, then the BIA in a fresh browser context', () => {
  it('takes the employer through the three steps, checking each one in French', async () => {
    await page.goto('/salaries/pre-affiliation');
    await page.getByRole('heading', { level: 1, name: 'Pré-affilier un salarié' }).waitFor();
    await expect.poll(() => stepHeading().textContent()).toContain('Étape 1 sur 4');
    // Two establishments: nothing is chosen for the user.
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Choisissez l’établissement du salarié.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await chooseEstablishmentAndStatut();
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => page.getByLabel('Nom', exact).getAttribute('aria-invalid')).toBe('true');

    await fillEmployee({
      ...camille,
      nir: `${camille.nir.slice(0, 13)}${camille.nir.endsWith('00') ? '01' : '00'}`,
    });
    await page.getByLabel('Adresse e-mail personnelle (facultatif)').fill(camille.email);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Le numéro de sécurité sociale est invalide (clé incorrecte).').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'pre-affiliation-etape-3');

    await page.getByLabel('Numéro de sécurité sociale', exact).fill(camille.nir);
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => stepHeading().textContent()).toContain('Récapitulatif');
    const summary = await page.locator('.aff-summary').textContent();
    expect(summary).toContain(`Par e-mail, à ${camille.email}`);
    expect(summary).toContain(`Camille ${camille.lastName}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sends the request once, even on a double click, and says it went by e-mail', async () => {
    await page.getByRole('button', { name: 'Envoyer la demande' }).dblclick();
    await page.getByText('Envoyé à l’employé par e-mail').waitFor();
    expect(await page.getByRole('main').textContent()).toContain(camille.email);
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await employer.call<{ items: { lastName: string }[] }>(
      'GET',
      `${employer.base}/affiliation-requests`,
    );
    expect(listed.body.items.filter((item) => item.lastName === camille.lastName)).toHaveLength(1);
  });

  it('opens the link of the e-mail without an account, and takes the token out of the address bar', async () => {
    const mail = (await emailsTo(camille.email)).find((email) => biaTokenIn(email.text));
    const token = biaTokenIn(mail?.text ?? '');
    expect(token).toBeDefined();

    employeeContext = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
    });
    employeeContext.setDefaultTimeout(15_000);
    bia = await employeeContext.newPage();
    watchErrors(bia);
    await bia.goto(`/bia#${token}`);
    await bia.getByRole('heading', { level: 1, name: "Mon bulletin d'affiliation" }).waitFor();
    await expect.poll(() => bia.url()).toBe(`${baseUrl}/bia`);
    // No portal navigation, no company switcher, no session.
    expect(await bia.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(await bia.getByLabel('Nom', exact).inputValue()).toBe(camille.lastName);
    // The NIR is shown masked, and cannot be typed over.
    expect(await bia.getByRole('main').textContent()).not.toContain(camille.nir);
    expect(await bia.getByRole('textbox', { name: 'Numéro de sécurité sociale', exact: true }).count()).toBe(
      0,
    );
    expect(await bia.locator('.bia-status').textContent()).toBe('Envoyé à l’employé');
    expect(await seriousViolations(bia)).toEqual([]);
  });

  it('checks the IBAN as it is typed, and saves the draft ("Démarré par le salarié")', async () => {
    await bia.getByLabel('Ville', exact).fill('Villeurbanne');
    await bia.getByLabel('Code postal', exact).fill('69100');
    await bia.getByLabel('Situation de famille').selectOption({ label: 'Marié(e)' });
    await bia.getByRole('group', { name: 'Télétransmission Noémie' }).getByLabel('Oui').check();
    await bia.getByLabel('Titulaire du compte').fill(`Camille ${camille.lastName}`);
    const iban = bia.getByLabel('IBAN', exact);
    await iban.fill('FR76 3000 6000 0112 3456 7890 188');
    await bia.getByText('IBAN invalide (clé de contrôle incorrecte).').waitFor();
    await iban.fill('FR76 3000 6000 0112 3456 7890 189');
    await bia.getByText('IBAN valide.').waitFor();

    await bia.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await bia.getByText(/Brouillon enregistré à \d{2}:\d{2}\./).waitFor();
    await expect.poll(() => bia.locator('.bia-status').textContent()).toBe('Démarré par le salarié');
    expect(await seriousViolations(bia)).toEqual([]);
    await screenshots(bia, 'bia-brouillon');
  });

  it('finds the draft again after a reload of the page', async () => {
    await bia.reload();
    await bia.getByRole('heading', { level: 1, name: "Mon bulletin d'affiliation" }).waitFor();
    await expect.poll(() => bia.getByLabel('Ville', exact).inputValue()).toBe('Villeurbanne');
    expect(await bia.getByLabel('Situation de famille').inputValue()).toBe('marie');
    expect((await bia.getByLabel('IBAN', exact).inputValue()).replace(/\s/g, '')).toBe(
      'FR7630006000011234567890189',
    );
  });

  it('fits a 375 px screen', async () => {
    await bia.setViewportSize({ width: 375, height: 812 });
    const overflow = await bia.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(bia)).toEqual([]);
    await bia.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows "Démarré par le salarié" in the employer’s Suivi, filtered from a deep link', async () => {
    await page.goto('/salaries/suivi-affiliations?statut=started');
    await page.getByRole('heading', { level: 1, name: 'Suivi des affiliations' }).waitFor();
    const row = requestRow(page, camille.lastName);
    await row.waitFor();
    expect(await row.textContent()).toContain('Démarré par le salarié');
    expect(await row.textContent()).toContain('E-mail');
    expect(await page.getByLabel('Statut', exact).inputValue()).toBe('started');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'suivi-demarre');
    // On a phone each request becomes a card: nothing overflows.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('uploads the RIB (PDF) and the attestation (PNG) with their progress up to 100 %', async () => {
    await bia.getByLabel('RIB (relevé d’identité bancaire)').setInputFiles({
      name: 'rib.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await bia.getByLabel('Attestation de droits Sécurité sociale').setInputFiles({
      name: 'attestation.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    for (const name of ['rib.pdf', 'attestation.png']) {
      const item = bia.locator(`li[data-file-name="${name}"]`);
      await expect
        .poll(() => item.locator('progress').getAttribute('value'), { timeout: 20_000 })
        .toBe('100');
      await expect.poll(() => item.textContent()).toContain('Envoyé');
    }
    // A file of another format never leaves the browser.
    await bia.getByLabel('Autre justificatif').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('bonjour'),
    });
    await bia.getByText('« notes.txt » n’est pas d’un format accepté (PDF, JPEG ou PNG).').waitFor();
    expect(await seriousViolations(bia)).toEqual([]);
  });

  it('adds a child attached to a parent’s NIR, and lists what stops the finalization', async () => {
    await bia.getByRole('button', { name: 'Ajouter un enfant' }).click();
    const child = bia.getByRole('group', { name: 'Enfant 1' });
    await child.getByLabel('Prénom', exact).fill('Léo');
    await child.getByLabel('Date de naissance', exact).fill('2019-05-02');
    await child.getByLabel('Rattaché au numéro d’un parent').check();
    await child.getByLabel('Rattaché au numéro de sécurité sociale de').fill(camille.nir);

    // Without the consent and the sworn statement, the server says what is missing.
    await bia.getByRole('button', { name: 'Finaliser mon affiliation' }).click();
    const summary = bia.locator('.bia-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Consentement');
    expect(await summary.textContent()).toContain('Déclaration sur l’honneur');
    expect(await bia.evaluate(() => document.activeElement?.classList.contains('bia-summary'))).toBe(true);
    expect(await seriousViolations(bia)).toEqual([]);
    await screenshots(bia, 'bia-erreurs');
  });

  it('finalizes the BIA ("Finalisé par le salarié")', async () => {
    await bia.getByLabel(/J’accepte que les informations de ce bulletin/).check();
    await bia.getByLabel('Je certifie sur l’honneur l’exactitude des informations fournies.').check();
    await bia.getByRole('button', { name: 'Finaliser mon affiliation' }).click();
    await bia.getByText('Votre affiliation est finalisée').first().waitFor();
    expect(await bia.getByRole('main').textContent()).toContain('Finalisé par le salarié');
    expect(await seriousViolations(bia)).toEqual([]);
    await screenshots(bia, 'bia-finalise');
  });

  it('shows "Finalisé par le salarié" in Suivi and the employee in Mes salariés', async () => {
    await page.goto('/salaries/suivi-affiliations');
    const row = requestRow(page, camille.lastName);
    await row.waitFor();
    expect(await row.textContent()).toContain('Finalisé par le salarié');
    // A finalized request is not reminded any more.
    expect(await row.getByRole('button', { name: /^Relancer/ }).count()).toBe(0);

    await page.goto('/salaries');
    await page.getByLabel('Rechercher un salarié').fill(camille.lastName);
    const employeeRow = page.getByRole('row').filter({ hasText: camille.lastName });
    await employeeRow.waitFor();
    expect(await employeeRow.textContent()).toContain('Camille');
    expect(await employeeRow.textContent()).toContain('Non cadre');
  });
});

describe('pré-affiliation without an e-mail: the courrier', () => {
  it('offers the PDF form at once', async () => {
    await page.goto('/salaries/pre-affiliation');
    await chooseEstablishmentAndStatut();
    await fillEmployee(bruno);
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect
      .poll(() => page.locator('.aff-summary').textContent())
      .toContain('Par courrier (aucun e-mail renseigné)');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await page.getByText('Courrier à envoyer').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const [form] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Télécharger le formulaire \(PDF\)/ }).click(),
    ]);
    expect((await downloaded(form)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lists it with the mode Courrier in Suivi, with a working "Télécharger le formulaire"', async () => {
    await page.goto('/salaries/suivi-affiliations?mode=courrier');
    const row = requestRow(page, bruno.lastName);
    await row.waitFor();
    expect(await row.textContent()).toContain('Courrier');
    expect(await row.textContent()).toContain('Envoyé à l’employé');
    expect(await page.getByRole('row').filter({ hasText: camille.lastName }).count()).toBe(0);

    const [form] = await Promise.all([
      page.waitForEvent('download'),
      row
        .getByRole('button', { name: `Télécharger le formulaire d’affiliation de Bruno ${bruno.lastName}` })
        .click(),
    ]);
    expect((await downloaded(form)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('sends a reminder, then says when the next one will be possible', async () => {
    const row = requestRow(page, bruno.lastName);
    await row.getByRole('button', { name: `Relancer Bruno ${bruno.lastName}` }).click();
    await page.getByText(`Relance envoyée à Bruno ${bruno.lastName}.`).waitFor();
    await expect.poll(() => row.textContent()).toContain('Une relance par 24 heures');
    const button = row.getByRole('button', { name: `Relancer Bruno ${bruno.lastName}` });
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('starts a new journey for a request abandoned after the deadline, after a confirmation', async () => {
    await runAffiliationJob(new Date(Date.now() + 31 * 86_400_000).toISOString(), employer.companyId);
    await page.goto('/salaries/suivi-affiliations?statut=abandoned');
    const row = requestRow(page, bruno.lastName);
    await row.waitFor();
    expect(await row.textContent()).toContain('Abandonné');

    await row
      .getByRole('button', { name: `Relancer un nouveau parcours pour Bruno ${bruno.lastName}` })
      .click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('L’ancien lien ne fonctionnera plus');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Relancer un nouveau parcours' }).click();
    await page.getByText(`Nouveau parcours envoyé à Bruno ${bruno.lastName}.`).waitFor();

    await page.getByLabel('Statut', exact).selectOption({ label: 'Envoyé à l’employé' });
    await expect.poll(() => page.url()).toContain('statut=sent');
    const restarted = requestRow(page, bruno.lastName);
    await expect.poll(() => restarted.textContent()).toContain('Parcours n° 2');
    expect(await restarted.textContent()).toContain('Envoyé à l’employé');
  });
});

describe('pré-affiliation en masse (CSV)', () => {
  const header =
    'siret;statut;civilite;nom;nom_naissance;prenom;date_naissance;nir;email;adresse;complement_adresse;code_postal;ville;date_embauche;date_debut_contrat';
  const line = (nir: string, lastName: string) =>
    `${employer.company.mainSiret};non_cadre;MME;${lastName};;Inès;14/02/1993;${nir};;4 rue Neuve;;69001;Lyon;${daysFromToday(-3)};${today}`;

  it('reports the errors of the dry run by line, then creates the requests of a corrected file', async () => {
    const lastName = `Perrin${String.fromCharCode(97 + Math.floor(Math.random() * 26))}`;
    const nir = randomNir(2, 1993, 2);
    await page.goto('/salaries/pre-affiliation?import=csv');
    await page.getByRole('heading', { level: 2, name: 'Pré-affiliation en masse (CSV)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Télécharger le modèle CSV' }).getAttribute('download')).toBe(
      'modele-pre-affiliation.csv',
    );

    const wrong = `${nir.slice(0, 13)}${nir.endsWith('00') ? '01' : '00'}`;
    await page.getByLabel('Fichier CSV des salariés').setInputFiles({
      name: 'salaries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${line(wrong, lastName)}\n`),
    });
    const report = page.locator('.aff-report');
    await report.waitFor();
    const errorRow = report.getByRole('row').filter({ hasText: 'nir' });
    await errorRow.waitFor();
    expect(await errorRow.textContent()).toContain('2');
    expect(await report.textContent()).toContain('Aucune demande n’a été créée.');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Fichier CSV des salariés').setInputFiles({
      name: 'salaries-corrige.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${line(nir, lastName)}\n`),
    });
    await page.getByRole('button', { name: 'Créer la demande' }).click();
    await page.getByText('1 demande d’affiliation créée').first().waitFor();
    expect(await page.getByRole('main').textContent()).toContain(`Inès ${lastName} — par courrier`);
  });
});
