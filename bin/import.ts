/**
 * `npm run import -- <file.csv>`: drops a back-office file into the running local stack's
 * inbound bucket, exactly as the insurer's systems do in AWS; the S3 notification runs the
 * import handler, and this command prints the report written next to the file.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { eventTriggers } from '../functions/schedules';
import { reportKeyFor } from '../functions/use-cases/back-office/inbound-files';

const file = process.argv[2];
if (!file) {
  console.error(
    'Usage : npm run import -- <fichier.csv>   (nom commençant par entreprises, etablissements, contrats, assures ou ayants_droit)',
  );
  process.exit(2);
}

const stackFile = resolve(import.meta.dirname, '../.local/stack.json');
const env = await readFile(stackFile, 'utf8')
  .then((text) => JSON.parse(text) as Record<string, string>)
  .catch(() => {
    console.error("Le portail local ne tourne pas : lancez d'abord « npm start » dans un autre terminal.");
    process.exit(1);
  });

const s3 = new S3Client({
  region: env.AWS_REGION,
  endpoint: env.S3_ENDPOINT,
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
});
const prefix = eventTriggers.find((trigger) => trigger.source === 'inboundBucket')!.prefix;
const key = `${prefix}manual/${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}/${basename(file)}`;
await s3.send(
  new PutObjectCommand({
    Bucket: env.INBOUND_BUCKET,
    Key: key,
    Body: await readFile(file),
    ContentType: 'text/csv',
  }),
);
console.log(`Déposé : s3://${env.INBOUND_BUCKET}/${key} — import en cours…`);

const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  const report = await s3
    .send(new GetObjectCommand({ Bucket: env.INBOUND_BUCKET, Key: reportKeyFor(key) }))
    .then((object) => object.Body?.transformToString())
    .catch(() => undefined);
  if (report) {
    const parsed = JSON.parse(report) as {
      status: string;
      lines: number;
      written: number;
      created: number;
      rejected: { line: number; reason: string }[];
    };
    console.log(
      parsed.status === 'imported'
        ? `Importé : ${parsed.lines} lignes, ${parsed.written} écrites (${parsed.created} nouvelles).`
        : `Rejeté : rien n'a été importé. ${parsed.rejected.length} ligne(s) en erreur :`,
    );
    for (const rejected of parsed.rejected.slice(0, 50))
      console.log(`  ligne ${rejected.line} : ${rejected.reason}`);
    process.exit(parsed.status === 'imported' ? 0 : 1);
  }
  await new Promise((done) => setTimeout(done, 500));
}
console.error("Pas de rapport d'import après 2 minutes : le portail local tourne-t-il ?");
process.exit(1);
