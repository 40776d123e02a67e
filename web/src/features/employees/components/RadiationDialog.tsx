import { useCallback, useEffect, useId, useRef } from 'react';
import type { EmployeeSummary } from '../../../../../functions/contracts/employees';
import { IconClose } from '../../../shared/components/icons';
import { fullName } from '../lib/beneficiaries';
import { RadiationForm } from './RadiationForm';
import '../employees.css';

interface RadiationDialogProps {
  companyId: string;
  employee: EmployeeSummary;
  /** `radiated`: the employee the server answered, when the radiation went through. */
  onClose: (radiated: EmployeeSummary | undefined) => void;
}

/**
 * The radiation form in a modal `<dialog>`: the browser makes the rest of the page inert
 * (focus stays inside) and Escape closes it — except while the request runs.
 */
export function RadiationDialog({ companyId, employee, onClose }: RadiationDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pending = useRef(false);
  const result = useRef<EmployeeSummary | undefined>(undefined);
  const closed = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // The first field, so a keyboard user starts typing at once; the dialog's name is read with it.
    dialog.querySelector<HTMLElement>('input, select, button:not(.emp-dialog__close)')?.focus();
  }, []);

  const finish = useCallback(() => {
    if (closed.current) return;
    closed.current = true;
    ref.current?.close();
    onClose(result.current);
  }, [onClose]);

  const onPendingChange = useCallback((value: boolean) => {
    pending.current = value;
  }, []);

  return (
    <dialog
      ref={ref}
      className="emp-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: refused while the radiation is being recorded (the answer must be seen).
        event.preventDefault();
        if (!pending.current) finish();
      }}
      onClose={finish}
    >
      <div className="emp-dialog__header">
        <h2 id={titleId} className="emp-dialog__title">
          Radier {fullName(employee)}
        </h2>
        <button
          type="button"
          className="icon-button emp-dialog__close"
          aria-label="Fermer la fenêtre"
          onClick={() => {
            if (!pending.current) finish();
          }}
        >
          <IconClose />
        </button>
      </div>
      <RadiationForm
        companyId={companyId}
        employee={employee}
        titleId={titleId}
        onCancel={finish}
        onFinished={(radiated) => {
          result.current = radiated;
          finish();
        }}
        finishLabel="Fermer"
        onPendingChange={onPendingChange}
      />
    </dialog>
  );
}
