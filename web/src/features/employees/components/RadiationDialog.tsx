import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
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

interface UseRadiationDialogOptions {
  companyId: string | undefined;
  /** Where the focus goes when the button that opened the dialog is gone (row filtered out). */
  fallbackFocus: () => HTMLElement | null | undefined;
}

/**
 * Opens the dialog for an employee and gives the focus back afterwards: to the button that
 * opened it, or — when the radiation replaced that button — to the employee's row heading
 * (`[data-employee-row="<id>"]`, focusable), or to the fallback.
 */
export function useRadiationDialog({ companyId, fallbackFocus }: UseRadiationDialogOptions): {
  open: (employee: EmployeeSummary) => void;
  dialog: ReactNode;
} {
  const [employee, setEmployee] = useState<EmployeeSummary | null>(null);
  const trigger = useRef<HTMLElement | null>(null);

  const open = useCallback((target: EmployeeSummary) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setEmployee(target);
  }, []);

  const onClose = useCallback(
    (radiated: EmployeeSummary | undefined) => {
      const employeeId = employee?.employeeId;
      setEmployee(null);
      // After the dialog has left the DOM (next frame), so the browser's own restore does not win.
      window.requestAnimationFrame(() => {
        const row = employeeId
          ? document.querySelector<HTMLElement>(`[data-employee-row="${CSS.escape(employeeId)}"]`)
          : null;
        const target = radiated ? row : trigger.current?.isConnected ? trigger.current : row;
        (target ?? fallbackFocus())?.focus();
      });
    },
    [employee, fallbackFocus],
  );

  const dialog =
    employee && companyId ? (
      <RadiationDialog key={employee.employeeId} companyId={companyId} employee={employee} onClose={onClose} />
    ) : null;
  return { open, dialog };
}
