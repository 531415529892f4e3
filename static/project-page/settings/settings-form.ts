/**
 * The Settings form as data: what the inputs hold (text as typed, shares shown as
 * percentages), how that becomes a `ProjectSettingsJson` checked by the contract's own schema,
 * which field each problem belongs to, and how the form moves through save, conflict and
 * reload. Pure: the component feeds it events and renders what it answers.
 */
import {
  DEFAULT_PROJECT_SETTINGS,
  DIMENSION_KEYS,
  projectSettingsSchema,
  type AppErrorJson,
  type ClientVisibilityMode,
  type DimensionKey,
  type FieldOverridesJson,
  type Language,
  type ProjectSettingsJson,
  type SettingsView,
  type ThresholdsJson,
} from '../../../contract';
import { rebaseFormValues, toChangedFields } from './rebase-form-values';

export type ThresholdKey = keyof ThresholdsJson;
export type FieldOverrideKey = keyof FieldOverridesJson;

/** How a threshold is typed and shown. `percent` fields store a share 0..1 and show 0..100. */
export type ThresholdUnit = 'days' | 'percent' | 'count' | 'rating' | 'weeks';

export const THRESHOLD_UNITS = {
  slipGreenDays: 'days',
  slipAmberDays: 'days',
  overdueGreen: 'percent',
  overdueAmber: 'percent',
  creepGreen: 'percent',
  creepAmber: 'percent',
  creepMinBaseline: 'count',
  topBugsGreen: 'count',
  topBugsAmber: 'count',
  reopenGreen: 'percent',
  reopenAmber: 'percent',
  reopenWindowDays: 'days',
  effortGreen: 'percent',
  effortAmber: 'percent',
  effortMinCoverage: 'percent',
  csatGreen: 'rating',
  csatAmber: 'rating',
  csatWindowDays: 'days',
  complaintRatingMax: 'rating',
  complaintDueDays: 'days',
  commsLateAmberDays: 'days',
  throughputWeeks: 'weeks',
  pointsMinShare: 'percent',
} as const satisfies Record<ThresholdKey, ThresholdUnit>;

export const THRESHOLD_KEYS = Object.keys(THRESHOLD_UNITS) as ThresholdKey[];
export const FIELD_OVERRIDE_KEYS = ['storyPoints', 'flagged', 'sprint', 'startDate'] as const satisfies readonly FieldOverrideKey[];

/** What the inputs hold. Numbers stay text until they are checked, so a half-typed "1." is kept. */
export interface FormValues {
  timeZone: string;
  internalLabel: string;
  clientLabel: string;
  visibilityMode: ClientVisibilityMode;
  issueTypeIds: readonly string[];
  waitingOnClientStatuses: readonly string[];
  waitingOnClientLabel: string;
  blockingLinkTypes: readonly string[];
  /** A custom field id, or '' for "discover automatically". */
  fieldOverrides: Readonly<Record<FieldOverrideKey, string>>;
  cadenceDays: string;
  disabledDimensions: readonly DimensionKey[];
  thresholds: Readonly<Record<ThresholdKey, string>>;
  defaultClientLanguage: Language;
}

/** Every place a problem can be shown: one per input or list. */
export type FieldId =
  | 'timeZone'
  | 'internalLabel'
  | 'clientLabel'
  | 'clientVisibility.mode'
  | 'clientVisibility.issueTypeIds'
  | 'waitingOnClientStatuses'
  | 'waitingOnClientLabel'
  | 'blockingLinkTypes'
  | `fieldOverrides.${FieldOverrideKey}`
  | 'cadenceDays'
  | 'disabledDimensions'
  | `thresholds.${ThresholdKey}`
  | 'defaultClientLanguage';

/** Why a field is refused, as a code the UI words in the reader's language. */
export type FieldErrorCode =
  | 'required'
  | 'number'
  | 'integer'
  | 'min'
  | 'max'
  | 'tooLong'
  | 'tooMany'
  | 'noSpaces'
  | 'customFieldId'
  | 'issueTypeId'
  | 'timeZone'
  | 'amberBelowGreen'
  | 'amberAboveGreen'
  | 'invalid';

