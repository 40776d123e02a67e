import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRE_AFFILIATION_CSV_COLUMNS } from '../../../functions/contracts/affiliation';
import {
  emailsTo,
  freshEmployer,
  newEmployee,
  type AffiliationSummary,
  type Employer,
  type PreAffiliationBody,
} from '../../support/pre-affiliation';

interface ImportReport {
  dryRun: boolean;
  lines: number;
  errors: { line: number; field: string; message: string }[];
  created: number;
  requests: AffiliationSummary[];
}

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/** One CSV line for this person, as a spreadsheet would export it. */
function csvLine(person: PreAffiliationBody, overrides: Partial<Record<string, string>> = {}): string {
  const e = person.employee;
  const cells: Record<string, string> = {
    siret: person.siret,
    statut: person.statut === 'cadre' ? 'Cadre' : 'Non cadre',
    civilite: e.civilite === 'M' ? 'M.' : 'Mme',
    nom: e.lastName,
    nom_naissance: '',
    prenom: e.firstName,
    date_naissance: frenchDate(e.birthDate),
    nir: e.nir,
    email: e.email ?? '',
    adresse: e.address.line1,
    complement_adresse: 'Bâtiment B; 2e étage',
    code_postal: e.address.postalCode,
    ville: e.address.city,
    date_embauche: e.hireDate,
    date_debut_contrat: frenchDate(e.contractStartDate),
    ...overrides,
  };
  return PRE_AFFILIATION_CSV_COLUMNS.map((column) => {
    const value = cells[column] ?? '';
    return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(';');
}

const csvOf = (lines: string[]) =>
  `\uFEFF${PRE_AFFILIATION_CSV_COLUMNS.join(';')}\r\n${lines.join('\r\n')}\r\n`;

describe('Pré-affiliation en masse (CSV)', () => {
  let employer: Employer;
  let requests: string;

  beforeAll(async () => {
    employer = await freshEmployer({ insured: 3 });
    requests = `${employer.base}/affiliation-requests`;
  });

  const people = (count: number, withEmail = true) =>
    Array.from({ length: count }, (_, index) =>
      newEmployee({
        siret: employer.company.mainSiret,
        statut: index % 2 ? 'cadre' : 'non_cadre',
        ...(withEmail && index % 3 !== 2 ? {} : { email: null }),
      }),
    );
  const send = (csv: string, dryRun: boolean, importId = randomUUID()) =>
    employer.call<ImportReport>('POST', `${requests}/import`, {
      importId,
      fileName: 'salaries.csv',
      csv,
      dryRun,
    });
  const listed = async () =>
    (await employer.call<{ items: AffiliationSummary[] }>('GET', `${requests}?limit=100`)).body.items;

  it('reports every wrong line with its number in the file, the column and a French message — and creates nothing', async () => {
    const [a, b, c] = people(3);
    const insured = employer.dataset.rows.assures.find((row) => !row.date_fin)!;
    const lines = [
      csvLine(a!),
      csvLine(b!, { code_postal: '750', date_naissance: '31/02/1980' }),
      '',
      csvLine(c!, { siret: '73282932000074' }),
      csvLine(a!, { nom: 'Doublon' }),
      csvLine(newEmployee({ siret: employer.company.mainSiret }), {
        nir: insured.nir,
        date_naissance: frenchDate(insured.date_naissance),
      }),
    ];
    const before = (await listed()).length;
    for (const dryRun of [true, false]) {
      const report = await send(csvOf(lines), dryRun);
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(report.body).toMatchObject({ dryRun, lines: 5, created: 0, requests: [] });
      expect(report.body.errors).toEqual([
        { line: 3, field: 'date_naissance', message: "Cette date n'existe pas." },
        { line: 3, field: 'code_postal', message: 'Le code postal doit comporter 5 chiffres.' },
        { line: 5, field: 'siret', message: 'Cet établissement ne fait pas partie de votre entreprise.' },
        { line: 6, field: 'nir', message: 'Même numéro de sécurité sociale qu’à la ligne 2.' },
        { line: 7, field: 'nir', message: expect.stringContaining('déjà affilié') },
      ]);
    }
    expect(await listed()).toHaveLength(before);
    expect(await emailsTo(a!.employee.email!)).toHaveLength(0);
  });

  it('reports a missing header row', async () => {
    const report = await send(`${csvLine(people(1)[0]!)}\n`, true);
    expect(report.body.errors[0]).toMatchObject({ line: 1, field: 'en-tête' });
    expect(report.body.errors[0]!.message).toMatch(/Colonnes manquantes/);
  });

  it('creates every line of a good file, e-mails and courriers alike, after a clean dry run', async () => {
    const team = people(4);
    const csv = csvOf(team.map((person) => csvLine(person)));
    const dry = await send(csv, true);
    expect(dry.body).toMatchObject({ errors: [], created: 0, lines: 4 });
    expect(await emailsTo(team[0]!.employee.email!)).toHaveLength(0);

    const importId = randomUUID();
    const report = await send(csv, false, importId);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body).toMatchObject({ dryRun: false, errors: [], created: 4 });
    expect(report.body.requests.map((request) => request.lastName)).toEqual(
      team.map((p) => p.employee.lastName),
    );
    expect(report.body.requests.map((request) => request.mode)).toEqual([
      'email',
      'email',
      'courrier',
      'email',
    ]);
    const all = await listed();
    for (const person of team) {
      expect(all.filter((request) => request.lastName === person.employee.lastName)).toHaveLength(1);
    }
    expect(await emailsTo(team[0]!.employee.email!)).toHaveLength(1);

    // The same import sent again (a retry): the same requests, nothing twice.
    const again = await send(csv, false, importId);
    expect(again.body).toMatchObject({ errors: [], created: 4 });
    expect(again.body.requests.map((request) => request.requestId)).toEqual(
      report.body.requests.map((request) => request.requestId),
    );
    expect((await listed()).length).toBe(all.length);
    expect(await emailsTo(team[0]!.employee.email!)).toHaveLength(1);

    // The same file as a new import: every line is now a duplicate.
    const duplicate = await send(csv, true);
    expect(duplicate.body.errors.map((error) => [error.line, error.field])).toEqual([
      [2, 'nir'],
      [3, 'nir'],
      [4, 'nir'],
      [5, 'nir'],
    ]);
  });

  it('accepts a comma-separated file without BOM', async () => {
    const [person] = people(1, false);
    const line = csvLine(person!, { complement_adresse: '' }).replace(/;/g, ',');
    const report = await send(`${PRE_AFFILIATION_CSV_COLUMNS.join(',')}\n${line}\n`, false);
    expect(report.body, JSON.stringify(report.body)).toMatchObject({ errors: [], created: 1 });
    expect(report.body.requests[0]).toMatchObject({ mode: 'courrier', lastName: person!.employee.lastName });
  });
});
