import { z } from 'zod';
import { CATEGORY_TITLES, DOCUMENT_CATEGORIES } from '../domain/documents/model';

/** "Mes documents pratiques": the published PDFs, listed from their manifest. */

export const documentCategory = z.enum(DOCUMENT_CATEGORIES);
export type DocumentCategory = z.infer<typeof documentCategory>;
/** The page's two groups, in the user guide's words. */
export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = CATEGORY_TITLES;

/** A document's slug: lower-case words joined by hyphens (e.g. `mandat-sepa`). */
export const documentId = z
  .string()
  .max(64, { error: 'Identifiant de document invalide.' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Identifiant de document invalide.' });

export const documentParams = z.object({ documentId }).strict();

/** One line of `documents/manifest.json`, written by `npm run build:documents`. */
export const documentManifestEntry = z.object({
  id: documentId,
  title: z.string().min(1),
  category: documentCategory,
  description: z.string(),
  fileName: z.string().regex(/^[a-z0-9-]+\.pdf$/),
  /** Bytes. */
  size: z.number().int().positive(),
  /** The content's version date (ISO), not the build time: builds are reproducible. */
  updatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentManifestEntry = z.infer<typeof documentManifestEntry>;
export const documentManifest = z.array(documentManifestEntry);

export const documentSummary = documentManifestEntry.pick({
  id: true,
  title: true,
  category: true,
  description: true,
  size: true,
  updatedAt: true,
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const listDocumentsResponse = z.object({ items: z.array(documentSummary) });

/** A short-lived presigned GET of the PDF. */
export const getDocumentResponse = z.object({
  url: z.string(),
  fileName: z.string(),
  expiresAt: z.string(),
});
