import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, type SettingsView } from '../../../contract';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { SAMPLE_CUSTOM_FIELDS, SAMPLE_ISSUE_TYPES } from '../../testing/fake-settings-host';
import { initialFormState, settingsFormReducer, THRESHOLD_KEYS, type FormValues, type SettingsFormState } from './settings-form';
import { SettingsForm } from './SettingsForm';
import type { JiraLists } from './use-jira-lists';

const NOW = Date.UTC(2026, 0, 15);
const aView = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  settings: DEFAULT_PROJECT_SETTINGS,
  revision: 2,
  canEdit: true,
  ...overrides,
});

const READY: JiraLists = {
  fields: { status: 'ready', data: SAMPLE_CUSTOM_FIELDS },
  issueTypes: { status: 'ready', data: SAMPLE_ISSUE_TYPES },
  statuses: { status: 'ready', data: ['Waiting for customer', 'In Review'] },
  linkTypes: { status: 'ready', data: ['Blocks', 'Relates'] },
};
const FAILED: JiraLists = {
  fields: { status: 'failed' },
  issueTypes: { status: 'failed' },
  statuses: { status: 'failed' },
  linkTypes: { status: 'failed' },
};

const noop = () => undefined;
function render(state: SettingsFormState, { lists = READY, locale = 'en-US' }: { lists?: JiraLists; locale?: string } = {}): string {
  return renderForTest(
    <SettingsForm
      state={state}
      lists={lists}
      now={NOW}
      onEdit={noop}
      onSave={noop}
      onReapply={noop}
      onReload={noop}
      onResetToDefaults={noop}
      onDiscard={noop}
    />,
    { locale },
  );
}

const edit = (state: SettingsFormState, change: Partial<FormValues>) => settingsFormReducer(state, { type: 'edit', change });
const withThreshold = (state: SettingsFormState, key: keyof FormValues['thresholds'], text: string) =>
  edit(state, { thresholds: { ...state.values.thresholds, [key]: text } });

/** The opening tag of the element carrying `data-testid`. */
function tagOf(html: string, testId: string): string {
  const match = new RegExp(`<\\w+[^>]*data-testid="${testId.replaceAll('.', '\\.')}"[^>]*>`, 'u').exec(html);
  if (!match) throw new Error(`no element with data-testid="${testId}"`);
  return match[0];
}
const attrOf = (tag: string, name: string): string | null => new RegExp(` ${name}="([^"]*)"`, 'u').exec(tag)?.[1] ?? null;