/** `limit` is in the field's own unit (a percentage for a share). */
export interface FieldError {
  code: FieldErrorCode;
  limit?: number;
}

export type FieldErrors = Partial<Record<FieldId, FieldError>>;

export type Validation = { ok: true; settings: ProjectSettingsJson } | { ok: false; errors: FieldErrors };

/** Shares are shown as percentages rounded to 4 decimals, so 0.07 reads 7, not 7.000000000000001. */
const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

function toDisplayNumber(value: number, unit: ThresholdUnit): string {
  return String(unit === 'percent' ? round(value * 100, 4) : value);
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)$/u;

/** A typed number, or NaN for anything else (the schema then says "enter a number"). */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  return NUMBER_TEXT.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function toStoredNumber(text: string, unit: ThresholdUnit): number {
  const value = toNumber(text);
  return unit === 'percent' ? round(value / 100, 6) : value;
}

export function toFormValues(settings: ProjectSettingsJson): FormValues {
  const thresholds = Object.fromEntries(
    THRESHOLD_KEYS.map((key) => [key, toDisplayNumber(settings.thresholds[key], THRESHOLD_UNITS[key])]),
  ) as Record<ThresholdKey, string>;
  return {
    timeZone: settings.timeZone,
    internalLabel: settings.internalLabel,
    clientLabel: settings.clientLabel,
    visibilityMode: settings.clientVisibility.mode,
    issueTypeIds: [...settings.clientVisibility.issueTypeIds],
    waitingOnClientStatuses: [...settings.waitingOnClientStatuses],
    waitingOnClientLabel: settings.waitingOnClientLabel,
    blockingLinkTypes: [...settings.blockingLinkTypes],
    fieldOverrides: {
      storyPoints: settings.fieldOverrides.storyPoints ?? '',
      flagged: settings.fieldOverrides.flagged ?? '',
      sprint: settings.fieldOverrides.sprint ?? '',
      startDate: settings.fieldOverrides.startDate ?? '',
    },
    cadenceDays: String(settings.cadenceDays),
    disabledDimensions: DIMENSION_KEYS.filter((key) => settings.disabledDimensions.includes(key)),
    thresholds,
    defaultClientLanguage: settings.defaultClientLanguage,
  };
}

/** The settings the form describes, unchecked: the schema decides whether they hold. */
function toCandidate(values: FormValues): unknown {
  const override = (key: FieldOverrideKey) => {
    const id = values.fieldOverrides[key].trim();
    return id === '' ? null : id;
  };
  return {
    timeZone: values.timeZone,
    internalLabel: values.internalLabel,
    clientLabel: values.clientLabel,
    clientVisibility: { mode: values.visibilityMode, issueTypeIds: [...values.issueTypeIds] },
    waitingOnClientStatuses: [...values.waitingOnClientStatuses],
    waitingOnClientLabel: values.waitingOnClientLabel,
    blockingLinkTypes: [...values.blockingLinkTypes],
    fieldOverrides: {
      storyPoints: override('storyPoints'),
      flagged: override('flagged'),
      sprint: override('sprint'),
      startDate: override('startDate'),
    },
    cadenceDays: toNumber(values.cadenceDays),
    disabledDimensions: DIMENSION_KEYS.filter((key) => values.disabledDimensions.includes(key)),
    thresholds: Object.fromEntries(THRESHOLD_KEYS.map((key) => [key, toStoredNumber(values.thresholds[key], THRESHOLD_UNITS[key])])),
    defaultClientLanguage: values.defaultClientLanguage,
  };
}

/** Schema paths name list items (`waitingOnClientStatuses.2`); the form shows them on the list. */
function toFieldId(path: readonly PropertyKey[]): FieldId | null {
  const named = path.filter((segment): segment is string => typeof segment === 'string');
  const [first, second] = named;
  if (first === undefined) return null;
  if (first === 'thresholds' || first === 'fieldOverrides' || first === 'clientVisibility') {
    return second === undefined ? null : (`${first}.${second}` as FieldId);
  }
  return first as FieldId;
}

interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  origin?: unknown;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  pattern?: unknown;
}

function limitOf(field: FieldId, bound: unknown): number | undefined {
  if (typeof bound !== 'number' && typeof bound !== 'bigint') return undefined;
  const value = Number(bound);
  if (field.startsWith('thresholds.')) {
    const unit = THRESHOLD_UNITS[field.slice('thresholds.'.length) as ThresholdKey];
    return unit === 'percent' ? round(value * 100, 4) : value;
  }
  return value;
}

function toFieldError(field: FieldId, issue: IssueLike): FieldError {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.expected === 'int' ? 'integer' : issue.expected === 'number' ? 'number' : 'invalid' };
    case 'too_small': {
      if (issue.origin === 'string') return { code: 'required' };
      const limit = limitOf(field, issue.minimum);
      return limit === undefined ? { code: 'min' } : { code: 'min', limit };
    }
    case 'too_big': {
      const limit = limitOf(field, issue.maximum);
      const code = issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooMany' : 'max';
      return limit === undefined ? { code } : { code, limit };
    }
    case 'invalid_format': {
      const pattern = String(issue.pattern);
      if (pattern.includes('customfield_')) return { code: 'customFieldId' };
      if (pattern.includes('\\S')) return { code: 'noSpaces' };
      if (field === 'clientVisibility.issueTypeIds') return { code: 'issueTypeId' };
      return { code: 'invalid' };
    }
    case 'custom':
      if (field === 'timeZone') return { code: 'timeZone' };
      if (field === 'thresholds.csatAmber') return { code: 'amberAboveGreen' };
      if (field.startsWith('thresholds.')) return { code: 'amberBelowGreen' };
      return { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}

/**
 * Checks the form with the contract's `projectSettingsSchema`: the settings to save, or one
 * problem per field (the first the schema reports). The ordering rules between green and
 * amber are checked once every threshold is a valid number on its own.
 */
export function validateForm(values: FormValues): Validation {
  const parsed = projectSettingsSchema.safeParse(toCandidate(values));
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues as readonly IssueLike[]) {
    const field = toFieldId(issue.path);
    if (field === null || errors[field] !== undefined) continue;
    errors[field] = toFieldError(field, issue);
  }
  return { ok: false, errors };
}

function sameValues(a: FormValues, b: FormValues): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

/** Key order does not matter; list order does (it is what the PM sees). */
function normalized(values: FormValues): unknown {
  return {
    ...values,
    fieldOverrides: FIELD_OVERRIDE_KEYS.map((key) => values.fieldOverrides[key]),
    thresholds: THRESHOLD_KEYS.map((key) => values.thresholds[key]),
    disabledDimensions: DIMENSION_KEYS.filter((key) => values.disabledDimensions.includes(key)),
  };
}

// ---------------------------------------------------------------------------------------------
// The form's life: edit, save with the revision, conflict, reload.

export type FormPhase = 'editing' | 'saving' | 'reloading';

/** Someone else saved since `saved` was read: saving again would overwrite their change. */
export interface FormConflict {
  /** Their saved version, once read (null while it is read, or when reading it failed). */
  theirs: SettingsView | null;
}

/** What just happened, for the status line: a save, or a reload that replaced the form. */
export type FormNotice = 'saved' | 'reloaded' | null;

export interface SettingsFormState {
  /** The stored settings as last loaded or saved, their revision, and whether the user may edit. */
  saved: SettingsView;
  values: FormValues;
  phase: FormPhase;
  conflict: FormConflict | null;
  /** The last failure of a save or reload, other than a conflict. */
  error: AppErrorJson | null;
  /** Until the next edit. */
  notice: FormNotice;
  /** After "reload and re-apply": the fields whose edits were put back on the newer version, to review. */
  reapplied: readonly FieldId[] | null;
}

