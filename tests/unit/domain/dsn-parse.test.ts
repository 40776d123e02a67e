import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RADIATION_REASON_VALUES } from '../../../functions/contracts/employees';
import { dsnDigest } from '../../../functions/domain/dsn/digest';
import type { Dsn, DsnEmployee, DsnEstablishment, DsnModel } from '../../../functions/domain/dsn/model';
import {
  DSN_CODE_OF_REASON,
  RETIREMENT_CATEGORY_CODES,
  radiationReasonOfDsnCode,
  statutOfRetirementCategory,
} from '../../../functions/domain/dsn/nomenclature';
import { MAX_REPORTED_ERRORS, parseDsn } from '../../../functions/domain/dsn/parse-dsn';
import { DEFAULT_ORGANISME, encodeLatin1, writeDsn } from '../../../functions/domain/dsn/write-dsn';
import { nirKey } from '../../../functions/domain/nir';
import { sirenWithKey, siretWithKey } from '../../../functions/domain/siret';
import {
  BORDEAUX,
  CABINET_SIRET,
  FEBRUARY,
  JANUARY,
  MARCH,
  MERIGNAC,
  NIR,
  SIREN,
} from '../../fixtures/dsn/brasserie-des-quais';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/dsn/${name}.dsn`, import.meta.url));

function parsed(input: string | Uint8Array): Dsn {
  const result = parseDsn(input);
  if (!result.ok) throw new Error(`Expected a valid DSN: ${JSON.stringify(result.errors)}`);
  return result.dsn;
}

function errorsOf(input: string | Uint8Array): { line: number; message: string }[] {
  const result = parseDsn(input);
  if (result.ok) throw new Error('Expected the DSN to be rejected.');
  return result.errors;
}

/** The parser rejects `text` with this one error and no other. */
function expectOnlyError(text: string | Uint8Array, line: number, message: unknown) {
  expect(errorsOf(text)).toEqual([{ line, message }]);
}

/** The parser rejects `text` with (at least) this error. */
function expectError(text: string | Uint8Array, line: number, message: unknown) {
  expect(errorsOf(text)).toContainEqual({ line, message });
}

const employee = (dsn: Dsn, nir: string): DsnEmployee => {
  const found = dsn.declaredEstablishments.flatMap((e) => e.employees).find((e) => e.nir === nir);
  if (!found) throw new Error(`No employee ${nir}`);
  return found;
};

// ---------------------------------------------------------------------------------------
// A small DSN to damage line by line

const SMALL_SIREN = sirenWithKey('73282932');
const SMALL_SIRET = siretWithKey(SMALL_SIREN, 1);
const SMALL: DsnModel = {
  month: '2026-01',
  siren: SMALL_SIREN,
  declaredEstablishments: [
    {
      siret: SMALL_SIRET,
      employees: [
        {
          nir: NIR.elodie,
          lastName: 'MARTIN',
          firstNames: 'Élodie',
          birthDate: '1988-04-12',
          contracts: [{ startDate: '2019-03-01', statut: 'non_cadre', number: '00012' }],
          affiliations: [{ contractReference: 'HCR-S-004210' }],
        },
      ],
    },
  ],
};
const small = writeDsn(SMALL);

type DeclaredContract = DsnModel['declaredEstablishments'][number]['employees'][number]['contracts'][number];

/** The small DSN with its one person's contract replaced (most often: the same, ended). */
const smallWithContract = (contract: DeclaredContract): string =>
  writeDsn({
    ...SMALL,
    declaredEstablishments: [
      {
        siret: SMALL_SIRET,
        employees: [{ ...SMALL.declaredEstablishments[0]!.employees[0]!, contracts: [contract] }],
      },
    ],
  });

/** 1-based number of the n-th line starting with `prefix`. */
function lineOf(text: string, prefix: string, occurrence = 1): number {
  let seen = 0;
  const index = text.split('\n').findIndex((line) => line.startsWith(prefix) && ++seen === occurrence);
  if (index < 0) throw new Error(`No line ${prefix}`);
  return index + 1;
}

/** Replaces line `line` (1-based) by `replacement` lines (none: deleted). */
function withLines(text: string, line: number, ...replacement: string[]): string {
  const lines = text.split('\n');
  lines.splice(line - 1, 1, ...replacement);
  return lines.join('\n');
}

/** Replaces the line starting with `prefix`, and fixes the S90 rubric count to match. */
function replaced(text: string, prefix: string, ...replacement: string[]): string {
  return recount(withLines(text, lineOf(text, prefix), ...replacement));
}

function recount(text: string): string {
  const rubrics = text.split('\n').filter((line) => line.trim() !== '').length;
  return text.replace(/S90\.G00\.90\.001,'\d+'/, `S90.G00.90.001,'${rubrics}'`);
}

describe('reading the sample files', () => {
  it('reads a clean month written in ISO-8859-1 with CRLF line endings', () => {
    const result = parseDsn(fixture('2026-01-conforme'));
    expect(result.ok && result.encoding).toBe('iso-8859-1');
    const dsn = parsed(fixture('2026-01-conforme'));
    expect(dsn.month).toBe('2026-01');
    expect(dsn.siren).toBe(SIREN);
    expect(dsn.headOfficeSiret).toBe(BORDEAUX);
    expect(dsn.declaredEstablishments.map((e) => e.siret)).toEqual([BORDEAUX, MERIGNAC]);
    expect(dsn.declaredEstablishments.map((e) => e.employees.length)).toEqual([4, 3]);
    expect(dsn.envoi).toMatchObject({
      softwareName: 'PAIE HCR',
      softwareVendor: 'Éditeur fictif',
      test: false,
    });
  });

  it('decodes accents, keeps apostrophes and completes the 13-character NIR with its key', () => {
    const dsn = parsed(fixture('2026-01-conforme'));
    expect(employee(dsn, NIR.elodie)).toMatchObject({
      lastName: 'MARTIN',
      usageName: 'LEFÈVRE',
      firstNames: 'Élodie Anne',
      sex: 'F',
      birthDate: '1988-04-12',
    });
    // Corsica (2A) in the NIR, an apostrophe in the name.
    expect(employee(dsn, NIR.gael)).toMatchObject({ lastName: "LE FLOC'H", firstNames: 'Gaël', sex: 'M' });
  });

  it('reads the contract, its statut and the affiliation with the adhésion it points to', () => {
    const dsn = parsed(fixture('2026-01-conforme'));
    expect(employee(dsn, NIR.jeanBaptiste).contracts).toEqual([
      {
        startDate: '2015-09-01',
        conventionalStatus: '04',
        retirementCategory: '01',
        statut: 'cadre',
        nature: '01',
        number: '00003',
        end: null,
      },
    ]);
    expect(employee(dsn, NIR.jeanBaptiste).affiliations).toEqual([
      {
        affiliationId: '1',
        adhesionId: '3',
        contractReference: 'HCR-S-004211',
        organisme: 'P9901',
        option: 'SOCLE',
        population: 'CAD',
      },
      {
        affiliationId: '2',
        adhesionId: '2',
        contractReference: 'PRV-2019-5521',
        organisme: 'P9902',
        option: null,
        population: null,
      },
    ]);
    expect(dsn.declaredEstablishments[0]?.adhesions.map((a) => a.contractReference)).toEqual([
      'HCR-S-004210',
      'PRV-2019-5521',
      'HCR-S-004211',
    ]);
  });

  it('reads the ends of contract with the DSN motif and the radiation reason', () => {
    const dsn = parsed(fixture('2026-02-embauche-et-depart'));
    expect(employee(dsn, NIR.francois).contracts[0]?.end).toEqual({
      date: '2026-02-15',
      dsnReasonCode: '059',
      reason: 'demission',
    });
    const ines = employee(dsn, NIR.ines);
    expect(ines.contracts.map((c) => [c.number, c.nature, c.end?.reason ?? null])).toEqual([
      ['00031', '02', 'fin_cdd'],
      ['00038', '02', null],
    ]);
    // The intern: no retirement category, not affiliated to any contract.
    expect(employee(dsn, NIR.thomas)).toMatchObject({ affiliations: [] });
    expect(employee(dsn, NIR.thomas).contracts[0]).toMatchObject({
      retirementCategory: '99',
      statut: 'non_cadre',
      nature: '29',
    });
  });

  it('accepts a NIR written with its key, and an envoi filed by an accountant', () => {
    const dsn = parsed(fixture('2026-03-ecarts'));
    expect(dsn.envoi.emitter).toEqual({ siret: CABINET_SIRET, name: 'CABINET AUBERT EXPERTISE' });
    expect(employee(dsn, NIR.chloeMistyped).lastName).toBe('GARNIER');
  });

  it.each([
    ['2026-01-conforme', JANUARY],
    ['2026-02-embauche-et-depart', FEBRUARY],
    ['2026-03-ecarts', MARCH],
  ] as const)('%s declares exactly its model', (name, model) => {
    expect(parsed(fixture(name))).toEqual(parsed(writeDsn(model)));
  });

  it('lists every problem of the damaged file with its line number', () => {
    expect(errorsOf(fixture('2026-01-invalide'))).toEqual([
      // The name line lost its quotes: the individu misses its nom de famille.
      { line: 48, message: 'Rubrique obligatoire S21.G00.30.002 (nom de famille) absente du bloc Individu.' },
      { line: 49, message: expect.stringContaining('Ligne mal formée') },
      {
        line: 69,
        message: expect.stringContaining(
          'Date invalide pour S21.G00.30.006 (date de naissance) : « 30022001 »',
        ),
      },
      { line: 82, message: expect.stringContaining('clé de contrôle incorrecte') },
      { line: 108, message: expect.stringContaining('SIRET 81947352100023 invalide') },
      { line: 129, message: expect.stringContaining('Bloc S30.G00.40 inconnu') },
      { line: 160, message: expect.stringContaining('Valeur « 03 » invalide pour S21.G00.40.003') },
      {
        line: 170,
        message: expect.stringContaining('Le total annonce 171 rubriques, le fichier en contient 170'),
      },
    ]);
  });
});

describe('encodings and line endings', () => {
  const text = writeDsn(JANUARY);

  it('reads the same DSN from a string, UTF-8 bytes, ISO-8859-1 bytes, with LF or CRLF', () => {
    const expected = parsed(text);
    expect(parsed(new TextEncoder().encode(text))).toEqual(expected);
    expect(parsed(encodeLatin1(text))).toEqual(expected);
    expect(parsed(text.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parsed(`\uFEFF${text}`)).toEqual(expected);
    expect(parsed(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual(expected);
  });

  it('skips blank lines but counts them in line numbers', () => {
    const spaced = text.replace("S21.G00.30.002,'MARTIN'", "\n\nS21.G00.30.002,'MARTIN'");
    expect(parsed(spaced)).toEqual(parsed(text));
    const damaged = spaced.replace("S21.G00.30.004,'Élodie Anne'", 'S21.G00.30.004,Élodie');
    expect(errorsOf(damaged).map((e) => e.line)).toContain(lineOf(text, 'S21.G00.30.004') + 2);
  });

  it('takes the value up to the last quote of the line (quotes inside are not doubled)', () => {
    const dsn = parsed(replaced(small, 'S21.G00.30.002', "S21.G00.30.002,'D'ARTAGNAN l'Aîné'"));
    expect(dsn.declaredEstablishments[0]?.employees[0]?.lastName).toBe("D'ARTAGNAN l'Aîné");
  });
});

describe('broken input', () => {
  const nirLine = lineOf(small, 'S21.G00.30.001');

  it.each([
    ['a value without quotes', 'S21.G00.30.002,MARTIN'],
    ['a missing comma', "S21.G00.30.002'MARTIN'"],
    ['a lower-case identifier', "s21.g00.30.002,'MARTIN'"],
    ['a leading space', " S21.G00.30.002,'MARTIN'"],
    ['a short rubric number', "S21.G00.30.02,'MARTIN'"],
    ['free text', 'MARTIN'],
  ])('rejects %s with its line number', (_, line) => {
    const text = replaced(small, 'S21.G00.30.002', line);
    const errors = errorsOf(text);
    expect(errors).toContainEqual({
      line: nirLine + 1,
      message: expect.stringContaining('Ligne mal formée'),
    });
  });

  it('rejects an empty value and a control character', () => {
    expectError(
      replaced(small, 'S21.G00.30.002', "S21.G00.30.002,''"),
      nirLine + 1,
      'Rubrique S21.G00.30.002 vide : une rubrique sans valeur doit être omise.',
    );
    expectError(
      replaced(small, 'S21.G00.30.002', "S21.G00.30.002,'MAR\tTIN'"),
      nirLine + 1,
      'Caractère de contrôle interdit dans la valeur de S21.G00.30.002.',
    );
  });

  it('rejects a structure that is not NEODeS', () => {
    const text = replaced(small, 'S21.G00.40.017', "S30.G00.40.017,'1979'");
    expectOnlyError(
      text,
      lineOf(text, 'S30.G00.40.017'),
      'Bloc S30.G00.40 inconnu : ce n’est pas une structure de la norme NEODeS.',
    );
  });

  it('rejects a file that does not start with the envoi', () => {
    const text = recount(small.split('\n').slice(9).join('\n'));
    expectError(text, 1, 'Le fichier doit commencer par le bloc S10.G00.00 (envoi).');
  });

  it('rejects a truncated file (no S90 total)', () => {
    const truncated = small
      .split('\n')
      .slice(0, lineOf(small, 'S21.G00.40.001') - 1)
      .join('\n');
    expectOnlyError(
      truncated,
      0,
      'Bloc S90.G00.90 (total de l’envoi) absent : le fichier est incomplet (tronqué ?).',
    );
  });

  it('rejects a total that does not match the rubrics or the declarations', () => {
    const totalLine = lineOf(small, 'S90.G00.90.001');
    const missingLine = withLines(small, lineOf(small, 'S21.G00.40.017'));
    expectOnlyError(missingLine, totalLine - 1, expect.stringContaining('Le total annonce'));
    const twoDsn = small.replace("S90.G00.90.002,'1'", "S90.G00.90.002,'2'");
    expectOnlyError(twoDsn, totalLine + 1, 'Le total annonce 2 déclaration(s), le fichier en contient 1.');
  });

  it('rejects anything after the total', () => {
    const text = `${small}S21.G00.30.002,'MARTIN'\nS21.G00.30.004,'Anne'\n`;
    const errors = errorsOf(text);
    // Reported once, not for every block that follows.
    expect(errors.filter((error) => error.message.startsWith('Rien ne peut suivre'))).toEqual([
      {
        line: lineOf(small, 'S90.G00.90.002') + 1,
        message: 'Rien ne peut suivre le bloc S90.G00.90 (total de l’envoi), qui clôt le fichier.',
      },
    ]);
  });

  it('imports only monthly DSN, and no cancellation', () => {
    const line = lineOf(small, 'S20.G00.05.001');
    expect(errorsOf(small.replace("S20.G00.05.001,'01'", "S20.G00.05.001,'07'"))).toEqual([
      {
        line,
        message:
          'Seules les DSN mensuelles (nature 01) peuvent être importées ; cette déclaration est de nature 07 (signalement fin du contrat de travail unique).',
      },
    ]);
    expectOnlyError(
      small.replace("S20.G00.05.002,'01'", "S20.G00.05.002,'04'"),
      line + 1,
      expect.stringContaining('déclaration d’annulation (type 04)'),
    );
  });

  it.each(['15012026', '01132026', '2026-01'])('rejects the month %s', (value) => {
    expectOnlyError(
      small.replace("S20.G00.05.005,'01012026'", `S20.G00.05.005,'${value}'`),
      lineOf(small, 'S20.G00.05.005'),
      expect.stringContaining('mois principal déclaré'),
    );
  });

  it('rejects an envoi mixing months, companies, or declaring an establishment twice', () => {
    const otherSiren = sirenWithKey('44306184');
    const two = (second: Partial<DsnModel>): string => {
      const first = writeDsn(SMALL);
      const other = writeDsn({ ...SMALL, ...second });
      const body = (text: string) =>
        text.split('\n').filter((l) => l.startsWith('S20') || l.startsWith('S21'));
      const lines = [
        ...first.split('\n').filter((l) => l.startsWith('S10')),
        ...body(first),
        ...body(other),
        "S90.G00.90.001,'0'",
        "S90.G00.90.002,'2'",
      ];
      return recount(lines.join('\n'));
    };
    const months = two({
      month: '2026-02',
      declaredEstablishments: [{ ...SMALL.declaredEstablishments[0]!, siret: siretWithKey(SMALL_SIREN, 2) }],
    });
    expectOnlyError(
      months,
      lineOf(months, 'S20.G00.05.005', 2),
      'Toutes les déclarations d’un envoi doivent porter sur le même mois (2026-01 puis 2026-02).',
    );
    const companies = two({
      siren: otherSiren,
      declaredEstablishments: [{ ...SMALL.declaredEstablishments[0]!, siret: siretWithKey(otherSiren, 1) }],
    });
    expectOnlyError(
      companies,
      lineOf(companies, 'S21.G00.06.001', 2),
      `Toutes les déclarations d’un envoi doivent concerner la même entreprise (SIREN ${SMALL_SIREN} puis ${otherSiren}).`,
    );
    const twice = two({});
    expectOnlyError(
      twice,
      lineOf(twice, 'S21.G00.11.001', 2),
      `L’établissement ${SMALL_SIRET} est déclaré deux fois dans cet envoi.`,
    );
  });

  it('rejects a SIREN or a SIRET whose key is wrong', () => {
    const badSiren = small.replace(`S21.G00.06.001,'${SMALL_SIREN}'`, "S21.G00.06.001,'732829321'");
    expectError(
      badSiren,
      lineOf(small, 'S21.G00.06.001'),
      'SIREN 732829321 invalide (S21.G00.06.001 (SIREN)) : clé de contrôle incorrecte.',
    );
    const badNic = small.replace("S21.G00.11.001,'00017'", "S21.G00.11.001,'00018'");
    expectOnlyError(
      badNic,
      lineOf(small, 'S21.G00.11.001'),
      expect.stringContaining(`SIRET ${SMALL_SIREN}00018 invalide`),
    );
  });

  it('rejects a declaration without establishment, or with two', () => {
    const none = recount(
      withLines(withLines(small, lineOf(small, 'S21.G00.11.002')), lineOf(small, 'S21.G00.11.001')),
    );
    expectError(none, lineOf(small, 'S20.G00.05.001'), 'Déclaration sans bloc S21.G00.11 (établissement).');
    const twoEstablishments = replaced(
      small,
      'S21.G00.11.002',
      "S21.G00.11.002,'5610A'",
      "S21.G00.11.001,'00017'",
    );
    expectError(
      twoEstablishments,
      lineOf(small, 'S21.G00.11.002') + 1,
      expect.stringContaining('Un seul bloc S21.G00.11 (établissement) par déclaration'),
    );
  });

  it('rejects blocks outside their parent', () => {
    // A contract right after the adhésions: no individu yet.
    const contract = lineOf(small, 'S21.G00.40.001');
    const orphanContract = recount(
      small
        .split('\n')
        .filter((_, index) => index + 1 < lineOf(small, 'S21.G00.30.001') || index + 1 >= contract)
        .join('\n'),
    );
    expectError(
      orphanContract,
      lineOf(orphanContract, 'S21.G00.40.001'),
      'Bloc S21.G00.40 (Contrat de travail) hors d’un individu : il doit suivre un bloc S21.G00.30.',
    );
    const endWithoutContract = replaced(
      small,
      'S21.G00.30.006',
      "S21.G00.30.006,'12041988'",
      "S21.G00.62.001,'31012026'",
      "S21.G00.62.002,'059'",
    );
    expectError(
      endWithoutContract,
      lineOf(small, 'S21.G00.30.006') + 1,
      expect.stringContaining('Bloc S21.G00.62 (fin du contrat) sans contrat'),
    );
    const adhesionAfterIndividu = replaced(
      small,
      'S21.G00.40.001',
      "S21.G00.15.001,'X'",
      "S21.G00.15.002,'P1'",
      "S21.G00.15.005,'9'",
      "S21.G00.40.001,'01032019'",
    );
    expectError(
      adhesionAfterIndividu,
      lineOf(small, 'S21.G00.40.001'),
      expect.stringContaining('Bloc S21.G00.15 (adhésion prévoyance) mal placé'),
    );
  });

  it('rejects an affiliation pointing to an unknown adhésion, and a duplicated adhésion id', () => {
    const unknown = small.replace("S21.G00.70.013,'1'", "S21.G00.70.013,'7'");
    expectOnlyError(
      unknown,
      lineOf(small, 'S21.G00.70.013'),
      'L’affiliation renvoie à l’adhésion « 7 », absente des blocs S21.G00.15 de l’établissement.',
    );
    const duplicated = replaced(
      small,
      'S21.G00.15.005',
      "S21.G00.15.005,'1'",
      "S21.G00.15.001,'AUTRE'",
      "S21.G00.15.002,'P1'",
      "S21.G00.15.005,'1'",
    );
    expectError(
      duplicated,
      lineOf(small, 'S21.G00.15.005') + 3,
      'Identifiant technique d’adhésion « 1 » déjà utilisé dans cet établissement.',
    );
  });

  it('rejects an end of contract before its start, and a second end for the same contract', () => {
    const ended = smallWithContract({
      startDate: '2019-03-01',
      statut: 'non_cadre',
      number: '1',
      end: { date: '2026-01-31', reason: 'demission' },
    });
    const before = ended.replace("S21.G00.62.001,'31012026'", "S21.G00.62.001,'28022019'");
    expectOnlyError(
      before,
      lineOf(ended, 'S21.G00.62.001'),
      'La date de fin du contrat (S21.G00.62.001) précède sa date de début (S21.G00.40.001).',
    );
    const twice = replaced(
      ended,
      'S21.G00.62.002',
      "S21.G00.62.002,'059'",
      "S21.G00.62.001,'31012026'",
      "S21.G00.62.002,'059'",
    );
    expectError(
      twice,
      lineOf(ended, 'S21.G00.62.002') + 1,
      'Ce contrat a déjà un bloc S21.G00.62 (fin du contrat).',
    );
  });

  it('names a missing mandatory rubric on the first line of its block', () => {
    const text = recount(withLines(small, lineOf(small, 'S21.G00.30.006')));
    expectOnlyError(
      text,
      nirLine,
      'Rubrique obligatoire S21.G00.30.006 (date de naissance) absente du bloc Individu.',
    );
  });

  it.each([
    ['12345', '13 caractères attendus'],
    ['388043306311234', '13 caractères attendus'],
    ['288043306311235', 'clé de contrôle incorrecte'],
    ['2881333063112', '13 caractères attendus'],
  ])('rejects the NIR %s', (value, reason) => {
    expectOnlyError(
      small.replace(/S21\.G00\.30\.001,'\w+'/, `S21.G00.30.001,'${value}'`),
      nirLine,
      expect.stringContaining(reason),
    );
  });

  it('rejects a sex that contradicts the NIR', () => {
    expect(errorsOf(small.replace("S21.G00.30.005,'02'", "S21.G00.30.005,'01'"))).toEqual([
      {
        line: lineOf(small, 'S21.G00.30.005'),
        message:
          'Le sexe déclaré (S21.G00.30.005) ne correspond pas au premier chiffre du numéro de sécurité sociale.',
      },
    ]);
  });

  it('accepts a temporary NIR (7 or 8) and a numéro technique temporaire instead of a NIR', () => {
    const temporaryBody = `8${NIR.elodie.slice(1, 13)}`;
    const temporary = small.replace(/S21\.G00\.30\.001,'\w+'/, `S21.G00.30.001,'${temporaryBody}'`);
    expect(parsed(temporary).declaredEstablishments[0]?.employees[0]?.nir).toBe(
      `${temporaryBody}${String(nirKey(temporaryBody)).padStart(2, '0')}`,
    );
    const ntt = replaced(small, 'S21.G00.30.006', "S21.G00.30.006,'12041988'", "S21.G00.30.020,'NTT0001234'");
    const withoutNir = recount(withLines(ntt, nirLine));
    expect(parsed(withoutNir).declaredEstablishments[0]?.employees[0]).toMatchObject({
      nir: null,
      temporaryNumber: 'NTT0001234',
    });
    expectOnlyError(
      recount(withLines(small, nirLine)),
      nirLine,
      expect.stringContaining('Individu sans numéro de sécurité sociale'),
    );
  });

  it.each([
    ['S21.G00.30.006', '31021988', 'Date invalide'],
    ['S21.G00.40.001', '1032019', 'Date invalide'],
    ['S21.G00.40.003', '03', 'Valeur « 03 » invalide'],
    ['S21.G00.40.007', 'CDI', 'Valeur « CDI » invalide'],
    ['S10.G00.00.005', '03', 'Valeur « 03 » invalide'],
    ['S10.G00.00.006', 'V2026', 'Valeur « V2026 » invalide'],
    ['S21.G00.30.002', 'X'.repeat(81), '80 caractères au maximum'],
  ])('rejects %s = %s', (rubric, value, message) => {
    const text = small.replace(
      new RegExp(`${rubric.replace(/\./g, '\\.')},'[^\\n]*'`),
      `${rubric},'${value}'`,
    );
    expectOnlyError(text, lineOf(small, rubric), expect.stringContaining(message));
  });

  it('rejects a motif de rupture that is not 3 digits', () => {
    const ended = smallWithContract({
      startDate: '2019-03-01',
      statut: 'non_cadre',
      number: '1',
      end: { date: '2026-01-31', dsnReasonCode: '059' },
    });
    expectOnlyError(
      ended.replace("S21.G00.62.002,'059'", "S21.G00.62.002,'59'"),
      lineOf(ended, 'S21.G00.62.002'),
      expect.stringContaining('3 chiffres attendus'),
    );
  });

  it(`reports at most ${MAX_REPORTED_ERRORS} errors, then how many more`, () => {
    const garbage = Array.from({ length: 300 }, (_, index) => `ligne ${index}`).join('\n');
    const errors = errorsOf(`${small}${garbage}`);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)?.message).toMatch(/… et \d+ autre\(s\) erreur\(s\)/);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(parseDsn(bytes).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    const lines = small.split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 30 })), { maxLength: 60 }),
        (picked) => {
          const result = parseDsn(picked.join('\n'));
          if (!result.ok) for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nomenclatures', () => {
  it.each([
    ['059', 'demission'],
    ['020', 'licenciement'],
    ['014', 'licenciement'],
    ['087', 'licenciement_faute_grave'],
    ['088', 'licenciement_faute_lourde'],
    ['031', 'fin_cdd'],
    ['032', 'fin_cdd'],
    ['043', 'rupture_conventionnelle'],
    ['038', 'retraite'],
    ['039', 'retraite'],
    ['066', 'deces'],
    ['034', 'autre'],
    ['058', 'autre'],
    ['999', 'autre'],
  ])('maps the motif de rupture %s to %s', (code, reason) => {
    expect(radiationReasonOfDsnCode(code)).toBe(reason);
  });

  it('maps only to radiation reasons the API knows, and writes a code that maps back', () => {
    for (const reason of RADIATION_REASON_VALUES) {
      expect(radiationReasonOfDsnCode(DSN_CODE_OF_REASON[reason])).toBe(reason);
    }
    for (const code of Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'))) {
      expect(RADIATION_REASON_VALUES).toContain(radiationReasonOfDsnCode(code));
    }
  });

  it('counts cadres and extension cadre as cadre, everyone else as non cadre', () => {
    expect(RETIREMENT_CATEGORY_CODES.map((code) => [code, statutOfRetirementCategory(code)])).toEqual([
      ['01', 'cadre'],
      ['02', 'cadre'],
      ['04', 'non_cadre'],
      ['98', 'non_cadre'],
      ['99', 'non_cadre'],
    ]);
  });
});

describe('writing a DSN', () => {
  it('fills in the defaults of a light model', () => {
    const dsn = parsed(small);
    const establishment = dsn.declaredEstablishments[0] as DsnEstablishment;
    expect(dsn.headOfficeSiret).toBe(SMALL_SIRET);
    expect(dsn.envoi.emitter.siret).toBe(SMALL_SIRET);
    expect(establishment).toMatchObject({ declarationType: '01', orderNumber: null });
    expect(establishment.adhesions).toEqual([
      { adhesionId: '1', contractReference: 'HCR-S-004210', organisme: DEFAULT_ORGANISME },
    ]);
    expect(establishment.employees[0]).toMatchObject({
      sex: 'F',
      usageName: null,
      temporaryNumber: null,
      contracts: [{ retirementCategory: '04', conventionalStatus: '06', nature: '01', statut: 'non_cadre' }],
    });
  });

  it('writes the usual code of a reason given alone', () => {
    const text = smallWithContract({
      startDate: '2019-03-01',
      statut: 'cadre',
      number: '1',
      end: { date: '2026-01-20', reason: 'rupture_conventionnelle' },
    });
    expect(parsed(text).declaredEstablishments[0]?.employees[0]?.contracts[0]).toMatchObject({
      retirementCategory: '01',
      statut: 'cadre',
      end: { date: '2026-01-20', dsnReasonCode: '043', reason: 'rupture_conventionnelle' },
    });
  });

  it('refuses a model it cannot write', () => {
    expect(() => writeDsn({ ...SMALL, siren: '443061841' })).toThrow(/is not an establishment/);
    const employee = SMALL.declaredEstablishments[0]!.employees[0]!;
    expect(() =>
      writeDsn({
        ...SMALL,
        declaredEstablishments: [{ siret: SMALL_SIRET, employees: [{ ...employee, contracts: [] }] }],
      }),
    ).toThrow(/follows a contract/);
    expect(() =>
      writeDsn({
        ...SMALL,
        declaredEstablishments: [{ siret: SMALL_SIRET, employees: [{ ...employee, lastName: 'A\nB' }] }],
      }),
    ).toThrow(/one non-empty line/);
    expect(() => encodeLatin1('Œuvre')).toThrow(/ISO-8859-1/);
  });
});

describe('content digest', () => {
  const text = writeDsn(JANUARY);

  it('is the same for the same DSN whatever its encoding, line endings or blank lines', () => {
    const digest = dsnDigest(text);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(dsnDigest(encodeLatin1(text.replace(/\n/g, '\r\n')))).toBe(digest);
    expect(dsnDigest(fixture('2026-01-conforme'))).toBe(digest);
    expect(dsnDigest(`${text}\n\n`)).toBe(digest);
  });

  it('changes with any value, and with a malformed line', () => {
    const digest = dsnDigest(text);
    expect(dsnDigest(text.replace("'MARTIN'", "'MARTINE'"))).not.toBe(digest);
    expect(dsnDigest(`${text}n'importe quoi`)).not.toBe(digest);
  });
});

