import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, projectSettingsSchema, type ProjectSettingsJson, type SettingsView } from '../../../contract';
import {
  initialFormState,
  settingsFormReducer,
  toFormStatus,
  toFormValues,
  toNumber,
  validateForm,
  type FormValues,
  type SettingsFormState,
} from './settings-form';

const aView = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  settings: DEFAULT_PROJECT_SETTINGS,
  revision: 3,
  canEdit: true,
  ...overrides,
});

const withThreshold = (values: FormValues, key: keyof FormValues['thresholds'], text: string): FormValues => ({
  ...values,
  thresholds: { ...values.thresholds, [key]: text },
});

const defaults = () => toFormValues(DEFAULT_PROJECT_SETTINGS);

describe('toFormValues / validateForm', () => {
  it('shows shares as percentages and reads them back as the same shares', () => {
    const values = defaults();
    expect(values.thresholds.overdueGreen).toBe('5');
    expect(values.thresholds.overdueAmber).toBe('15');
    expect(values.thresholds.effortAmber).toBe('25');
    expect(values.thresholds.slipAmberDays).toBe('5');
    expect(values.thresholds.csatAmber).toBe('3.5');
    expect(values.fieldOverrides.sprint).toBe('');
    const validation = validateForm(values);
    expect(validation).toEqual({ ok: true, settings: DEFAULT_PROJECT_SETTINGS });
  });

  it('round-trips awkward shares without floating-point noise', () => {
    const settings: ProjectSettingsJson = {
      ...DEFAULT_PROJECT_SETTINGS,
      thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, overdueGreen: 0.07, overdueAmber: 0.29, effortAmber: 2.5 },
    };
    const values = toFormValues(settings);
    expect([values.thresholds.overdueGreen, values.thresholds.overdueAmber, values.thresholds.effortAmber]).toEqual(['7', '29', '250']);
    expect(validateForm(values)).toEqual({ ok: true, settings });
  });

  it('turns field overrides into custom field ids or null (discover), and trims labels', () => {
    const values: FormValues = {
      ...defaults(),
      clientLabel: '  client-visible ',
      fieldOverrides: { storyPoints: 'customfield_10016', flagged: '', sprint: ' customfield_10020 ', startDate: '' },
    };
    const validation = validateForm(values);
    expect(validation.ok && validation.settings.fieldOverrides).toEqual({
      storyPoints: 'customfield_10016',
      flagged: null,
      sprint: 'customfield_10020',
      startDate: null,
    });
    expect(validation.ok && validation.settings.clientLabel).toBe('client-visible');
  });

  it.each([
    ['thresholds.overdueAmber', withThreshold(defaults(), 'overdueAmber', ''), { code: 'number' }],
    ['thresholds.overdueAmber', withThreshold(defaults(), 'overdueAmber', 'lots'), { code: 'number' }],
    ['thresholds.overdueAmber', withThreshold(defaults(), 'overdueAmber', '120'), { code: 'max', limit: 100 }],
    ['thresholds.overdueAmber', withThreshold(defaults(), 'overdueAmber', '-1'), { code: 'min', limit: 0 }],
    ['thresholds.effortAmber', withThreshold(defaults(), 'effortAmber', '1001'), { code: 'max', limit: 1000 }],
    ['thresholds.overdueAmber', withThreshold(defaults(), 'overdueAmber', '4'), { code: 'amberBelowGreen' }],
    ['thresholds.csatAmber', withThreshold(defaults(), 'csatAmber', '4.5'), { code: 'amberAboveGreen' }],
    ['thresholds.slipGreenDays', withThreshold(defaults(), 'slipGreenDays', '1.5'), { code: 'integer' }],
    ['thresholds.csatGreen', withThreshold(defaults(), 'csatGreen', '6'), { code: 'max', limit: 5 }],
    ['cadenceDays', { ...defaults(), cadenceDays: '0' }, { code: 'min', limit: 1 }],
    ['cadenceDays', { ...defaults(), cadenceDays: '93' }, { code: 'max', limit: 92 }],
    ['internalLabel', { ...defaults(), internalLabel: '   ' }, { code: 'required' }],
    ['clientLabel', { ...defaults(), clientLabel: 'for client' }, { code: 'noSpaces' }],
    ['clientLabel', { ...defaults(), clientLabel: 'x'.repeat(256) }, { code: 'tooLong', limit: 255 }],
    ['timeZone', { ...defaults(), timeZone: 'Mars/Olympus' }, { code: 'timeZone' }],
    [
      'fieldOverrides.sprint',
      { ...defaults(), fieldOverrides: { ...defaults().fieldOverrides, sprint: 'Sprint' } },
      { code: 'customFieldId' },
    ],
    ['clientVisibility.issueTypeIds', { ...defaults(), issueTypeIds: ['10001', 'Bug'] }, { code: 'issueTypeId' }],
    [
      'blockingLinkTypes',
      { ...defaults(), blockingLinkTypes: Array.from({ length: 21 }, (_, i) => `Type ${String(i)}`) },
      { code: 'tooMany', limit: 20 },
    ],
    ['waitingOnClientStatuses', { ...defaults(), waitingOnClientStatuses: ['Waiting', ' '] }, { code: 'required' }],
  ] as const)('refuses %s with %j', (field, values, error) => {
    const validation = validateForm(values);
    expect(validation.ok).toBe(false);
    expect(!validation.ok && validation.errors).toEqual({ [field]: error });
  });

  it('agrees with the contract schema: what it accepts, the backend accepts', () => {
    const values = withThreshold(withThreshold(defaults(), 'overdueGreen', '12.5'), 'overdueAmber', '30');
    const validation = validateForm(values);
    if (!validation.ok) throw new Error('expected valid');
    expect(projectSettingsSchema.safeParse(validation.settings).success).toBe(true);
    expect(validation.settings.thresholds.overdueGreen).toBe(0.125);
    expect(validation.settings.thresholds.overdueAmber).toBe(0.3);
  });
});