describe('SettingsForm for a project admin', () => {
  it('shows every threshold as typed, shares as percentages, each input labelled', () => {
    const html = render(initialFormState(aView()));
    for (const key of THRESHOLD_KEYS) {
      const tag = tagOf(html, `setting-thresholds.${key}`);
      const id = attrOf(tag, 'id') ?? '';
      expect(html, key).toContain(`for="${id}"`);
    }
    expect(attrOf(tagOf(html, 'setting-thresholds.overdueAmber'), 'value')).toBe('15');
    expect(attrOf(tagOf(html, 'setting-thresholds.csatAmber'), 'value')).toBe('3.5');
    expect(attrOf(tagOf(html, 'setting-cadenceDays'), 'value')).toBe('7');
    expect(html).not.toContain('data-testid="settings-read-only"');
  });

  it('offers Save only once something changed, and says so', () => {
    const clean = render(initialFormState(aView()));
    expect(tagOf(clean, 'settings-save')).toContain('disabled=""');
    expect(textOfTestId(clean, 'settings-status')).toBe('');

    const changed = render(withThreshold(initialFormState(aView()), 'overdueAmber', '20'));
    expect(tagOf(changed, 'settings-save')).not.toContain('disabled');
    expect(textOfTestId(changed, 'settings-status')).toBe('You have unsaved changes.');
  });

  it('shows a problem next to its field, tied to the input, and blocks Save', () => {
    const html = render(withThreshold(initialFormState(aView()), 'overdueAmber', '4'));
    const input = tagOf(html, 'setting-thresholds.overdueAmber');
    expect(attrOf(input, 'aria-invalid')).toBe('true');
    const errorTag = tagOf(html, 'error-thresholds.overdueAmber');
    expect(attrOf(input, 'aria-describedby')).toContain(attrOf(errorTag, 'id') ?? 'missing');
    expect(textOfTestId(html, 'error-thresholds.overdueAmber')).toBe('Amber must be at least the green value.');
    expect(tagOf(html, 'settings-save')).toContain('disabled=""');
    expect(textOfTestId(html, 'settings-status')).toBe('Correct the highlighted field to save.');
  });

  it('words limits in the field’s unit: a share over 100 %', () => {
    const html = render(withThreshold(initialFormState(aView()), 'creepAmber', '150'));
    expect(textOfTestId(html, 'error-thresholds.creepAmber')).toBe('Enter 100 or less.');
  });

  it('on a conflict says someone else saved, offers both ways out, keeps the edit and says why Save is off', () => {
    const mine = withThreshold(initialFormState(aView()), 'overdueAmber', '22');
    const conflict = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'stale revision' },
    });
    const html = render(conflict);
    expect(tagOf(html, 'settings-conflict')).toContain('role="alert"');
    expect(tagOf(html, 'settings-conflict')).toContain('tabindex="-1"');
    expect(textOfTestId(html, 'settings-conflict')).toContain('Someone else saved these settings');
    expect(textOfTestId(html, 'settings-reapply')).toBe('Reload and re-apply my changes');
    expect(textOfTestId(html, 'settings-reload')).toBe('Discard my changes and reload');
    expect(attrOf(tagOf(html, 'setting-thresholds.overdueAmber'), 'value')).toBe('22');
    expect(tagOf(html, 'settings-save')).toContain('disabled=""');
    // Not "You have unsaved changes" next to a disabled Save: the reason.
    expect(textOfTestId(html, 'settings-status')).toBe('Not saved: someone else saved first. Choose how to continue in the message above.');
    // Their version is not read yet: no list of their changes.
    expect(html).not.toContain('data-testid="conflict-their-fields"');
  });

  it('once their version is read, names the fields the other person changed, marking those the PM changed too', () => {
    const mine = withThreshold(edit(initialFormState(aView()), { clientLabel: 'external' }), 'overdueAmber', '22');
    const conflict = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'stale revision' },
    });
    const theirs = {
      ...DEFAULT_PROJECT_SETTINGS,
      cadenceDays: 14,
      waitingOnClientLabel: 'customer-wait',
      thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, overdueAmber: 0.3 },
    };
    const read = settingsFormReducer(conflict, { type: 'conflictRead', view: aView({ settings: theirs, revision: 3 }) });
    const list = textOfTestId(render(read), 'conflict-their-fields') ?? '';
    const items = [
      ...(/<ul[^>]*data-testid="conflict-their-fields"[^>]*>([\s\S]*?)<\/ul>/u.exec(render(read))?.[1] ?? '').matchAll(
        /<li[^>]*>([\s\S]*?)<\/li>/gu,
      ),
    ].map((match) => (match[1] ?? '').replaceAll('<!-- -->', ''));
    expect(items).toEqual(['Waiting on the client: Label', 'Report cadence', 'Overdue issues: Amber when below (you changed it too)']);
    expect(list).not.toContain('Client label');

    const zh = render(read, { locale: 'zh-CN' });
    expect(textOfTestId(zh, 'conflict-their-fields')).toContain('报告周期');
    expect(textOfTestId(zh, 'settings-reapply')).toBe('重新加载并重新应用我的更改');
  });

  it('after re-applying, lists the fields to review, each a way to the field', () => {
    const mine = edit(initialFormState(aView()), { cadenceDays: '10' });
    const conflict = settingsFormReducer(settingsFormReducer(mine, { type: 'saveStarted' }), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'stale revision' },
    });
    const rebased = settingsFormReducer(conflict, {
      type: 'reapplied',
      view: aView({ settings: { ...DEFAULT_PROJECT_SETTINGS, clientLabel: 'external' }, revision: 3 }),
    });
    const html = render(rebased);
    expect(html).not.toContain('data-testid="settings-conflict"');
    expect(textOfTestId(html, 'settings-reapplied')).toContain('Their version is loaded, with your changes on top');
    expect(textOfTestId(html, 'reapplied-cadenceDays')).toBe('Report cadence');
    expect(attrOf(tagOf(html, 'setting-clientLabel'), 'value')).toBe('external');
    expect(attrOf(tagOf(html, 'setting-cadenceDays'), 'value')).toBe('10');
    expect(tagOf(html, 'settings-save')).not.toContain('disabled');
    expect(textOfTestId(html, 'settings-status')).toBe('You have unsaved changes.');
  });

  it('keeps Save and Discard in one labelled group, and the status focusable for after a save', () => {
    const html = render(edit(initialFormState(aView()), { cadenceDays: '10' }));
    const bar = tagOf(html, 'settings-actions');
    expect(attrOf(bar, 'role')).toBe('group');
    expect(attrOf(bar, 'aria-label')).toBe('Save or discard changes');
    expect(tagOf(html, 'settings-status')).toContain('tabindex="-1"');
    expect(attrOf(tagOf(html, 'settings-status'), 'data-dirty')).toBe('true');
    const saved = settingsFormReducer(
      settingsFormReducer(edit(initialFormState(aView()), { cadenceDays: '10' }), { type: 'saveStarted' }),
      {
        type: 'saveSucceeded',
        view: aView({ revision: 3 }),
      },
    );
    expect(textOfTestId(render(saved), 'settings-status')).toBe('Settings saved.');
  });

  it('words every threshold by the rule that reads it: at most, below, at least', () => {
    const html = render(initialFormState(aView()));
    const labelOf = (key: string) => {
      const id = attrOf(tagOf(html, `setting-thresholds.${key}`), 'id') ?? '';
      return (new RegExp(`<label[^>]*for="${id}"[^>]*>([\\s\\S]*?)</label>`, 'u').exec(html)?.[1] ?? '')
        .replace(/<[^>]+>/gu, '')
        .replaceAll('<!-- -->', '');
    };
    expect(labelOf('slipGreenDays')).toBe('Green when at most (days)');
    expect(labelOf('overdueGreen')).toBe('Green when below (%)');
    expect(labelOf('csatAmber')).toBe('Amber when at least (out of 5)');
    expect(labelOf('pointsMinShare')).toBe('Use story points when at least (% of issues are estimated)');
  });

  it('reports another save failure by its code', () => {
    const failed = settingsFormReducer(
      settingsFormReducer(edit(initialFormState(aView()), { cadenceDays: '14' }), { type: 'saveStarted' }),
      {
        type: 'saveFailed',
        error: { code: 'STORAGE_UNAVAILABLE', message: 'kvs down' },
      },
    );
    const html = render(failed);
    expect(attrOf(tagOf(html, 'settings-error'), 'data-error-code')).toBe('STORAGE_UNAVAILABLE');
    expect(textOfTestId(html, 'settings-error')).toContain('The settings were not saved.');
  });

  it('offers fitting Jira fields by name, and "Discover automatically" first', () => {
    const html = render(initialFormState(aView()));
    const storyPoints = /<select[^>]*data-testid="setting-fieldOverrides\.storyPoints"[^>]*>([\s\S]*?)<\/select>/u.exec(html)?.[1] ?? '';
    const options = [...storyPoints.matchAll(/<option[^>]*>([^<]*)<\/option>/gu)].map((match) => match[1]);
    expect(options).toEqual(['Discover automatically', 'Story point estimate (customfield_10016)', 'Story Points (customfield_10026)']);
  });

  it('in "types" mode lists the project’s issue types, without subtasks, and a chosen type the project lacks', () => {
    const state = edit(initialFormState(aView()), { visibilityMode: 'types', issueTypeIds: ['10002', '99999'] });
    const html = render(state);
    expect(tagOf(html, 'issue-type-10001')).not.toContain('checked');
    expect(tagOf(html, 'issue-type-10002')).toContain('checked=""');
    expect(html).not.toContain('data-testid="issue-type-10003"');
    expect(html).toContain('Issue type 99999 (not in this project)');
  });

  it('when Jira cannot list fields or issue types, the ids are typed instead', () => {
    const state = edit(initialFormState(aView()), { visibilityMode: 'types' });
    const html = render(state, { lists: FAILED });
    expect(tagOf(html, 'setting-fieldOverrides.sprint')).toMatch(/^<input/u);
    expect(html).toContain('Couldn’t load the fields from Jira.');
    expect(tagOf(html, 'setting-clientVisibility.issueTypeIds')).toMatch(/^<input/u);
  });

  it('shows the time zone list with offsets, UTC first', () => {
    const html = render(initialFormState(aView()));
    const zones = /<select[^>]*data-testid="setting-timeZone"[^>]*>([\s\S]*?)<\/select>/u.exec(html)?.[1] ?? '';
    expect(zones).toMatch(/^<option value="UTC"[^>]*>UTC \(GMT(?:\+0)?\)<\/option>/u);
    expect(zones).toContain('Europe/Paris (GMT+1)');
  });
});

