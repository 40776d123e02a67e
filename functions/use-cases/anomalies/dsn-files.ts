/**
 * Where DSN files are dropped in the inbound bucket: `dsn/<file>.dsn`, or
 * `dsn/<siret>/…/<file>.dsn` to say which company the file is for (the importer then refuses
 * a DSN of another company's establishments).
 */
export function expectedSiretOfKey(key: string): string | undefined {
  const folder = key.split('/')[1];
  return folder && /^\d{14}$/.test(folder) && key.split('/').length > 2 ? folder : undefined;
}
