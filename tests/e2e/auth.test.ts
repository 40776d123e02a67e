import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CompanySummary } from '../../bin/local/demo-data';
import { sentMessages } from '../support/api';
import { e164, latestCode, STRONG_PASSWORD, uniqueEmail, uniqueMobile } from '../support/auth-flow';
import {
  launchBrowser,
  openPage,
  portalContext,
  randomIp,
  screenshots,
  seriousViolations,
} from '../support/browser';
import { freshCompany } from '../support/fixtures';

/**
 * The authentication journey in Chromium, against the real local stack: activation in three
 * steps, the e-mailed confirmation link, login with the SMS code exactly when it is due,
 * logout, and the accessibility of every screen on the way.
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** One administrator for the whole file: the tests below follow their journey in order. */
const person = {
  email: uniqueEmail('e2e.activation'),
  mobile: uniqueMobile(),
  password: STRONG_PASSWORD,
};
let company: CompanySummary;
/** "Same network" for the first browser, so that only the browser or the IP changes later. */
const homeIp = randomIp();
let firstContext: BrowserContext;
let firstPage: Page;

beforeAll(async () => {
  [browser, company] = await Promise.all([launchBrowser(), freshCompany()]);
  firstContext = await newContext(homeIp);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  // A script error or a CSP violation anywhere fails the file.
  expect(pageErrors).toEqual([]);
});

async function newContext(ip: string): Promise<BrowserContext> {
  const context = await portalContext(browser, baseUrl, { ip, timeout: 10_000 });
  contexts.push(context);
  return context;
}

const open = (context: BrowserContext, path: string): Promise<Page> => openPage(context, path, pageErrors);

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      name: element?.getAttribute('name') ?? undefined,
      role: element?.getAttribute('role') ?? undefined,
      text: element?.textContent?.trim(),
      outline: element ? getComputedStyle(element).outlineStyle : undefined,
    };
  });

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

const securityHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Sécurité de votre connexion' });

/** Waits for the page after the credentials: the security step, or the destination. */
async function afterCredentials(page: Page, destination: string): Promise<'code' | 'direct'> {
  await page.waitForURL((url) => url.pathname === '/connexion/securite' || url.pathname === destination);
  if (new URL(page.url()).pathname !== '/connexion/securite') return 'direct';
  // The URL changes before the page's chunk has loaded.
  await securityHeading(page).waitFor();
  return 'code';
}

const smsTo = async (mobile: string) => (await sentMessages()).sms.filter((sms) => sms.to === e164(mobile));

