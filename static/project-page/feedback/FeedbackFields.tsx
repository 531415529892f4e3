import type { ReactNode } from 'react';
import type { FeedbackKey } from './use-feedback-messages';
import { useFeedbackT } from './use-feedback-messages';

export interface Option {
  value: string;
  label: string;
}

interface Common {
  /** Unique in the page: the input's id is `cf-fb-<id>`, its test id `feedback-<id>`. */
  id: string;
  label: string;
  error?: FeedbackKey | undefined;
}

const inputId = (id: string) => `cf-fb-${id}`;
const errorId = (id: string) => `cf-fb-${id}-error`;

function Field({ id, label, error, children }: Common & { children: ReactNode }) {
  const t = useFeedbackT();
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={inputId(id)}>
        {label}
      </label>
      {children}
      {error !== undefined && (
        <p id={errorId(id)} className="cf-error-text" data-testid={`feedback-error-${id}`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

const described = (id: string, error: FeedbackKey | undefined) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? errorId(id) : undefined,
});

export function TextInput({
  id,
  label,
  error,
  value,
  onChange,
  type = 'text',
  inputMode,
}: Common & { value: string; onChange: (value: string) => void; type?: 'text' | 'date'; inputMode?: 'numeric' }) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={inputId(id)}
        className="cf-input"
        type={type}
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        {...described(id, error)}
        data-testid={`feedback-${id}`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </Field>
  );
}

export function TextArea({ id, label, error, value, onChange }: Common & { value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} error={error}>
      <textarea
        id={inputId(id)}
        className="cf-input cf-textarea"
        rows={3}
        value={value}
        {...described(id, error)}
        data-testid={`feedback-${id}`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </Field>
  );
}

export function SelectInput({
  id,
  label,
  error,
  value,
  options,
  onChange,
}: Common & { value: string; options: readonly Option[]; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} error={error}>
      <select
        id={inputId(id)}
        className="cf-select"
        value={value}
        {...described(id, error)}
        data-testid={`feedback-${id}`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
