import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sentMessages } from '../support/api';
import {
  addSession,
  launchBrowser,
  screenshots,
  seriousViolations,
  signedInAdmin,
  type SignedInAdmin,
} from '../support/browser';

/**
 * "Nous contacter" in Chromium: the motif tree, files sent straight to the storage with their
 * progress, a disguised file refused next to its name, the message sent once, the e-mails
 * that go out, and "Mes messages".
 */
const baseUrl = inject('baseUrl');

// Small but real files, made here: a PDF and a PNG by their first bytes (what the server reads).
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(1500, 1),
]);
const DISGUISED = Buffer.from('MZ\x90\x00 this is a Windows program, not a PDF at all.');

let browser: Browser;
let admin: SignedInAdmin;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, admin] = await Promise.all([launchBrowser(), signedInAdmin()]);
  context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
  });
  context.setDefaultTimeout(15_000);
  await addSession(context, baseUrl, admin.session);
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    // The uploads go to another origin: a CSP or CORS refusal would show here.
    if (message.type() === 'error' && /Content Security Policy|Refused to|CORS/i.test(message.text())) {
      pageErrors.push(message.text());
    }
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  expect(pageErrors).toEqual([]);
});

const fileItem = (name: string) => page.locator(`li[data-file-name="${name}"]`);
const filePicker = () => page.getByLabel('Pièces jointes (facultatif)');

async function waitUntilReady(name: string) {
  await expect
    .poll(() => fileItem(name).locator('progress').getAttribute('value'), { timeout: 20_000 })
    .toBe('100');
  await expect.poll(() => fileItem(name).textContent()).toContain('Prêt');
}

let reference = '';

describe('Nous contacter', () => {
  it('shows the motif tree of the guide and checks the fields', async () => {
    await page.goto('/contact');
    await page.getByRole('heading', { level: 1, name: 'Nous contacter' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mes messages' }).waitFor();
    await page.getByText('Vous n’avez pas encore envoyé de message').waitFor();

    const motif = page.getByLabel('Motif de votre demande');
    const groups = await motif.locator('optgroup').evaluateAll((nodes) =>
      nodes.map((node) => ({
        label: node.getAttribute('label'),
        options: [...node.querySelectorAll('option')].map((option) => option.textContent),
      })),
    );
    expect(groups).toEqual([
      { label: 'Gérer mon contrat', options: ['Information sur les cotisations', 'Autre demande'] },
      {
        label: 'Gérer mes salariés',
        options: [
          'Affiliation d’un salarié',
          'Radiation d’un salarié',
          'Transmettre des documents pour mon salarié',
        ],
      },
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    // Nothing filled in: the motif, first field, takes the focus with its message.
    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    await expect.poll(() => motif.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    const describedBy = (await motif.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toContain(
      'Choisissez un motif.',
    );
  });

  it('refuses unsupported and oversized files in the browser, with the reason', async () => {
    await filePicker().setInputFiles([
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') },
      { name: 'gros.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(3.5 * 1024 * 1024, 0x25) },
    ]);
    const error = page.locator('.contact-files .field__error');
    await error.waitFor();
    expect(await error.textContent()).toContain('« notes.txt » n’est pas d’un format accepté');
    expect(await error.textContent()).toMatch(/« gros\.pdf » fait 3,5\sMo/);
    expect(await page.locator('li[data-file-name]').count()).toBe(0);
  });

  it('uploads each file with its progress, and shows the refusal of a disguised PDF next to it', async () => {
    await page
      .getByLabel('Motif de votre demande')
      .selectOption({ label: 'Transmettre des documents pour mon salarié' });
    await page.getByLabel('Objet').fill('Documents pour Paul Durand');
    await page
      .getByLabel('Votre message')
      .fill('Bonjour, voici le RIB et l’attestation de droits de notre salarié Paul Durand. Merci.');

    await filePicker().setInputFiles([
      { name: 'rib.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'releve-deguise.pdf', mimeType: 'application/pdf', buffer: DISGUISED },
    ]);
    await waitUntilReady('rib.pdf');
    await waitUntilReady('releve-deguise.pdf');
    expect(await page.locator('.contact-files .field__error').count()).toBe(0);

    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    const refused = fileItem('releve-deguise.pdf');
    await expect.poll(() => refused.textContent()).toContain('n’est pas un vrai fichier PDF');
    expect(await page.getByRole('alert').first().textContent()).toContain('n’est pas du format annoncé');
    // The other file is untouched.
    expect(await fileItem('rib.pdf').textContent()).toContain('Prêt');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'contact-piece-refusee');
  });

  it('sends the message once the refused file is replaced, then lists it in Mes messages', async () => {
    await page.getByRole('button', { name: 'Retirer releve-deguise.pdf' }).click();
    await expect.poll(() => fileItem('releve-deguise.pdf').count()).toBe(0);
    await filePicker().setInputFiles([{ name: 'attestation.png', mimeType: 'image/png', buffer: PNG }]);
    await waitUntilReady('attestation.png');

    await page.getByRole('button', { name: 'Envoyer mon message' }).click();
    const success = page.getByText('Votre message a été envoyé');
    await success.waitFor();
    const main = await page.getByRole('main').textContent();
    reference = main?.match(/CT-\d{4}-[A-Z0-9]+/)?.[0] ?? '';
    expect(reference).not.toBe('');
    expect(main).toContain('rib.pdf, attestation.png');

    // The insurer's team gets the message (with links to the files), the sender an acknowledgement.
    const mails = await sentMessages();
    const toTeam = mails.emails.find(
      (mail) => mail.subject.includes(reference) && !mail.to.includes(admin.email),
    );
    const acknowledgement = mails.emails.find(
      (mail) => mail.subject.includes(reference) && mail.to.includes(admin.email),
    );
    expect(toTeam?.text).toContain('Documents pour Paul Durand');
    expect(toTeam?.text.match(/\/api\/contact-attachments\/[A-Za-z0-9_-]{43}/g)).toHaveLength(2);
    expect(acknowledgement).toBeDefined();

    // Mes messages: the row, its files, and the delivery once the e-mail has left.
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(await row.textContent()).toContain('Transmettre des documents pour mon salarié');
    expect(await row.textContent()).toContain('rib.pdf');
    expect(await row.textContent()).toContain('attestation.png');
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Transmis à nos équipes');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'contact-envoye');
  });

  it('starts a new message with a fresh form', async () => {
    await page.getByRole('button', { name: 'Écrire un nouveau message' }).click();
    const motif = page.getByLabel('Motif de votre demande');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await motif.inputValue()).toBe('');
    expect(await page.locator('li[data-file-name]').count()).toBe(0);
  });

  it('fits a 375 px screen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
