/**
 * Where the published documents live in the documents bucket. The build writes the same
 * names under .build/documents/, and the deployment copies that folder to this prefix.
 */
export const DOCUMENTS_PREFIX = 'documents/';
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_KEY = `${DOCUMENTS_PREFIX}${MANIFEST_FILE}`;
export const documentKey = (fileName: string): string => `${DOCUMENTS_PREFIX}${fileName}`;
