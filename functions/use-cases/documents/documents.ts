import { notFound } from '../../domain/errors';
import type { DocumentManifestEntry, DocumentSummary } from '../../contracts/documents';
import type { Clock } from '../../ports/clock';
import { documentKey } from './storage-keys';

export interface DocumentDownload {
  url: string;
  fileName: string;
  expiresAt: string;
}

export interface DocumentPorts {
  /** The published documents (documents/manifest.json); empty when nothing is published yet. */
  manifest(): Promise<DocumentManifestEntry[]>;
  /** A short-lived presigned GET of an object of the documents bucket. */
  downloadUrl(key: string, fileName: string): Promise<DocumentDownload>;
}

/** Mes documents pratiques: the list, in the manifest's order (the build's order). */
export const listDocuments = (ports: DocumentPorts) => async (): Promise<{ items: DocumentSummary[] }> => ({
  items: (await ports.manifest()).map(({ id, title, category, description, size, updatedAt }) => ({
    id,
    title,
    category,
    description,
    size,
    updatedAt,
  })),
});

/**
 * A download link for one document. Only ids of the manifest are served: the id never
 * becomes an arbitrary key of the bucket.
 */
export const getDocument =
  (ports: DocumentPorts) =>
  async (documentId: string): Promise<DocumentDownload> => {
    const entry = (await ports.manifest()).find((document) => document.id === documentId);
    if (!entry) throw notFound('DOCUMENT_NOT_FOUND');
    return ports.downloadUrl(documentKey(entry.fileName), entry.fileName);
  };

/**
 * Keeps what `load` returns for `ttlMs` (a container serves many requests; the manifest
 * changes only when documents are published). A failed load is not kept.
 */
export function cachedFor<T>(
  load: () => Promise<T>,
  clock: Pick<Clock, 'nowMs'>,
  ttlMs: number,
): () => Promise<T> {
  let cached: { value: Promise<T>; until: number } | undefined;
  return () => {
    const now = clock.nowMs();
    if (!cached || now >= cached.until) {
      const value = load();
      const entry = { value, until: now + ttlMs };
      cached = entry;
      value.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.value;
  };
}
