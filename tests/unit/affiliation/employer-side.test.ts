import { describe, expect, it } from 'vitest';
import { parsePreAffiliationCsv } from '../../../functions/use-cases/affiliation/import-pre-affiliations';
import { dueNow } from '../../../functions/use-cases/affiliation/reminders';
import {
  affiliationFormDocument,
  printable,
} from '../../../functions/use-cases/affiliation/affiliation-form';
import { renderPracticalDocument } from '../../../functions/adapters/pdf/documents';
import { DEFAULT_REMINDER_POLICY } from '../../../functions/domain/affiliation-request';
import { PRE_AFFILIATION_CSV_COLUMNS } from '../../../functions/contracts/affiliation';
import { nirFor } from '../../../functions/domain/nir';
import type { AffiliationRequestItem } from '../../../functions/adapters/dynamodb/affiliation-requests-repository';
import { pdfText } from '../../support/pdf-text';

const nir = nirFor({
  sex: 1,
  birthYear: 1988,
  birthMonth: 11,
  department: '69',
  commune: '123',
  order: '045',
});
const line = (overrides: Record<string, string> = {}, separator = ';') =>
  PRE_AFFILIATION_CSV_COLUMNS.map(
    (column) =>
      overrides[column] ??
      {
        siret: '73282932000074',
        statut: 'non cadre',
        civilite: 'M.',
        nom: 'Dupont',
        nom_naissance: '',
        prenom: 'Éric',
        date_naissance: '05/11/1988',
        nir,
        email: 'eric.dupont@example.com',
        adresse: '12 rue des Lilas',
        complement_adresse: '',
        code_postal: '69003',
        ville: 'Lyon',
        date_embauche: '2026-06-01',
        date_debut_contrat: '01/06/2026',
      }[column],
  ).join(separator);
const header = (separator = ';') => PRE_AFFILIATION_CSV_COLUMNS.join(separator);

describe('pre-affiliation CSV', () => {
  it('reads a `;` file with a BOM, French dates and spreadsheet spellings of statut and civilité', () => {
    const parsed = parsePreAffiliationCsv(`\uFEFF${header()}\r\n${line()}\r\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      request: {
        siret: '73282932000074',
        statut: 'non_cadre',
        employee: {
          civilite: 'M',
          birthDate: '1988-11-05',
          contractStartDate: '2026-06-01',
          firstName: 'Éric',
        },
      },
    });
  });

  it('reads a `,` file, with columns in any order and accented or spaced header names', () => {
    const columns = [...PRE_AFFILIATION_CSV_COLUMNS].reverse();
    const values = line({}, '\u0000').split('\u0000').reverse();
    const head = columns.map((column) => (column === 'nom_naissance' ? 'Nom naissance' : column)).join(',');
    const parsed = parsePreAffiliationCsv(`${head}\n${values.join(',')}\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.request.employee.lastName).toBe('Dupont');
  });

  it('reports every error of a line with the file’s line number and the column to fix', () => {
    const csv = [
      header(),
      '',
      line(),
      line({ nir: '188116912304599', code_postal: '6900', date_naissance: '31/02/1988' }),
    ].join('\n');
    const parsed = parsePreAffiliationCsv(csv);
    expect(parsed.lines).toBe(2);
    expect(parsed.rows.map((row) => row.line)).toEqual([3]);
    expect(parsed.errors.map(({ line, field }) => [line, field])).toEqual([
      [4, 'date_naissance'],
      [4, 'nir'],
      [4, 'code_postal'],
    ]);
    expect(parsed.errors.find((error) => error.field === 'code_postal')!.message).toBe(
      'Le code postal doit comporter 5 chiffres.',
    );
  });

  it('requires the header row and names the missing or unknown columns', () => {
    const parsed = parsePreAffiliationCsv(`${line()}\n${line()}\n`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0]).toMatchObject({ line: 1, field: 'en-tête' });
    expect(parsed.errors[0]!.message).toMatch(/Colonnes manquantes : siret/);
    const typo = parsePreAffiliationCsv(`${header().replace('prenom', 'prénoms')}\n${line()}\n`);
    expect(typo.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('Colonnes manquantes : prenom'),
      'Colonnes inconnues : prenoms.',
    ]);
  });

  it('refuses an unreadable file, an empty one and one over 500 lines', () => {
    expect(parsePreAffiliationCsv(`${header()}\n"${line()}\n`).errors[0]!.field).toBe('fichier');
    expect(parsePreAffiliationCsv(`${header()}\n`).errors[0]!.message).toBe(
      'Le fichier ne contient aucun salarié.',
    );
    const long = [header(), ...Array.from({ length: 501 }, () => line())].join('\n');
    expect(parsePreAffiliationCsv(long).errors[0]!.message).toMatch(/500 salariés au plus/);
  });
});

