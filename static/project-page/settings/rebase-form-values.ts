/**
 * What a conflict needs: which fields differ between two versions of the form, and this PM's
 * edits laid over someone else's saved version. Pure.
 */
import { DIMENSION_KEYS, type DimensionKey } from '../../../contract';
import { FIELD_OVERRIDE_KEYS, THRESHOLD_KEYS, toNumber, type FieldId, type FormValues } from './settings-form';

type ListKey = 'issueTypeIds' | 'waitingOnClientStatuses' | 'blockingLinkTypes';
type ScalarKey =
  'timeZone' | 'internalLabel' | 'clientLabel' | 'visibilityMode' | 'waitingOnClientLabel' | 'cadenceDays' | 'defaultClientLanguage';

/** Where each value of the form is shown, in the order the form shows them. */
const SCALARS: readonly (readonly [ScalarKey, FieldId])[] = [
  ['visibilityMode', 'clientVisibility.mode'],
  ['clientLabel', 'clientLabel'],
  ['internalLabel', 'internalLabel'],
  ['waitingOnClientLabel', 'waitingOnClientLabel'],
  ['timeZone', 'timeZone'],
  ['defaultClientLanguage', 'defaultClientLanguage'],
  ['cadenceDays', 'cadenceDays'],
];
const LISTS: readonly (readonly [ListKey, FieldId])[] = [
  ['issueTypeIds', 'clientVisibility.issueTypeIds'],
  ['waitingOnClientStatuses', 'waitingOnClientStatuses'],
  ['blockingLinkTypes', 'blockingLinkTypes'],
];

/**
 * The order fields appear in on the page, so a list of changes reads top to bottom. A function:
 * settings-form.ts imports this module, so its constants are read at call time, not load time.
 */
const fieldOrder = (): readonly FieldId[] => [
  'clientVisibility.mode',
  'clientLabel',
  'internalLabel',
  'clientVisibility.issueTypeIds',
  'waitingOnClientStatuses',
  'waitingOnClientLabel',
  'blockingLinkTypes',
  ...FIELD_OVERRIDE_KEYS.map((key) => `fieldOverrides.${key}` as const),
  'timeZone',
  'defaultClientLanguage',
  'cadenceDays',
  'disabledDimensions',
  ...THRESHOLD_KEYS.map((key) => `thresholds.${key}` as const),
];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
/** A number compares by value, so "15" and "15.0" are no change; anything else as typed. */
const sameNumber = (a: string, b: string) => a === b || (!Number.isNaN(toNumber(a)) && toNumber(a) === toNumber(b));
const NUMERIC: ReadonlySet<ScalarKey> = new Set(['cadenceDays']);
const sameScalar = (key: ScalarKey, a: string, b: string) => (NUMERIC.has(key) ? sameNumber(a, b) : a === b);

/** The fields whose values differ from `before` to `after`, in page order. */
export function toChangedFields(before: FormValues, after: FormValues): FieldId[] {
  const changed = new Set<FieldId>();
  for (const [key, field] of SCALARS) if (!sameScalar(key, before[key], after[key])) changed.add(field);
  for (const [key, field] of LISTS) if (!sameList(before[key], after[key])) changed.add(field);
  for (const key of FIELD_OVERRIDE_KEYS) {
    if (before.fieldOverrides[key].trim() !== after.fieldOverrides[key].trim()) changed.add(`fieldOverrides.${key}`);
  }
  for (const key of THRESHOLD_KEYS) {
    if (!sameNumber(before.thresholds[key], after.thresholds[key])) changed.add(`thresholds.${key}`);
  }
  if (!sameSet(before.disabledDimensions, after.disabledDimensions)) changed.add('disabledDimensions');
  return fieldOrder().filter((field) => changed.has(field));
}

/** Their list, less what this PM removed, plus what this PM added (in the PM's order). */
function rebaseList<T extends string>(base: readonly T[], mine: readonly T[], theirs: readonly T[]): T[] {
  const removed = new Set(base.filter((item) => !mine.includes(item)));
  const added = mine.filter((item) => !base.includes(item) && !theirs.includes(item));
  return [...theirs.filter((item) => !removed.has(item)), ...added];
}

/**
 * This PM's edits laid over someone else's saved version: `base` is what the PM loaded, `mine`
 * what they made of it, `theirs` what the other person saved since. Every field the PM changed
 * takes the PM's value; lists and the dimensions switched off keep the other person's additions
 * and removals and apply the PM's own; every other field is theirs. A field both changed gets
 * the PM's value: the form stays unsaved for them to review.
 */
export function rebaseFormValues(base: FormValues, mine: FormValues, theirs: FormValues): FormValues {
  const mutable: { -readonly [K in keyof FormValues]: FormValues[K] } = { ...theirs };
  for (const [key] of SCALARS) {
    if (!sameScalar(key, base[key], mine[key])) Object.assign(mutable, { [key]: mine[key] });
  }
  for (const [key] of LISTS) {
    if (!sameList(base[key], mine[key])) mutable[key] = rebaseList(base[key], mine[key], theirs[key]);
  }
  mutable.fieldOverrides = Object.fromEntries(
    FIELD_OVERRIDE_KEYS.map((key) => [
      key,
      base.fieldOverrides[key].trim() === mine.fieldOverrides[key].trim() ? theirs.fieldOverrides[key] : mine.fieldOverrides[key],
    ]),
  ) as FormValues['fieldOverrides'];
  mutable.thresholds = Object.fromEntries(
    THRESHOLD_KEYS.map((key) => [
      key,
      sameNumber(base.thresholds[key], mine.thresholds[key]) ? theirs.thresholds[key] : mine.thresholds[key],
    ]),
  ) as FormValues['thresholds'];
  const disabled: readonly DimensionKey[] = rebaseList(base.disabledDimensions, mine.disabledDimensions, theirs.disabledDimensions);
  mutable.disabledDimensions = DIMENSION_KEYS.filter((key) => disabled.includes(key));
  return mutable;
}
