import { errorIdOf } from './field-ids';
import type { FieldError, FieldId } from './settings-form';
import { useSettingsMessages, type SettingsT } from './use-settings-messages';

/** The sentence for a field problem, its limit formatted in the reader's locale. */
export function toErrorText(t: SettingsT, formatNumber: (n: number) => string, error: FieldError): string {
  if ((error.code === 'min' || error.code === 'max' || error.code === 'tooLong' || error.code === 'tooMany') && error.limit === undefined) {
    return t('settings.error.invalid');
  }
  return t(`settings.error.${error.code}`, error.limit === undefined ? undefined : { limit: formatNumber(error.limit) });
}

/** A field's problem, next to it, referenced by the input's `aria-describedby`. */
export function FieldErrorText({ field, error }: { field: FieldId; error: FieldError | undefined }) {
  const { t, formatNumber } = useSettingsMessages();
  if (!error) return null;
  return (
    <p id={errorIdOf(field)} className="cf-error-text" data-testid={`error-${field}`} data-error-code={error.code}>
      {toErrorText(t, formatNumber, error)}
    </p>
  );
}
