/**
 * The catalogue is complete: every code the domain can emit — why codes, risk signals,
 * data-quality notes, headline codes, section ids, measure ids, dimensions, RAGs, levels,
 * error codes — has its text in every language. The codes are enumerated from the contract's
 * schemas, which the domain's types are derived from, so a code added there without text here
 * fails this test (and, for the typed sentence tables, the compiler).
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language';
import {
  AUDIENCES,
  DIMENSION_KEYS,
  MEASURE_IDS,
  REPORT_SECTION_IDS,
  RISK_LEVELS,
  dataQualityNoteSchema,
  headlineSchema,
  ragSchema,
  riskSignalSchema,
  whySchema,
  type DataQualityCode,
  type DataQualityNoteJson,
  type RiskSignalCode,
  type RiskSignalJson,
  type WhyCode,
  type WhyJson,
  type WhyParams,
} from '../report';
import { ERROR_CODES } from '../resolvers';
import { APP_MESSAGES } from './app-messages';
import { COMMON_MESSAGES } from './common-messages';
import { CHANGE_MESSAGES } from './change-messages';
import { COMMS_MESSAGES } from './comms-messages';
import { ENGAGEMENT_MESSAGES } from './engagement-messages';
import { CLOSING_MESSAGES } from './closing-messages';
import { RISK_REGISTER_MESSAGES } from './risk-register-messages';
import { FEEDBACK_MESSAGES } from './feedback-messages';
import { formatDataQualityNote } from './data-quality-sentences';
import { formatSlipDays, formatWait } from './day-sentences';
import { HEADLINE_SENTENCES } from './headline-sentences';
import { HEALTH_MESSAGES } from './health-messages';
import { HISTORY_MESSAGES } from './history-messages';
import { formatMeasureValue, formatWhy } from './health-sentences';
import { ISSUE_MESSAGES } from './issue-messages';
import { OVERVIEW_MESSAGES } from './overview-messages';
import { RAG_MESSAGES } from './rag-messages';
import { REPORT_MESSAGES } from './report-messages';
import { REPORTS_MESSAGES } from './reports-messages';
import { RISK_MESSAGES } from './risk-messages';
import { formatRiskSignal } from './risk-sentences';
import { SETTINGS_MESSAGES } from './settings-messages';
import { SHARE_MESSAGES } from './share-messages';
import { SHARE_PAGE_MESSAGES } from './share-page-messages';
import { SUMMARY_MESSAGES } from './summary-messages';
import { SYNC_MESSAGES } from './sync-messages';
import { NARRATIVE_MESSAGES } from './narrative-messages';
import { SUPPORT_MESSAGES } from './support-messages';
import { BURN_MESSAGES } from './burn-messages';
import { COMMITMENT_MESSAGES } from './commitment-messages';
import type { AnyStrings } from './strings';

/** The values of a discriminated union's discriminator, read from the schema itself. */
interface SchemaNode {
  _zod: { def: { options?: readonly SchemaNode[]; shape?: Record<string, SchemaNode>; values?: readonly unknown[] } };
}
function discriminatorValues(schema: SchemaNode, key = 'code'): string[] {
  const { options, shape } = schema._zod.def;
  if (options) return options.flatMap((option) => discriminatorValues(option, key));
  const values = shape?.[key]?._zod.def.values ?? [];
  return values.map(String);
}

const WHY_CODES = discriminatorValues(whySchema as unknown as SchemaNode) as WhyCode[];
const SIGNAL_CODES = discriminatorValues(riskSignalSchema as unknown as SchemaNode) as RiskSignalCode[];
const NOTE_CODES = discriminatorValues(dataQualityNoteSchema as unknown as SchemaNode) as DataQualityCode[];
const HEADLINE_CODES = discriminatorValues(headlineSchema as unknown as SchemaNode);