// ---------------------------------------------------------------------------------------
// parseDsn(writeDsn(dsn)) == dsn for generated DSN

/** Latin-1 letters only: their ISO-8859-1 bytes are never valid UTF-8 by accident. */
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâçôîïûùüÿÉÈÀÇÔ0123456789 '-.";
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: max })
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const isoDate = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / 86_400_000, max: Date.UTC(to, 11, 31) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const addDaysIso = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const nirArb = fc
  .record({
    sex: fc.constantFrom('1', '2', '7', '8'),
    year: digits(2),
    month: fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0')),
    department: fc.constantFrom('75', '33', '2A', '2B', '69', '13', '99'),
    commune: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0')),
    order: fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0')),
  })
  .map(({ sex, year, month, department, commune, order }) => {
    const body = `${sex}${year}${month}${department}${commune}${order}`;
    return `${body}${String(nirKey(body)).padStart(2, '0')}`;
  });

const REASON_CODES = [
  '011',
  '020',
  '031',
  '032',
  '034',
  '043',
  '058',
  '059',
  '066',
  '087',
  '088',
  '099',
  '998',
];

const contractArb = fc
  .record({
    startDate: isoDate(1990, 2026),
    conventionalStatus: digits(2),
    retirementCategory: fc.constantFrom(...RETIREMENT_CATEGORY_CODES),
    nature: digits(2),
    number: text(20),
    end: fc.option(
      fc.record({ days: fc.integer({ min: 0, max: 4000 }), code: fc.constantFrom(...REASON_CODES) }),
      {
        nil: null,
      },
    ),
  })
  .map(({ end, ...contract }) => ({
    ...contract,
    statut: statutOfRetirementCategory(contract.retirementCategory),
    end: end
      ? {
          date: addDaysIso(contract.startDate, end.days),
          dsnReasonCode: end.code,
          reason: radiationReasonOfDsnCode(end.code),
        }
      : null,
  }));

