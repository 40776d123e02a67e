/**
 * Bulk pré-affiliation from a CSV: every line checked like a single pré-affiliation (plus
 * duplicates inside the file), a report with the file's line numbers, then all lines
 * created — or none when one is wrong. Each line is created under its own idempotency key
 * (`<importId>#<line>`), so re-sending an import finishes it without creating twice.
 */
import { parse } from 'csv-parse/sync';
import { conflict } from '../../domain/errors';
import { normaliseNir } from '../../domain/nir';
import {
  PRE_AFFILIATION_CSV_COLUMNS,
  PRE_AFFILIATION_CSV_MAX_LINES,
  preAffiliateEmployeeRequest,
  type AffiliationRequestSummary,
  type PreAffiliateEmployeeRequest,
} from '../../contracts/affiliation';
import { messageFor } from '../../contracts/error-messages';
import { addAffiliationCounter } from '../../adapters/dynamodb/affiliation-requests-repository';
import {
  inParallel,
  transact,
  MAX_TRANSACTION_ITEMS,
  type TransactItem,
} from '../../adapters/dynamodb/transact';
import {
  PRE_AFFILIATE_SCOPE,
  bodyHash,
  creationContext,
  planCreation,
  requestErrors,
  type PlannedCreation,
} from './pre-affiliate';
import { cancellationCodes, isTransactionConflict, pause } from './journey';
import type { Actor, AffiliationPorts } from './ports';

type Column = (typeof PRE_AFFILIATION_CSV_COLUMNS)[number];

export interface ImportLineError {
  /** The line in the file as a spreadsheet shows it (the header is line 1). */
  line: number;
  /** The CSV column, or `fichier` / `en-tête` for the file as a whole. */
  field: string;
  message: string;
}

export interface ParsedImport {
  rows: { line: number; request: PreAffiliateEmployeeRequest }[];
  errors: ImportLineError[];
  lines: number;
}

/** Request paths (as zod and the domain report them) → the CSV column a person fixes. */
const COLUMN_OF_PATH: Record<string, Column> = {
  siret: 'siret',
  statut: 'statut',
  'employee.civilite': 'civilite',
  'employee.lastName': 'nom',
  'employee.birthName': 'nom_naissance',
  'employee.firstName': 'prenom',
  'employee.birthDate': 'date_naissance',
  'employee.nir': 'nir',
  'employee.email': 'email',
  'employee.address.line1': 'adresse',
  'employee.address.line2': 'complement_adresse',
  'employee.address.postalCode': 'code_postal',
  'employee.address.city': 'ville',
  'employee.hireDate': 'date_embauche',
  'employee.contractStartDate': 'date_debut_contrat',
};

const columnOf = (path: string) => COLUMN_OF_PATH[path] ?? path;

/** "Nom naissance", "NOM-NAISSANCE", "nom_naissance" are the same column. */
const headerName = (cell: string) =>
  cell
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Spreadsheets write dates as JJ/MM/AAAA: stored as AAAA-MM-JJ. */
const isoFromFrench = (value: string) => {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value.trim();
};

const STATUTS: Record<string, string> = { cadre: 'cadre', non_cadre: 'non_cadre', noncadre: 'non_cadre' };
const CIVILITES: Record<string, string> = { m: 'M', mr: 'M', monsieur: 'M', mme: 'MME', madame: 'MME' };

