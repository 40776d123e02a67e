import { parse } from 'csv-parse/sync';
import {
  backOfficeHeaders,
  backOfficeRowSchemas,
  type BackOfficeRecordKind,
} from '../../contracts/back-office-import';

export interface RejectedLine {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  reason: string;
}

export interface ParsedFile<Row> {
  rows: { line: number; row: Row }[];
  rejected: RejectedLine[];
}

/** Largest file one import handles; the insurer splits bigger feeds. */
export const MAX_IMPORT_ROWS = 50_000;

/**
 * Parses and validates one back-office CSV: exact header, one zod schema per kind, every
 * bad line reported with its number and a French reason. Nothing is written here.
 */
export function parseBackOfficeCsv<Row>(kind: BackOfficeRecordKind, text: string): ParsedFile<Row> {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: ';',
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], rejected: [{ line, reason: `Fichier CSV illisible : ${(error as Error).message}` }] };
  }
  const [header, ...lines] = records;
  const expected = backOfficeHeaders[kind];
  if (!header || header.join(';') !== expected.join(';')) {
    return {
      rows: [],
      rejected: [{ line: 1, reason: `En-tête attendu : ${expected.join(';')}` }],
    };
  }
  if (lines.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      rejected: [{ line: 1, reason: `Fichier trop long : ${MAX_IMPORT_ROWS} lignes au maximum.` }],
    };
  }
  const schema = backOfficeRowSchemas[kind];
  const parsed: ParsedFile<Row> = { rows: [], rejected: [] };
  lines.forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== expected.length) {
      parsed.rejected.push({
        line,
        reason: `${expected.length} colonnes attendues, ${cells.length} trouvées.`,
      });
      return;
    }
    const record = Object.fromEntries(expected.map((column, i) => [column, cells[i]]));
    const result = schema.safeParse(record);
    if (result.success) {
      parsed.rows.push({ line, row: result.data as Row });
    } else {
      const issue = result.error.issues[0]!;
      parsed.rejected.push({ line, reason: `${issue.path.join('.') || 'ligne'} : ${issue.message}` });
    }
  });
  return parsed;
}

/** Reports every line whose natural key repeats an earlier line of the same file. */
export function rejectDuplicates<Row>(
  rows: { line: number; row: Row }[],
  keyOf: (row: Row) => string,
): RejectedLine[] {
  const firstLine = new Map<string, number>();
  const rejected: RejectedLine[] = [];
  for (const { line, row } of rows) {
    const key = keyOf(row);
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else rejected.push({ line, reason: `Doublon de la ligne ${first}.` });
  }
  return rejected;
}
