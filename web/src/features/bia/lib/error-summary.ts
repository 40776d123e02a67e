import { pageOrder } from './bia-form';

/** One line of the error summary at the top of the BIA: which field, what is wrong. */
export interface SummaryItem {
  /** The field's name in the form (`bank.iban`), or `documents.<kind>`. */
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * react-hook-form's nested errors → a flat list in the page's order. An error is an object
 * with a string `message`; its `ref` (the DOM element) is never walked into.
 */
export function flattenErrors(errors: unknown, prefix = ''): SummaryItem[] {
  if (!isRecord(errors)) return [];
  const items: SummaryItem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!isRecord(value) || key === 'ref') continue;
    // A field array's own error sits under `root`: it concerns the array.
    const path = key === 'root' ? prefix.replace(/\.$/, '') : `${prefix}${key}`;
    if (typeof value.message === 'string' && value.message) items.push({ path, message: value.message });
    else items.push(...flattenErrors(value, `${path}.`));
  }
  return sortByPage(items);
}

export const sortByPage = (items: readonly SummaryItem[]): SummaryItem[] =>
  [...items].sort((a, b) => pageOrder(a.path) - pageOrder(b.path));
