import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
} from '../../../../../functions/contracts/contact';
import { formatFileSize } from '../../../shared/format';

/**
 * The browser's first look at the files a user attaches: format (by extension, which the API
 * also requires to match) and size. The server checks again, and reads the first bytes of
 * each file to refuse a disguised one; these checks only spare a useless upload.
 */
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

const BY_EXTENSION: Record<string, AttachmentContentType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file picker's filter (extensions and types, for every platform's dialog). */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(BY_EXTENSION).map((ext) => `.${ext}`),
  ...ATTACHMENT_CONTENT_TYPES,
].join(',');

export const FORMATS_TEXT = 'PDF, JPEG, PNG, Word (.docx) ou Excel (.xlsx)';
export const MAX_SIZE_TEXT = formatFileSize(ATTACHMENT_MAX_BYTES);
export { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT };

export interface FileLike {
  name: string;
  size: number;
}

export type FileCheck = { ok: true; contentType: AttachmentContentType } | { ok: false; message: string };

export function contentTypeOf(fileName: string): AttachmentContentType | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  return BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

export function checkFile(file: FileLike): FileCheck {
  const contentType = contentTypeOf(file.name);
  if (!contentType) {
    return { ok: false, message: `« ${file.name} » n’est pas d’un format accepté (${FORMATS_TEXT}).` };
  }
  if (file.size === 0) return { ok: false, message: `« ${file.name} » est vide.` };
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return {
      ok: false,
      message: `« ${file.name} » fait ${formatFileSize(file.size)} : chaque fichier doit faire ${MAX_SIZE_TEXT} au plus.`,
    };
  }
  if (file.name.length > 200)
    return { ok: false, message: `Le nom de « ${file.name.slice(0, 40)}… » est trop long.` };
  return { ok: true, contentType };
}

export interface Selection<F extends FileLike> {
  accepted: { file: F; contentType: AttachmentContentType }[];
  /** One French sentence per file left out. */
  rejected: string[];
}

/** The files of one pick, checked, within the 4 files of a message (`alreadyAttached` count). */
export function selectFiles<F extends FileLike>(files: readonly F[], alreadyAttached: number): Selection<F> {
  const selection: Selection<F> = { accepted: [], rejected: [] };
  for (const file of files) {
    const check = checkFile(file);
    if (!check.ok) {
      selection.rejected.push(check.message);
    } else if (alreadyAttached + selection.accepted.length >= ATTACHMENT_MAX_COUNT) {
      selection.rejected.push(
        `« ${file.name} » n’a pas été ajouté : ${ATTACHMENT_MAX_COUNT} pièces jointes au plus par message.`,
      );
    } else {
      selection.accepted.push({ file, contentType: check.contentType });
    }
  }
  return selection;
}

/** `attachments.2` → 2; anything else → undefined. */
export function attachmentIndex(field: string): number | undefined {
  const match = /^attachments\.(\d+)$/.exec(field);
  return match ? Number(match[1]) : undefined;
}
