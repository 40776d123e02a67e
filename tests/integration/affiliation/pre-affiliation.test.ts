import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callApi } from '../../support/api';
import { pdfText } from '../../support/pdf-text';
import { affiliationCounters } from '../../support/table';
import {
  biaTokenIn,
  emailsTo,
  freshEmployer,
  insurerKey,
  newEmployee,
  type AffiliationSummary,
  type Employer,
} from '../../support/pre-affiliation';
import { resetConfigCache } from '../../../functions/runtime/config';
import { maskNir } from '../../../functions/domain/nir';
import type { ErrorAnswer } from '../../support/error-shape';

interface Page {
  items: AffiliationSummary[];
  cursor: string | null;
}
interface Courrier {
  companyId: string;
  requestId: string;
  companyName: string;
  lastName: string;
  queuedAt: string;
  letter: { url: string; fileName: string };
}

const download = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

/** Every courrier of the mail room's queue (other tests add theirs: the whole queue is read). */
async function allCourriers(): Promise<Courrier[]> {
  const all: Courrier[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: Courrier[]; cursor: string | null } } = await callApi(
      'GET',
      `/back-office/courriers?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { headers: { 'x-ees-insurer-key': insurerKey() } },
    );
    expect(page.status).toBe(200);
    all.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return all;
}

describe('Pré-affilier un salarié', () => {
  let employer: Employer;
  let requests: string;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer({ insured: 4, establishments: 2 });
    requests = `${employer.base}/affiliation-requests`;
  });

  it('sends the employee an e-mail with a personal link, no NIR in it; the request is listed as sent', async () => {
    const body = newEmployee({ siret: employer.company.establishmentSirets[1]!, statut: 'cadre' });
    const created = await employer.call<AffiliationSummary>('POST', requests, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'sent',
      mode: 'email',
      siret: body.siret,
      lastName: body.employee.lastName,
      maskedNir: maskNir(body.employee.nir),
      journey: 1,
      remindersSent: 0,
    });
    const days = (Date.parse(created.body.nextDueAt!) - Date.parse(created.body.sentAt)) / 86_400_000;
    expect(days).toBe(7);

    const [mail] = await emailsTo(body.employee.email!);
    expect(mail, 'the employee’s e-mail').toBeDefined();
    expect(mail!.subject).toContain(employer.company.name);
    expect(biaTokenIn(mail!.text)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail!.html).toContain('/bia#');
    for (const content of [mail!.text, mail!.html, mail!.subject]) {
      expect(content).not.toContain(body.employee.nir);
      expect(content.replace(/\s/g, '')).not.toContain(body.employee.nir);
    }

    const list = await employer.call<Page>('GET', requests);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      requestId: created.body.requestId,
      status: 'sent',
      mode: 'email',
    });
    expect(JSON.stringify(list.body)).not.toContain(body.employee.nir);
  });

  it('without an e-mail, prepares the courrier: a PDF letter + BIA to download, queued for the mail room', async () => {
    const body = newEmployee({ siret: employer.company.mainSiret, email: null, lastName: 'Lefèvre-Hœrner' });
    const created = await employer.call<AffiliationSummary>('POST', requests, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ mode: 'courrier', status: 'sent' });

    const form = await employer.call<{ url: string; fileName: string }>(
      'POST',
      `${requests}/${created.body.requestId}/form`,
    );
    expect(form.status).toBe(200);
    expect(form.body.fileName).toMatch(/^bulletin-affiliation-lefevre-h.*\.pdf$/);
    const pdf = await download(form.body.url);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Lefèvre-Hœrner');
    expect(text).toContain(employer.company.name);
    expect(text).toContain('Bulletin individuel d’affiliation');
    expect(text.replace(/\s/g, '')).not.toContain(body.employee.nir);

    const queued = (await allCourriers()).find((courrier) => courrier.requestId === created.body.requestId);
    expect(queued).toMatchObject({ companyId: employer.companyId, companyName: employer.company.name });
    expect(pdfText(await download(queued!.letter.url))).toContain('Lefèvre-Hœrner');

    // Posted: out of the queue; saying it twice gives the same answer.
    const posted = `/back-office/companies/${employer.companyId}/affiliation-requests/${created.body.requestId}/courrier-posted`;
    const first = await callApi<{ postedAt: string }>('POST', posted, {
      headers: { 'x-ees-insurer-key': insurerKey() },
    });
    expect(first.status).toBe(200);
    const again = await callApi<{ postedAt: string }>('POST', posted, {
      headers: { 'x-ees-insurer-key': insurerKey() },
    });
    expect(again.body.postedAt).toBe(first.body.postedAt);
    expect((await allCourriers()).some((courrier) => courrier.requestId === created.body.requestId)).toBe(
      false,
    );
  });

  it('keeps the mail room’s routes to the insurer’s key', async () => {
    const without = await callApi<ErrorAnswer>('GET', '/back-office/courriers');
    expect(without.status).toBe(401);
    expect(without.body.code).toBe('INSURER_KEY_INVALID');
    const wrong = await callApi<ErrorAnswer>('GET', '/back-office/courriers', {
      headers: { 'x-ees-insurer-key': `${insurerKey()}x` },
    });
    expect(wrong.status).toBe(401);
    const asEmployer = await employer.call<ErrorAnswer>('GET', '/back-office/courriers');
    expect(asEmployer.status).toBe(401);
  });

  it('refuses the same NIR twice, and the NIR of an active insured of the company (409)', async () => {
    const body = newEmployee({ siret: employer.company.mainSiret });
    expect((await employer.call('POST', requests, body)).status).toBe(201);
    const twice = await employer.call<ErrorAnswer>('POST', requests, {
      ...body,
      employee: { ...body.employee, email: 'autre.adresse@example.com' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('AFFILIATION_ALREADY_REQUESTED');
    expect(twice.body.message).toMatch(/déjà en cours/);

    const insured = employer.dataset.rows.assures.find((row) => !row.date_fin)!;
    const person = newEmployee({ siret: employer.company.mainSiret });
    const already = await employer.call<ErrorAnswer>('POST', requests, {
      ...person,
      employee: { ...person.employee, nir: insured.nir, birthDate: insured.date_naissance },
    });
    expect(already.status, JSON.stringify(already.body)).toBe(409);
    expect(already.body.code).toBe('EMPLOYEE_ALREADY_AFFILIATED');
  });

  it('answers a retry with the same Idempotency-Key with the first answer, and creates one request', async () => {
    const body = newEmployee({ siret: employer.company.mainSiret });
    const key = randomUUID();
    const first = await employer.call<AffiliationSummary>('POST', requests, body, { 'idempotency-key': key });
    const retry = await employer.call<AffiliationSummary>('POST', requests, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await emailsTo(body.employee.email!)).toHaveLength(1);

    const reused = await employer.call<ErrorAnswer>(
      'POST',
      requests,
      { ...body, employee: { ...body.employee, firstName: 'Autre' } },
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const badKey = await employer.call<ErrorAnswer>('POST', requests, body, { 'idempotency-key': 'abc' });
    expect(badKey.status).toBe(400);
    expect(badKey.body.fields?.['Idempotency-Key']).toMatch(/UUID/);
  });

  it('creates one request for a double click (two calls at once with the same key)', async () => {
    const body = newEmployee({ siret: employer.company.mainSiret });
    const key = randomUUID();
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        employer.call<AffiliationSummary>('POST', requests, body, { 'idempotency-key': key }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.requestId)).size).toBe(1);
    const list = await employer.call<Page>('GET', `${requests}?limit=100`);
    expect(list.body.items.filter((item) => item.lastName === body.employee.lastName)).toHaveLength(1);
    expect(await emailsTo(body.employee.email!)).toHaveLength(1);
  });

  it('refuses inconsistent dates, a foreign establishment and a wrong NIR key, in French, creating nothing', async () => {
    const body = newEmployee({ siret: employer.company.mainSiret });
    const early = await employer.call<ErrorAnswer>('POST', requests, {
      ...body,
      employee: {
        ...body.employee,
        contractStartDate: body.employee.hireDate,
        hireDate: body.employee.contractStartDate,
      },
    });
    expect(early.status).toBe(422);
    expect(early.body.fields?.['employee.contractStartDate']).toBe(
      'Le début du contrat ne peut pas précéder la date d’embauche.',
    );
    const child = await employer.call<ErrorAnswer>('POST', requests, {
      ...newEmployee({ siret: employer.company.mainSiret, birthDate: '2020-01-15' }),
    });
    expect(child.status).toBe(422);
    expect(child.body.fields?.['employee.birthDate']).toMatch(/au moins 14 ans/);
    const mismatch = await employer.call<ErrorAnswer>('POST', requests, {
      ...body,
      employee: { ...body.employee, birthDate: '1950-01-15' },
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.fields?.['employee.nir']).toMatch(/ne correspond pas à la date de naissance/);

    const foreign = await employer.call<ErrorAnswer>('POST', requests, { ...body, siret: '73282932000074' });
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('ESTABLISHMENT_NOT_FOUND');

    const malformed = await employer.call<ErrorAnswer>('POST', requests, {
      ...body,
      employee: { ...body.employee, nir: '1 85 05 78 006 084 99' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields?.['employee.nir']).toBe(
      'Le numéro de sécurité sociale est invalide (clé incorrecte).',
    );
    const list = await employer.call<Page>('GET', `${requests}?limit=100`);
    expect(list.body.items.some((item) => item.lastName === body.employee.lastName)).toBe(false);
  });

  it('filters by status, mode and establishment, newest first, page by page', async () => {
    const all = await employer.call<Page>('GET', `${requests}?limit=100`);
    const created = all.body.items;
    expect(created.length).toBeGreaterThanOrEqual(5);
    expect(new Set(created.map((item) => item.mode))).toEqual(new Set(['email', 'courrier']));
    expect([...created].sort((a, b) => b.requestId.localeCompare(a.requestId))).toEqual(created);

    const seen: AffiliationSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await employer.call<Page>(
        'GET',
        `${requests}?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen.map((item) => item.requestId)).toEqual(created.map((item) => item.requestId));

    const courriers = await employer.call<Page>('GET', `${requests}?mode=courrier&limit=1`);
    const courrierIds: string[] = [];
    let next: string | null = null;
    let page = courriers;
    for (;;) {
      courrierIds.push(...page.body.items.map((item) => item.requestId));
      next = page.body.cursor;
      if (!next) break;
      page = await employer.call<Page>('GET', `${requests}?mode=courrier&limit=1&cursor=${next}`);
    }
    expect(courrierIds).toEqual(
      created.filter((item) => item.mode === 'courrier').map((item) => item.requestId),
    );

    const second = employer.company.establishmentSirets[1]!;
    const bySiret = await employer.call<Page>('GET', `${requests}?siret=${second}&status=sent&limit=100`);
    expect(bySiret.body.items.map((item) => item.requestId)).toEqual(
      created.filter((item) => item.siret === second && item.status === 'sent').map((item) => item.requestId),
    );
    expect(bySiret.body.items.length).toBeGreaterThan(0);
    const none = await employer.call<Page>('GET', `${requests}?status=finalized`);
    expect(none.body.items).toEqual([]);
  });

  it('keeps the home page counters equal to the requests per status', async () => {
    const all = await employer.call<Page>('GET', `${requests}?limit=100`);
    const byStatus = all.body.items.reduce<Record<string, number>>((count, item) => {
      count[`affiliation_${item.status}`] = (count[`affiliation_${item.status}`] ?? 0) + 1;
      return count;
    }, {});
    const stored = Object.fromEntries(
      Object.entries(await affiliationCounters(employer.companyId)).filter(([, n]) => n !== 0),
    );
    expect(stored).toEqual(byStatus);
  });

  it('finds no request of another company', async () => {
    const other = await freshEmployer({ insured: 1 });
    const mine = (await employer.call<Page>('GET', requests)).body.items[0]!;
    const form = await other.call<ErrorAnswer>(
      'POST',
      `${other.base}/affiliation-requests/${mine.requestId}/form`,
    );
    expect(form.status).toBe(404);
    expect(form.body.code).toBe('AFFILIATION_REQUEST_NOT_FOUND');
    const foreign = await other.call<ErrorAnswer>('POST', `${requests}/${mine.requestId}/reminder`);
    expect(foreign.status).toBe(403);
  });
});