/** The file as requests, or line errors: separator `;` or `,` (from the header), UTF-8 with or without BOM. */
export function parsePreAffiliationCsv(csv: string): ParsedImport {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      lines: 0,
      errors: [
        { line, field: 'fichier', message: 'Fichier CSV illisible : un guillemet n’est pas refermé.' },
      ],
    };
  }
  const [header, ...data] = records.filter(({ record }) => record.some((cell) => cell !== ''));
  if (!header)
    return { rows: [], lines: 0, errors: [{ line: 1, field: 'fichier', message: 'Le fichier est vide.' }] };
  const names = header.record.map(headerName);
  const missing = PRE_AFFILIATION_CSV_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !(PRE_AFFILIATION_CSV_COLUMNS as readonly string[]).includes(name));
  const headerErrors: ImportLineError[] = [
    ...(missing.length
      ? [
          {
            line: header.info.lines,
            field: 'en-tête',
            message: `Colonnes manquantes : ${missing.join(', ')}. La première ligne doit nommer les colonnes : ${PRE_AFFILIATION_CSV_COLUMNS.join(delimiter)}.`,
          },
        ]
      : []),
    ...(unknown.length
      ? [
          {
            line: header.info.lines,
            field: 'en-tête',
            message: `Colonnes inconnues : ${unknown.join(', ')}.`,
          },
        ]
      : []),
  ];
  if (headerErrors.length) return { rows: [], lines: data.length, errors: headerErrors };
  if (data.length === 0) {
    return {
      rows: [],
      lines: 0,
      errors: [{ line: 2, field: 'fichier', message: 'Le fichier ne contient aucun salarié.' }],
    };
  }
  if (data.length > PRE_AFFILIATION_CSV_MAX_LINES) {
    return {
      rows: [],
      lines: data.length,
      errors: [
        {
          line: 1,
          field: 'fichier',
          message: `Fichier trop long : ${PRE_AFFILIATION_CSV_MAX_LINES} salariés au plus par import (${data.length} lignes).`,
        },
      ],
    };
  }
  const parsed: ParsedImport = { rows: [], errors: [], lines: data.length };
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.length !== names.length) {
      parsed.errors.push({
        line,
        field: 'ligne',
        message: `${names.length} colonnes attendues, ${record.length} trouvées.`,
      });
      continue;
    }
    const cell = (column: Column) => record[names.indexOf(column)] ?? '';
    const optional = (column: Column) => cell(column) || undefined;
    const candidate = {
      siret: cell('siret'),
      statut: STATUTS[headerName(cell('statut'))] ?? cell('statut'),
      employee: {
        civilite: CIVILITES[headerName(cell('civilite')).replace(/\./g, '')] ?? cell('civilite'),
        lastName: cell('nom'),
        birthName: optional('nom_naissance'),
        firstName: cell('prenom'),
        birthDate: isoFromFrench(cell('date_naissance')),
        nir: cell('nir'),
        email: cell('email'),
        address: {
          line1: cell('adresse'),
          line2: optional('complement_adresse'),
          postalCode: cell('code_postal'),
          city: cell('ville'),
        },
        hireDate: isoFromFrench(cell('date_embauche')),
        contractStartDate: isoFromFrench(cell('date_debut_contrat')),
      },
    };
    const result = preAffiliateEmployeeRequest.safeParse(candidate);
    if (result.success) {
      parsed.rows.push({ line, request: result.data });
      continue;
    }
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = columnOf(issue.path.map(String).join('.'));
      if (seen.has(field)) continue;
      seen.add(field);
      parsed.errors.push({ line, field, message: issue.message });
    }
  }
  return parsed;
}

export interface ImportReport {
  dryRun: boolean;
  lines: number;
  errors: ImportLineError[];
  created: number;
  requests: AffiliationRequestSummary[];
}

const byLine = (a: ImportLineError, b: ImportLineError) => a.line - b.line;

