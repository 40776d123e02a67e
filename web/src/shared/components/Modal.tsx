import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { IconClose } from './icons';
import './modal.css';

interface ModalProps {
  title: ReactNode;
  /** While true (a request runs), Escape and the close button do nothing: the answer must be seen. */
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
  /** A confirmation that is dangerous: `alertdialog` for assistive technologies. */
  alert?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal `<dialog>`: the page behind is inert, Tab goes round inside, Escape closes. The
 * first field (or button) takes the focus; the caller gives it back to what opened the dialog.
 */
export function Modal({ title, busy = false, onClose, children, alert = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea')?.focus();
  }, []);

  const requestClose = () => {
    if (!busyRef.current) onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const focusables = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = focusables[0];
    const last = focusables.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="modal"
      role={alert ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      onCancel={(event) => {
        // Escape: the parent decides (it unmounts the dialog), never the browser alone.
        event.preventDefault();
        requestClose();
      }}
      onKeyDown={onKeyDown}
    >
      <div className="modal__header">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={requestClose}>
          <IconClose />
          <span className="visually-hidden">Fermer</span>
        </button>
      </div>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}

/**
 * Remembers what opened a dialog and gives it the focus back once the dialog is gone — or,
 * when that button disappeared with the change (a deactivated user loses "Désactiver"), the
 * fallback (the user's row).
 */
export function useReturnFocus() {
  const trigger = useRef<HTMLElement | null>(null);
  return {
    remember: () => {
      trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    },
    restore: (fallback?: () => HTMLElement | null | undefined) => {
      window.requestAnimationFrame(() => {
        const target = trigger.current?.isConnected ? trigger.current : fallback?.();
        target?.focus();
      });
    },
  };
}
