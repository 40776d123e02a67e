import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  e164,
  latestCode,
  linkTokenFromEmail,
  STRONG_PASSWORD,
  uniqueEmail,
  uniqueMobile,
} from '../support/auth-flow';
import { freshCompany } from '../support/fixtures';
import {
  launchBrowser,
  portalContext,
  randomIp,
  screenshots,
  seriousViolations,
  signedInAdmin,
  watchPageErrors,
  type SignedInAdmin,
} from '../support/browser';

/**
 * "Gestion des habilitations" in Chromium, as the guide tells it: an administrator adds a
 * Utilisateur, who creates a password from the e-mailed link, logs in with the SMS code and
 * sees that company only, without the habilitations; the administrator deactivates them and
 * their next action lands on the login page. The journal records it all.
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
let admin: SignedInAdmin;
let adminPage: Page;
let invitedPage: Page;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

const invited = {
  email: uniqueEmail('e2e.invite'),
  mobile: uniqueMobile(),
  firstName: 'Paul',
  lastName: 'Durand',
};
const invitedName = `${invited.firstName} ${invited.lastName}`;

beforeAll(async () => {
  [browser, admin] = await Promise.all([launchBrowser(), signedInAdmin()]);
  adminPage = await newPage(await newContext(1280, admin.session));
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

async function newContext(width = 1280, session?: string): Promise<BrowserContext> {
  const context = await portalContext(browser, baseUrl, {
    ip: randomIp(),
    width,
    ...(session ? { session } : {}),
  });
  contexts.push(context);
  return context;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  watchPageErrors(page, pageErrors);
  return page;
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    tag: document.activeElement?.tagName.toLowerCase(),
    text: document.activeElement?.textContent?.trim(),
    name: document.activeElement?.getAttribute('name') ?? undefined,
    inDialog: Boolean(document.activeElement?.closest('dialog')),
  }));

const usersTable = (page: Page) => page.getByRole('table', { name: /Utilisateurs de l’entreprise/ });
const userRow = (page: Page, name: string) => usersTable(page).getByRole('row').filter({ hasText: name });

async function openHabilitations(page: Page) {
  await page.goto('/habilitations');
  await page.getByRole('heading', { level: 1, name: 'Gestion des habilitations' }).waitFor();
}

describe('Gestion des habilitations', () => {
  it('lists the users of the company, the administrator first among them', async () => {
    await openHabilitations(adminPage);
    const self = userRow(adminPage, '(vous)');
    await self.waitFor();
    expect(await self.textContent()).toContain('Administrateur');
    expect(await self.textContent()).toContain('Actif');
    expect(await self.textContent()).toContain(admin.email);
    await adminPage.getByRole('heading', { level: 2, name: 'Journal des modifications' }).waitFor();
    await adminPage.getByRole('table', { name: /Journal des modifications/ }).waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations');
  });

  it('refuses to demote the last administrator, with the reason on the field, in a dialog', async () => {
    await adminPage.getByRole('button', { name: /^Modifier Élodie Lefèvre/ }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Modifier Élodie Lefèvre' });
    await dialog.waitFor();
    expect((await focused(adminPage)).inDialog).toBe(true);
    await dialog.getByRole('radio', { name: 'Utilisateur' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('dernier administrateur actif').first().waitFor();
    const profile = dialog.getByRole('radio', { name: 'Utilisateur' });
    expect(await profile.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations-modifier');

    // Escape closes it; the focus goes back to the button that opened it.
    await adminPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(adminPage)).text).toMatch(/^Modifier Élodie Lefèvre/);
  });

  it('adds a Utilisateur on the company; the invitation is sent', async () => {
    const opener = adminPage.getByRole('button', { name: 'Ajouter un utilisateur à mon espace entreprise' });
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await focused(adminPage)).tag).toBe('h3');
    const form = adminPage.getByRole('form', { name: 'Ajouter un utilisateur à mon espace entreprise' });

    // Nothing filled in: the first field says what is missing.
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await expect
      .poll(() => form.getByRole('radio', { name: 'Monsieur' }).getAttribute('aria-invalid'))
      .toBe('true');

    await form.getByRole('radio', { name: 'Monsieur' }).check();
    await form.getByLabel('Nom', { exact: true }).fill(invited.lastName);
    await form.getByLabel('Prénom').fill(invited.firstName);
    await form.getByLabel('Adresse e-mail').fill(invited.email);
    await form.getByLabel('Téléphone mobile').fill(invited.mobile);
    const profile = form.getByRole('group', { name: `Profil sur ${admin.company.name}` });
    await profile.getByRole('radio', { name: 'Utilisateur' }).check();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations-ajout');
    await form.getByRole('button', { name: 'Envoyer l’invitation' }).click();

    await adminPage.getByText('Invitation envoyée').waitFor();
    expect(await adminPage.getByRole('main').textContent()).toContain(`${admin.company.name} : Utilisateur`);
    const row = userRow(adminPage, invitedName);
    await row.waitFor();
    expect(await row.textContent()).toContain('Utilisateur');
    expect(await row.textContent()).toContain('Mot de passe pas encore créé');
    expect(await row.getByRole('button', { name: `Renvoyer le lien ${invitedName}` }).count()).toBe(1);
    await adminPage.getByRole('button', { name: 'Fermer', exact: true }).click();
    await expect
      .poll(async () => (await focused(adminPage)).text)
      .toBe('Ajouter un utilisateur à mon espace entreprise');
  });

  it('lets the invited person create a password from the e-mailed link', async () => {
    const token = await linkTokenFromEmail(invited.email, '/invitation');
    invitedPage = await newPage(await newContext());
    await invitedPage.goto(`/invitation#jeton=${token}`);
    await invitedPage.getByRole('heading', { level: 1, name: 'Créer mon mot de passe' }).waitFor();
    // The token leaves the address bar at once.
    await expect.poll(() => invitedPage.url()).toBe(`${baseUrl}/invitation`);
    expect(await seriousViolations(invitedPage)).toEqual([]);
    await screenshots(invitedPage, 'invitation');

    await invitedPage.getByLabel('Mot de passe', { exact: true }).fill(STRONG_PASSWORD);
    await invitedPage.getByLabel('Confirmation du mot de passe', { exact: true }).fill(STRONG_PASSWORD);
    await invitedPage.getByRole('checkbox', { name: /J'ai lu et j'accepte/ }).check();
    await invitedPage.getByRole('button', { name: 'Créer mon mot de passe' }).click();
    await invitedPage.getByText('Votre mot de passe est créé').waitFor();
    expect(await invitedPage.getByRole('main').textContent()).toContain(invited.email);

    await invitedPage.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await invitedPage.waitForURL(`${baseUrl}/connexion`);
  });

  it('logs the new user in with the SMS code: one company, no habilitations', async () => {
    const page = invitedPage;
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(invited.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${baseUrl}/connexion/securite`);
    await page.getByRole('heading', { level: 1, name: 'Sécurité de votre connexion' }).waitFor();
    // The number given by the administrator is not verified yet: the person confirms it.
    await page.getByLabel('Numéro de téléphone mobile', { exact: true }).fill(invited.mobile);
    await page.getByRole('button', { name: 'Envoyer le code' }).click();
    const code = page.getByLabel('Code de sécurité', { exact: true });
    await code.waitFor();
    await code.fill(await latestCode(e164(invited.mobile)));
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: /Bonjour Paul/ }).waitFor();

    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain(`Entreprise : ${admin.company.name}`);
    expect(await banner.getByRole('combobox').count()).toBe(0);

    await page.goto('/habilitations');
    await page.getByRole('heading', { level: 1, name: 'Gestion des habilitations' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Rubrique réservée aux administrateurs').waitFor();
    expect(await main.getByRole('table').count()).toBe(0);
    expect(await main.textContent()).not.toContain('Journal des modifications');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'habilitations-utilisateur');
  });

  it('deactivates the new user temporarily after a confirmation; their next action leads to the login page', async () => {
    await openHabilitations(adminPage);
    const row = userRow(adminPage, invitedName);
    await expect.poll(() => row.textContent()).not.toContain('Mot de passe pas encore créé');

    // The confirmation can be cancelled with Escape.
    await row.getByRole('button', { name: `Désactiver temporairement ${invitedName}` }).click();
    const dialog = adminPage.getByRole('alertdialog', {
      name: `Désactiver temporairement l’accès de ${invitedName} ?`,
    });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('ses sessions en cours sont fermées immédiatement');
    expect(await focused(adminPage)).toMatchObject({ tag: 'button', text: 'Annuler' });
    await adminPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: `Désactiver temporairement ${invitedName}` }).click();
    await dialog.waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations-desactiver');
    await dialog.getByRole('button', { name: 'Désactiver temporairement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await adminPage.getByText(`L’accès de ${invitedName} est désactivé temporairement`).waitFor();
    await expect.poll(() => row.textContent()).toContain('Désactivé temporairement');
    expect(await row.getByRole('button', { name: `Réactiver ${invitedName}` }).count()).toBe(1);

    // The user's session has ended: reloading the page leads to the login page.
    await invitedPage.reload();
    await invitedPage.waitForURL(`${baseUrl}/connexion?suite=%2Fhabilitations`);
    await invitedPage.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  });

  it('reactivates, then deactivates for good with a warning that it cannot be undone', async () => {
    const row = userRow(adminPage, invitedName);
    await row.getByRole('button', { name: `Réactiver ${invitedName}` }).click();
    await adminPage.getByText(`L’accès de ${invitedName} est réactivé.`).waitFor();
    await expect.poll(() => row.textContent()).toContain('Actif');

    await row.getByRole('button', { name: `Désactiver définitivement ${invitedName}` }).click();
    const dialog = adminPage.getByRole('alertdialog', {
      name: `Désactiver définitivement l’accès de ${invitedName} ?`,
    });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('irréversible');
    await dialog.getByRole('button', { name: 'Désactiver définitivement' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.textContent()).toContain('Désactivé définitivement');
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await row.textContent()).toContain('Aucune action possible');
  });

  it('keeps a journal of the changes, filterable by action', async () => {
    const journal = adminPage.getByRole('table', { name: /Journal des modifications/ });
    await expect.poll(() => journal.textContent()).toContain('Désactivation');
    const text = await journal.textContent();
    expect(text).toContain('Invitation d’un utilisateur');
    expect(text).toContain('Création du mot de passe (invitation acceptée)');
    expect(text).toContain('Réactivation');
    expect(text).toContain('Statut : Actif → Désactivé définitivement');

    await adminPage.getByLabel('Action', { exact: true }).selectOption({ label: 'Désactivation' });
    await adminPage.getByRole('button', { name: 'Filtrer' }).click();
    await expect
      .poll(async () => (await journal.locator('tbody tr td:nth-child(3)').allTextContents()).join('|'))
      .toBe('Désactivation|Désactivation');
    await adminPage.getByText('2 modifications affichées pour ces critères.').waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations-journal');
  });

  it('fits a 375 px screen', async () => {
    const page = await newPage(await newContext(375, admin.session));
    await openHabilitations(page);
    await userRow(page, '(vous)').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('Profil: my details and the perimeter', () => {
  it('adds an establishment with its SIRET and identifiant; it joins the header’s company selector', async () => {
    const other = await freshCompany();
    await adminPage.goto('/profil');
    const card = adminPage.getByRole('region', { name: 'Ajouter un établissement au périmètre suivi' });
    await card.getByLabel('Numéro de SIRET').waitFor();

    // Wrong identifiers: the activation's uniform answer.
    await card.getByLabel('Numéro de SIRET').fill(other.mainSiret);
    await card.getByLabel('Identifiant entreprise').fill('ZZ999999');
    await card.getByRole('button', { name: 'Ajouter l’établissement' }).click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).toContain('Nous ne trouvons pas d’entreprise');

    await card.getByLabel('Identifiant entreprise').fill(other.companyNumber.toLowerCase());
    await card.getByRole('button', { name: 'Ajouter l’établissement' }).click();
    await card.getByText('Entreprise ajoutée à votre périmètre').waitFor();
    const selector = adminPage.getByRole('banner').getByRole('combobox', { name: 'Entreprise' });
    await selector.waitFor();
    expect(await selector.locator('option').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining(other.name),
        expect.stringContaining(admin.company.name),
      ]),
    );
    expect(
      await adminPage.getByRole('table', { name: 'Entreprises suivies et profil' }).textContent(),
    ).toContain(other.name);
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'profil-etablissement-ajoute');

    await card.getByRole('button', { name: `Travailler sur ${other.name}` }).click();
    await expect
      .poll(async () => (await selector.locator('option:checked').textContent()) ?? '')
      .toContain(other.name);
  });

  it('offers each company the administrator manages in the invitation form, with a profile on each', async () => {
    await openHabilitations(adminPage);
    await adminPage.getByRole('button', { name: 'Ajouter un utilisateur à mon espace entreprise' }).click();
    const form = adminPage.getByRole('form', { name: 'Ajouter un utilisateur à mon espace entreprise' });
    const companies = await form.getByRole('checkbox').count();
    expect(companies).toBe(1);
    const other = form.getByRole('checkbox');
    const otherName = ((await other.locator('xpath=..').textContent()) ?? '')
      .replace(/\s*SIRET.*$/, '')
      .trim();
    expect(await form.getByRole('group', { name: `Profil sur ${otherName}` }).count()).toBe(0);
    await other.check();
    await form.getByRole('group', { name: `Profil sur ${otherName}` }).waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await screenshots(adminPage, 'habilitations-ajout-plusieurs');
    await form.getByRole('button', { name: 'Annuler' }).click();
    await adminPage.goto('/profil');
  });

  it('changes the mobile number once the code sent to the new one is typed back', async () => {
    const newMobile = uniqueMobile();
    await adminPage.getByRole('button', { name: 'Modifier mes informations' }).click();
    await adminPage.getByLabel('Nouveau numéro de mobile (facultatif)').fill(newMobile);
    await adminPage.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    const code = adminPage.getByLabel('Code reçu par SMS');
    await code.waitFor();
    expect(await seriousViolations(adminPage)).toEqual([]);
    await code.fill(await latestCode(e164(newMobile)));
    await adminPage.getByRole('button', { name: 'Confirmer le numéro' }).click();
    await adminPage.getByText('Votre nouveau numéro de mobile est vérifié').waitFor();
    const details = adminPage.getByRole('region', { name: 'Mes informations' });
    await expect
      .poll(() => details.textContent())
      .toContain(`numéro se terminant par ${newMobile.slice(-2)}`);
  });
});
