/**
 * The edge of the inbound bucket's triggers (the back office's CSV feed, the DSN): each file
 * of the S3 event is read (bounded), handed to its import, and the import's report written
 * next to it (`<key>.report.json`), where the sender — and `npm run import…` — reads it.
 */
import type { S3Event } from 'aws-lambda';
import { readObjectBytes, writeJsonObject } from '../adapters/s3/object-store';
import { reportKeyFor } from '../use-cases/back-office/inbound-files';
import { logger } from './logger';

export interface InboundFile {
  bucket: string;
  /** The object key, decoded from the event's URL form. */
  key: string;
  bytes: Uint8Array;
}

export interface InboundTriggerSpec<Report> {
  /** Only keys with this suffix are this trigger's (S3 filters too; the local runner may not). */
  suffix: string;
  maxBytes: number;
  importFile: (file: InboundFile) => Promise<Report>;
  /** What the log line says about a report (never personal data: counts and statuses). */
  summary: (report: Report) => Record<string, unknown>;
  /** The log message, e.g. 'DSN imported'. */
  logMessage: string;
}

/** S3 event keys are URL-encoded, with '+' for spaces. */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

export function inboundFileTrigger<Report extends object>(spec: InboundTriggerSpec<Report>) {
  return async (event: S3Event): Promise<Report[]> => {
    const reports: Report[] = [];
    for (const record of event.Records) {
      const bucket = record.s3.bucket.name;
      const key = decodeS3Key(record.s3.object.key);
      if (!key.endsWith(spec.suffix)) continue;
      const report = await spec.importFile({
        bucket,
        key,
        bytes: await readObjectBytes(bucket, key, spec.maxBytes),
      });
      await writeJsonObject(bucket, reportKeyFor(key), { file: key, ...report });
      logger.info(spec.logMessage, { file: key, ...spec.summary(report) });
      reports.push(report);
    }
    return reports;
  };
}
