import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import '../../../shared/forms/forms.css';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  options: readonly { value: string; label: string }[];
  /** First, empty option ("Choisissez…"). */
  placeholder?: string;
}

/** A select wired like the shared TextField: label, hint, error read with the control. */
export function SelectField({
  label,
  hint,
  error,
  registration,
  options,
  placeholder,
  ...props
}: SelectFieldProps) {
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
      <select
        id={id}
        className="field__input emp-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...props}
        {...registration}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
