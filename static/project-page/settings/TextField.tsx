import { FieldErrorText } from './FieldErrorText';
import { describedBy, hintIdOf, inputIdOf } from './field-ids';
import type { FieldError, FieldId } from './settings-form';

export interface TextFieldProps {
  field: FieldId;
  label: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  hint?: string | undefined;
  error?: FieldError | undefined;
  /** Shown after the input ("days", "%"); numbers get a narrow, end-aligned input. */
  unit?: string | undefined;
  numeric?: boolean;
}

/**
 * A labelled text input with its hint and error below, tied with `aria-describedby`. Numbers
 * are typed as text (`inputmode="decimal"`) so what the PM typed stays visible while wrong.
 * Read-only: the value as plain, focusable text.
 */
export function TextField({ field, label, value, onChange, readOnly, hint, error, unit, numeric = false }: TextFieldProps) {
  const id = inputIdOf(field);
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={id}>
        {label}
        {unit !== undefined && <span className="cf-visually-hidden"> ({unit})</span>}
      </label>
      <div className="cf-input-row">
        <input
          id={id}
          className={numeric ? 'cf-input cf-input-number' : 'cf-input'}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, { hint: hint !== undefined, error: error !== undefined })}
          data-testid={`setting-${field}`}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        {unit !== undefined && (
          <span className="cf-unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      {hint !== undefined && (
        <p id={hintIdOf(field)} className="cf-hint">
          {hint}
        </p>
      )}
      <FieldErrorText field={field} error={error} />
    </div>
  );
}