export type SettingsFormAction =
  | { type: 'edit'; change: Partial<FormValues> }
  | { type: 'resetToDefaults' }
  | { type: 'discard' }
  | { type: 'saveStarted' }
  | { type: 'saveSucceeded'; view: SettingsView }
  | { type: 'saveFailed'; error: AppErrorJson }
  /** The other person's version, read after a conflict to say what they changed. */
  | { type: 'conflictRead'; view: SettingsView }
  | { type: 'reloadStarted' }
  /** Replaces the form with the stored version (the PM's edits are dropped). */
  | { type: 'reloaded'; view: SettingsView }
  /** Loads the stored version and puts the PM's edits back on it. */
  | { type: 'reapplied'; view: SettingsView }
  | { type: 'reloadFailed'; error: AppErrorJson };

export function initialFormState(view: SettingsView): SettingsFormState {
  return { saved: view, values: toFormValues(view.settings), phase: 'editing', conflict: null, error: null, notice: null, reapplied: null };
}

/**
 * Rules: nothing changes while a save or reload is under way, nor for a viewer who may not
 * edit; a conflict keeps the PM's edits on screen and blocks saving until they choose either
 * to reload and re-apply their edits on the other person's version (the form stays unsaved, for
 * review) or to discard them and reload; Reset to defaults only fills the form, saving is still
 * the PM's choice.
 */
export function settingsFormReducer(state: SettingsFormState, action: SettingsFormAction): SettingsFormState {
  const busy = state.phase !== 'editing';
  switch (action.type) {
    case 'edit':
      if (busy || !state.saved.canEdit) return state;
      return { ...state, values: { ...state.values, ...action.change }, notice: null };
    case 'resetToDefaults':
      if (busy || !state.saved.canEdit) return state;
      return { ...state, values: toFormValues(DEFAULT_PROJECT_SETTINGS), notice: null };
    case 'discard':
      if (busy) return state;
      return { ...state, values: toFormValues(state.saved.settings), error: null, notice: null, reapplied: null };
    case 'saveStarted':
      if (busy || state.conflict !== null || !state.saved.canEdit) return state;
      return { ...state, phase: 'saving', error: null, notice: null };
    case 'saveSucceeded':
      return { ...initialFormState(action.view), notice: 'saved' };
    case 'saveFailed':
      return action.error.code === 'CONFLICT'
        ? { ...state, phase: 'editing', conflict: { theirs: null }, error: null, reapplied: null }
        : { ...state, phase: 'editing', error: action.error };
    case 'conflictRead':
      if (state.conflict === null) return state;
      return { ...state, conflict: { theirs: action.view } };
    case 'reloadStarted':
      if (busy) return state;
      return { ...state, phase: 'reloading', error: null };
    case 'reloaded':
      return { ...initialFormState(action.view), notice: 'reloaded' };
    case 'reapplied': {
      if (!action.view.canEdit) return { ...initialFormState(action.view), notice: 'reloaded' };
      const base = toFormValues(state.saved.settings);
      const theirs = toFormValues(action.view.settings);
      const mine = toChangedFields(base, state.values);
      const values = rebaseFormValues(base, state.values, theirs);
      return { ...initialFormState(action.view), values, reapplied: mine };
    }
    case 'reloadFailed':
      return { ...state, phase: 'editing', error: action.error };
  }
}

export interface FormStatus {
  validation: Validation;
  /** The form differs from the stored settings. */
  dirty: boolean;
  /** Save is offered: an editor, nothing under way, no conflict, a change, and every field valid. */
  canSave: boolean;
}

export function toFormStatus(state: SettingsFormState): FormStatus {
  const validation = validateForm(state.values);
  const dirty = !sameValues(state.values, toFormValues(state.saved.settings));
  const canSave = state.saved.canEdit && state.phase === 'editing' && state.conflict === null && dirty && validation.ok;
  return { validation, dirty, canSave };
}
