import { describe, expect, it } from 'vitest';
import { EMPTY_ENGAGEMENT, type EngagementJson } from '../engagement';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettingsJson } from '../settings';
import { describeCommitments } from './commitment-sentences';

const engagement: EngagementJson = {
  ...EMPTY_ENGAGEMENT,
  clientName: 'Acme',
  scope: 'internal scope text',
  budget: { hours: 400, money: null },
  qualityStandards: [
    { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest', 'High'] },
    { id: 'q2', kind: 'max-open-bugs', max: 3 },
    { id: 'q3', kind: 'text', text: 'WCAG 2.1 AA on every page' },
  ],
  support: { responseHours: 8, resolutionHours: 48, clientLabel: 'client-reported', clientIssueTypeIds: ['10001'] },
};

function settingsWith(thresholds: Partial<ProjectSettingsJson['thresholds']>, disabled: ProjectSettingsJson['disabledDimensions'] = []) {
  return {
    ...DEFAULT_PROJECT_SETTINGS,
    thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, ...thresholds },
    disabledDimensions: disabled,
  };
}

describe('describeCommitments', () => {
  it('lists the defaults, the standards and the support targets in English', () => {
    expect(describeCommitments(DEFAULT_PROJECT_SETTINGS, engagement, 'en')).toEqual([
      { group: 'kpi', source: 'slip', text: 'Milestones delivered by their target date' },
      { group: 'kpi', source: 'overdue', text: 'Fewer than 5% of issues with a due date overdue' },
      { group: 'kpi', source: 'creep', text: 'Work added to a milestone after its scope was agreed kept to at most 10% of that scope' },
      { group: 'kpi', source: 'topBugs', text: 'No open top-priority bug' },
      { group: 'kpi', source: 'reopen', text: 'Fewer than 5% of completed issues reopened within 30 days' },
      { group: 'kpi', source: 'effort', text: 'Effort spent no more than 10% over the estimates' },
      { group: 'kpi', source: 'csat', text: 'An average satisfaction of at least 4 out of 5' },
      { group: 'kpi', source: 'complaint', text: 'A follow-up within 5 days on any rating of 2 or below' },
      { group: 'kpi', source: 'comms', text: 'Every meeting and report agreed in the communication plan held on time' },
      { group: 'quality', source: 'standard:q1', text: 'No open bug at priority Highest, High at acceptance' },
      { group: 'quality', source: 'standard:q2', text: 'At most 3 open bugs at acceptance' },
      { group: 'quality', source: 'standard:q3', text: 'WCAG 2.1 AA on every page' },
      { group: 'support', source: 'response', text: 'First response to issues you report within 8 hours' },
      { group: 'support', source: 'resolution', text: 'Issues you report resolved within 48 hours' },
    ]);
  });

  it('lists the same in Simplified Chinese, with Jira’s terms', () => {
    expect(describeCommitments(DEFAULT_PROJECT_SETTINGS, engagement, 'zh-CN').map((c) => c.text)).toEqual([
      '里程碑按目标日期交付',
      '有到期日的事务中逾期的少于 5%',
      '里程碑范围商定后新增的工作不超过该范围的 10%',
      '没有未解决的最高优先级缺陷',
      '已完成的事务在 30 天内重新打开的少于 5%',
      '实际工作量超出预估不超过 10%',
      '平均满意度至少 4 分（满分 5 分）',
      '对 2 分及以下的评分在 5 天内跟进',
      '沟通计划中商定的每次会议和报告都按时进行',
      '验收时没有优先级为 Highest、High 的未解决缺陷',
      '验收时未解决缺陷最多 3 个',
      'WCAG 2.1 AA on every page',
      '您报告的事务在 8 小时内首次响应',
      '您报告的事务在 48 小时内解决',
    ]);
  });

  const table: [string, Partial<ProjectSettingsJson['thresholds']>, string, string, string][] = [
    [
      'slip late',
      { slipGreenDays: 3, slipAmberDays: 5 },
      'slip',
      'Milestones delivered no more than 3 days after their target',
      '里程碑最迟在目标日期后 3 天内交付',
    ],
    [
      'slip one day',
      { slipGreenDays: 1 },
      'slip',
      'Milestones delivered no more than 1 day after their target',
      '里程碑最迟在目标日期后 1 天内交付',
    ],
    [
      'slip early',
      { slipGreenDays: -2 },
      'slip',
      'Milestones delivered at least 2 days before their target',
      '里程碑至少在目标日期前 2 天交付',
    ],
    [
      'overdue share',
      { overdueGreen: 0.1 },
      'overdue',
      'Fewer than 10% of issues with a due date overdue',
      '有到期日的事务中逾期的少于 10%',
    ],
    ['overdue none', { overdueGreen: 0 }, 'overdue', 'No issue with a due date left overdue', '有到期日的事务均不逾期'],
    [
      'overdue decimal',
      { overdueGreen: 0.125 },
      'overdue',
      'Fewer than 12.5% of issues with a due date overdue',
      '有到期日的事务中逾期的少于 12.5%',
    ],
    ['creep none', { creepGreen: 0 }, 'creep', 'No work added to a milestone after its scope was agreed', '里程碑范围商定后不再增加工作'],
    ['top bugs one', { topBugsGreen: 1, topBugsAmber: 2 }, 'topBugs', 'At most 1 open top-priority bug', '未解决的最高优先级缺陷最多 1 个'],
    [
      'top bugs many',
      { topBugsGreen: 4, topBugsAmber: 6 },
      'topBugs',
      'At most 4 open top-priority bugs',
      '未解决的最高优先级缺陷最多 4 个',
    ],
    [
      'reopen none',
      { reopenGreen: 0, reopenWindowDays: 14 },
      'reopen',
      'No completed issue reopened within 14 days',
      '已完成的事务在 14 天内均不重新打开',
    ],
    ['effort exact', { effortGreen: 0 }, 'effort', 'Effort spent matching the estimates', '实际工作量与预估一致'],
    ['csat decimal', { csatGreen: 4.5 }, 'csat', 'An average satisfaction of at least 4.5 out of 5', '平均满意度至少 4.5 分（满分 5 分）'],
    [
      'complaint one day',
      { complaintDueDays: 1, complaintRatingMax: 3 },
      'complaint',
      'A follow-up within 1 day on any rating of 3 or below',
      '对 3 分及以下的评分在 1 天内跟进',
    ],
  ];
  it.each(table)('%s', (_name, thresholds, source, en, zh) => {
    const settings = settingsWith(thresholds);
    expect(describeCommitments(settings, null, 'en').find((c) => c.source === source)?.text).toBe(en);
    expect(describeCommitments(settings, null, 'zh-CN').find((c) => c.source === source)?.text).toBe(zh);
  });

  it('leaves out disabled dimensions, and standards and support when none were agreed', () => {
    const settings = settingsWith({}, ['schedule', 'quality', 'satisfaction', 'communication']);
    expect(describeCommitments(settings, EMPTY_ENGAGEMENT, 'en').map((c) => c.source)).toEqual(['creep', 'effort']);
    expect(describeCommitments(settingsWith({}, ['scope', 'cost']), null, 'en').map((c) => c.source)).toEqual([
      'slip',
      'overdue',
      'topBugs',
      'reopen',
      'csat',
      'complaint',
      'comms',
    ]);
  });

  it('words one-hour targets and zero or one open bugs', () => {
    const e = {
      qualityStandards: [
        { id: 'a', kind: 'max-open-bugs' as const, max: 0 },
        { id: 'b', kind: 'max-open-bugs' as const, max: 1 },
      ],
      support: { responseHours: 1, resolutionHours: 1, clientLabel: null, clientIssueTypeIds: [] },
    };
    const only = settingsWith({}, ['schedule', 'scope', 'quality', 'satisfaction', 'communication']);
    expect(describeCommitments(only, e, 'en').map((c) => c.text)).toEqual([
      'Effort spent no more than 10% over the estimates',
      'No open bug at acceptance',
      'At most 1 open bug at acceptance',
      'First response to issues you report within 1 hour',
      'Issues you report resolved within 1 hour',
    ]);
    expect(describeCommitments(only, e, 'zh-CN').map((c) => c.text)).toEqual([
      '实际工作量超出预估不超过 10%',
      '验收时没有未解决缺陷',
      '验收时未解决缺陷最多 1 个',
      '您报告的事务在 1 小时内首次响应',
      '您报告的事务在 1 小时内解决',
    ]);
  });

  it('says nothing internal: no budget, scope, client name, label or amber bound', () => {
    const text = describeCommitments(DEFAULT_PROJECT_SETTINGS, engagement, 'en')
      .map((c) => c.text)
      .join('\n');
    for (const internal of ['400', 'internal scope', 'Acme', 'client-reported', '10001', '15%']) {
      expect(text).not.toContain(internal);
    }
    expect(text).not.toMatch(/\b(amber|red|green)\b/iu);
  });
});
