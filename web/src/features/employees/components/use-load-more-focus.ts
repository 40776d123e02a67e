import { useEffect, useRef, type RefObject } from 'react';

/**
 * After "Charger plus", the focus moves to the first row that arrived (its row header,
 * `[data-employee-row]`, focusable), so keyboard and screen-reader users go on reading from
 * there; to `fallback` when the page brought nothing. Returns the function to call on click.
 */
export function useLoadMoreFocus(
  container: RefObject<HTMLElement | null>,
  rowCount: number,
  loading: boolean,
  fallback: RefObject<HTMLElement | null>,
): () => void {
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAt.current;
    if (index === null || loading) return;
    focusAt.current = null;
    const rows = container.current?.querySelectorAll<HTMLElement>('[data-employee-row]');
    (rows?.[index] ?? fallback.current)?.focus();
  }, [rowCount, loading, container, fallback]);
  return () => {
    focusAt.current = rowCount;
  };
}
