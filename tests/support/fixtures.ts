import { randomInt } from 'node:crypto';
import { backOfficeRecordKinds } from '../../functions/contracts/back-office-import';
import { sirenWithKey, siretWithKey } from '../../functions/domain/siret';
import {
  generateCompanyDataset,
  toBackOfficeCsv,
  type BackOfficeRows,
  type CompanySummary,
} from '../../bin/local/demo-data';
import { control } from './api';

type CompanyOptions = { insured?: number; establishments?: number };

function testCompanyDataset(options: CompanyOptions) {
  const seed = randomInt(1, 2 ** 31);
  return generateCompanyDataset({
    seed,
    companyNumber: `T${String(seed).padStart(10, '0')}`.slice(0, 12),
    name: `Brasserie du Test ${seed}`,
    siren: sirenWithKey(String(10_000_000 + (seed % 89_999_999)).slice(0, 8)),
    establishments: options.establishments ?? 1,
    insured: options.insured ?? 3,
    firstContractNumber: 100_000 + (seed % 800_000),
  });
}

/**
 * Companies of their own for a test file, imported together through the real back-office
 * path (S3 file → import handler; one file per kind for all of them, which costs little more
 * than one company), not activated. Each call makes new ones, so tests never share state.
 */
export async function freshCompanies(count: number, options: CompanyOptions = {}): Promise<CompanySummary[]> {
  const datasets = Array.from({ length: count }, () => testCompanyDataset(options));
  const rows = Object.fromEntries(
    backOfficeRecordKinds.map((kind) => [kind, datasets.flatMap((dataset): unknown[] => dataset.rows[kind])]),
  ) as unknown as BackOfficeRows;
  const csv = toBackOfficeCsv(rows);
  const batch = datasets[0]!.summary.companyNumber;
  for (const kind of backOfficeRecordKinds) {
    const [report] = await control<{ status: string; rejected: unknown[] }[]>(
      `/import?key=${encodeURIComponent(`back-office/tests/${batch}/${kind}.csv`)}`,
      csv[kind],
    );
    if (report?.status !== 'imported')
      throw new Error(`fixture ${kind} rejected: ${JSON.stringify(report?.rejected)}`);
  }
  return datasets.map((dataset) => dataset.summary);
}

/** A company of its own for a test file (see freshCompanies). */
export async function freshCompany(options: CompanyOptions = {}): Promise<CompanySummary> {
  const [company] = await freshCompanies(1, options);
  return company!;
}

/** A well-formed (Luhn-valid) SIRET that no fixture imports, bar a one-in-tens-of-millions draw. */
export const unknownSiret = (): string =>
  siretWithKey(sirenWithKey(`99${String(randomInt(0, 1_000_000)).padStart(6, '0')}`), randomInt(1, 10_000));

/** A well-formed identifiant entreprise that no fixture imports (freshCompany() uses T…). */
export const unknownCompanyNumber = (): string => `U${String(randomInt(0, 1e9)).padStart(9, '0')}`;
