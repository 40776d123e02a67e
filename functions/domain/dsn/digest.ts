/**
 * Fingerprints for idempotent imports: the content digest of a DSN file, and the stable
 * key of an anomaly. Kept apart from the parser, which stays free of node: modules.
 */
import { createHash } from 'node:crypto';
import { decodeDsn } from './parse-dsn';

/**
 * SHA-256 (hex) of the file's lines as text: the same DSN gives the same digest whatever
 * its encoding (UTF-8 or ISO-8859-1), line endings (\n, \r\n), blank lines or trailing
 * spaces; any other change, a malformed line included, changes it. Works on any input,
 * valid or not, so the importer can recognise a file it has already seen before parsing it.
 */
export function dsnDigest(input: string | Uint8Array): string {
  const hash = createHash('sha256');
  for (const line of decodeDsn(input).text.split(/\r\n|\r|\n/)) {
    const content = line.trimEnd();
    if (content !== '') hash.update(`${content}\n`);
  }
  return hash.digest('hex');
}

/** 32 hex characters (128 bits) identifying a list of parts, order included. */
export function stableKey(parts: readonly (string | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}