export const importPreAffiliations =
  (ports: AffiliationPorts) =>
  async (input: {
    companyId: string;
    actor: Actor;
    importId: string;
    csv: string;
    dryRun: boolean;
  }): Promise<ImportReport> => {
    const parsed = parsePreAffiliationCsv(input.csv);
    const report = (errors: ImportLineError[], requests: AffiliationRequestSummary[] = []): ImportReport => ({
      dryRun: input.dryRun,
      lines: parsed.lines,
      errors: errors.sort(byLine),
      created: requests.length,
      requests,
    });
    const errors = [...parsed.errors];
    if (parsed.rows.length === 0) return report(errors);

    const context = await creationContext(
      ports,
      input.companyId,
      input.actor,
      parsed.rows.map((row) => row.request.siret),
    );
    const today = ports.clock.nowIso().slice(0, 10);
    const lineKey = (line: number) => `${input.companyId}#${input.importId}#${line}`;
    const records = await ports.requests.idempotency<AffiliationRequestSummary>(
      PRE_AFFILIATE_SCOPE,
      parsed.rows.map((row) => lineKey(row.line)),
    );

    // Lines a previous send of this import already created are done; the others are checked.
    const done: AffiliationRequestSummary[] = [];
    const pending: { line: number; request: PreAffiliateEmployeeRequest; hash: string; nirDigest: string }[] =
      [];
    for (const row of parsed.rows) {
      const hash = bodyHash(ports, row.request);
      const record = records.get(lineKey(row.line));
      if (record) {
        if (record.bodyHash === hash) done.push(record.answer);
        else
          errors.push({
            line: row.line,
            field: 'ligne',
            message:
              'Cette ligne a changé depuis le premier envoi de ce fichier, déjà en partie importé : rechargez la page puis importez de nouveau le fichier.',
          });
        continue;
      }
      const refusal = requestErrors(context, row.request, today);
      if (refusal) {
        for (const [path, message] of Object.entries(refusal.fields)) {
          errors.push({ line: row.line, field: columnOf(path), message });
        }
        continue;
      }
      pending.push({ ...row, hash, nirDigest: ports.nirDigest(row.request.employee.nir) });
    }

    // The same person twice in the file, then people who already have a request or a cover.
    const firstLineOf = new Map<string, number>();
    const unique = pending.filter((row) => {
      const nir = normaliseNir(row.request.employee.nir);
      const first = firstLineOf.get(nir);
      if (first !== undefined) {
        errors.push({
          line: row.line,
          field: 'nir',
          message: `Même numéro de sécurité sociale qu’à la ligne ${first}.`,
        });
        return false;
      }
      firstLineOf.set(nir, row.line);
      return true;
    });
    const open = await ports.requests.openByNir(
      input.companyId,
      unique.map((row) => row.nirDigest),
    );
    const affiliated = new Set<string>();
    await inParallel(unique, 8, async (row) => {
      const insured = await ports.employees.insuredByNirDigest(input.companyId, row.nirDigest);
      if (insured.some((item) => !item.endDate)) affiliated.add(row.nirDigest);
    });
    const creatable = unique.filter((row) => {
      const reason = affiliated.has(row.nirDigest)
        ? 'EMPLOYEE_ALREADY_AFFILIATED'
        : open.has(row.nirDigest)
          ? 'AFFILIATION_ALREADY_REQUESTED'
          : null;
      if (reason) errors.push({ line: row.line, field: 'nir', message: messageFor(reason) });
      return !reason;
    });

    if (errors.length > 0 || input.dryRun) return report(errors);

    const plans = creatable.map((row) => ({
      line: row.line,
      plan: planCreation(ports, context, row.request, {
        idempotencyKey: lineKey(row.line),
        hash: row.hash,
        source: { importId: input.importId, line: row.line },
      }),
    }));
    const { created, refusedLine } = await createInTransactions(ports, input.companyId, plans);
    const requests = [...done, ...created.map((entry) => entry.plan.summary)];
    if (refusedLine !== undefined) {
      // Another pré-affiliation took a NIR meanwhile: what is created stays, the rest is reported.
      return report(
        plans
          .filter((entry) => !created.includes(entry))
          .map((entry) => ({
            line: entry.line,
            field: entry.line === refusedLine ? 'nir' : 'ligne',
            message:
              entry.line === refusedLine
                ? messageFor('AFFILIATION_ALREADY_REQUESTED')
                : `Non créée : l’import s’est arrêté à la ligne ${refusedLine}. Corrigez-la, puis envoyez de nouveau le fichier pour terminer.`,
          })),
        requests,
      );
    }
    return report([], requests);
  };

/**
 * The lines' writes packed into transactions of at most 100 items (with one counter update
 * each). A pack is all-or-nothing; on a lost race it is tried again, on a refused line the
 * import stops there (the lines before it stay created; re-sending finishes the rest).
 */
async function createInTransactions(
  ports: AffiliationPorts,
  companyId: string,
  plans: { line: number; plan: PlannedCreation }[],
): Promise<{ created: { line: number; plan: PlannedCreation }[]; refusedLine?: number }> {
  const packs: { line: number; plan: PlannedCreation }[][] = [];
  let size = 0;
  for (const entry of plans) {
    if (packs.length === 0 || size + entry.plan.writes.length > MAX_TRANSACTION_ITEMS - 1) {
      packs.push([]);
      size = 0;
    }
    packs.at(-1)!.push(entry);
    size += entry.plan.writes.length;
  }
  const created: { line: number; plan: PlannedCreation }[] = [];
  for (const pack of packs) {
    const writes: TransactItem[] = [
      ...pack.flatMap((entry) => entry.plan.writes),
      addAffiliationCounter(companyId, 'sent', pack.length),
    ];
    for (let attempt = 0; ; attempt++) {
      try {
        await transact(writes);
        created.push(...pack);
        break;
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes === null) throw error;
        const refused = codes.indexOf('ConditionalCheckFailed');
        if (refused >= 0) {
          // The write that failed tells the line: writes are laid out line after line.
          let end = 0;
          const entry = pack.find((candidate) => (end += candidate.plan.writes.length) > refused);
          return { created, refusedLine: entry?.line ?? pack[0]!.line };
        }
        if (!isTransactionConflict(codes) || attempt >= 4) throw conflict('CONFLICT');
        await pause(50 * 2 ** attempt + Math.random() * 50);
      }
    }
  }
  return { created };
}
