import { lazy, Suspense, useCallback, useRef, useState, type ReactNode } from 'react';
import type { EmployeeSummary } from '../../../../../functions/contracts/employees';

// The form (react-hook-form and its resolver) is loaded on the first "Radier", not with the
// list: most visits of Mes contrats and Mes salariés radiate nobody.
const loadDialog = () => import('./RadiationDialog');
const LazyRadiationDialog = lazy(async () => ({ default: (await loadDialog()).RadiationDialog }));

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
    void loadDialog();
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
      <Suspense
        fallback={
          <span className="visually-hidden" role="status">
            Ouverture…
          </span>
        }
      >
        <LazyRadiationDialog
          key={employee.employeeId}
          companyId={companyId}
          employee={employee}
          onClose={onClose}
        />
      </Suspense>
    ) : null;
  return { open, dialog };
}
