import { createHash } from 'node:crypto';
import { practicalDocuments, documentFileName } from '../../domain/documents/catalog';
import type { PracticalDocument } from '../../domain/documents/model';
import { renderPracticalDocument } from '../../adapters/pdf/documents';
import type { DocumentManifestEntry } from '../../contracts/documents';

export interface BuiltDocument {
  entry: DocumentManifestEntry;
  bytes: Uint8Array;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Renders one document and describes it for the manifest. */
export async function buildDocument(document: PracticalDocument): Promise<BuiltDocument> {
  const bytes = await renderPracticalDocument(document);
  return {
    bytes,
    entry: {
      id: document.id,
      title: document.title,
      category: document.category,
      description: document.description,
      fileName: documentFileName(document),
      size: bytes.byteLength,
      updatedAt: document.version,
      sha256: sha256(bytes),
    },
  };
}

/** Every document of "Mes documents pratiques", in the catalog's order. Deterministic. */
export async function buildAllDocuments(
  documents: readonly PracticalDocument[] = practicalDocuments,
): Promise<BuiltDocument[]> {
  const built: BuiltDocument[] = [];
  for (const document of documents) built.push(await buildDocument(document));
  return built;
}

/** The manifest's bytes: stable formatting, so an unchanged build yields an identical file. */
export const manifestJson = (entries: readonly DocumentManifestEntry[]): string =>
  `${JSON.stringify(entries, null, 2)}\n`;
