import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  portalContext,
  randomIp,
  screenshots,
  seriousViolations,
  signedInAdmin,
  type SignedInAdmin,
} from '../support/browser';

/**
 * The assistant in Chromium: opened from the button of every page, before and after login,
 * used with the keyboard only; its answers, links, suggestions and fallback; what it never
 * shows back; its accessibility on a desktop and on a phone.
 */
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
  expect(pageErrors).toEqual([]);
});

async function open(path: string, { width = 1280, signedIn = false } = {}): Promise<Page> {
  const context = await portalContext(browser, baseUrl, {
    ip: randomIp(),
    width,
    ...(signedIn ? { session: admin.session } : {}),
  });
  contexts.push(context);
  return openPage(context, path, pageErrors);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase(),
      text: element?.textContent?.trim(),
      label: element?.getAttribute('aria-label') ?? undefined,
      inDialog: Boolean(element?.closest('dialog')),
      launcher: Boolean(element?.classList.contains('chatbot-launcher')),
      href: element?.getAttribute('href') ?? undefined,
    };
  });

/** Presses Tab until `predicate` holds for the focused element. */
async function tabTo(page: Page, predicate: (element: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (predicate(element)) return element;
  }
  throw new Error('Tab never reached the element');
}

const assistant = (page: Page) => page.getByRole('dialog', { name: 'Assistant en ligne' });
const answers = (dialog: Locator) => dialog.locator('.assistant__msg--bot, .assistant__msg--error');

describe('the assistant, before login', () => {
  it('answers "j’ai pas reçu le code sms" about the SMS code, with a link, with the keyboard only', async () => {
    const page = await open('/activation');

    // The button is the last stop of the page.
    await tabTo(page, (element) => element.launcher);
    await page.keyboard.press('Enter');
    const dialog = assistant(page);
    await dialog.waitFor();
    // The question field has the focus: typing starts at once.
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe(
      await dialog.getByLabel('Votre question').getAttribute('id'),
    );
    expect(await dialog.getByRole('log').getAttribute('aria-live')).toBe('polite');

    await page.keyboard.type('j’ai pas reçu le code sms');
    await page.keyboard.press('Enter');
    const answer = answers(dialog).nth(1);
    await answer.getByRole('heading', { level: 3 }).waitFor();
    expect(await answer.getByRole('heading', { level: 3 }).textContent()).toMatch(/code SMS/i);
    expect(await answer.textContent()).toMatch(/nouveau code/);
    // The question is shown back as typed (nothing sensitive in it).
    expect(await dialog.locator('.assistant__msg--user').last().textContent()).toContain(
      'j’ai pas reçu le code sms',
    );
    const link = answer.getByRole('link', { name: 'Se connecter' });
    expect(await link.getAttribute('href')).toBe('/connexion');
    // Follow-up questions, as buttons.
    expect(await answer.getByRole('button').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'assistant-reponse');

    // Tab stays inside the dialog, all the way round.
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }

    // A link of the answer leads to its page and closes the dialog.
    await tabTo(
      page,
      (element) => element.inDialog && element.href === '/connexion' && element.text === 'Se connecter',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/connexion`);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  });

  it('offers the contact form and the phone line when it has no answer, and closes with Escape', async () => {
    const page = await open('/connexion');
    const launcher = page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" });
    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = assistant(page);
    await dialog.waitFor();
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('true');

    // An empty question is refused on the field.
    await page.keyboard.press('Enter');
    const input = dialog.getByLabel('Votre question');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.textContent()).toContain('Posez votre question.');

    await page.keyboard.type('quelle météo à Paris demain ?');
    await page.keyboard.press('Enter');
    const fallback = dialog.locator('.assistant__fallback');
    await fallback.waitFor();
    expect(await fallback.getByRole('link', { name: 'Nous contacter' }).getAttribute('href')).toBe(
      '/contact',
    );
    expect(await fallback.getByRole('link', { name: /01 44 20 80 63/ }).getAttribute('href')).toBe(
      'tel:+33144208063',
    );
    expect(await fallback.textContent()).toContain('du lundi au vendredi de 9h00 à 17h00');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await focused(page)).launcher).toBe(true);

    // Opened again, the conversation is still there.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.locator('.assistant__fallback').count()).toBe(1);
  });

  it('never shows back a social-security number or an IBAN typed in a question', async () => {
    const page = await open('/connexion');
    await page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" }).click();
    const dialog = assistant(page);
    await dialog
      .getByLabel('Votre question')
      .fill('mon salarié 1 85 05 78 006 084 91 n’apparaît pas, IBAN FR76 3000 6000 0112 3456 7890 189');
    await dialog.getByRole('button', { name: 'Envoyer' }).click();
    await answers(dialog).nth(1).waitFor();
    const shown = await dialog.locator('.assistant__msg--user').last().textContent();
    expect(shown).toContain('[numéro masqué]');
    expect(shown).not.toMatch(/006 084|3000 6000|FR76/);
    // The API says why, first thing in its answer.
    expect(await dialog.locator('.assistant__warning').textContent()).toContain('ne communiquez jamais');
    expect(await dialog.textContent()).not.toMatch(/006 084|3000 6000/);
  });

  it('fills a 375 px screen, and is accessible there', async () => {
    const page = await open('/connexion', { width: 375 });
    await page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" }).click();
    const dialog = assistant(page);
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375 });
    expect(box!.height).toBeGreaterThanOrEqual(899);
    await dialog.getByRole('button', { name: 'Comment activer mon espace entreprise ?' }).click();
    await answers(dialog).nth(1).getByRole('heading', { level: 3 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'assistant-mobile');
  });
});

describe('the assistant, signed in', () => {
  it('offers the signed-in questions and links into the portal', async () => {
    const page = await open('/', { signedIn: true });
    await page.getByRole('button', { name: "Une question ? Ouvrir l'assistant" }).click();
    const dialog = assistant(page);
    await dialog.getByRole('button', { name: 'Comment ajouter un utilisateur ?' }).click();
    const answer = answers(dialog).nth(1);
    await answer.getByRole('heading', { level: 3 }).waitFor();
    expect(await answer.getByRole('link', { name: 'Gestion des habilitations' }).getAttribute('href')).toBe(
      '/habilitations',
    );
    // Focus waits in the question field after a suggestion.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'assistant-connecte');

    await answer.getByRole('link', { name: 'Gestion des habilitations' }).click();
    await page.waitForURL(`${baseUrl}/habilitations`);
    await dialog.waitFor({ state: 'hidden' });
  });
});
