import { anomaliesRepository } from '../adapters/dynamodb/anomalies-repository';
import { employeesRepository } from '../adapters/dynamodb/employees-repository';
import { usersRepository } from '../adapters/dynamodb/users-repository';
import { keyedDigest } from '../adapters/system/keyed-digest';
import { systemClock } from '../adapters/system/system-clock';
import { ulidIds } from '../adapters/system/ulid-ids';
import { inboundFileTrigger } from '../runtime/inbound-file';
import { importDsn, type DsnImportReport } from '../use-cases/anomalies/import-dsn';
import { expectedSiretOfKey } from '../use-cases/anomalies/dsn-files';

/** A monthly DSN of 5,000 employees is about 4 MB; far beyond that is not a DSN. */
const MAX_FILE_BYTES = 30 * 1024 * 1024;

const importFile = importDsn({
  anomalies: anomaliesRepository(),
  employees: employeesRepository(),
  users: usersRepository(),
  clock: systemClock,
  ids: ulidIds,
  anomalyKeyDigest: (anomalyKey) => keyedDigest('anomaly', anomalyKey),
});

/** S3 event (inbound bucket, `dsn/` prefix, `.dsn` suffix) → anomalies + report next to the file. */
export const handler = inboundFileTrigger<DsnImportReport>({
  suffix: '.dsn',
  maxBytes: MAX_FILE_BYTES,
  logMessage: 'DSN imported',
  summary: (report) => ({
    status: report.status,
    month: report.month,
    companyId: report.companyId,
    employees: report.employees,
    ...report.anomalies,
    rejected: report.rejected.length,
  }),
  importFile: ({ key, bytes }) => importFile({ key, bytes, expectedSiret: expectedSiretOfKey(key) }),
});
