import { randomInt } from 'node:crypto';
import { inject } from 'vitest';
import { callApi, control, sentMessages, type ApiResponse } from './api';
import { activateAndConfirm, browser, logIn, uniqueEmail, uniqueIp, type Browser } from './auth-flow';
import { importCompanies, type CompanySpec } from './company-import';
import type { CompanyDataset, CompanySummary } from '../../bin/local/demo-data';
import { nirFor } from '../../functions/domain/nir';

/**
 * Employer-side fixtures of the pré-affiliation tests: an employer signed in on a company of
 * its own, people to pré-affiliate, their e-mails and personal links, the back office's key
 * and the reminder job run as at another time. (tests/support/affiliation.ts re-exports
 * them with the employee-side helpers.)
 */

/** Today (UTC), as the API's date rules see it. */
export const todayIso = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------
// The employer

/** An employer signed in on a company of its own (imported with its rows, activated). */
export interface Employer {
  company: CompanySummary;
  dataset: CompanyDataset;
  companyId: string;
  base: string;
  /** The administrator signed in (who creates the requests, and hears of their abandonment). */
  adminEmail: string;
  who: Browser;
  /** A call as this browser, with extra headers (e.g. Idempotency-Key). */
  call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
}

export async function freshEmployer(spec: CompanySpec = { insured: 3 }): Promise<Employer> {
  const importFile = (key: string, body: string) => control(`/import?key=${encodeURIComponent(key)}`, body);
  const [dataset] = await importCompanies(importFile, [spec]);
  const who = browser(uniqueIp());
  const admin = await activateAndConfirm(dataset!.summary, who);
  await logIn(who, admin);
  const me = await who.call<{ companies: { companyId: string }[] }>('GET', '/me');
  const companyId = me.body.companies[0]!.companyId;
  return {
    company: dataset!.summary,
    dataset: dataset!,
    companyId,
    base: `/companies/${companyId}`,
    adminEmail: admin.email,
    who,
    async call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await callApi<T>(method, path, {
        body: body ?? (method === 'GET' ? undefined : {}),
        cookies: who.jar.header(),
        headers: {
          'x-forwarded-for': who.ip,
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
          ...headers,
        },
      });
      who.jar.store(response.cookies);
      return response;
    },
  };
}

// ---------------------------------------------------------------------------------------
// People to pré-affiliate

/** A made-up surname part (names take letters only): "Kaviro". */
const uniqueSurname = () =>
  Array.from({ length: 6 }, (_, index) =>
    String.fromCharCode((index === 0 ? 65 : 97) + randomInt(0, 26)),
  ).join('');

/** A NIR for this sex and birth month, unlikely to be anyone else's in the tests. */
export const randomNir = (sex: 1 | 2, birthYear: number, birthMonth: number) =>
  nirFor({
    sex,
    birthYear,
    birthMonth,
    department: String(randomInt(1, 96)).padStart(2, '0').replace(/^20$/, '21'),
    commune: String(randomInt(1, 990)).padStart(3, '0'),
    order: String(randomInt(1, 1000)).padStart(3, '0'),
  });

/**
 * The body of a pré-affiliation: a NIR consistent with the birth date, hired ten days ago,
 * covered from today. `email: null` → courrier mode.
 */
export function newEmployee(
  options: {
    siret: string;
    statut?: 'cadre' | 'non_cadre';
    email?: string | null;
    lastName?: string;
    firstName?: string;
    sex?: 1 | 2;
    birthDate?: string;
    /** Default: a random NIR consistent with the sex and birth date. */
    nir?: string;
  } = { siret: '' },
) {
  const sex = options.sex ?? (randomInt(1, 3) as 1 | 2);
  const birthDate =
    options.birthDate ?? `${randomInt(1965, 2004)}-${String(randomInt(1, 13)).padStart(2, '0')}-15`;
  const email = options.email === undefined ? uniqueEmail('salarie') : options.email;
  return {
    siret: options.siret,
    statut: options.statut ?? 'non_cadre',
    employee: {
      civilite: sex === 1 ? 'M' : 'MME',
      lastName: options.lastName ?? `Durand-${uniqueSurname()}`,
      firstName: options.firstName ?? (sex === 1 ? 'Éric' : 'Zoé'),
      birthDate,
      nir: options.nir ?? randomNir(sex, Number(birthDate.slice(0, 4)), Number(birthDate.slice(5, 7))),
      ...(email ? { email } : {}),
      address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' },
      hireDate: daysFromToday(-10),
      contractStartDate: todayIso(),
    },
  };
}
export type PreAffiliationBody = ReturnType<typeof newEmployee>;

export interface AffiliationSummary {
  requestId: string;
  siret: string;
  status: 'sent' | 'started' | 'finalized' | 'abandoned';
  mode: 'email' | 'courrier';
  lastName: string;
  firstName: string;
  maskedNir: string;
  createdAt: string;
  sentAt: string;
  updatedAt: string;
  nextDueAt: string | null;
  nextDueKind: 'remind' | 'abandon' | null;
  lastReminderAt: string | null;
  remindersSent: number;
  abandonedAt: string | null;
  employeeId: string | null;
  journey: number;
}

/** E-mails sent to this address, newest first, once the outbox dispatcher has caught up. */
export async function emailsTo(address: string) {
  return (await sentMessages()).emails.filter((email) => email.to.includes(address));
}

/** The personal BIA token in an e-mail (`…/bia#<token>`). */
export const biaTokenIn = (text: string): string | undefined =>
  text.match(/\/bia#([A-Za-z0-9_-]{43})\b/)?.[1];

// ---------------------------------------------------------------------------------------
// Back office and jobs

/** The back office's key on the local stack. */
export const insurerKey = () => inject('stackEnv').INSURER_API_KEY!;

/** Runs the reminder job as at `now`, on this company's requests only. */
export const runAffiliationJob = (now: string, companyId: string) =>
  control<{ reminded: number; abandoned: number; skipped: number }>(
    '/jobs/sendAffiliationReminders',
    JSON.stringify({ now, companyId }),
  );

/** The same fixture under the name the employer-side tests use. */
export const signedInEmployer = freshEmployer;