const employeeArb = (adhesionIds: string[]) =>
  fc
    .record({
      nir: fc.option(nirArb, { nil: null }),
      temporaryNumber: fc.option(text(40), { nil: null }),
      lastName: text(80),
      usageName: fc.option(text(80), { nil: null }),
      firstNames: text(80),
      sex: fc.constantFrom('M' as const, 'F' as const),
      birthDate: isoDate(1940, 2008),
      contracts: fc.array(contractArb, { maxLength: 3 }),
      affiliations: fc.array(
        fc.record({
          affiliationId: fc.option(text(20), { nil: null }),
          adhesion: fc.integer({ min: 0, max: 99 }),
          option: fc.option(text(30), { nil: null }),
          population: fc.option(text(30), { nil: null }),
        }),
        { maxLength: 2 },
      ),
    })
    .map(({ affiliations, ...person }) => ({
      ...person,
      // A person without NIR has a numéro technique temporaire; a NIR tells the sex.
      temporaryNumber: person.nir ? person.temporaryNumber : (person.temporaryNumber ?? 'NTT-1'),
      sex: person.nir ? (['1', '7'].includes(person.nir[0]!) ? ('M' as const) : ('F' as const)) : person.sex,
      affiliations:
        person.contracts.length === 0 || adhesionIds.length === 0
          ? []
          : affiliations.map(({ adhesion, ...affiliation }) => ({
              ...affiliation,
              adhesionId: adhesionIds[adhesion % adhesionIds.length]!,
            })),
    }));

