import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { activateAndConfirm, browser as apiBrowser, logIn, type ActivatedAdmin } from './auth-flow';
import { freshCompany } from './fixtures';

/**
 * Debian's Chromium, driven by playwright-core. Never a downloaded browser: the flags also
 * keep it from phoning home (updates, sync, QUIC probes) so tests run the same offline.
 */
export const CHROMIUM_PATH = process.env.EES_CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/* ---- Portal helpers for the browser tests ---------------------------------------------------- */

/** The session cookie set by the API (`__Host-`: Secure, Path=/, no Domain). */
export const SESSION_COOKIE = '__Host-ees-session';

/**
 * An address of its own (benchmarking range 198.18.0.0/15), sent as X-Forwarded-For, which
 * only the test stage trusts: tests then share neither the per-IP rate limits nor a "known network".
 */
export const randomIp = () => `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export interface SignedInAdmin extends ActivatedAdmin {
  /** Value of the session cookie of an open session. */
  session: string;
}

/**
 * A fresh company activated and confirmed through the API, and a session for its administrator
 * (logged in through the SMS code as a person would) — for browser tests that are not about
 * logging in.
 */
export async function signedInAdmin(): Promise<SignedInAdmin> {
  const who = apiBrowser(randomIp());
  const admin = await activateAndConfirm(await freshCompany(), who);
  await logIn(who, admin);
  const session = who.jar.get(SESSION_COOKIE);
  if (!session) throw new Error('login did not set the session cookie');
  return { ...admin, session };
}

/** Gives a browser context the session, as if it had logged in itself. */
export async function addSession(context: BrowserContext, baseUrl: string, session: string): Promise<void> {
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: session,
      domain: new URL(baseUrl).hostname,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
}

interface PortalContextOptions extends BrowserContextOptions {
  /** The address sent as X-Forwarded-For (see `randomIp`); none: the runner's own. */
  ip?: string;
  /** A session cookie value: the context is signed in. */
  session?: string;
  width?: number;
  timeout?: number;
}

/** A context of the portal as a French desktop browser opens it; signed in when given a session. */
export async function portalContext(
  browser: Browser,
  baseUrl: string,
  { ip, session, width = 1280, timeout = 15_000, ...options }: PortalContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height: 900 },
    locale: 'fr-FR',
    ...options,
  });
  context.setDefaultTimeout(timeout);
  if (ip) await context.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  if (session) await addSession(context, baseUrl, session);
  return context;
}

/** What the console says when the CSP (or CORS, `refusals` widened) blocks something. */
export const CONSOLE_REFUSALS = /Content Security Policy|Refused to/i;

/** Collects a page's script errors and console refusals into `errors` (a test file fails on any). */
export function watchPageErrors(page: Page, errors: string[], refusals: RegExp = CONSOLE_REFUSALS): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && refusals.test(message.text())) errors.push(message.text());
  });
}

/** A new page of `context`, watched for errors, at `path` once its title (h1) is there. */
export async function openPage(
  context: BrowserContext,
  path: string,
  errors: string[],
  { beforeGoto }: { beforeGoto?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const page = await context.newPage();
  await beforeGoto?.(page);
  watchPageErrors(page, errors);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** axe's serious and critical violations of the page as it stands: rule and elements. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/**
 * Full-page screenshots at desktop width and at 375 px, when EES_SCREENSHOT_DIR is set (to
 * look at the screens, not to compare pixels); otherwise nothing.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.EES_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: join(dir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(dir, `${name}-375.png`), fullPage: true });
  await page.setViewportSize(viewport);
}
