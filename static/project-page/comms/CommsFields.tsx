import type { ReactNode } from 'react';
import type { CommsErrorKey } from './comms-drafts';
import { useCommsT } from './use-comms-messages';

export interface Option {
  value: string;
  label: string;
}

interface Common {
  /** Unique in the page: the input's id is `cf-comms-<id>`, its test id `comms-<id>`. */
  id: string;
  label: string;
  error?: CommsErrorKey | undefined;
}

const inputId = (id: string) => `cf-comms-${id}`;
const errorId = (id: string) => `cf-comms-${id}-error`;

/** A field's problem beside it, referenced by the input's `aria-describedby`. */
function ErrorText({ id, error }: { id: string; error: CommsErrorKey | undefined }) {
  const t = useCommsT();
  if (error === undefined) return null;
  return (
    <p id={errorId(id)} className="cf-error-text" data-testid={`comms-error-${id}`}>
      {t(error)}
    </p>
  );
}

function Field({ id, label, error, children }: Common & { children: ReactNode }) {
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={inputId(id)}>
        {label}
      </label>
      {children}
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextInput({
  id,
  label,
  error,
  value,
  onChange,
  type = 'text',
  placeholder,
}: Common & { value: string; onChange: (value: string) => void; type?: 'text' | 'date' | 'time' | 'email'; placeholder?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={inputId(id)}
        className="cf-input"
        type={type}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(id) : undefined}
        data-testid={`comms-${id}`}
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(id) : undefined}
        data-testid={`comms-${id}`}
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId(id) : undefined}
        data-testid={`comms-${id}`}
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
    </Field>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="cf-choice" htmlFor={inputId(id)}>
      <input
        id={inputId(id)}
        type="checkbox"
        checked={checked}
        data-testid={`comms-${id}`}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <span>{label}</span>
    </label>
  );
}
