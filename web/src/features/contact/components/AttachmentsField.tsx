import { useId, useRef } from 'react';
import { UploadFileItem } from '../../../shared/uploads/UploadFileItem';
import { ACCEPT_ATTRIBUTE, ATTACHMENT_MAX_COUNT, FORMATS_TEXT, MAX_SIZE_TEXT } from '../lib/attachments';
import type { Attachment } from './use-attachments';

interface AttachmentsFieldProps {
  attachments: readonly Attachment[];
  rejected: readonly string[];
  announcement: string;
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  onRetry: (key: string) => void;
}

/** "Pièces jointes": the file picker, then each file with its progress, its state and its error. */
export function AttachmentsField({
  attachments,
  rejected,
  announcement,
  onAdd,
  onRemove,
  onRetry,
}: AttachmentsFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const full = attachments.length >= ATTACHMENT_MAX_COUNT;
  const hasError = rejected.length > 0 || attachments.some((item) => item.error);

  const removeAndRefocus = (key: string) => {
    onRemove(key);
    // The button pressed is gone: the picker is the natural next stop.
    window.requestAnimationFrame(() => inputRef.current?.focus());
  };

  return (
    <div className={hasError ? 'field field--error contact-files' : 'field contact-files'}>
      <label htmlFor={id} className="field__label">
        Pièces jointes (facultatif)
      </label>
      <p id={`${id}-aide`} className="field__hint">
        Jusqu’à {ATTACHMENT_MAX_COUNT} fichiers de {MAX_SIZE_TEXT} au plus chacun : {FORMATS_TEXT}.
        {full ? ' Vous avez joint le nombre maximal de fichiers.' : ''}
      </p>
      {rejected.length > 0 ? (
        <div id={`${id}-erreur`} className="field__error" role="alert">
          <span className="visually-hidden">Erreur : </span>
          {rejected.length === 1 ? (
            rejected[0]
          ) : (
            <ul className="contact-files__rejected">
              {rejected.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="file-input"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={full}
        aria-describedby={`${id}-aide${rejected.length > 0 ? ` ${id}-erreur` : ''}`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so that the same file can be picked again after being removed.
          event.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />

      {attachments.length > 0 ? (
        <ul className="upload-files" aria-label="Fichiers joints">
          {attachments.map((item) => (
            <UploadFileItem
              key={item.key}
              fileName={item.file.name}
              size={item.file.size}
              status={item.status}
              progress={item.progress}
              error={item.error}
              onRetry={() => onRetry(item.key)}
              onRemove={() => removeAndRefocus(item.key)}
            />
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
