import { describe, expect, it } from 'vitest';
import { PRE_AFFILIATION_CSV_COLUMNS } from '../../../../functions/contracts/affiliation';
import {
  CSV_COLUMN_HELP,
  CSV_MAX_CHARACTERS,
  csvFileProblem,
  csvTemplate,
  csvTemplateHref,
} from '../../../../web/src/features/affiliation/lib/csv-template';

describe('the CSV template of the bulk pre-affiliation', () => {
  it('has the contract columns, in order, separated by semicolons, marked as UTF-8 for spreadsheets', () => {
    expect(csvTemplate()).toBe(`\uFEFF${PRE_AFFILIATION_CSV_COLUMNS.join(';')}\r\n`);
    expect(decodeURIComponent(csvTemplateHref().replace(/^data:text\/csv;charset=utf-8,/, ''))).toBe(
      csvTemplate(),
    );
  });

  it('explains every column', () => {
    for (const column of PRE_AFFILIATION_CSV_COLUMNS) expect(CSV_COLUMN_HELP[column]).toBeTruthy();
  });
});

describe('the first look at a chosen file', () => {
  it('accepts a readable CSV', () => {
    expect(csvFileProblem('salaries.CSV', 'siret;statut\n1;2\n')).toBeNull();
  });

  it('refuses another format, an empty file, an oversized one and a non-UTF-8 one, naming the file', () => {
    expect(csvFileProblem('salaries.xlsx', 'x')).toBe('« salaries.xlsx » n’est pas un fichier CSV (.csv).');
    expect(csvFileProblem('vide.csv', ' \n')).toBe('« vide.csv » est vide.');
    expect(csvFileProblem('gros.csv', 'a'.repeat(CSV_MAX_CHARACTERS + 1))).toMatch(
      /^« gros\.csv » est trop volumineux/,
    );
    expect(csvFileProblem('excel.csv', 'nom;pr\uFFFDnom')).toMatch(/n’est pas encodé en UTF-8/);
  });
});
