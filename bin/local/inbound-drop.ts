/**
 * What `npm run import` and `npm run import-dsn` share: drop a file into the running local
 * stack's inbound bucket, exactly as the insurer's systems do in AWS (the S3 notification
 * runs the trigger), then wait for the report the trigger writes next to the file.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { reportKeyFor } from '../../functions/use-cases/back-office/inbound-files';

async function localStackEnv(): Promise<Record<string, string>> {
  const stackFile = resolve(import.meta.dirname, '../../.local/stack.json');
  return readFile(stackFile, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => {
      console.error("Le portail local ne tourne pas : lancez d'abord « npm start » dans un autre terminal.");
      process.exit(1);
    });
}

/** `manual/2026-11-26-18-02-11/` : each drop lands in a folder of its own. */
export const dropFolder = () => `manual/${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}/`;

/** Puts the file at `key` in the inbound bucket and answers its report (parsed JSON), or exits after 2 minutes. */
export async function dropAndAwaitReport<Report>(
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<Report> {
  const env = await localStackEnv();
  const s3 = new S3Client({
    region: env.AWS_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
  });
  await s3.send(
    new PutObjectCommand({ Bucket: env.INBOUND_BUCKET, Key: key, Body: body, ContentType: contentType }),
  );
  console.log(`Déposé : s3://${env.INBOUND_BUCKET}/${key} — import en cours…`);

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const report = await s3
      .send(new GetObjectCommand({ Bucket: env.INBOUND_BUCKET, Key: reportKeyFor(key) }))
      .then((object) => object.Body?.transformToString())
      .catch(() => undefined);
    if (report) return JSON.parse(report) as Report;
    await new Promise((done) => setTimeout(done, 500));
  }
  console.error("Pas de rapport d'import après 2 minutes : le portail local tourne-t-il ?");
  process.exit(1);
}
