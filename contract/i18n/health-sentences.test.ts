import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language';
import { DIMENSION_KEYS, MEASURE_IDS, type MeasureId, type RiskSignalJson, type WhyCode, type WhyJson, type WhyParams } from '../report';
import { HEALTH_MESSAGES } from './health-messages';
import { formatMeasureValue, formatWhy } from './health-sentences';
import { formatRiskSignal } from './risk-sentences';

const LANGS = LANGUAGES;
const why = <C extends WhyCode>(code: C, params: WhyParams<C>): WhyJson => ({ code, params }) as WhyJson;

/** One sample of every reason code (the record type makes a missing code a compile error). */
const WHY_SAMPLES: { [C in WhyCode]: WhyParams<C> } = {
  dimensionDisabled: {},
  slipNoMilestone: {},
  slipNoIssues: { milestone: 'R1', target: '2026-04-01' },
  slipOverdue: { milestone: 'R1', target: '2026-03-19', daysOverdue: 1, remaining: 3, unit: 'issues' },
  slipNoThroughput: { milestone: 'R1', target: '2026-04-01', remaining: 13, unit: 'points' },
  slipBeyondHorizon: { milestone: 'R1', target: '2026-04-01', remaining: 9000, unit: 'points' },
  slipForecast: { milestone: 'R1', target: '2026-04-01', forecast: '2026-04-04', slipDays: 3 },
  slipShortHistory: { milestone: 'R1', target: '2026-04-01', weeks: 2, minWeeks: 3 },
  overdueNoDueDates: {},
  overdueShare: { overdue: 3, dated: 20, share: 0.15 },
  creepNoMilestone: {},
  creepNoBaseline: { milestone: 'R1' },
  creepSmallBaseline: { milestone: 'R1', baseline: 1, minBaseline: 5 },
  scopeCreep: { milestone: 'R1', added: 2, baseline: 10, share: 0.2 },
  topBugsNoPriorities: {},
  topBugs: { count: 2 },
  reopenNoCompletions: { days: 30, reopened: 0 },
  reopenRate: { reopened: 1, completed: 20, days: 30, share: 0.05 },
  effortNoIssues: {},
  effortLowCoverage: { estimated: 4, total: 10, coverage: 0.4, minCoverage: 0.5 },
  effortVariance: { estimated: 5, total: 10, variance: 0.125, originalHours: 400, actualHours: 450 },
  costNoBudget: {},
  costNoTimeLogged: { budgetHours: 400 },
  costPerformance: { index: 0.9, percentComplete: 0.45, earnedHours: 180, spentHours: 200, budgetHours: 400 },
  csatOverdueComplaints: { count: 1 },
  csatNoResponses: { days: 90 },
  csat: { mean: 4.25, responses: 4, days: 90 },
  commsNoTouchpoints: {},
  commsNoneLate: { touchpoints: 3 },
  commsLate: { count: 2, maxDays: 3, title: 'Steering committee' },
};

