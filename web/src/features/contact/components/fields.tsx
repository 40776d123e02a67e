import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import '../../../shared/forms/forms.css';

/** The same frame as the shared TextField (label, hint, error, described-by), for other inputs. */
function FieldFrame({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">Erreur : </span>
          {error}
        </p>
      ) : null}
      {children({ id, describedBy })}
    </div>
  );
}

export interface OptionGroup {
  label: string;
  options: readonly { value: string; label: string }[];
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'aria-invalid'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown first, with an empty value: nothing is chosen for the user. */
  placeholder: string;
  groups: readonly OptionGroup[];
  registration: UseFormRegisterReturn;
}

export function SelectField({
  label,
  hint,
  error,
  placeholder,
  groups,
  registration,
  ...rest
}: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className="field__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
          {...registration}
        >
          <option value="">{placeholder}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'aria-invalid'
> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
}

export function TextAreaField({ label, hint, error, registration, className, ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          className={className ? `field__input ${className}` : 'field__input'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...rest}
          {...registration}
        />
      )}
    </FieldFrame>
  );
}