describe('Activer mon espace, then the first login with the SMS code', () => {
  it('activates the company in three steps, each accessible', async () => {
    const page = (firstPage = await open(firstContext, '/activation'));
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Étape 1 sur 3');
    const steps = page.getByRole('list', { name: "Étapes de l'activation" });
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Votre entreprise');

    // The help is a disclosure, closed until asked for.
    const help = page.getByRole('button', { name: 'Comment retrouver votre identifiant entreprise ?' });
    expect(await help.getAttribute('aria-expanded')).toBe('false');
    await help.click();
    expect(await help.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('main').textContent()).toContain("Numéro d'adhérent");
    expect(await page.getByRole('main').textContent()).toContain(
      "SIRET à saisir est celui de l'établissement principal",
    );
    expect(await seriousViolations(page)).toEqual([]);

    // Empty: the first invalid field takes the focus, its error is tied to it.
    await page.getByRole('button', { name: 'Valider' }).click();
    const siret = page.getByLabel('Numéro de SIRET');
    await expect.poll(() => siret.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'siret' });
    const describedBy = (await siret.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(errorText).toContain('Le SIRET doit comporter 14 chiffres.');
    await screenshots(page, 'activation-1-erreurs');

    // As people type them: grouped digits, lower case.
    await siret.fill(company.mainSiret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4'));
    await page.getByLabel('Identifiant entreprise').fill(company.companyNumber.toLowerCase());
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Entreprise reconnue').waitFor();
    expect(await page.getByText('Entreprise reconnue').textContent()).toContain(company.name);
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Étape 2 sur 3');
    expect(await focused(page)).toMatchObject({ tag: 'h2' });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Madame' }).check();
    await page.getByLabel('Nom', { exact: true }).fill('Lefèvre');
    await page.getByLabel('Prénom').fill('Élodie');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Téléphone mobile').fill(person.mobile);
    await screenshots(page, 'activation-2');
    await page.getByRole('button', { name: 'Suivant' }).click();

    await page.getByRole('heading', { name: /Étape 3 sur 3/ }).waitFor();
    const password = page.getByLabel('Mot de passe', { exact: true });
    await password.fill(person.password);
    await page.getByRole('button', { name: 'Afficher le mot de passe' }).click();
    expect(await password.getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Masquer le mot de passe' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(person.password);
    expect(
      await page.getByRole('link', { name: /conditions générales d'utilisation/ }).getAttribute('href'),
    ).toBe('/cgu');
    const terms = await open(firstContext, '/cgu');
    expect(await terms.getByRole('main').textContent()).toContain('Version 2026-11');
    expect(await terms.getByRole('main').textContent()).toContain('délégué à la protection des données');
    expect(await seriousViolations(terms)).toEqual([]);
    await screenshots(terms, 'cgu');
    await terms.close();

    // The terms must be accepted.
    await page.getByRole('button', { name: 'Valider' }).click();
    const cgu = page.getByRole('checkbox', { name: /J'ai lu et j'accepte les conditions générales/ });
    await expect.poll(() => cgu.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'cguAccepted' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'activation-3');
    await cgu.check();
    await page.getByRole('button', { name: 'Valider' }).click();

    await page.getByText('Vérifiez votre boîte e-mail').waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      `Un lien de confirmation a été envoyé à ${person.email}`,
    );
    await screenshots(page, 'activation-reussie');
  });

  it('confirms the address from the e-mailed link, which leaves the address bar', async () => {
    const mail = (await sentMessages()).emails.find(
      (email) => email.to.includes(person.email) && email.text.includes('/confirmation-email#jeton='),
    );
    const link = mail?.text.match(/\/confirmation-email#jeton=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeDefined();

    const page = firstPage;
    await page.goto(link!);
    await page.getByText('Adresse confirmée').waitFor();
    expect(page.url()).toBe(`${baseUrl}/confirmation-email`);
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(`${baseUrl}/connexion`);
  });

  it('refuses a wrong password with the generic French message, focused', async () => {
    const page = await open(await newContext(randomIp()), '/connexion');
    await fillLogin(page, person.email, 'pas-le-bon-mot-de-passe');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(await focused(page)).toMatchObject({ role: 'alert' });
    expect(await page.getByLabel('Mot de passe', { exact: true }).inputValue()).toBe('');
  });

  it('asks for the SMS code at the first login, then opens the home page', async () => {
    const page = firstPage;
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'connexion');
    await fillLogin(page, person.email, person.password);
    await page.waitForURL(`${baseUrl}/connexion/securite`);
    await securityHeading(page).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).toContain("lors d'un changement de navigateur internet");
    expect(await main.textContent()).toContain(
      "changement d'adresse IP (changement de box ou de réseau wifi)",
    );
    expect(await main.textContent()).toContain('à partir de 3 mois');

    // No verified number yet: the user types one.
    const phone = page.getByLabel('Numéro de téléphone mobile', { exact: true });
    expect(await phone.inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'securite-telephone');
    await phone.fill(person.mobile);
    // A double click sends one SMS.
    await page.getByRole('button', { name: 'Envoyer le code' }).dblclick();

    const code = page.getByLabel('Code de sécurité', { exact: true });
    await code.waitFor();
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await expect.poll(async () => (await focused(page)).name).toBe('code');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await smsTo(person.mobile)).toHaveLength(1);

    const resend = page.getByRole('button', { name: 'Renvoyer le code' });
    expect(await resend.getAttribute('aria-disabled')).toBe('true');
    expect(await main.textContent()).toMatch(/nouveau code dans \d+ secondes?/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'securite-code');

    // A wrong code says how many tries remain, on the field.
    const sent = await latestCode(e164(person.mobile));
    await code.fill(sent === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    expect(await main.textContent()).toContain('Il vous reste 4 essais.');

    await code.fill(sent);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: /Bonjour Élodie/ }).waitFor();
    await screenshots(page, 'accueil');
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('Élodie Lefèvre');
    expect(await banner.textContent()).toContain(`Entreprise : ${company.name}`);
  });
});

