import { describe, expect, it } from 'vitest';
import { parseSettingsText } from '../../cli/load-settings';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';

const parse = (value: unknown, prefix = '') => parseSettingsText(`${prefix}${JSON.stringify(value)}`, 'settings.json');

describe('parseSettingsText: a partial document over the defaults', () => {
  it('an empty object is the defaults', () => {
    expect(parse({})).toEqual(DEFAULT_PROJECT_SETTINGS);
  });

  it('a full document is taken as it is', () => {
    const full = { ...DEFAULT_PROJECT_SETTINGS, timeZone: 'Asia/Shanghai', cadenceDays: 14 };
    expect(parse(full)).toEqual(full);
  });

  it('merges objects key by key; arrays and values replace; a UTF-8 BOM is allowed', () => {
    const settings = parse(
      {
        thresholds: { creepMinBaseline: 10 },
        fieldOverrides: { storyPoints: 'customfield_10026' },
        blockingLinkTypes: ['Dependency'],
        clientVisibility: { mode: 'types', issueTypeIds: ['10004'] },
      },
      '\uFEFF',
    );
    expect(settings.thresholds).toEqual({ ...DEFAULT_PROJECT_SETTINGS.thresholds, creepMinBaseline: 10 });
    expect(settings.fieldOverrides).toEqual({ storyPoints: 'customfield_10026', flagged: null, sprint: null, startDate: null });
    expect(settings.blockingLinkTypes).toEqual(['Dependency']);
    expect(settings.clientVisibility).toEqual({ mode: 'types', issueTypeIds: ['10004'] });
    expect(settings.waitingOnClientStatuses).toEqual(DEFAULT_PROJECT_SETTINGS.waitingOnClientStatuses);
  });

  it('does not let a file write through to the defaults', () => {
    parse({ thresholds: { creepAmber: 0.9 }, clientVisibility: { issueTypeIds: ['1'] } });
    expect(DEFAULT_PROJECT_SETTINGS.thresholds.creepAmber).toBe(0.2);
    expect(DEFAULT_PROJECT_SETTINGS.clientVisibility.issueTypeIds).toEqual([]);
  });

  it.each([
    [{ fieldOverrides: { flagged: 'cf_1' } }, /^settings\.json: fieldOverrides\.flagged: a custom field id/u],
    [{ thresholds: { creepMinBaseline: 0 } }, /^settings\.json: thresholds\.creepMinBaseline: must be at least 1$/u],
    [{ internalLabel: 'two words' }, /^settings\.json: internalLabel: a label has no spaces$/u],
    [{ thresholds: 'strict' }, /^settings\.json: thresholds: must be an object$/u],
    [{ cadenceDays: 7.5 }, /^settings\.json: cadenceDays: must be a whole number$/u],
    [{ clientVisibility: { mode: 'some' } }, /^settings\.json: clientVisibility\.mode: must be one of marked, types, all$/u],
  ])('%j → %s', (value, message) => {
    expect(() => parse(value)).toThrow(message);
  });

  it('refuses a "__proto__" key as unknown, at any depth, and pollutes nothing', () => {
    expect(() => parseSettingsText('{"__proto__": {"cadenceDays": 1}}', 'settings.json')).toThrow(/unknown key '__proto__'/u);
    expect(() => parseSettingsText('{"thresholds": {"__proto__": {"x": 1}}}', 'settings.json')).toThrow(
      /thresholds: unknown key '__proto__'/u,
    );
    expect(({} as Record<string, unknown>)['cadenceDays']).toBeUndefined();
  });
});
