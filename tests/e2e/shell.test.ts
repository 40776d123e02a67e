import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSession, launchBrowser, signedInAdmin, type SignedInAdmin } from '../support/browser';

// EES_BASE_URL lets this file run against any served build (e.g. `vite preview`) without the stack.
const baseUrl = process.env.EES_BASE_URL ?? inject('baseUrl');
const PORTAL = 'Espace Entreprise Santé';
const COMING_SOON = 'Cette rubrique arrive bientôt';

interface SectionCase {
  /** Disclosure menu holding the link, if any. */
  menu?: string;
  link: string;
  path: string;
  heading: string;
  /** Built already: the page shows this instead of the "coming soon" notice. */
  shows?: string;
}

const sectionsInNav: SectionCase[] = [
  {
    link: 'Mes contrats',
    path: '/contrats',
    heading: 'Mes contrats',
    shows: 'Toutes les informations utiles liées',
  },
  {
    menu: 'Mes salariés',
    link: 'Salariés affiliés',
    path: '/salaries',
    heading: 'Mes salariés affiliés',
    shows: 'Rechercher un salarié',
  },
  {
    menu: 'Mes salariés',
    link: 'Pré-affilier un salarié',
    path: '/salaries/pre-affiliation',
    heading: 'Pré-affilier un salarié',
    shows: 'Étape 1 sur 4',
  },
  {
    menu: 'Mes salariés',
    link: 'Suivi des affiliations',
    path: '/salaries/suivi-affiliations',
    heading: 'Suivi des affiliations',
    shows: 'Mode d’envoi',
  },
  {
    menu: 'Mes salariés',
    link: "Suivi des anomalies d'affiliation",
    path: '/salaries/anomalies',
    heading: "Suivi des anomalies d'affiliation",
    shows: 'Historique (résolues)',
  },
  {
    menu: 'Mes salariés',
    link: "Dispenses d'adhésion",
    path: '/salaries/dispenses',
    heading: "Dispenses d'adhésion",
    shows: 'Un salarié peut demander à être dispensé',
  },
  {
    menu: 'Mes salariés',
    link: 'Radiation (contexte sans DSN)',
    path: '/salaries/radiation',
    heading: 'Radiation (contexte sans DSN)',
    shows: 'Choisissez le salarié à radier',
  },
  {
    link: 'Mes documents pratiques',
    path: '/documents',
    heading: 'Mes documents pratiques',
    shows: 'Un ensemble de documents pratiques',
  },
  {
    menu: 'Mes habilitations',
    link: 'Gestion des habilitations',
    path: '/habilitations',
    heading: 'Gestion des habilitations',
    shows: 'Journal des modifications',
  },
  { link: 'Nous contacter', path: '/contact', heading: 'Nous contacter', shows: 'Mes messages' },
  { link: 'Profil', path: '/profil', heading: 'Profil', shows: 'Mes informations' },
];

let browser: Browser;
let context: BrowserContext | undefined;
let pageErrors: string[] = [];
/** The employer pages need a session: one administrator, signed in through the API, for the file. */
let admin: SignedInAdmin;

beforeAll(async () => {
  [browser, admin] = await Promise.all([launchBrowser(), signedInAdmin()]);
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  // A script error anywhere in the shell fails the test that caused it.
  expect(pageErrors).toEqual([]);
});

async function open(path: string, width = 1280, { signedIn = true } = {}): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 900 }, locale: 'fr-FR' });
  context.setDefaultTimeout(10_000);
  if (signedIn) await addSession(context, baseUrl, admin.session);
  const page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      id: element?.id,
      text: element?.textContent?.trim(),
      label: element?.getAttribute('aria-label') ?? undefined,
    };
  });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

