import { useId, type ReactNode } from 'react';
import './forms.css';

interface FilterSelectProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options?: readonly { value: string; label: ReactNode }[];
  /** The first, empty option: no filter ("Tous les statuts"). */
  all?: string;
  /** Options that are not plain value/label pairs. */
  children?: ReactNode;
}

/** A list filter applied as soon as it changes (no submit button), its label above it. */
export function FilterSelect({ label, value, onChange, options = [], all, children }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="field__input emp-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