/** One sample per code; the record types make a missing code a compile error. */
const WHY: { [C in WhyCode]: WhyParams<C> } = {
  dimensionDisabled: {},
  slipNoMilestone: {},
  slipNoIssues: { milestone: 'R1', target: '2026-04-01' },
  slipOverdue: { milestone: 'R1', target: '2026-03-19', daysOverdue: 2, remaining: 3, unit: 'issues' },
  slipNoThroughput: { milestone: 'R1', target: '2026-04-01', remaining: 13, unit: 'points' },
  slipBeyondHorizon: { milestone: 'R1', target: '2026-04-01', remaining: 9000, unit: 'points' },
  slipForecast: { milestone: 'R1', target: '2026-04-01', forecast: '2026-04-04', slipDays: 3 },
  slipShortHistory: { milestone: 'R1', target: '2026-04-01', weeks: 2, minWeeks: 3 },
  overdueNoDueDates: {},
  overdueShare: { overdue: 3, dated: 20, share: 0.15 },
  creepNoMilestone: {},
  creepNoBaseline: { milestone: 'R1' },
  creepSmallBaseline: { milestone: 'R1', baseline: 2, minBaseline: 5 },
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
  csatOverdueComplaints: { count: 2 },
  csatNoResponses: { days: 90 },
  csat: { mean: 4.25, responses: 4, days: 90 },
  commsNoTouchpoints: {},
  commsNoneLate: { touchpoints: 3 },
  commsLate: { count: 2, maxDays: 3, title: 'Steering committee' },
};

const SIGNALS: { [C in RiskSignalCode]: Extract<RiskSignalJson, { code: C }> } = {
  overdue: { code: 'overdue', days: 3, points: 33 },
  dueSoonNotStarted: { code: 'dueSoonNotStarted', days: 2, points: 20 },
  blocked: { code: 'blocked', by: { key: 'ACME-12', statusName: 'Review', days: 4 }, points: 25 },
  flagged: { code: 'flagged', points: 25 },
  stale: { code: 'stale', days: 9, points: 15 },
  longCycle: { code: 'longCycle', days: 20, medianDays: 6, points: 10 },
  reopened: { code: 'reopened', count: 2, points: 20 },
  overrun: { code: 'overrun', ratio: 1.5, points: 10 },
  topPriority: { code: 'topPriority', priority: 'Highest', points: 10 },
  addedAfterBaseline: { code: 'addedAfterBaseline', milestone: 'R2', points: 5 },
  milestoneRed: { code: 'milestoneRed', milestone: 'R2', points: 10 },
  waitingOnClient: { code: 'waitingOnClient', days: 12, estimated: false, points: 0 },
};

const NOTES: { [C in DataQualityCode]: Extract<DataQualityNoteJson, { code: C }> } = {
  resolvedNotDone: { code: 'resolvedNotDone', issueKey: 'ACME-1', statusName: 'Triage', resolution: 'Fixed' },
  doneWithoutResolution: { code: 'doneWithoutResolution', issueKey: 'ACME-1', statusName: 'Closed' },
  noStatusCategory: { code: 'noStatusCategory', issueKey: 'ACME-1', statusName: 'Triage' },
  dueBeforeCreated: { code: 'dueBeforeCreated', issueKey: 'ACME-1', due: '2026-01-04', created: '2026-01-05' },
  blockerOutsideProject: { code: 'blockerOutsideProject', issueKey: 'ACME-1', blockerKey: 'OPS-9' },
  subtaskPointsDoubleCounted: { code: 'subtaskPointsDoubleCounted', issueKey: 'ACME-3', parentKey: 'ACME-2' },
  implausibleEstimate: { code: 'implausibleEstimate', issueKey: 'ACME-4', field: 'storyPoints', value: '1e+308' },
  implausibleDate: { code: 'implausibleDate', issueKey: 'ACME-5', field: 'due', value: '9999-12-31' },
  implausibleMilestoneDate: {
    code: 'implausibleMilestoneDate',
    issueKey: null,
    milestone: 'R2',
    field: 'releaseDate',
    value: '9999-12-31',
  },
  completionEstimated: { code: 'completionEstimated', issueKey: null, count: 2 },
  more: { code: 'more', issueKey: null, of: 'doneWithoutResolution', count: 4, issueKeys: ['ACME-7', 'ACME-8', 'ACME-9', 'ACME-10'] },
};

const NAMESPACES: Record<string, AnyStrings> = {
  APP_MESSAGES,
  CHANGE_MESSAGES,
  COMMON_MESSAGES,
  COMMS_MESSAGES,
  ENGAGEMENT_MESSAGES,
  FEEDBACK_MESSAGES,
  HEALTH_MESSAGES,
  HISTORY_MESSAGES,
  ISSUE_MESSAGES,
  OVERVIEW_MESSAGES,
  RAG_MESSAGES,
  REPORT_MESSAGES,
  REPORTS_MESSAGES,
  RISK_MESSAGES,
  RISK_REGISTER_MESSAGES,
  SETTINGS_MESSAGES,
  SHARE_MESSAGES,
  SHARE_PAGE_MESSAGES,
  SUMMARY_MESSAGES,
  SYNC_MESSAGES,
  NARRATIVE_MESSAGES,
  CLOSING_MESSAGES,
  SUPPORT_MESSAGES,
  BURN_MESSAGES,
  COMMITMENT_MESSAGES,
};

