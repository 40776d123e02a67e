import {
  ATTACHMENT_CONTENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_COUNT,
} from '../../../../../functions/contracts/contact';
import { formatFileSize } from '../../../shared/format';
import {
  checkFileAgainst,
  contentTypeFor,
  type FileCheck as SharedFileCheck,
  type FileLike,
  type FileRules,
} from '../../../shared/uploads/file-check';

/** The formats and size of the files attached to a message (checked again by the server). */
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
export type { FileLike };

const RULES: FileRules<AttachmentContentType> = {
  byExtension: BY_EXTENSION,
  maxBytes: ATTACHMENT_MAX_BYTES,
  formatsText: FORMATS_TEXT,
};

export type FileCheck = SharedFileCheck<AttachmentContentType>;

export const contentTypeOf = (fileName: string): AttachmentContentType | undefined =>
  contentTypeFor(fileName, RULES);

export const checkFile = (file: FileLike): FileCheck => checkFileAgainst(file, RULES);

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
