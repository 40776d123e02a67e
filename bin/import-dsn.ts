/**
 * `npm run import-dsn -- <file.dsn> [--company <siret>]`: drops a monthly DSN into the
 * running local stack's inbound bucket, as a company's DSN arrives in AWS; the S3
 * notification runs the DSN import, and this command prints the report written next to the
 * file. With --company, the file is dropped in that company's folder (`dsn/<siret>/…`) and
 * refused if it declares another company's establishments.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { eventTriggers } from '../functions/schedules';
import { isValidSiret } from '../functions/domain/siret';
import type { DsnImportReport } from '../functions/use-cases/anomalies/import-dsn';
import { dropAndAwaitReport, dropFolder } from './local/inbound-drop';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { company: { type: 'string' } },
});
const file = positionals[0];
const siret = values.company?.replace(/\s/g, '');
if (!file || !file.endsWith('.dsn') || (siret !== undefined && !isValidSiret(siret))) {
  console.error('Usage : npm run import-dsn -- <fichier.dsn> [--company <SIRET de l’entreprise>]');
  process.exit(2);
}

const prefix = eventTriggers.find((trigger) => trigger.id === 'importDsn')!.prefix;
const key = `${prefix}${siret ? `${siret}/` : ''}${dropFolder()}${basename(file)}`;
const report = await dropAndAwaitReport<DsnImportReport>(
  key,
  await readFile(file),
  'application/octet-stream',
);
const { raised, alreadyKnown, corrected } = report.anomalies;
if (report.status === 'rejected') {
  console.log(`Rejeté : rien n'a été importé. ${report.rejected.length} erreur(s) :`);
  for (const rejected of report.rejected.slice(0, 50))
    console.log(`  ${rejected.line ? `ligne ${rejected.line}` : 'fichier'} : ${rejected.reason}`);
  process.exit(1);
}
console.log(
  report.status === 'already_imported'
    ? `Déjà importée : cette DSN (${report.month}) a déjà été importée, rien n'a changé.`
    : `DSN de ${report.month} importée : ${report.employees} salarié(s) déclaré(s) dans ${report.establishments.length} établissement(s) ; ${raised} nouvelle(s) anomalie(s), ${alreadyKnown} déjà connue(s), ${corrected} corrigée(s) par cette DSN.`,
);
process.exit(0);
