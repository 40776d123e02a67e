/**
 * npm run build:documents — renders every "Mes documents pratiques" PDF from its content
 * (functions/domain/documents) into .build/documents/, with manifest.json. The output
 * depends on the content only (no clock, no randomness): rebuilding unchanged content
 * gives identical bytes, so a deployment re-uploads only what changed.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildAllDocuments, manifestJson } from '../functions/use-cases/documents/publish-documents';
import { MANIFEST_FILE } from '../functions/use-cases/documents/storage-keys';

export const DOCUMENTS_BUILD_DIR = resolve(import.meta.dirname, '../.build/documents');

export async function writeDocumentsBuild(outDir = DOCUMENTS_BUILD_DIR) {
  const built = await buildAllDocuments();
  await mkdir(outDir, { recursive: true });
  // Drop files of documents that no longer exist, so the folder is exactly what gets deployed.
  const expected = new Set([MANIFEST_FILE, ...built.map(({ entry }) => entry.fileName)]);
  for (const name of await readdir(outDir)) {
    if (!expected.has(name)) await rm(resolve(outDir, name), { recursive: true, force: true });
  }
  for (const { entry, bytes } of built) await writeFile(resolve(outDir, entry.fileName), bytes);
  await writeFile(resolve(outDir, MANIFEST_FILE), manifestJson(built.map(({ entry }) => entry)));
  return built.map(({ entry }) => entry);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const entries = await writeDocumentsBuild();
  for (const entry of entries) {
    console.log(
      `${entry.fileName.padEnd(32)} ${String(entry.size).padStart(7)} o  ${entry.sha256.slice(0, 12)}`,
    );
  }
  console.log(`${entries.length} documents + ${MANIFEST_FILE} → ${DOCUMENTS_BUILD_DIR}`);
}
