import type { FieldId } from './settings-form';

/** The DOM id of a field's input (or group), and of its hint and error, from its `FieldId`. */
export function inputIdOf(field: FieldId): string {
  return `cf-setting-${field.replace('.', '-')}`;
}
export const hintIdOf = (field: FieldId): string => `${inputIdOf(field)}-hint`;
export const errorIdOf = (field: FieldId): string => `${inputIdOf(field)}-error`;

/** `aria-describedby` for a field: its hint and, when there is one, its error. */
export function describedBy(field: FieldId, { hint, error }: { hint: boolean; error: boolean }): string | undefined {
  const ids = [hint ? hintIdOf(field) : null, error ? errorIdOf(field) : null].filter((id): id is string => id !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
