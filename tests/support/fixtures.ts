import { randomInt } from 'node:crypto';
import { backOfficeRecordKinds } from '../../functions/contracts/back-office-import';
import { sirenWithKey } from '../../functions/domain/siret';
import { generateCompanyDataset, toBackOfficeCsv, type CompanySummary } from '../../bin/local/demo-data';
import { control } from './api';

/**
 * A company of its own for a test file, imported through the real back-office path (S3 file
 * → import handler), not activated. Each call makes a new one, so tests never share state.
 */
export async function freshCompany(options: { insured?: number; establishments?: number } = {}): Promise<CompanySummary> {
  const seed = randomInt(1, 2 ** 31);
  const companyNumber = `T${String(seed).padStart(10, '0')}`.slice(0, 12);
  const dataset = generateCompanyDataset({
    seed,
    companyNumber,
    name: `Brasserie du Test ${seed}`,
    siren: sirenWithKey(String(10_000_000 + (seed % 89_999_999)).slice(0, 8)),
    establishments: options.establishments ?? 1,
    insured: options.insured ?? 3,
    firstContractNumber: 100_000 + (seed % 800_000),
  });
  const csv = toBackOfficeCsv(dataset.rows);
  for (const kind of backOfficeRecordKinds) {
    const [report] = await control<{ status: string; rejected: unknown[] }[]>(
      `/import?key=${encodeURIComponent(`back-office/tests/${companyNumber}/${kind}.csv`)}`,
      csv[kind],
    );
    if (report?.status !== 'imported') throw new Error(`fixture ${kind} rejected: ${JSON.stringify(report?.rejected)}`);
  }
  return dataset.summary;
}
