import { useEffect, useId, useRef, useState } from 'react';
import { FieldErrorText } from './FieldErrorText';
import { describedBy, hintIdOf, inputIdOf } from './field-ids';
import type { FieldError, FieldId } from './settings-form';
import { useSettingsMessages } from './use-settings-messages';

export interface ListFieldProps {
  field: FieldId;
  label: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  readOnly: boolean;
  /** The add input's label ("Add a status"). */
  addLabel: string;
  /** Names Jira knows, offered as the PM types (an entry need not be one of them). */
  suggestions?: readonly string[];
  hint?: string | undefined;
  error?: FieldError | undefined;
}

const sameText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * A list of names as removable tags, and an input to add one (Enter or the Add button), with
 * Jira's names suggested as the PM types. An entry already in the list (whatever its capitals)
 * is not added twice. Removing a tag moves focus to the next tag, or to the input.
 */
export function ListField({ field, label, items, onChange, readOnly, addLabel, suggestions = [], hint, error }: ListFieldProps) {
  const { t } = useSettingsMessages();
  const [draft, setDraft] = useState('');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const removeButtons = useRef<(HTMLButtonElement | null)[]>([]);
  const pendingFocus = useRef<number | null>(null);
  const listId = useId();
  const inputId = inputIdOf(field);
  const duplicateId = `${inputId}-duplicate`;

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    const target = removeButtons.current[Math.min(index, items.length - 1)];
    if (target) target.focus();
    else inputRef.current?.focus();
  }, [items]);

  const add = () => {
    const entry = draft.trim();
    if (entry === '') return;
    const existing = items.find((item) => sameText(item, entry));
    if (existing !== undefined) {
      setDuplicate(existing);
      return;
    }
    onChange([...items, entry]);
    setDraft('');
    setDuplicate(null);
  };

  const remove = (index: number) => {
    pendingFocus.current = index;
    onChange(items.filter((_, i) => i !== index));
  };

  const offered = suggestions.filter((name) => !items.some((item) => sameText(item, name)));
  const inputDescribed = [describedBy(field, { hint: hint !== undefined, error: error !== undefined }), duplicate ? duplicateId : undefined]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset className="cf-field cf-settings-fieldset" data-testid={`list-${field}`}>
      <legend className="cf-legend">{label}</legend>
      {items.length === 0 ? (
        <p className="cf-hint">{t('settings.list.empty')}</p>
      ) : (
        <ul className="cf-chips" aria-label={label}>
          {items.map((item, index) => (
            <li key={item} className={readOnly ? 'cf-chip cf-chip-readonly' : 'cf-chip'} data-testid="list-item">
              <span>{item}</span>
              {!readOnly && (
                <button
                  type="button"
                  ref={(element) => {
                    removeButtons.current[index] = element;
                  }}
                  aria-label={t('settings.list.remove', { item })}
                  title={t('settings.list.remove', { item })}
                  onClick={() => {
                    remove(index);
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="cf-input-row">
          <label className="cf-visually-hidden" htmlFor={inputId}>
            {addLabel}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className="cf-input"
            type="text"
            autoComplete="off"
            placeholder={addLabel}
            list={offered.length > 0 ? listId : undefined}
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={inputDescribed === '' ? undefined : inputDescribed}
            data-testid={`setting-${field}`}
            onChange={(event) => {
              setDraft(event.target.value);
              setDuplicate(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="cf-button" data-testid={`add-${field}`} onClick={add}>
            {t('settings.list.add')}
          </button>
          {offered.length > 0 && (
            <datalist id={listId}>
              {offered.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          )}
        </div>
      )}
      {duplicate !== null && (
        <p id={duplicateId} className="cf-warning-text" role="status" data-testid="list-duplicate">
          {t('settings.list.duplicate', { item: duplicate })}
        </p>
      )}
      {hint !== undefined && (
        <p id={hintIdOf(field)} className="cf-hint">
          {hint}
        </p>
      )}
      <FieldErrorText field={field} error={error} />
    </fieldset>
  );
}
