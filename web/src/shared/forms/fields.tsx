import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { IconEye, IconEyeOff } from '../components/icons';
import './forms.css';

type NativeInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'aria-invalid'>;

interface FieldProps extends NativeInputProps {
  label: ReactNode;
  /** Shown under the label and read with the input (format, rule). */
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The message is read right after the field's label: "Erreur : …". */
function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">Erreur : </span>
      {message}
    </p>
  );
}

/** Label, hint, error and input, wired for assistive technologies (GOV.UK-style order). */
export function TextField({ label, hint, error, registration, className, ...inputProps }: FieldProps) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
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
      {error ? <FieldError id={errorId} message={error} /> : null}
      <input
        id={id}
        type="text"
        className={className ? `field__input ${className}` : 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
        {...inputProps}
        {...registration}
      />
    </div>
  );
}

interface PasswordFieldProps extends Omit<FieldProps, 'type'> {
  /** Completes "Afficher …" / "Masquer …" on the toggle for screen readers. */
  subject?: string;
}

/** A password input with a show/hide button (typing blind on a phone is where mistakes come from). */
export function PasswordField({
  label,
  hint,
  error,
  registration,
  subject = 'le mot de passe',
  ...inputProps
}: PasswordFieldProps) {
  const id = useId();
  const hintId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  const [visible, setVisible] = useState(false);
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
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="password-field">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          className="field__input password-field__input"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint ? hintId : false, error ? errorId : false)}
          {...inputProps}
          {...registration}
        />
        <button
          type="button"
          className="password-field__toggle"
          aria-controls={id}
          aria-label={`${visible ? 'Masquer' : 'Afficher'} ${subject}`}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? <IconEyeOff /> : <IconEye />}
          <span aria-hidden="true">{visible ? 'Masquer' : 'Afficher'}</span>
        </button>
      </div>
    </div>
  );
}

interface CheckboxFieldProps extends Omit<NativeInputProps, 'type'> {
  children: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
}

export function CheckboxField({ children, error, registration, ...inputProps }: CheckboxFieldProps) {
  const id = useId();
  const errorId = `${id}-erreur`;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          className="checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...inputProps}
          {...registration}
        />
        <label htmlFor={id} className="checkbox__label">
          {children}
        </label>
      </div>
    </div>
  );
}

interface RadioGroupProps {
  legend: ReactNode;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  required?: boolean;
}

/** A fieldset of radios; the legend names the question, the error is read with it. */
export function RadioGroup({ legend, options, error, registration, required }: RadioGroupProps) {
  const id = useId();
  const errorId = `${id}-erreur`;
  return (
    <fieldset
      className={error ? 'field field--error radio-group' : 'field radio-group'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field__label">{legend}</legend>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="radio-group__options">
        {options.map((option) => (
          <div key={option.value} className="radio">
            <input
              id={`${id}-${option.value}`}
              type="radio"
              className="radio__input"
              value={option.value}
              aria-invalid={error ? true : undefined}
              aria-required={required || undefined}
              {...registration}
            />
            <label htmlFor={`${id}-${option.value}`} className="radio__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
