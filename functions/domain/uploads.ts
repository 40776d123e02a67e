/**
 * What an uploaded file really is, from its first bytes (never from its name or the type the
 * browser claims), and the limits of each use. S3 (and s3rver locally) does not enforce the
 * presigned POST's size range for us everywhere, so the server checks size and type itself.
 */
export const UPLOAD_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel',
    extensions: ['xlsx'],
  },
} as const;
export type UploadContentType = keyof typeof UPLOAD_TYPES;

export const MAX_ATTACHMENT_BYTES = 3 * 1024 * 1024;
export const MAX_CONTACT_ATTACHMENTS = 4;

/** Bytes a file of each type starts with (PDF, JPEG, PNG; Office Open XML files are ZIP archives). */
export function sniffContentType(head: Uint8Array): UploadContentType | 'zip' | null {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  return null;
}

/** True when the first bytes agree with the declared type. */
export function contentMatches(declared: UploadContentType, head: Uint8Array): boolean {
  const sniffed = sniffContentType(head);
  if (sniffed === 'zip') return declared.startsWith('application/vnd.openxmlformats');
  return sniffed === declared;
}

export function extensionMatches(declared: UploadContentType, fileName: string): boolean {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return (UPLOAD_TYPES[declared].extensions as readonly string[]).includes(extension);
}

/** A file name safe for a storage key and a Content-Disposition header. */
export const safeFileName = (fileName: string): string =>
  fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(-100) || 'fichier';