describe('SPA shell', () => {
  it('loads at / in French with its landmarks, title and home tiles', async () => {
    const page = await open('/');

    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.title()).toBe(`Accueil — ${PORTAL}`);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(PORTAL);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Bonjour Élodie');

    const tiles = page.getByRole('region', { name: 'Vos rubriques' }).getByRole('heading', { level: 3 });
    expect(await tiles.allTextContents()).toEqual([
      'Mes contrats',
      'Mes salariés affiliés',
      'Pré-affilier un salarié',
      'Suivi des affiliations',
      "Suivi des anomalies d'affiliation",
      "Dispenses d'adhésion",
      'Radiation (contexte sans DSN)',
      'Mes documents pratiques',
      'Gestion des habilitations',
      'Nous contacter',
      'Profil',
    ]);
    // The focus is the selected company's, from its counters: never the "coming soon" notice.
    const focus = page.getByRole('region', { name: 'Focus sur vos affiliations' });
    await focus.getByRole('heading', { level: 3, name: "Demandes d'affiliation" }).waitFor();
    expect(await focus.textContent()).not.toContain(COMING_SOON);

    const home = page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Accueil' });
    expect(await home.getAttribute('aria-current')).toBe('page');
  });

  it('offers a skip link as the first Tab stop that moves focus to the main content', async () => {
    const page = await open('/');

    await page.keyboard.press('Tab');
    expect(await activeElement(page)).toMatchObject({ tag: 'a', text: 'Aller au contenu' });
    const box = await page.getByRole('link', { name: 'Aller au contenu' }).boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'contenu');
    expect(await activeElement(page)).toMatchObject({ tag: 'main', id: 'contenu' });
  });

  it('leads from the navigation to every section, each saying plainly whether it is built yet', async () => {
    const page = await open('/');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });

    for (const section of sectionsInNav) {
      if (section.menu) await nav.getByRole('button', { name: section.menu }).click();
      const link = nav.getByRole('link', { name: section.link, exact: true });
      await link.click();
      await page.waitForURL(`${baseUrl}${section.path}`);
      const heading = page.getByRole('heading', { level: 1, name: section.heading });
      await heading.waitFor();

      expect(await page.title()).toBe(`${section.heading} — ${PORTAL}`);
      // Links of a closed menu leave the accessibility tree, but keep their state.
      const current = nav.getByRole('link', { name: section.link, exact: true, includeHidden: true });
      expect(await current.getAttribute('aria-current')).toBe('page');
      expect(await page.getByRole('main').textContent()).toContain(section.shows ?? COMING_SOON);
      // After an in-app navigation, focus lands on the new page's heading (announced by screen readers).
      expect(await activeElement(page)).toMatchObject({ tag: 'h1', text: section.heading });
      if (section.menu) {
        expect(await nav.getByRole('button', { name: section.menu }).getAttribute('aria-expanded')).toBe(
          'false',
        );
      }
    }
  });

  it('keeps the employer pages behind the login page, which brings the user back afterwards', async () => {
    for (const [path, login] of [
      ['/contrats', '/connexion?suite=%2Fcontrats'],
      ['/salaries/anomalies', '/connexion?suite=%2Fsalaries%2Fanomalies'],
      ['/', '/connexion'],
    ] as const) {
      const page = await open(path, 1280, { signedIn: false });
      await page.waitForURL(`${baseUrl}${login}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');
      expect(await page.getByRole('main').textContent()).not.toContain(COMING_SOON);
    }
  });

  it('serves the public pages without a session', async () => {
    for (const [path, heading] of [
      ['/connexion', 'Connexion'],
      ['/activation', 'Activer mon espace'],
      ['/mot-de-passe-oublie', 'Mot de passe oublié'],
      ['/cgu', "Conditions générales d'utilisation"],
    ] as const) {
      const page = await open(path, 1280, { signedIn: false });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      expect(page.url()).toBe(`${baseUrl}${path}`);
      // Signed out: a way in, and nothing that belongs to a session.
      const banner = page.getByRole('banner');
      expect(await banner.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
      expect(await banner.getByRole('button', { name: 'Déconnexion' }).count()).toBe(0);
    }
  });

  it('sends a user whose session has ended to the login page, and back to their page afterwards', async () => {
    const page = await open('/profil');
    await page.getByRole('heading', { level: 2, name: 'Mes informations' }).waitFor();
    // The session ends behind the page's back (expiry, logout elsewhere): the next API call says so.
    await context!.clearCookies();
    await page.getByLabel('Mot de passe actuel', { exact: true }).fill('ancien mot de passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('un tout nouveau mot de passe');
    await page
      .getByLabel('Confirmation du nouveau mot de passe', { exact: true })
      .fill('un tout nouveau mot de passe');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();

    await page.waitForURL(`${baseUrl}/connexion?suite=%2Fprofil`);
    await page.getByText('Votre session a expiré. Veuillez vous reconnecter.').waitFor();
    expect(await page.getByRole('banner').getByRole('button', { name: 'Déconnexion' }).count()).toBe(0);

    // With a session again, the login page forwards to the page that was wanted.
    await addSession(context!, baseUrl, admin.session);
    await page.goto('/connexion?suite=%2Fprofil');
    await page.waitForURL(`${baseUrl}/profil`);
  });

  it('shows who is signed in and on which company in the header', async () => {
    const page = await open('/');
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: 'Déconnexion' }).waitFor();
    expect(await banner.getByRole('link', { name: 'Profil : Élodie Lefèvre' }).count()).toBe(1);
    expect(await banner.textContent()).toContain(`Entreprise : ${admin.company.name}`);
  });

  it('opens and closes the disclosure menus with the keyboard', async () => {
    const page = await open('/');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    const button = nav.getByRole('button', { name: 'Mes salariés' });

    await button.focus();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await activeElement(page)).toMatchObject({ tag: 'a', text: 'Salariés affiliés' });

    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await activeElement(page)).toMatchObject({ tag: 'button', text: 'Mes salariés' });
    expect(await nav.getByRole('link', { name: 'Salariés affiliés' }).isVisible()).toBe(false);

    // Tabbing out of an open menu closes it, so it never covers the page.
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    // Six links (affiliés, pré-affilier, suivi, anomalies, dispenses, radiation), then the next entry.
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('Tab');
    expect(await activeElement(page)).toMatchObject({ text: 'Mes documents pratiques' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the help line, reachable from the header', async () => {
    const page = await open('/');
    const help = page.getByRole('region', { name: "Besoin d'aide ?" });

    expect(await help.textContent()).toContain('du lundi au vendredi de 9h00 à 17h00');
    expect(await help.textContent()).toContain('non surtaxé');
    const line = help.getByRole('link', { name: '01 44 20 80 63' });
    expect(await line.getAttribute('href')).toBe('tel:+33144208063');

    await page.getByRole('banner').getByRole('link', { name: "Besoin d'aide ?" }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'aide');
    expect(page.url()).toBe(`${baseUrl}/#aide`);
  });

  it('answers an unknown address with a French 404 page', async () => {
    const page = await open('/cette-page-n-existe-pas');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    expect(await page.title()).toBe(`Page introuvable — ${PORTAL}`);
    await page.getByRole('main').getByRole('link', { name: "Retourner à l'accueil" }).click();
    await page.waitForURL(`${baseUrl}/`);
    // The home page is its own chunk: the URL changes before it has rendered.
    await page.waitForFunction((title) => document.title === title, `Accueil — ${PORTAL}`);
  });

  it('opens the assistant dialog with the keyboard and closes it with Escape', async () => {
    const page = await open('/');
    const launcher = page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" });

    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Assistant en ligne' });
    await dialog.waitFor();
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await dialog.textContent()).toContain('Votre question');
    expect(await dialog.getByRole('link', { name: '01 44 20 80 63' }).getAttribute('href')).toBe(
      'tel:+33144208063',
    );
    expect(await dialog.getByRole('link', { name: 'Écrire à nos équipes' }).getAttribute('href')).toBe(
      '/contact',
    );
    // Modal: focus starts inside the dialog.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // The dialog's `close` event is queued after Escape: poll for the state it updates.
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('chatbot-launcher')))
      .toBe(true);

    // The close button works as well.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: "Fermer l'assistant" }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('has no serious or critical axe violation on the home page, a section page and the open assistant', async () => {
    const page = await open('/');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" }).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const section = await open('/contrats');
    expect(await seriousViolations(section)).toEqual([]);
  });

  it('folds the navigation behind a menu button at 375 px and reveals it on demand', async () => {
    const page = await open('/', 375);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    const toggle = nav.getByRole('button', { name: 'Menu' });
    const contracts = nav.getByRole('link', { name: 'Mes contrats' });

    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await contracts.isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await contracts.isVisible()).toBe(true);

    // Escape folds it back and returns focus to the button.
    await contracts.focus();
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await activeElement(page)).toMatchObject({ tag: 'button', text: 'Menu' });

    await toggle.click();
    await contracts.click();
    await page.waitForURL(`${baseUrl}/contrats`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits a 320 px wide screen without horizontal scrolling, signed in or not', async () => {
    for (const [path, signedIn] of [
      ['/', true],
      ['/profil', true],
      ['/connexion', false],
      ['/activation', false],
    ] as const) {
      const page = await open(path, 320, { signedIn });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  it('keeps the JavaScript needed before the first page under 150 KB gzip', () => {
    // The entry and what it preloads; every page is a chunk of its own, loaded on demand.
    const dist = new URL('../../web/dist/', import.meta.url);
    const html = readFileSync(new URL('index.html', dist), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(files.length).toBeGreaterThan(0);
    const gzipBytes = files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(new URL(file, dist))).length,
      0,
    );
    expect(gzipBytes).toBeLessThanOrEqual(150 * 1024);
  });
});