describe('the reminder job’s due action', () => {
  const journeyStartedAt = '2026-03-01T08:00:00.000Z';
  const at = (days: number) => new Date(Date.parse(journeyStartedAt) + days * 86_400_000).toISOString();

  it('does nothing before the first reminder', () => {
    expect(
      dueNow({ journeyStartedAt, automaticRemindersSent: 0 }, at(6.9), DEFAULT_REMINDER_POLICY).action,
    ).toBeNull();
  });

  it('sends the reminder due, one at a time', () => {
    expect(
      dueNow({ journeyStartedAt, automaticRemindersSent: 0 }, at(7), DEFAULT_REMINDER_POLICY),
    ).toMatchObject({
      action: { kind: 'remind', reminderNumber: 1 },
      automaticRemindersSent: 0,
    });
    expect(
      dueNow({ journeyStartedAt, automaticRemindersSent: 1 }, at(14), DEFAULT_REMINDER_POLICY),
    ).toMatchObject({
      action: { kind: 'remind', reminderNumber: 2 },
      automaticRemindersSent: 1,
    });
  });

  it('does not send a burst when it runs late: overdue reminders give way to the latest action due', () => {
    expect(
      dueNow({ journeyStartedAt, automaticRemindersSent: 0 }, at(15), DEFAULT_REMINDER_POLICY),
    ).toMatchObject({
      action: { kind: 'remind', reminderNumber: 2 },
      automaticRemindersSent: 1,
    });
    expect(
      dueNow({ journeyStartedAt, automaticRemindersSent: 0 }, at(31), DEFAULT_REMINDER_POLICY),
    ).toMatchObject({
      action: { kind: 'abandon' },
    });
  });
});

describe('the affiliation pack PDF', () => {
  const request: AffiliationRequestItem = {
    entityType: 'AffiliationRequest',
    schemaVersion: 1,
    companyId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
    requestId: '01J00000000000000000000000',
    siret: '73282932000074',
    establishmentName: 'Brasserie du Port — Lyon',
    statut: 'cadre',
    employee: {
      civilite: 'MME',
      lastName: 'Łukasiewicz-Öztürk',
      firstName: 'Zoë',
      birthDate: '1988-11-05',
      nir,
      address: { line1: '12 rue des Lilas **', postalCode: '69003', city: 'Lyon' },
      hireDate: '2026-06-01',
      contractStartDate: '2026-06-01',
    },
    nirDigest: 'x',
    mode: 'courrier',
    status: 'sent',
    journey: 1,
    journeyStartedAt: '2026-06-01T08:00:00.000Z',
    automaticRemindersSent: 0,
    remindersSent: 0,
    createdAt: '2026-06-01T08:00:00.000Z',
    createdBy: 'u',
    sentAt: '2026-06-01T08:00:00.000Z',
    updatedAt: '2026-06-01T08:00:00.000Z',
    version: 1,
  };

  it('prints names the standard fonts lack without failing, accents kept where they can be', () => {
    expect(printable('Łukasiewicz-Öztürk')).toBe('Lukasiewicz-Öztürk');
    expect(printable('王 **gras**')).toBe('? *gras*');
  });

  it('renders the letter and a blank BIA with the employer’s data, the NIR masked, the same bytes for the same version', async () => {
    const document = affiliationFormDocument({ request, companyName: 'Brasserie du Port' });
    const pdf = await renderPracticalDocument(document);
    // French typography keeps a phone number on one line with non-breaking spaces.
    const text = pdfText(pdf).replace(/\u00a0/g, ' ');
    expect(text).toContain('Lukasiewicz-Öztürk');
    expect(text).toContain('Bulletin individuel d’affiliation');
    expect(text).toContain('01 44 20 80 63');
    expect(text).not.toContain(nir);
    expect(text.replace(/\s/g, '')).not.toContain(nir);
    expect(Buffer.from(await renderPracticalDocument(document)).equals(Buffer.from(pdf))).toBe(true);
  });

  it('fills the BIA with the employee’s draft, the IBAN shown only by its ends', async () => {
    const document = affiliationFormDocument({
      request: {
        ...request,
        draft: {
          identity: {},
          beneficiaries: [
            { kind: 'enfant', lastName: 'Dupont', firstName: 'Léa', birthDate: '2015-02-03', noemie: true },
          ],
          bank: { iban: 'FR7630006000011234567890189', holder: 'Zoë Dupont' },
          documents: {},
          email: undefined,
          noemie: true,
        },
      },
      companyName: 'Brasserie du Port',
    });
    const text = pdfText(await renderPracticalDocument(document));
    expect(text).toContain('Dupont Léa');
    expect(text).toContain('0189');
    expect(text).not.toContain('30006000011234567890');
  });
});