describe('formatWhy', () => {
  it.each(LANGS.flatMap((lang) => (Object.keys(WHY_SAMPLES) as WhyCode[]).map((code) => ({ lang, code }))))(
    '$code has a sentence in $lang',
    ({ lang, code }) => {
      const text = formatWhy(why(code, WHY_SAMPLES[code] as never), lang);
      expect(text).not.toBe(code);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|NaN|\[object/u);
    },
  );

  it.each([
    { code: 'slipForecast', lang: 'en', text: 'R1 is forecast for Apr 4, 2026, 3 days after its target of Apr 1, 2026.' },
    { code: 'slipForecast', lang: 'zh-CN', text: 'R1 预计 2026年4月4日 完成，比目标日期 2026年4月1日 晚 3 天。' },
    { code: 'slipShortHistory', lang: 'en', text: 'R1 (due Apr 1, 2026) cannot be forecast yet: 2 weeks of history, at least 3 needed.' },
    { code: 'slipShortHistory', lang: 'zh-CN', text: 'R1（目标 2026年4月1日）暂无法预测：只有 2 周的历史数据，至少需要 3 周。' },
    { code: 'overdueShare', lang: 'en', text: '3 of 20 open issues with a due date are past due (15%).' },
    { code: 'effortVariance', lang: 'en', text: 'Spent plus remaining is 450 h against 400 h estimated (+12.5%) over 5 estimated issues.' },
    { code: 'commsLate', lang: 'zh-CN', text: '2 个沟通节点已逾期；“Steering committee”已晚 3 天。' },
  ] as const)('$code in $lang', ({ code, lang, text }) => {
    expect(formatWhy(why(code, WHY_SAMPLES[code] as never), lang)).toBe(text);
  });

  it('names the 50th percentile after the 85th when the report has it', () => {
    const w = why('slipForecast', { ...WHY_SAMPLES.slipForecast, p50: '2026-04-02' });
    expect(formatWhy(w, 'en')).toBe(
      'R1 is forecast for Apr 4, 2026 (85% likely; 50% likely by Apr 2, 2026), 3 days after its target of Apr 1, 2026.',
    );
    expect(formatWhy(w, 'zh-CN')).toBe(
      'R1 预计 2026年4月4日 完成（85% 把握；50% 把握在 2026年4月2日 前），比目标日期 2026年4月1日 晚 3 天。',
    );
  });

  it('slip before, on and after target', () => {
    const f = (slipDays: number) => formatWhy(why('slipForecast', { ...WHY_SAMPLES.slipForecast, slipDays }), 'en');
    expect(f(-2)).toContain('2 days before its target');
    expect(f(0)).toContain('on its target date');
    expect(f(1)).toContain('1 day after');
  });

  it('returns an unknown code as is instead of throwing', () => {
    // Data from a newer producer, past the schema.
    expect(formatWhy({ code: 'fromTheFuture', params: {} } as unknown as WhyJson, 'en')).toBe('fromTheFuture');
    expect(formatWhy({ code: 'toString', params: {} } as unknown as WhyJson, 'zh-CN')).toBe('toString');
  });
});

describe('formatRiskSignal', () => {
  it.each<{ signal: RiskSignalJson; en: string; zh: string }>([
    { signal: { code: 'overdue', days: 3, points: 33 }, en: 'Overdue by 3 days', zh: '已逾期 3 天' },
    { signal: { code: 'overdue', days: 1, points: 31 }, en: 'Overdue by 1 day', zh: '已逾期 1 天' },
    { signal: { code: 'dueSoonNotStarted', days: 0, points: 20 }, en: 'Due today and not started', zh: '今天到期，尚未开始' },
    { signal: { code: 'dueSoonNotStarted', days: 1, points: 20 }, en: 'Due tomorrow and not started', zh: '明天到期，尚未开始' },
    { signal: { code: 'dueSoonNotStarted', days: 3, points: 20 }, en: 'Due in 3 days and not started', zh: '3 天后到期，尚未开始' },
    {
      signal: { code: 'blocked', by: { key: 'ACME-12', statusName: 'In Review', days: 4 }, points: 25 },
      en: 'Blocked by ACME-12 (In Review) for 4 days',
      zh: '被 ACME-12（In Review）阻塞 4 天',
    },
    {
      signal: { code: 'blocked', by: { key: 'ACME-12', statusName: '审核中', days: null }, points: 25 },
      en: 'Blocked by ACME-12 (审核中)',
      zh: '被 ACME-12（审核中）阻塞',
    },
    {
      signal: { code: 'blocked', by: { key: 'ACME-12', statusName: 'Open', days: 0 }, points: 25 },
      en: 'Blocked by ACME-12 (Open) since today',
      zh: '今天起被 ACME-12（Open）阻塞',
    },
    { signal: { code: 'flagged', points: 25 }, en: 'Flagged as an impediment', zh: '已标记为障碍' },
    { signal: { code: 'stale', days: 9, points: 15 }, en: 'In progress with no update for 9 days', zh: '处理中，已 9 天没有更新' },
    {
      signal: { code: 'longCycle', days: 20, medianDays: 6.5, points: 10 },
      en: 'In progress for 20 days, against a project median cycle time of 6.5 days',
      zh: '已处理 20 天，而项目的周期时间中位数为 6.5 天',
    },
    { signal: { code: 'reopened', count: 1, points: 10 }, en: 'Reopened once', zh: '已被重新打开 1 次' },
    { signal: { code: 'reopened', count: 2, points: 20 }, en: 'Reopened 2 times', zh: '已被重新打开 2 次' },
    {
      signal: { code: 'overrun', ratio: 1.5, points: 10 },
      en: 'Time spent is 150% of the original estimate',
      zh: '已用时间达到初始预估的 150%',
    },
    {
      signal: { code: 'topPriority', priority: 'Highest', points: 10 },
      en: 'Still open at Highest priority',
      zh: '优先级为 Highest，仍未完成',
    },
    {
      signal: { code: 'addedAfterBaseline', milestone: 'R2', points: 5 },
      en: 'Added to R2 after its scope baseline',
      zh: '在范围基线之后加入 R2',
    },
    { signal: { code: 'milestoneRed', milestone: 'R2', points: 10 }, en: 'In R2, whose schedule is red', zh: '所属里程碑 R2 的进度为红色' },
  ])('$signal.code → $en', ({ signal, en, zh }) => {
    expect(formatRiskSignal(signal, 'en')).toBe(en);
    expect(formatRiskSignal(signal, 'zh-CN')).toBe(zh);
  });
});