describe('activation errors', () => {
  it('brings an e-mail that already has an account back to the step where it was typed', async () => {
    const other = await freshCompany();
    const page = await open(await newContext(randomIp()), '/activation');
    await page.getByLabel('Numéro de SIRET').fill(other.mainSiret);
    await page.getByLabel('Identifiant entreprise').fill(other.companyNumber);
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Entreprise reconnue').waitFor();
    await page.getByRole('radio', { name: 'Monsieur' }).check();
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Téléphone mobile').fill(uniqueMobile());
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByLabel('Mot de passe', { exact: true }).fill(person.password);
    await page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(person.password);
    await page.getByRole('checkbox', { name: /J'ai lu et j'accepte/ }).check();
    // Both clicks land before the answer: one request (the server would refuse a second activation otherwise).
    await page.getByRole('button', { name: 'Valider' }).dblclick();

    await page.getByRole('heading', { level: 2, name: /Étape 2 sur 3/ }).waitFor();
    const email = page.getByLabel('Adresse e-mail', { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toMatchObject({ tag: 'input', name: 'email' });
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'Cette adresse e-mail a déjà un compte',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('when the code is asked again', () => {
  it('logs out, then protected pages lead to the login page', async () => {
    const page = firstPage;
    await page.getByRole('banner').getByRole('button', { name: 'Déconnexion' }).click();
    await page.waitForURL(`${baseUrl}/connexion`);
    await page.getByText('Vous êtes déconnecté.').waitFor();

    await page.goto('/profil');
    await page.waitForURL(`${baseUrl}/connexion?suite=%2Fprofil`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  });

  it('does not ask again in the same browser on the same network, and returns to the page wanted', async () => {
    const page = firstPage;
    await fillLogin(page, person.email, person.password);
    expect(await afterCredentials(page, '/profil')).toBe('direct');

    const main = page.getByRole('main');
    await page.getByRole('heading', { level: 2, name: 'Mes informations' }).waitFor();
    const details = await main.textContent();
    for (const text of [
      'Madame',
      'Lefèvre',
      'Élodie',
      person.email,
      person.mobile.slice(-2),
      company.name,
      'Administrateur',
    ]) {
      expect(details).toContain(text);
    }
    expect(details).toContain(company.mainSiret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4'));
    expect(details).toContain('Ajouter un établissement au périmètre suivi');
    expect(await page.getByRole('heading', { level: 2, name: 'Changer mon mot de passe' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'profil');
  });

  it('asks again in a new browser, showing the verified number masked and read-only', async () => {
    const page = await open(await newContext(homeIp), '/connexion');
    await fillLogin(page, person.email, person.password);
    expect(await afterCredentials(page, '/')).toBe('code');
    const main = page.getByRole('main');
    await main.getByText('numéro vérifié').waitFor();
    expect(await main.textContent()).toContain(`•• •• •• ${person.mobile.slice(-2)}`);
    expect(await page.getByLabel('Numéro de téléphone mobile', { exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'securite-numero-verifie');
  });

  it('asks again in the same browser from another network', async () => {
    const page = firstPage;
    await page.getByRole('banner').getByRole('button', { name: 'Déconnexion' }).click();
    await page.waitForURL(`${baseUrl}/connexion`);
    await firstContext.setExtraHTTPHeaders({ 'x-forwarded-for': randomIp() });
    await fillLogin(page, person.email, person.password);
    expect(await afterCredentials(page, '/')).toBe('code');
  });

  it('can be done with the keyboard only, with a visible focus', async () => {
    const page = await open(await newContext(randomIp()), '/connexion');
    const tabTo = async (
      predicate: (element: Awaited<ReturnType<typeof focused>>) => boolean,
      what: string,
    ) => {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const element = await focused(page);
        if (predicate(element)) return element;
      }
      throw new Error(`Tab never reached ${what}`);
    };

    const email = await tabTo((element) => element.name === 'email', 'the e-mail field');
    expect(email.outline).not.toBe('none');
    await page.keyboard.type(person.email);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ name: 'password' });
    await page.keyboard.type(person.password);
    await page.keyboard.press('Enter');

    await page.waitForURL(`${baseUrl}/connexion/securite`);
    await securityHeading(page).waitFor();
    const send = await tabTo((element) => element.text === 'Envoyer le code', '"Envoyer le code"');
    expect(send.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // The code field takes the focus as soon as the SMS is sent.
    await expect.poll(async () => (await focused(page)).name).toBe('code');
    await page.keyboard.type(await latestCode(e164(person.mobile)));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: /Bonjour Élodie/ }).waitFor();
  });
});

describe('Mot de passe oublié', () => {
  it('answers the same for any address, and the e-mailed link sets a new password', async () => {
    const context = await newContext(homeIp);
    const page = await open(context, '/mot-de-passe-oublie');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'mot-de-passe-oublie');
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page
      .getByText('Si un compte existe pour cette adresse, un e-mail vient de vous être envoyé.')
      .waitFor();

    const mail = (await sentMessages()).emails.find(
      (email) => email.to.includes(person.email) && email.text.includes('/nouveau-mot-de-passe#jeton='),
    );
    const link = mail?.text.match(/\/nouveau-mot-de-passe#jeton=[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/nouveau-mot-de-passe`);
    const newPassword = 'Terrasse ensoleillée du port, 1989';
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirmation du nouveau mot de passe', { exact: true }).fill(newPassword);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByText('Mot de passe modifié').waitFor();

    // The same link does not work twice (opened again from the e-mail: a new tab).
    const again = await open(context, link!);
    await again.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await again.getByLabel('Confirmation du nouveau mot de passe', { exact: true }).fill(newPassword);
    await again.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await again.getByRole('alert').getByText('Ce lien n’est plus valable', { exact: false }).waitFor();
    expect(await again.getByRole('link', { name: 'Recevoir un nouveau lien' }).count()).toBe(1);
  });
});
