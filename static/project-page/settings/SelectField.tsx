import { FieldErrorText } from './FieldErrorText';
import { describedBy, hintIdOf, inputIdOf } from './field-ids';
import type { FieldError, FieldId } from './settings-form';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  field: FieldId;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  readOnly: boolean;
  hint?: string | undefined;
  error?: FieldError | undefined;
}

/**
 * A native select (keyboard type-ahead, the platform's own list on phones), styled like the
 * design system's. Read-only: the chosen option as read-only text, so a viewer can read and
 * copy it (a disabled select is greyed out and skipped by the keyboard).
 */
export function SelectField({ field, label, value, options, onChange, readOnly, hint, error }: SelectFieldProps) {
  const id = inputIdOf(field);
  const described = describedBy(field, { hint: hint !== undefined, error: error !== undefined });
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={id}>
        {label}
      </label>
      {readOnly ? (
        <input
          id={id}
          className="cf-input"
          type="text"
          readOnly
          value={options.find((option) => option.value === value)?.label ?? value}
          aria-describedby={described}
          data-testid={`setting-${field}`}
        />
      ) : (
        <select
          id={id}
          className="cf-select"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          data-testid={`setting-${field}`}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
      {hint !== undefined && (
        <p id={hintIdOf(field)} className="cf-hint">
          {hint}
        </p>
      )}
      <FieldErrorText field={field} error={error} />
    </div>
  );
}
