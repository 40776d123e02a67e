import { documentManifest, type DocumentManifestEntry } from '../../functions/contracts/documents';
import { objectExists, putFile } from '../../functions/adapters/s3/files';
import { readObjectText } from '../../functions/adapters/s3/object-store';
import { config } from '../../functions/runtime/config';
import { buildAllDocuments, manifestJson } from '../../functions/use-cases/documents/publish-documents';
import { MANIFEST_KEY, documentKey } from '../../functions/use-cases/documents/storage-keys';

async function storedManifest(bucket: string): Promise<DocumentManifestEntry[]> {
  try {
    const parsed = documentManifest.safeParse(
      JSON.parse(await readObjectText(bucket, MANIFEST_KEY, 256 * 1024)),
    );
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * Publishes "Mes documents pratiques" to the local documents bucket, as the deployment does
 * in AWS: the PDFs under documents/ and documents/manifest.json. Rendered in memory from the
 * content in the repository; a document whose bytes did not change (same sha256 as in the
 * stored manifest) is not uploaded again, so a restart costs a render and one GetObject.
 */
export async function seedDocuments(): Promise<{ uploaded: string[]; unchanged: string[] }> {
  const bucket = config().DOCUMENTS_BUCKET;
  const [built, stored] = await Promise.all([buildAllDocuments(), storedManifest(bucket)]);
  const storedSha = new Map(stored.map((entry) => [entry.fileName, entry.sha256]));
  const uploaded: string[] = [];
  const unchanged: string[] = [];
  for (const { entry, bytes } of built) {
    const key = documentKey(entry.fileName);
    if (storedSha.get(entry.fileName) === entry.sha256 && (await objectExists(bucket, key))) {
      unchanged.push(entry.id);
      continue;
    }
    await putFile(bucket, key, bytes, 'application/pdf');
    uploaded.push(entry.id);
  }
  const manifest = manifestJson(built.map(({ entry }) => entry));
  // Written last: a listed document is always downloadable.
  if (uploaded.length > 0 || manifestJson(stored) !== manifest) {
    await putFile(bucket, MANIFEST_KEY, Buffer.from(manifest), 'application/json; charset=utf-8');
  }
  return { uploaded, unchanged };
}
