/**
 * `npm run import -- <file.csv>`: drops a back-office file into the running local stack's
 * inbound bucket, exactly as the insurer's systems do in AWS; the S3 notification runs the
 * import handler, and this command prints the report written next to the file.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { eventTriggers } from '../functions/schedules';
import { dropAndAwaitReport, dropFolder } from './local/inbound-drop';

const file = process.argv[2];
if (!file) {
  console.error(
    'Usage : npm run import -- <fichier.csv>   (nom commençant par entreprises, etablissements, contrats, assures ou ayants_droit)',
  );
  process.exit(2);
}

const prefix = eventTriggers.find((trigger) => trigger.id === 'importBackOfficeFile')!.prefix;
const parsed = await dropAndAwaitReport<{
  status: string;
  lines: number;
  written: number;
  created: number;
  rejected: { line: number; reason: string }[];
}>(`${prefix}${dropFolder()}${basename(file)}`, await readFile(file), 'text/csv');
console.log(
  parsed.status === 'imported'
    ? `Importé : ${parsed.lines} lignes, ${parsed.written} écrites (${parsed.created} nouvelles).`
    : `Rejeté : rien n'a été importé. ${parsed.rejected.length} ligne(s) en erreur :`,
);
for (const rejected of parsed.rejected.slice(0, 50))
  console.log(`  ligne ${rejected.line} : ${rejected.reason}`);
process.exit(parsed.status === 'imported' ? 0 : 1);