/** What a rendered sentence must never show: a missing value, a code, a stray object. */
function expectSentence(text: string, code: string): void {
  expect(text, code).not.toBe(code);
  expect(text.trim(), code).not.toBe('');
  expect(text, code).not.toMatch(/undefined|NaN|\[object|\{\w+\}/u);
}

/** Chinese text keeps names from Jira, keys and acronyms; nothing else in Latin letters. */
const NAMES = ['Steering committee', 'Review', 'Triage', 'Fixed', 'Closed', 'Highest', 'CSAT', 'Jira', 'R1', 'R2'];
function expectChinese(text: string, code: string): void {
  const stripped = NAMES.reduce((t, name) => t.replaceAll(name, ''), text.replace(/\b[A-Z][A-Z0-9_]*-\d+\b/gu, ''));
  expect(stripped, `${code}: ${text}`).not.toMatch(/[A-Za-z]{2,}/u);
}

describe('the catalogue has every code the domain can emit, in every language', () => {
  it('the samples cover every code of the schemas', () => {
    expect(Object.keys(WHY).sort()).toEqual([...WHY_CODES].sort());
    expect(Object.keys(SIGNALS).sort()).toEqual([...SIGNAL_CODES].sort());
    expect(Object.keys(NOTES).sort()).toEqual([...NOTE_CODES].sort());
    expect(WHY_CODES.length).toBeGreaterThan(20);
    expect(SIGNAL_CODES.length).toBe(12);
    expect(NOTE_CODES).toContain('implausibleEstimate');
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    it.each(WHY_CODES)('why %s', (code) => {
      const text = formatWhy({ code, params: WHY[code] } as WhyJson, lang);
      expectSentence(text, code);
      if (lang === 'zh-CN') expectChinese(text, code);
    });

    it.each(SIGNAL_CODES)('risk signal %s', (code) => {
      const text = formatRiskSignal(SIGNALS[code], lang);
      expectSentence(text, code);
      if (lang === 'zh-CN') expectChinese(text, code);
    });

    it.each(NOTE_CODES)('data-quality note %s', (code) => {
      const note = NOTES[code];
      const text = formatDataQualityNote(note, lang);
      expectSentence(text, code);
      if (note.issueKey !== null) expect(text).toContain(note.issueKey);
      if (lang === 'zh-CN') expectChinese(text.replace('1e+308', '').replace('9999-12-31', ''), code);
    });

    it.each(HEADLINE_CODES)('headline %s', (code) => {
      expect(Object.hasOwn(HEADLINE_SENTENCES[lang], code)).toBe(true);
    });

    it('section titles, dimensions, measures, RAGs, levels, audiences and errors', () => {
      const words = [
        ...REPORT_SECTION_IDS.map((id) => REPORT_MESSAGES[lang][`report.${id}`]),
        ...DIMENSION_KEYS.map((d) => HEALTH_MESSAGES[lang][`dimension.${d}`]),
        ...MEASURE_IDS.map((m) => HEALTH_MESSAGES[lang][`measure.${m}`]),
        ...ragSchema.options.map((rag) => RAG_MESSAGES[lang][`rag.${rag}`]),
        ...RISK_LEVELS.map((level) => RISK_MESSAGES[lang][`risk.level.${level}`]),
        ...AUDIENCES.map((audience) => REPORT_MESSAGES[lang][`report.audienceName.${audience}`]),
        ...ERROR_CODES.map((code) => COMMON_MESSAGES[lang][`error.${code}`]),
      ];
      expect(words).toHaveLength(
        REPORT_SECTION_IDS.length +
          DIMENSION_KEYS.length +
          MEASURE_IDS.length +
          ragSchema.options.length +
          RISK_LEVELS.length +
          AUDIENCES.length +
          ERROR_CODES.length,
      );
      for (const word of words) expect(typeof word === 'string' && word.trim() !== '').toBe(true);
    });

    it.each(MEASURE_IDS)('measure value %s, with and without data', (id) => {
      expectSentence(formatMeasureValue({ id, value: 2 }, lang), id);
      expect(formatMeasureValue({ id, value: null }, lang)).toBe(HEALTH_MESSAGES[lang]['health.noData']);
    });
  });

  const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]).sort();

  // The `Translation` type refuses a missing key at compile time; this guards the runtime
  // values (an empty string, a translated placeholder name).
  it.each(Object.entries(NAMESPACES))('%s: every language has every English key, with the same placeholders', (_name, namespace) => {
    const english = namespace.en;
    for (const lang of LANGUAGES) {
      const table = namespace[lang];
      expect(Object.keys(table).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        const translated = table[key] ?? '';
        expect(translated.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholdersOf(translated), `${lang} ${key}`).toEqual(placeholdersOf(text));
      }
    }
  });

  it('no key is in two namespaces: a key names one text', () => {
    const seen = new Map<string, string>();
    for (const [name, namespace] of Object.entries(NAMESPACES)) {
      for (const key of Object.keys(namespace.en)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, name);
      }
    }
  });
});

