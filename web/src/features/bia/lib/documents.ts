import {
  BIA_DOCUMENT_KINDS,
  BIA_UPLOAD_MAX_BYTES,
  BIA_UPLOADS_PER_KIND,
  type BiaDocumentKind,
} from '../../../../../functions/contracts/affiliation';
import { formatFileSize } from '../../../shared/format';
import { checkFileAgainst, type FileLike, type FileRules } from '../../../shared/uploads/file-check';
import type { BiaContentType } from '../api/bia-api';

/** The BIA's documents: PDF, JPEG or PNG, 3 MB each, two files per kind (checked again by the server). */
export const BIA_FILE_RULES: FileRules<BiaContentType> = {
  byExtension: { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' },
  maxBytes: BIA_UPLOAD_MAX_BYTES,
  formatsText: 'PDF, JPEG ou PNG',
};

/**
 * The documents of the affiliation, in the page's order. (The contract also knows the proof of
 * a dispense d'adhésion, which belongs to a dispense request, not to this form.)
 */
export const DOCUMENT_KINDS: readonly BiaDocumentKind[] = ['rib', 'attestation', 'other'];
export const MAX_SIZE_TEXT = formatFileSize(BIA_UPLOAD_MAX_BYTES);

export interface BiaSelection<F extends FileLike> {
  accepted: { file: F; contentType: BiaContentType }[];
  /** One French sentence per file left out. */
  rejected: string[];
}

/** The files picked for one kind, checked, within the two files that kind may hold. */
export function selectBiaFiles<F extends FileLike>(
  files: readonly F[],
  kind: BiaDocumentKind,
  alreadyThere: number,
): BiaSelection<F> {
  const selection: BiaSelection<F> = { accepted: [], rejected: [] };
  for (const file of files) {
    const check = checkFileAgainst(file, BIA_FILE_RULES);
    if (!check.ok) selection.rejected.push(check.message);
    else if (alreadyThere + selection.accepted.length >= BIA_UPLOADS_PER_KIND) {
      selection.rejected.push(
        `« ${file.name} » n’a pas été ajouté : ${BIA_UPLOADS_PER_KIND} fichiers au plus pour « ${BIA_DOCUMENT_KINDS[kind]} ». Retirez-en un pour le remplacer.`,
      );
    } else selection.accepted.push({ file, contentType: check.contentType });
  }
  return selection;
}