describe('SettingsForm for someone who may not edit', () => {
  const html = render(initialFormState(aView({ canEdit: false })));

  it('says who can change settings, and shows the same values read-only', () => {
    expect(textOfTestId(html, 'settings-read-only')).toContain('Administer Projects');
    expect(tagOf(html, 'setting-thresholds.overdueAmber')).toContain('readOnly=""');
    expect(attrOf(tagOf(html, 'setting-thresholds.overdueAmber'), 'value')).toBe('15');
    expect(tagOf(html, 'setting-timeZone')).toMatch(/^<input[^>]*readOnly=""/u);
    expect(attrOf(tagOf(html, 'setting-fieldOverrides.sprint'), 'value')).toBe('Discover automatically');
    expect(tagOf(html, 'visibility-marked')).toContain('disabled=""');
    expect(tagOf(html, 'dimension-cost')).toContain('disabled=""');
  });

  it('offers no way to change anything', () => {
    for (const action of ['settings-save', 'settings-discard', 'settings-reset', 'add-waitingOnClientStatuses']) {
      expect(html, action).not.toContain(`data-testid="${action}"`);
    }
    expect(html).not.toMatch(/aria-label="Remove /u);
    expect(html).toContain('Waiting for customer');
  });
});

describe('SettingsForm in Chinese', () => {
  it('words the groups, rules and problems in Chinese', () => {
    const html = render(edit(initialFormState(aView()), { cadenceDays: '0' }), { locale: 'zh-CN' });
    expect(html).toContain('客户可见性');
    expect(html).toContain('健康阈值');
    expect(textOfTestId(html, 'error-cadenceDays')).toBe('请输入不小于 1 的值。');
    expect(textOfTestId(html, 'settings-save')).toBe('保存');
    expect(textOfTestId(html, 'settings-reset')).toBe('重置为默认值');
  });

  it('tells a viewer in Chinese who can change settings', () => {
    const html = render(initialFormState(aView({ canEdit: false })), { locale: 'zh-CN' });
    expect(textOfTestId(html, 'settings-read-only')).toContain('管理项目');
  });
});
