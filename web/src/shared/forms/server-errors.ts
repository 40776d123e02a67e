import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { INVALID_RESPONSE_MESSAGE, isApiError } from '../api';

/** A form-level error: the server's sentence, plus field messages no input of the form shows. */
export interface FormError {
  message: string;
  details: string[];
  /** No field took the focus: the error summary should. */
  focusSummary: boolean;
}

export interface AppliedServerError<T extends FieldValues> extends FormError {
  /** The first field (in form order) that received a message, if any. */
  firstField?: Path<T>;
}

export const formError = (message: string, focusSummary = true): FormError => ({
  message,
  details: [],
  focusSummary,
});

/**
 * Puts an API error where the user will see it: each `fields[…]` message next to its input
 * (focusing the first one in form order), the rest in the summary above the form.
 * `fieldOrder` lists the form's inputs as they appear; `aliases` maps API field names that
 * differ from the form's (and codes that concern one field without saying so).
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldOrder: readonly Path<T>[],
  aliases: Partial<Record<string, Path<T>>> = {},
  /** False when the field is not on screen yet (another step): the caller focuses it later. */
  focus = true,
): AppliedServerError<T> {
  if (!isApiError(error)) return formError(INVALID_RESPONSE_MESSAGE);
  const targeted: { field: Path<T>; message: string }[] = [];
  const details: string[] = [];
  for (const [key, message] of Object.entries(error.fields ?? {})) {
    const field = aliases[key] ?? fieldOrder.find((name) => name === key);
    if (field) targeted.push({ field, message });
    else details.push(message);
  }
  const codeField = aliases[error.code];
  if (codeField && !targeted.some((target) => target.field === codeField)) {
    targeted.push({ field: codeField, message: error.message });
  }
  targeted.sort((a, b) => fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));
  targeted.forEach((target, index) =>
    setError(
      target.field,
      { type: 'server', message: target.message },
      { shouldFocus: focus && index === 0 },
    ),
  );
  const firstField = targeted[0]?.field;
  return {
    message: error.message,
    details,
    focusSummary: !firstField,
    ...(firstField ? { firstField } : {}),
  };
}