const dsnArb = fc
  .record({
    sirenBody: fc.integer({ min: 10_000_000, max: 99_999_999 }),
    sequences: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 3 }),
    headOffice: fc.integer({ min: 1, max: 9999 }),
    month: fc.record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) }),
    envoi: fc.record({
      softwareName: text(60),
      softwareVendor: fc.option(text(60), { nil: null }),
      softwareVersion: fc.option(text(20), { nil: null }),
      test: fc.boolean(),
      normVersion: fc.tuple(digits(2), digits(2)).map(([a, b]) => `P${a}V${b}`),
      emitterName: text(80),
    }),
  })
  .chain(({ sirenBody, sequences, headOffice, month, envoi }) => {
    const siren = sirenWithKey(String(sirenBody));
    const establishment = (sequence: number) =>
      fc
        .record({
          declarationType: fc.constantFrom('01', '02', '03', '05'),
          orderNumber: fc.option(text(20), { nil: null }),
          adhesions: fc.uniqueArray(
            fc.record({ adhesionId: text(20), contractReference: text(30), organisme: text(20) }),
            { maxLength: 3, selector: (adhesion) => adhesion.adhesionId },
          ),
        })
        .chain((base) =>
          fc
            .array(employeeArb(base.adhesions.map((a) => a.adhesionId)), { maxLength: 4 })
            .map((employees) => ({
              siret: siretWithKey(siren, sequence),
              ...base,
              employees: employees.map((person) => ({
                ...person,
                affiliations: person.affiliations.map((affiliation) => {
                  const adhesion = base.adhesions.find((a) => a.adhesionId === affiliation.adhesionId)!;
                  return {
                    affiliationId: affiliation.affiliationId,
                    adhesionId: adhesion.adhesionId,
                    contractReference: adhesion.contractReference,
                    organisme: adhesion.organisme,
                    option: affiliation.option,
                    population: affiliation.population,
                  };
                }),
              })),
            })),
        );
    return fc.tuple(...sequences.map(establishment)).map((declaredEstablishments): Dsn => ({
      envoi: {
        softwareName: envoi.softwareName,
        softwareVendor: envoi.softwareVendor,
        softwareVersion: envoi.softwareVersion,
        test: envoi.test,
        normVersion: envoi.normVersion,
        emitter: { siret: siretWithKey(siren, headOffice), name: envoi.emitterName },
      },
      month: `${month.year}-${String(month.month).padStart(2, '0')}`,
      siren,
      headOfficeSiret: siretWithKey(siren, headOffice),
      declaredEstablishments,
    }));
  });

describe('round trip', () => {
  it('parses back exactly the DSN it wrote, in any encoding and line ending', () => {
    fc.assert(
      fc.property(
        dsnArb,
        fc.constantFrom('\n' as const, '\r\n' as const),
        fc.boolean(),
        fc.constantFrom('string', 'utf-8', 'iso-8859-1'),
        (dsn, lineEnding, nirWithKey, encoding) => {
          const written = writeDsn(dsn, { lineEnding, nirWithKey });
          const input =
            encoding === 'string'
              ? written
              : encoding === 'utf-8'
                ? new TextEncoder().encode(written)
                : encodeLatin1(written);
          const result = parseDsn(input);
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          expect(result.dsn).toEqual(dsn);
          expect(result.encoding).toBe(
            encoding === 'iso-8859-1' && /[^ -~\r\n]/.test(written) ? 'iso-8859-1' : 'utf-8',
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
