import { randomInt } from 'node:crypto';
import {
  backOfficeRecordKinds,
  type BackOfficeRecordKind,
} from '../../functions/contracts/back-office-import';
import { sirenWithKey } from '../../functions/domain/siret';
import {
  generateCompanyDataset,
  toBackOfficeCsv,
  type BackOfficeRows,
  type CompanyDataset,
} from '../../bin/local/demo-data';

/** Drops one back-office file and answers its import reports (the control server, or a private stack). */
export type ImportFile = (key: string, body: string) => Promise<unknown>;

export interface ImportReportSummary {
  status: string;
  rejected: { line: number; reason: string }[];
}

export interface CompanySpec {
  /** Raison sociale; "Brasserie du Test <seed>" when absent. */
  name?: string;
  insured?: number;
  establishments?: number;
}

/**
 * Companies of their own for a test, imported together through the real back-office path
 * (one file per kind, in dependency order). Unlike freshCompany(), the caller chooses the
 * names, gets the generated rows back (NIRs, addresses…) and may target any stack.
 */
export async function importCompanies(
  importFile: ImportFile,
  specs: readonly CompanySpec[],
): Promise<CompanyDataset[]> {
  const datasets = specs.map((spec) => {
    const seed = randomInt(1, 2 ** 31);
    const companyNumber = `T${String(seed).padStart(10, '0')}`.slice(0, 12);
    return generateCompanyDataset({
      seed,
      companyNumber,
      name: spec.name ?? `Brasserie du Test ${seed}`,
      siren: sirenWithKey(String(10_000_000 + (seed % 89_999_999)).slice(0, 8)),
      establishments: spec.establishments ?? 1,
      insured: spec.insured ?? 1,
      firstContractNumber: 100_000 + (seed % 800_000),
    });
  });
  const rows = Object.fromEntries(
    backOfficeRecordKinds.map((kind) => [kind, datasets.flatMap((dataset): unknown[] => dataset.rows[kind])]),
  ) as unknown as BackOfficeRows;
  const csv = toBackOfficeCsv(rows);
  const batch = datasets[0]?.summary.companyNumber ?? 'empty';
  for (const kind of backOfficeRecordKinds) {
    const [report] = (await importFile(
      `back-office/tests/${batch}/${kind}.csv`,
      csv[kind],
    )) as ImportReportSummary[];
    if (report?.status !== 'imported') {
      throw new Error(`fixture ${kind} rejected: ${JSON.stringify(report?.rejected.slice(0, 3))}`);
    }
  }
  return datasets;
}

/** The CSV text of one kind of file for these rows (to build a file with a deliberately bad line). */
export function backOfficeCsv<K extends BackOfficeRecordKind>(kind: K, rows: BackOfficeRows[K]): string {
  const files = Object.fromEntries(backOfficeRecordKinds.map((other) => [other, other === kind ? rows : []]));
  return toBackOfficeCsv(files as unknown as BackOfficeRows)[kind];
}