describe('toNumber', () => {
  it.each([
    ['5', 5],
    [' 12.5 ', 12.5],
    ['-3', -3],
    ['.5', 0.5],
    ['', Number.NaN],
    ['1e3', Number.NaN],
    ['0x10', Number.NaN],
    ['1,5', Number.NaN],
  ])('reads %j as %d', (text, expected) => {
    expect(toNumber(text)).toBe(expected);
  });
});

describe('settingsFormReducer', () => {
  const edited = (state: SettingsFormState) =>
    settingsFormReducer(state, { type: 'edit', change: { thresholds: { ...state.values.thresholds, overdueAmber: '20' } } });

  it('offers Save only for a valid change by an editor', () => {
    const start = initialFormState(aView());
    expect(toFormStatus(start)).toMatchObject({ dirty: false, canSave: false });
    const changed = edited(start);
    expect(toFormStatus(changed)).toMatchObject({ dirty: true, canSave: true });
    const invalid = settingsFormReducer(changed, { type: 'edit', change: { cadenceDays: 'soon' } });
    expect(toFormStatus(invalid)).toMatchObject({ dirty: true, canSave: false });
    const back = settingsFormReducer(changed, { type: 'edit', change: { thresholds: start.values.thresholds } });
    expect(toFormStatus(back).dirty).toBe(false);
  });

  it('ignores edits from a viewer', () => {
    const start = initialFormState(aView({ canEdit: false }));
    expect(edited(start)).toBe(start);
    expect(settingsFormReducer(start, { type: 'resetToDefaults' })).toBe(start);
    expect(settingsFormReducer(start, { type: 'saveStarted' })).toBe(start);
  });

  it('saves: the saved view becomes the new baseline and the status says saved until the next edit', () => {
    const saving = settingsFormReducer(edited(initialFormState(aView())), { type: 'saveStarted' });
    expect(saving.phase).toBe('saving');
    expect(edited(saving)).toBe(saving);
    const stored = { ...DEFAULT_PROJECT_SETTINGS, thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, overdueAmber: 0.2 } };
    const saved = settingsFormReducer(saving, { type: 'saveSucceeded', view: aView({ settings: stored, revision: 4 }) });
    expect(saved).toMatchObject({ phase: 'editing', notice: 'saved', conflict: null, saved: { revision: 4 } });
    expect(saved.values.thresholds.overdueAmber).toBe('20');
    expect(toFormStatus(saved)).toMatchObject({ dirty: false, canSave: false });
    expect(settingsFormReducer(saved, { type: 'edit', change: { cadenceDays: '14' } }).notice).toBeNull();
  });

  it('on a conflict keeps the edits, blocks Save, and "discard and reload" replaces the edits with the other save', () => {
    const mine = edited(initialFormState(aView()));
    const conflict = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'stale' },
    });
    expect(conflict).toMatchObject({ phase: 'editing', conflict: { theirs: null }, error: null });
    expect(conflict.values).toEqual(mine.values);
    expect(toFormStatus(conflict).canSave).toBe(false);
    expect(settingsFormReducer(conflict, { type: 'saveStarted' })).toBe(conflict);

    const theirs = { ...DEFAULT_PROJECT_SETTINGS, cadenceDays: 14 };
    const read = settingsFormReducer(conflict, { type: 'conflictRead', view: aView({ settings: theirs, revision: 5 }) });
    expect(read.conflict?.theirs?.revision).toBe(5);
    // What the PM loaded stays the baseline until they choose.
    expect(read.saved.revision).toBe(3);
    expect(read.values).toEqual(mine.values);

    const reloading = settingsFormReducer(read, { type: 'reloadStarted' });
    expect(reloading.phase).toBe('reloading');
    const failed = settingsFormReducer(reloading, { type: 'reloadFailed', error: { code: 'STORAGE_UNAVAILABLE', message: 'down' } });
    expect(failed).toMatchObject({ phase: 'editing', conflict: { theirs: { revision: 5 } }, error: { code: 'STORAGE_UNAVAILABLE' } });
    expect(failed.values).toEqual(mine.values);

    const reloaded = settingsFormReducer(settingsFormReducer(failed, { type: 'reloadStarted' }), {
      type: 'reloaded',
      view: aView({ settings: theirs, revision: 5 }),
    });
    expect(reloaded).toMatchObject({ phase: 'editing', conflict: null, error: null, notice: 'reloaded', saved: { revision: 5 } });
    expect(reloaded.values.cadenceDays).toBe('14');
    expect(reloaded.values.thresholds.overdueAmber).toBe('15');
    expect(toFormStatus(reloaded).dirty).toBe(false);
  });

  it('"reload and re-apply" loads the other save and puts the PM’s changed fields back on it, unsaved', () => {
    const mine = settingsFormReducer(edited(initialFormState(aView())), { type: 'edit', change: { clientLabel: 'external' } });
    const conflict = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'stale' },
    });
    const theirs: ProjectSettingsJson = {
      ...DEFAULT_PROJECT_SETTINGS,
      cadenceDays: 14,
      thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, overdueGreen: 0.1, overdueAmber: 0.3 },
    };
    const rebased = settingsFormReducer(settingsFormReducer(conflict, { type: 'reloadStarted' }), {
      type: 'reapplied',
      view: aView({ settings: theirs, revision: 6 }),
    });
    expect(rebased).toMatchObject({ phase: 'editing', conflict: null, error: null, saved: { revision: 6 } });
    expect(rebased.reapplied).toEqual(['clientLabel', 'thresholds.overdueAmber']);
    // Theirs where the PM changed nothing, the PM's where they did (both changed overdueAmber: the PM's wins).
    expect(rebased.values.cadenceDays).toBe('14');
    expect(rebased.values.thresholds.overdueGreen).toBe('10');
    expect(rebased.values.thresholds.overdueAmber).toBe('20');
    expect(rebased.values.clientLabel).toBe('external');
    expect(toFormStatus(rebased)).toMatchObject({ dirty: true, canSave: true });
    const saved = settingsFormReducer(settingsFormReducer(rebased, { type: 'saveStarted' }), {
      type: 'saveSucceeded',
      view: aView({ settings: theirs, revision: 7 }),
    });
    expect(saved.reapplied).toBeNull();
  });

  it('"reload and re-apply" for someone who lost the right to edit only reloads', () => {
    const mine = edited(initialFormState(aView()));
    const rebased = settingsFormReducer(mine, { type: 'reapplied', view: aView({ canEdit: false, revision: 6 }) });
    expect(rebased.values).toEqual(toFormValues(DEFAULT_PROJECT_SETTINGS));
    expect(rebased.reapplied).toBeNull();
  });

  it('keeps the edits and reports any other save failure', () => {
    const mine = edited(initialFormState(aView()));
    const failed = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'FORBIDDEN', message: 'no' },
    });
    expect(failed).toMatchObject({ phase: 'editing', conflict: null, error: { code: 'FORBIDDEN' } });
    expect(failed.values).toEqual(mine.values);
    expect(toFormStatus(failed).canSave).toBe(true);
  });

  it('Reset to defaults fills the form only; Discard goes back to what is stored', () => {
    const stored = { ...DEFAULT_PROJECT_SETTINGS, cadenceDays: 14, clientLabel: 'external' };
    const start = initialFormState(aView({ settings: stored }));
    const reset = settingsFormReducer(start, { type: 'resetToDefaults' });
    expect(reset.values).toEqual(toFormValues(DEFAULT_PROJECT_SETTINGS));
    expect(reset.saved.settings).toBe(stored);
    expect(toFormStatus(reset)).toMatchObject({ dirty: true, canSave: true });
    expect(settingsFormReducer(reset, { type: 'discard' }).values).toEqual(start.values);
  });
});
