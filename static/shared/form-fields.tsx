import type { ReactNode } from 'react';

export interface Option {
  value: string;
  label: string;
}

interface Common<E extends string> {
  /** Unique in the page: the input's id is `<inputPrefix>-<id>`, its test id `<testPrefix>-<id>`. */
  id: string;
  label: string;
  /** The catalogue key of the field's problem, shown beside it. */
  error?: E | undefined;
}

export interface FieldKit<E extends string> {
  TextInput: (
    props: Common<E> & {
      value: string;
      onChange: (value: string) => void;
      type?: 'text' | 'date' | 'time' | 'email';
      placeholder?: string;
      inputMode?: 'numeric' | 'decimal';
    },
  ) => ReactNode;
  TextArea: (props: Common<E> & { value: string; onChange: (value: string) => void }) => ReactNode;
  SelectInput: (props: Common<E> & { value: string; options: readonly Option[]; onChange: (value: string) => void }) => ReactNode;
  Checkbox: (props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) => ReactNode;
}

/**
 * The form fields of one section: a label bound to its input, the field's problem beside it
 * (referenced by `aria-describedby`, the input `aria-invalid`), ids and test ids under the
 * section's prefixes, and the problem's words from the section's catalogue.
 */
export function createFieldKit<E extends string>(names: {
  inputPrefix: string;
  testPrefix: string;
  useErrorText: () => (key: E) => string;
}): FieldKit<E> {
  const inputId = (id: string) => `${names.inputPrefix}-${id}`;
  const errorId = (id: string) => `${names.inputPrefix}-${id}-error`;
  const testId = (id: string) => `${names.testPrefix}-${id}`;
  const described = (id: string, error: E | undefined) => ({
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId(id) : undefined,
  });

  function ErrorText({ id, error }: { id: string; error: E | undefined }) {
    const t = names.useErrorText();
    if (error === undefined) return null;
    return (
      <p id={errorId(id)} className="cf-error-text" data-testid={`${names.testPrefix}-error-${id}`}>
        {t(error)}
      </p>
    );
  }

  function Field({ id, label, error, children }: Common<E> & { children: ReactNode }) {
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

  return {
    TextInput({ id, label, error, value, onChange, type = 'text', placeholder, inputMode }) {
      return (
        <Field id={id} label={label} error={error}>
          <input
            id={inputId(id)}
            className="cf-input"
            type={type}
            inputMode={inputMode}
            autoComplete="off"
            value={value}
            placeholder={placeholder}
            {...described(id, error)}
            data-testid={testId(id)}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        </Field>
      );
    },
    TextArea({ id, label, error, value, onChange }) {
      return (
        <Field id={id} label={label} error={error}>
          <textarea
            id={inputId(id)}
            className="cf-input cf-textarea"
            rows={3}
            value={value}
            {...described(id, error)}
            data-testid={testId(id)}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        </Field>
      );
    },
    SelectInput({ id, label, error, value, options, onChange }) {
      return (
        <Field id={id} label={label} error={error}>
          <select
            id={inputId(id)}
            className="cf-select"
            value={value}
            {...described(id, error)}
            data-testid={testId(id)}
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
    },
    Checkbox({ id, label, checked, onChange }) {
      return (
        <label className="cf-choice" htmlFor={inputId(id)}>
          <input
            id={inputId(id)}
            type="checkbox"
            checked={checked}
            data-testid={testId(id)}
            onChange={(event) => {
              onChange(event.target.checked);
            }}
          />
          <span>{label}</span>
        </label>
      );
    },
  };
}