/**
 * Chinese speaks Jira's own zh-CN words: an issue is 事务 (问题 means only "a problem"), and an
 * estimate is 预估 (Jira's 初始预估 and 剩余预估). Checked over every string and every rendered
 * sentence sample, so a new text that slips back fails here.
 */
describe('Chinese uses Jira’s terms', () => {
  const zh: string[] = [
    ...Object.values(NAMESPACES).flatMap((namespace) => Object.values(namespace['zh-CN'])),
    ...WHY_CODES.map((code) => formatWhy({ code, params: WHY[code] } as WhyJson, 'zh-CN')),
    ...SIGNAL_CODES.map((code) => formatRiskSignal(SIGNALS[code], 'zh-CN')),
    ...NOTE_CODES.map((code) => formatDataQualityNote(NOTES[code], 'zh-CN')),
    ...MEASURE_IDS.map((id) => formatMeasureValue({ id, value: 2 }, 'zh-CN')),
  ];
  /** Where 问题 means "a problem", not an issue. */
  const PROBLEM_PHRASES = ['同样的问题', '出现了问题', '如果问题持续出现'];

  it('calls an issue 事务, never 问题', () => {
    expect(zh.length).toBeGreaterThan(300);
    const issueSense = zh.filter((text) => PROBLEM_PHRASES.reduce((rest, phrase) => rest.replaceAll(phrase, ''), text).includes('问题'));
    expect(issueSense).toEqual([]);
    // Phrases that used to say 问题 for issues, as the reader meets them.
    for (const phrase of ['个事务', '事务总数', '事务风险', '被以下事务阻塞', '未完成事务', '正在读取事务', '逾期事务占比']) {
      expect(
        zh.some((text) => text.includes(phrase)),
        phrase,
      ).toBe(true);
    }
  });

  it('calls the due date 到期日, as Jira does, never 截止日期 or 截止', () => {
    expect(zh.filter((text) => /截止/u.test(text))).toEqual([]);
    expect(zh.some((text) => text.includes('到期日'))).toBe(true);
    expect(ISSUE_MESSAGES['zh-CN']['issue.due']).toBe('到期日');
  });

  it('writes signed day counts in words: 提前 15 天, 晚 15 天, never 延误 -15天 or +47 天', () => {
    const days = [-47, -15, -1, 0, 1, 15, 47].map((n) => formatSlipDays(n, 'zh-CN'));
    const waits = [0, 1, 12].flatMap((n) => [true, false].map((estimated) => formatWait({ days: n, estimated }, 'zh-CN')));
    const all = [...zh, ...days, ...waits];
    expect(all.filter((text) => /[+\-−]\s?\d[\d,.]*\s?天/u.test(text))).toEqual([]);
    expect(all.filter((text) => /延误/u.test(text))).toEqual([]);
    // One space between a number (or its placeholder) and 天, everywhere.
    expect(all.filter((text) => /(\d|\})天/u.test(text))).toEqual([]);
    expect(days).toContain('提前 15 天');
    expect(days).toContain('晚 15 天');
  });

  it('calls an estimate 预估, as Jira does', () => {
    expect(zh.filter((text) => /估算|估计|原始预估/u.test(text))).toEqual([]);
    expect(zh.some((text) => text.includes('初始预估'))).toBe(true);
  });
});
