import type { S3Event } from 'aws-lambda';
import { backOfficeRecordKinds } from '../contracts/back-office-import';
import { kindOfKey, reportKeyFor } from '../use-cases/back-office/inbound-files';
import { backOfficeRepository } from '../adapters/dynamodb/back-office-repository';
import { readObjectText, writeJsonObject } from '../adapters/s3/object-store';
import { keyedDigest } from '../adapters/system/keyed-digest';
import { systemClock } from '../adapters/system/system-clock';
import { ulidIds } from '../adapters/system/ulid-ids';
import { logger } from '../runtime/logger';
import { importBackOfficeFile, type ImportReport } from '../use-cases/back-office/import-back-office-file';

/** 50,000 lines of the widest file stay well under this. */
const MAX_FILE_BYTES = 30 * 1024 * 1024;

const importFile = importBackOfficeFile({
  repository: backOfficeRepository(),
  clock: systemClock,
  ids: ulidIds,
  nirDigest: (nir) => keyedDigest('nir', nir),
});

/** S3 event (inbound bucket, `back-office/` prefix, `.csv` suffix) → import + report next to the file. */
export const handler = async (event: S3Event): Promise<ImportReport[]> => {
  const reports: ImportReport[] = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    if (!key.endsWith('.csv')) continue;
    const kind = kindOfKey(key);
    const now = systemClock.nowIso();
    const report: ImportReport = kind
      ? await importFile(kind, await readObjectText(bucket, key, MAX_FILE_BYTES))
      : {
          kind: null,
          status: 'rejected',
          lines: 0,
          written: 0,
          created: 0,
          rejected: [
            {
              line: 0,
              reason: `Nom de fichier non reconnu : il doit commencer par ${backOfficeRecordKinds.join(', ')}.`,
            },
          ],
          startedAt: now,
          finishedAt: now,
        };
    await writeJsonObject(bucket, reportKeyFor(key), { file: key, ...report });
    logger.info('Back-office file imported', {
      file: key,
      status: report.status,
      lines: report.lines,
      rejected: report.rejected.length,
    });
    reports.push(report);
  }
  return reports;
};
