import { useId } from 'react';
import { formatFileSize } from '../format';
import './uploads.css';

export type UploadStatus = 'uploading' | 'uploaded' | 'failed' | 'refused';

interface UploadFileItemProps {
  fileName: string;
  size: number;
  status: UploadStatus;
  /** 0–1. */
  progress: number;
  /** Why the upload failed, or why the server refused the file. */
  error?: string | undefined;
  /** What an uploaded file is: "Prêt" (sent with the message), "Enregistré"… */
  uploadedLabel?: string;
  onRemove: () => void;
  /** Offered after a failed upload (network), not after a refusal. */
  onRetry?: (() => void) | undefined;
}

const STATUS_TEXT: Record<UploadStatus, string> = {
  uploading: 'Envoi en cours',
  uploaded: 'Prêt',
  failed: 'Échec de l’envoi',
  refused: 'Refusé',
};

/**
 * One file sent straight to the storage: its name and size, a real `<progress>` named by the
 * file (so screen readers say whose progress it is), its state, its error, and its actions.
 * `data-file-name` lets tests and styles find a file's row.
 */
export function UploadFileItem({
  fileName,
  size,
  status,
  progress,
  error,
  uploadedLabel = STATUS_TEXT.uploaded,
  onRemove,
  onRetry,
}: UploadFileItemProps) {
  const id = useId();
  const nameId = `${id}-nom`;
  const errorId = `${id}-erreur`;
  const percent = Math.round(progress * 100);
  const state =
    status === 'uploading'
      ? `${STATUS_TEXT.uploading} : ${percent} %`
      : status === 'uploaded'
        ? uploadedLabel
        : STATUS_TEXT[status];
  return (
    <li className={`upload-file upload-file--${status}`} data-file-name={fileName}>
      <div className="upload-file__head">
        <span id={nameId} className="upload-file__name">
          {fileName}
        </span>
        <span className="upload-file__size">{formatFileSize(size)}</span>
      </div>
      <div className="upload-file__progress">
        <progress
          max={100}
          value={status === 'failed' ? 0 : percent}
          aria-labelledby={nameId}
          aria-describedby={error ? errorId : undefined}
        />
        <span className="upload-file__state">{state}</span>
      </div>
      {error ? (
        <p id={errorId} className="upload-file__error">
          <span className="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
      <div className="upload-file__actions">
        {status === 'failed' && onRetry ? (
          <button type="button" className="button--link" onClick={onRetry}>
            Réessayer l’envoi<span className="visually-hidden"> de {fileName}</span>
          </button>
        ) : null}
        <button
          type="button"
          className="button--link"
          aria-describedby={error ? errorId : undefined}
          onClick={onRemove}
        >
          Retirer<span className="visually-hidden"> {fileName}</span>
        </button>
      </div>
    </li>
  );
}
