import { backOfficeRecordKinds } from '../contracts/back-office-import';
import { kindOfKey } from '../use-cases/back-office/inbound-files';
import { backOfficeRepository } from '../adapters/dynamodb/back-office-repository';
import { keyedDigest } from '../adapters/system/keyed-digest';
import { systemClock } from '../adapters/system/system-clock';
import { ulidIds } from '../adapters/system/ulid-ids';
import { inboundFileTrigger } from '../runtime/inbound-file';
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
export const handler = inboundFileTrigger<ImportReport>({
  suffix: '.csv',
  maxBytes: MAX_FILE_BYTES,
  logMessage: 'Back-office file imported',
  summary: (report) => ({ status: report.status, lines: report.lines, rejected: report.rejected.length }),
  async importFile({ key, bytes }) {
    const kind = kindOfKey(key);
    if (kind) return importFile(kind, Buffer.from(bytes).toString('utf-8'));
    const now = systemClock.nowIso();
    return {
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
  },
});