describe('labels and values', () => {
  it('every dimension and measure has a label in both languages', () => {
    for (const lang of LANGS) {
      for (const d of DIMENSION_KEYS) expect(HEALTH_MESSAGES[lang][`dimension.${d}`]).toMatch(/\S/u);
      for (const m of MEASURE_IDS) expect(HEALTH_MESSAGES[lang][`measure.${m}`]).toMatch(/\S/u);
    }
    expect(HEALTH_MESSAGES['zh-CN']['dimension.schedule']).toBe('进度');
    expect(HEALTH_MESSAGES.en['measure.scopeCreep']).toBe('Scope creep');
  });

  it.each<{ id: MeasureId; value: number | null; en: string; zh: string }>([
    { id: 'slipDays', value: 3, en: '3 days late', zh: '晚 3 天' },
    { id: 'slipDays', value: -1, en: '1 day early', zh: '提前 1 天' },
    { id: 'slipDays', value: -15, en: '15 days early', zh: '提前 15 天' },
    { id: 'slipDays', value: 0, en: 'On time', zh: '按时' },
    { id: 'slipDays', value: null, en: 'No data', zh: '数据不足' },
    { id: 'overdueShare', value: 0.125, en: '12.5%', zh: '12.5%' },
    { id: 'scopeCreep', value: 0.2, en: '20%', zh: '20%' },
    { id: 'reopenRate', value: 0, en: '0%', zh: '0%' },
    { id: 'effortVariance', value: 0.1, en: '+10%', zh: '+10%' },
    { id: 'effortVariance', value: -0.05, en: '-5%', zh: '-5%' },
    { id: 'topPriorityBugs', value: 2, en: '2', zh: '2' },
    { id: 'csat', value: 4.25, en: '4.3 / 5', zh: '4.3 / 5' },
    { id: 'commsLateDays', value: 0, en: 'None late', zh: '无逾期' },
    { id: 'commsLateDays', value: 3, en: '3 days late', zh: '逾期 3 天' },
  ])('$id $value → $en / $zh', ({ id, value, en, zh }) => {
    expect(formatMeasureValue({ id, value }, 'en')).toBe(en);
    expect(formatMeasureValue({ id, value }, 'zh-CN')).toBe(zh);
  });
});
