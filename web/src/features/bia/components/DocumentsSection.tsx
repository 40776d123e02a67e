import { BIA_UPLOADS_PER_KIND, type BiaDocumentKind } from '../../../../../functions/contracts/affiliation';
import { UploadFileItem } from '../../../shared/uploads/UploadFileItem';
import { acceptAttribute } from '../../../shared/uploads/file-check';
import { biaCopy as copy } from '../copy';
import { BIA_FILE_RULES, DOCUMENT_KINDS, MAX_SIZE_TEXT } from '../lib/documents';
import type { BiaDocuments } from './use-bia-documents';

const ACCEPT = acceptAttribute(BIA_FILE_RULES);

/** The id of a kind's file input: the error summary's lines lead there. */
export const documentInputId = (kind: BiaDocumentKind) => `bia-justificatif-${kind}`;

/** "Vos justificatifs": the RIB, the attestation de droits and any other document, each with its files. */
export function DocumentsSection({ documents }: { documents: BiaDocuments }) {
  return (
    <section className="form-card bia-section" aria-labelledby="bia-justificatifs">
      <h2 id="bia-justificatifs" className="bia-section__title">
        {copy.documentsTitle}
      </h2>
      <p className="form__intro">{copy.documentsIntro(BIA_FILE_RULES.formatsText, MAX_SIZE_TEXT)}</p>
      {DOCUMENT_KINDS.map((kind) => (
        <DocumentKindField key={kind} kind={kind} documents={documents} />
      ))}
      <p className="visually-hidden" role="status">
        {documents.announcement}
      </p>
    </section>
  );
}

/** One document's files (its picker, their progress and refusals); `label` and `hint` default to the kind's. */
export function DocumentKindField({
  kind,
  documents,
  label = copy.documentLabels[kind],
  hint = copy.documentHint(kind),
}: {
  kind: BiaDocumentKind;
  documents: BiaDocuments;
  label?: string;
  hint?: string;
}) {
  const id = documentInputId(kind);
  const files = documents.items.filter((item) => item.kind === kind);
  const rejected = documents.rejected[kind] ?? [];
  const refusal = documents.kindErrors[kind];
  const messages = refusal ? [refusal, ...rejected] : rejected;
  const full = files.length >= BIA_UPLOADS_PER_KIND;
  const hasError = messages.length > 0 || files.some((item) => item.error);
  const describedBy = [`${id}-aide`, messages.length > 0 ? `${id}-erreur` : ''].filter(Boolean).join(' ');
  return (
    <div
      className={hasError ? 'field field--error bia-documents' : 'field bia-documents'}
      data-document-kind={kind}
    >
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p id={`${id}-aide`} className="field__hint">
        {hint}
        {full ? ' Vous avez joint le nombre maximal de fichiers : retirez-en un pour le remplacer.' : ''}
      </p>
      {messages.length > 0 ? (
        <div id={`${id}-erreur`} className="field__error" role="alert">
          <span className="visually-hidden">Erreur : </span>
          {messages.length === 1 ? (
            messages[0]
          ) : (
            <ul className="bia-documents__rejected">
              {messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <input
        id={id}
        type="file"
        className="file-input"
        multiple
        accept={ACCEPT}
        disabled={full}
        aria-describedby={describedBy}
        onChange={(event) => {
          const picked = [...(event.target.files ?? [])];
          // Cleared, so that the same file can be picked again after being removed.
          event.target.value = '';
          if (picked.length > 0) documents.add(kind, picked);
        }}
      />
      {files.length > 0 ? (
        <ul className="upload-files" aria-label={`Fichiers : ${label}`}>
          {files.map((item) => (
            <UploadFileItem
              key={item.key}
              fileName={item.fileName}
              size={item.size}
              status={item.status}
              progress={item.progress}
              error={item.error}
              uploadedLabel={copy.uploaded}
              onRetry={item.file ? () => documents.retry(item.key) : undefined}
              onRemove={() => {
                documents.remove(item.key);
                // The button pressed is gone: the picker is the natural next stop.
                window.requestAnimationFrame(() => document.getElementById(id)?.focus());
              }}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
