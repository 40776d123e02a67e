import { useId, useRef } from 'react';
import { formatFileSize } from '../../../shared/format';
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

const STATUS_TEXT: Record<Attachment['status'], string> = {
  uploading: 'Envoi en cours',
  uploaded: 'Prêt',
  failed: 'Échec de l’envoi',
  refused: 'Refusé',
};

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
        className="contact-files__input"
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
        <ul className="contact-files__list" aria-label="Fichiers joints">
          {attachments.map((item) => {
            const nameId = `${id}-${item.key}-nom`;
            const errorId = `${id}-${item.key}-erreur`;
            const percent = Math.round(item.progress * 100);
            return (
              <li
                key={item.key}
                className={`contact-file contact-file--${item.status}`}
                data-file-name={item.file.name}
              >
                <div className="contact-file__head">
                  <span id={nameId} className="contact-file__name">
                    {item.file.name}
                  </span>
                  <span className="contact-file__size">{formatFileSize(item.file.size)}</span>
                </div>
                <div className="contact-file__progress">
                  <progress
                    max={100}
                    value={item.status === 'failed' ? 0 : percent}
                    aria-labelledby={nameId}
                    aria-describedby={item.error ? errorId : undefined}
                  />
                  <span className="contact-file__state">
                    {item.status === 'uploading'
                      ? `${STATUS_TEXT.uploading} : ${percent} %`
                      : STATUS_TEXT[item.status]}
                  </span>
                </div>
                {item.error ? (
                  <p id={errorId} className="contact-file__error">
                    <span className="visually-hidden">Erreur : </span>
                    {item.error}
                  </p>
                ) : null}
                <div className="contact-file__actions">
                  {item.status === 'failed' ? (
                    <button type="button" className="button--link" onClick={() => onRetry(item.key)}>
                      Réessayer l’envoi<span className="visually-hidden"> de {item.file.name}</span>
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button--link"
                    aria-describedby={item.error ? errorId : undefined}
                    onClick={() => removeAndRefocus(item.key)}
                  >
                    Retirer<span className="visually-hidden"> {item.file.name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
