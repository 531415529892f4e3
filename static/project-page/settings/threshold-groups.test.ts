import { describe, expect, it } from 'vitest';
import { SETTINGS_MESSAGES } from '../../../contract/i18n/settings-messages';
import { THRESHOLD_KEYS, type ThresholdKey } from './settings-form';
import { THRESHOLD_GROUPS } from './threshold-groups';

describe('THRESHOLD_GROUPS', () => {
  it('shows every threshold exactly once', () => {
    const shown = THRESHOLD_GROUPS.flatMap((group) => group.measures.flatMap((measure) => measure.keys));
    expect([...shown].sort()).toEqual([...THRESHOLD_KEYS].sort());
  });
});

/**
 * How `assessHealth` compares a measure with each colour threshold (src/domain/assess-health.ts:
 * `ragAtMost` is ≤, `ragBelow` is <, CSAT is ≥). The label in front of the input must say the
 * same, in the same words wherever the rule is the same.
 */
const RULES: Partial<Record<ThresholdKey, '≤' | '<' | '≥'>> = {
  slipGreenDays: '≤',
  slipAmberDays: '≤',
  overdueGreen: '<',
  overdueAmber: '<',
  creepGreen: '≤',
  creepAmber: '≤',
  topBugsGreen: '≤',
  topBugsAmber: '≤',
  reopenGreen: '<',
  reopenAmber: '<',
  effortGreen: '≤',
  effortAmber: '≤',
  csatGreen: '≥',
  csatAmber: '≥',
  commsLateAmberDays: '≤',
};
const WORDS = {
  en: { '≤': 'when at most', '<': 'when below', '≥': 'when at least' },
  'zh-CN': { '≤': '：不超过', '<': '：低于', '≥': '：不低于' },
} as const;

describe('threshold labels', () => {
  it.each(['en', 'zh-CN'] as const)('say the rule that reads them, one wording per rule (%s)', (lang) => {
    for (const [key, rule] of Object.entries(RULES)) {
      const label = SETTINGS_MESSAGES[lang][`settings.th.${key as ThresholdKey}`];
      const colour = key.includes('Green') ? (lang === 'en' ? 'Green' : '绿色') : lang === 'en' ? 'Amber' : '黄色';
      expect(label, key).toBe(lang === 'en' ? `${colour} ${WORDS.en[rule]}` : `${colour}${WORDS['zh-CN'][rule]}`);
    }
  });

  it('word the story-point share as a whole sentence around the input', () => {
    const { en } = SETTINGS_MESSAGES;
    expect(`${en['settings.th.pointsMinShare']} 80 ${en['settings.unit.pointsMinShare']}`).toBe(
      'Use story points when at least 80 % of issues are estimated',
    );
  });
});
