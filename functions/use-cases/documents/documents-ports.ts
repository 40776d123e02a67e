import { documentManifest, type DocumentManifestEntry } from '../../contracts/documents';
import { readObjectText } from '../../adapters/s3/object-store';
import { downloadUrl } from '../../adapters/s3/files';
import { systemClock } from '../../adapters/system/system-clock';
import { config } from '../../runtime/config';
import { logger } from '../../runtime/logger';
import { cachedFor, type DocumentPorts } from './documents';
import { MANIFEST_KEY } from './storage-keys';

/** The manifest is read at most once a minute per container. */
export const MANIFEST_CACHE_MS = 60_000;
const MANIFEST_MAX_BYTES = 256 * 1024;

const isMissing = (error: unknown) =>
  error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound');

async function readManifest(bucket: string): Promise<DocumentManifestEntry[]> {
  try {
    return documentManifest.parse(JSON.parse(await readObjectText(bucket, MANIFEST_KEY, MANIFEST_MAX_BYTES)));
  } catch (error) {
    if (!isMissing(error)) throw error;
    // Nothing published yet (a stage deployed without its documents): an empty page, not an error.
    logger.warn('No documents manifest in the documents bucket', { key: MANIFEST_KEY });
    return [];
  }
}

let ports: DocumentPorts | undefined;

/** The production wiring of the documents use cases: the documents bucket, one GetObject a minute. */
export function documentPorts(): DocumentPorts {
  if (!ports) {
    const bucket = config().DOCUMENTS_BUCKET;
    ports = {
      manifest: cachedFor(() => readManifest(bucket), systemClock, MANIFEST_CACHE_MS),
      downloadUrl: (key, fileName) => downloadUrl(bucket, key, fileName, systemClock.nowMs()),
    };
  }
  return ports;
}
