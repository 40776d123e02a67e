import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { control } from '../../support/api';
import { importCompanies } from '../../support/company-import';
import { activateAndConfirm, browser, logIn, type Browser } from '../../support/auth-flow';
import { pdfText } from '../../support/pdf-text';
import type { CompanyDataset } from '../../../bin/local/demo-data';
import { portabiliteFor } from '../../../functions/domain/radiation';
import { sortableName } from '../../../functions/adapters/dynamodb/table-keys';

interface Employee {
  employeeId: string;
  lastName: string;
  firstName: string;
  siret: string;
  statut: string;
  maskedNir: string;
  contractNumber: string;
  effectiveDate: string;
  endDate: string | null;
  portabilite: { eligible: boolean; months: number; from: string; to: string } | null;
  version: number;
}
interface Page {
  items: Employee[];
  cursor: string | null;
}

const importFile = (key: string, body: string) => control(`/import?key=${encodeURIComponent(key)}`, body);
const today = () => new Date().toISOString().slice(0, 10);

describe('Mes contrats and Mes salariés', () => {
  let dataset: CompanyDataset;
  let who: Browser;
  let base: string;

  beforeAll(async () => {
    dataset = (await importCompanies(importFile, [{ insured: 40, establishments: 3 }]))[0]!;
    const admin = await activateAndConfirm(dataset!.summary);
    who = browser('203.0.113.90');
    await logIn(who, admin);
    const me = await who.call<{ companies: { companyId: string }[] }>('GET', '/me');
    base = `/companies/${me.body.companies[0]!.companyId}`;
  });

  it('lists the contracts and the insured of one contract', async () => {
    const contracts = await who.call<{ items: { contractNumber: string; statut: string; risque: string }[] }>(
      'GET',
      `${base}/contracts`,
    );
    expect(contracts.status).toBe(200);
    expect(contracts.body.items.length).toBe(dataset.rows.contrats.length);
    const used = dataset.rows.assures[0]!.contrat_employeur;
    const detail = await who.call<{ insured: Employee[] }>('GET', `${base}/contracts/${used}`);
    expect(detail.status).toBe(200);
    const expected = dataset.rows.assures.filter((row) => row.contrat_employeur === used).length;
    expect(detail.body.insured.length).toBe(Math.min(expected, 50));
    expect(detail.body.insured.every((insured) => insured.contractNumber === used)).toBe(true);
  });

  it('pages through every employee with a cursor, in name order, NIRs masked', async () => {
    const seen: Employee[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page } = await who.call<Page>(
        'GET',
        `${base}/employees?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items);
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen.length).toBe(dataset.rows.assures.length);
    expect(new Set(seen.map((employee) => employee.employeeId)).size).toBe(seen.length);
    // The order is the stored one: accents, case and punctuation folded (table-keys.sortableName).
    const names = seen.map((employee) => sortableName(employee.lastName, employee.firstName));
    expect([...names].sort()).toEqual(names);
    expect(seen.every((employee) => /•/.test(employee.maskedNir))).toBe(true);
  });

  it('filters by establishment, statut and active/radiated, and finds by name prefix or full NIR', async () => {
    const siret = dataset.rows.assures[0]!.siret;
    const bySiret = await who.call<Page>('GET', `${base}/employees?siret=${siret}&limit=100`);
    expect(bySiret.body.items.length).toBe(dataset.rows.assures.filter((row) => row.siret === siret).length);
    const cadres = await who.call<Page>('GET', `${base}/employees?statut=cadre&limit=100`);
    expect(cadres.body.items.every((employee) => employee.statut === 'cadre')).toBe(true);
    const radiated = await who.call<Page>('GET', `${base}/employees?state=radiated&limit=100`);
    expect(radiated.body.items.length).toBe(dataset.rows.assures.filter((row) => row.date_fin).length);
    const target = dataset.rows.assures[3]!;
    const byName = await who.call<Page>(
      'GET',
      `${base}/employees?q=${encodeURIComponent(target.nom.slice(0, 3))}`,
    );
    expect(byName.body.items.some((employee) => employee.lastName === target.nom)).toBe(true);
    const byNir = await who.call<Page>('GET', `${base}/employees?q=${encodeURIComponent(target.nir)}`);
    expect(byNir.body.items.map((employee) => employee.lastName)).toEqual([target.nom]);
  });

  it('shows a full NIR only on request, and journals it', async () => {
    const target = dataset.rows.assures[5]!;
    const found = await who.call<Page>('GET', `${base}/employees?q=${encodeURIComponent(target.nir)}`);
    const id = found.body.items[0]!.employeeId;
    const revealed = await who.call<{ nir: string }>('POST', `${base}/employees/${id}/nir-reveal`);
    expect(revealed.body.nir.replace(/\s/g, '')).toBe(target.nir);
    const journal = await who.call<{ items: { action: string; targetId: string }[] }>(
      'GET',
      `${base}/audit-events?action=employee.nir-revealed`,
    );
    expect(journal.body.items.some((item) => item.targetId === id)).toBe(true);
  });

  it('radiates with portabilité, refuses an end date before the start, and issues both certificates as PDFs', async () => {
    const active = await who.call<Page>('GET', `${base}/employees?state=active&limit=100`);
    const employee = active.body.items.find((item) => item.effectiveDate < today())!;
    const path = `${base}/employees/${employee.employeeId}`;
    const early = await who.call<{ code: string; fields: Record<string, string> }>(
      'POST',
      `${path}/radiation`,
      {
        endDate: '2000-01-01',
        reason: 'licenciement',
        version: employee.version,
      },
    );
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('RADIATION_BEFORE_START');
    const radiated = await who.call<Employee>('POST', `${path}/radiation`, {
      endDate: today(),
      reason: 'licenciement',
      version: employee.version,
    });
    expect(radiated.status, JSON.stringify(radiated.body)).toBe(200);
    expect(radiated.body.endDate).toBe(today());
    expect(radiated.body.portabilite).toEqual(
      portabiliteFor('licenciement', employee.effectiveDate, today()),
    );
    expect(radiated.body.portabilite!.months).toBeGreaterThan(0);
    const twice = await who.call('POST', `${path}/radiation`, {
      endDate: today(),
      reason: 'licenciement',
      version: radiated.body.version,
    });
    expect(twice.status).toBe(409);

    for (const kind of ['affiliation-certificate', 'radiation-certificate']) {
      const link = await who.call<{ url: string; fileName: string }>('POST', `${path}/${kind}`);
      expect(link.status).toBe(200);
      const pdf = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(employee.lastName);
      expect(text).toContain(dataset.summary.name);
      expect(text).not.toContain(dataset.rows.assures.find((row) => row.nom === employee.lastName)!.nir);
      expect(text).toContain(
        kind === 'affiliation-certificate' ? 'Certificat d’affiliation' : 'Attestation de radiation',
      );
      if (kind === 'radiation-certificate') expect(text).toContain('Portabilité');
    }
  });

  it('exports the filtered list as CSV through a download link', async () => {
    const exported = await who.call<{ url: string; rows: number }>('POST', `${base}/employees/export`, {
      state: 'active',
    });
    expect(exported.status).toBe(200);
    const text = await (await fetch(exported.body.url)).text();
    const rows = parse(text.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(exported.body.rows);
    const active = await who.call<Page>('GET', `${base}/employees?state=active&limit=100`);
    expect(rows.length).toBe(active.body.items.length);
    expect(rows.every((row) => row.date_fin === '')).toBe(true);
    expect(rows.every((row) => /•/.test(row.nir!))).toBe(true);
  });
});
