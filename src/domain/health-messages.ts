import type { MeasureId, MeasureResult, RiskSignal, Why } from './health-types';
import type { HealthWhyCode, HealthWhyParams } from './health-why';
import type { Dimension } from './settings';

/**
 * Sentences for health and risk, in English and Simplified Chinese. Each catalogue is typed
 * `HealthMessages`, so a code, measure, dimension or signal missing in one language fails to
 * compile. Numbers, percentages and dates go through `Intl` in the message's language.
 */
export type MessageLang = 'en' | 'zh-CN';

type Unit = 'points' | 'issues';

/** Locale formatters handed to every message. */
interface Fmt {
  /** Up to one decimal. */
  num: (n: number) => string;
  /** A share 0..1 as a percentage, up to one decimal. */
  pct: (share: number) => string;
  /** A share with its sign (+12.5 %). */
  signedPct: (share: number) => string;
  /** A whole number with its sign (+3, −2, 0). */
  signed: (n: number) => string;
  /** A calendar day `YYYY-MM-DD`, medium style. */
  day: (day: string) => string;
}

type WhyMessages = { [C in HealthWhyCode]: (p: HealthWhyParams[C], f: Fmt) => string };
type RiskMessages = { [S in RiskSignal as S['code']]: (s: S, f: Fmt) => string };

interface HealthMessages {
  dimension: Readonly<Record<Dimension, string>>;
  measure: Readonly<Record<MeasureId, string>>;
  why: WhyMessages;
  risk: RiskMessages;
  value: {
    noData: string;
    slipDays: (days: number, f: Fmt) => string;
    commsLateDays: (days: number, f: Fmt) => string;
    csat: (mean: number, f: Fmt) => string;
  };
  /** Unknown code (a newer producer): shown as is. */
  unknown: (code: string) => string;
}

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);
const enDays = (n: number, f: Fmt): string => `${f.num(n)} ${plural(n, 'day', 'days')}`;
const enUnit = (n: number, unit: Unit, f: Fmt): string =>
  `${f.num(n)} ${unit === 'points' ? plural(n, 'point', 'points') : plural(n, 'issue', 'issues')}`;
const zhUnit = (n: number, unit: Unit, f: Fmt): string => `${f.num(n)} ${unit === 'points' ? '故事点' : '个问题'}`;

const en: HealthMessages = {
  dimension: {
    schedule: 'Schedule',
    scope: 'Scope',
    quality: 'Quality',
    cost: 'Cost',
    satisfaction: 'Satisfaction',
    communication: 'Communication',
  },
  measure: {
    slipDays: 'Next milestone slip',
    overdueShare: 'Overdue issues',
    scopeCreep: 'Scope creep',
    topPriorityBugs: 'Top-priority open bugs',
    reopenRate: 'Reopen rate',
    effortVariance: 'Effort variance',
    costPerformance: 'Cost performance',
    csat: 'Client satisfaction (CSAT)',
    commsLateDays: 'Late touchpoints',
  },
  why: {
    dimensionDisabled: () => 'Switched off for this project.',
    slipNoMilestone: () => 'No upcoming milestone has a target date.',
    slipNoIssues: (p, f) => `${p.milestone} (due ${f.day(p.target)}) has no issues to forecast.`,
    slipOverdue: (p, f) =>
      `${p.milestone} was due ${f.day(p.target)} and is not released: ${enDays(p.daysOverdue, f)} overdue, ${enUnit(p.remaining, p.unit, f)} remaining.`,
    slipNoThroughput: (p, f) =>
      `${p.milestone} (due ${f.day(p.target)}) has ${enUnit(p.remaining, p.unit, f)} remaining and nothing was completed in recent weeks.`,
    slipForecast: (p, f) =>
      p.slipDays > 0
        ? `${p.milestone} is forecast for ${f.day(p.forecast)}, ${enDays(p.slipDays, f)} after its target of ${f.day(p.target)}.`
        : p.slipDays === 0
          ? `${p.milestone} is forecast for ${f.day(p.forecast)}, on its target date.`
          : `${p.milestone} is forecast for ${f.day(p.forecast)}, ${enDays(-p.slipDays, f)} before its target of ${f.day(p.target)}.`,
    overdueNoDueDates: () => 'No open issue has a due date.',
    overdueShare: (p, f) => `${f.num(p.overdue)} of ${f.num(p.dated)} open issues with a due date are past due (${f.pct(p.share)}).`,
    creepNoMilestone: () => 'No upcoming milestone to measure scope against.',
    creepNoBaseline: (p) => `${p.milestone} has no scope baseline yet.`,
    creepSmallBaseline: (p, f) =>
      `${p.milestone}'s baseline has ${f.num(p.baseline)} ${plural(p.baseline, 'issue', 'issues')}, too few to measure creep (at least ${f.num(p.minBaseline)}).`,
    scopeCreep: (p, f) =>
      `${f.num(p.added)} ${plural(p.added, 'issue', 'issues')} added to ${p.milestone} after its baseline of ${f.num(p.baseline)} (${f.pct(p.share)}).`,
    topBugsNoPriorities: () => 'No issue has a priority, so bug severity is unknown.',
    topBugs: (p, f) =>
      p.count === 0
        ? 'No open bugs at the top two priorities.'
        : `${f.num(p.count)} open ${plural(p.count, 'bug', 'bugs')} at the top two priorities.`,
    reopenNoCompletions: (p, f) => `Nothing was completed in the last ${enDays(p.days, f)}.`,
    reopenRate: (p, f) =>
      `${f.num(p.reopened)} reopened against ${f.num(p.completed)} completed in the last ${enDays(p.days, f)} (${f.pct(p.share)}).`,
    effortNoIssues: () => 'No issues to compare with estimates.',
    effortLowCoverage: (p, f) =>
      `Only ${f.num(p.estimated)} of ${f.num(p.total)} issues have an original estimate (${f.pct(p.coverage)}; ${f.pct(p.minCoverage)} needed).`,
    effortVariance: (p, f) =>
      `Spent plus remaining is ${f.num(p.actualHours)} h against ${f.num(p.originalHours)} h estimated (${f.signedPct(p.variance)}) over ${f.num(p.estimated)} estimated issues.`,
    csatOverdueComplaints: (p, f) =>
      `${f.num(p.count)} client ${plural(p.count, 'complaint is', 'complaints are')} past the follow-up date.`,
    csatNoResponses: (p, f) => `No satisfaction responses in the last ${enDays(p.days, f)}.`,
    csat: (p, f) =>
      `Average rating ${f.num(p.mean)} from ${f.num(p.responses)} ${plural(p.responses, 'response', 'responses')} in the last ${enDays(p.days, f)}.`,
    commsNoTouchpoints: () => 'No client touchpoints are planned.',
    commsNoneLate: (p, f) => `All ${f.num(p.touchpoints)} client touchpoints are on schedule.`,
    commsLate: (p, f) =>
      `${f.num(p.count)} ${plural(p.count, 'touchpoint is', 'touchpoints are')} overdue; “${p.title}” is ${enDays(p.maxDays, f)} late.`,
  },
  risk: {
    overdue: (s, f) => `Overdue by ${enDays(s.days, f)}`,
    dueSoonNotStarted: (s, f) =>
      s.days === 0
        ? 'Due today and not started'
        : s.days === 1
          ? 'Due tomorrow and not started'
          : `Due in ${enDays(s.days, f)} and not started`,
    blocked: (s, f) =>
      s.by.days === null
        ? `Blocked by ${s.by.key} (${s.by.statusName})`
        : s.by.days === 0
          ? `Blocked by ${s.by.key} (${s.by.statusName}) since today`
          : `Blocked by ${s.by.key} (${s.by.statusName}) for ${enDays(s.by.days, f)}`,
    flagged: () => 'Flagged as an impediment',
    stale: (s, f) => `In progress with no update for ${enDays(s.days, f)}`,
    longCycle: (s, f) => `In progress for ${enDays(s.days, f)}, against a project median cycle time of ${enDays(s.medianDays, f)}`,
    reopened: (s, f) => (s.count === 1 ? 'Reopened once' : `Reopened ${f.num(s.count)} times`),
    overrun: (s, f) => `Time spent is ${f.pct(s.ratio)} of the original estimate`,
    topPriority: (s) => `Still open at ${s.priority} priority`,
    addedAfterBaseline: (s) => `Added to ${s.milestone} after its scope baseline`,
    milestoneRed: (s) => `In ${s.milestone}, whose schedule is red`,
  },
  value: {
    noData: 'No data',
    slipDays: (days, f) => `${f.signed(days)} ${plural(Math.abs(days), 'day', 'days')}`,
    commsLateDays: (days, f) => (days === 0 ? 'None late' : `${enDays(days, f)} late`),
    csat: (mean, f) => `${f.num(mean)} / 5`,
  },
  unknown: (code) => code,
};

const zhCN: HealthMessages = {
  dimension: {
    schedule: '进度',
    scope: '范围',
    quality: '质量',
    cost: '成本',
    satisfaction: '满意度',
    communication: '沟通',
  },
  measure: {
    slipDays: '下一里程碑延期',
    overdueShare: '逾期问题占比',
    scopeCreep: '范围蔓延',
    topPriorityBugs: '高优先级未解决缺陷',
    reopenRate: '重新打开率',
    effortVariance: '工时偏差',
    costPerformance: '成本绩效',
    csat: '客户满意度（CSAT）',
    commsLateDays: '逾期沟通节点',
  },
  why: {
    dimensionDisabled: () => '本项目已关闭此维度。',
    slipNoMilestone: () => '没有设定目标日期的后续里程碑。',
    slipNoIssues: (p, f) => `${p.milestone}（目标 ${f.day(p.target)}）没有可用于预测的问题。`,
    slipOverdue: (p, f) =>
      `${p.milestone} 原定 ${f.day(p.target)} 发布，至今未发布：已逾期 ${f.num(p.daysOverdue)} 天，剩余 ${zhUnit(p.remaining, p.unit, f)}。`,
    slipNoThroughput: (p, f) =>
      `${p.milestone}（目标 ${f.day(p.target)}）剩余 ${zhUnit(p.remaining, p.unit, f)}，但最近几周没有完成任何工作。`,
    slipForecast: (p, f) =>
      p.slipDays > 0
        ? `${p.milestone} 预计 ${f.day(p.forecast)} 完成，比目标日期 ${f.day(p.target)} 晚 ${f.num(p.slipDays)} 天。`
        : p.slipDays === 0
          ? `${p.milestone} 预计 ${f.day(p.forecast)} 完成，与目标日期一致。`
          : `${p.milestone} 预计 ${f.day(p.forecast)} 完成，比目标日期 ${f.day(p.target)} 早 ${f.num(-p.slipDays)} 天。`,
    overdueNoDueDates: () => '没有设置了到期日的未完成问题。',
    overdueShare: (p, f) => `${f.num(p.dated)} 个设有到期日的未完成问题中，${f.num(p.overdue)} 个已逾期（${f.pct(p.share)}）。`,
    creepNoMilestone: () => '没有可用于衡量范围的后续里程碑。',
    creepNoBaseline: (p) => `${p.milestone} 尚无范围基线。`,
    creepSmallBaseline: (p, f) =>
      `${p.milestone} 的基线只有 ${f.num(p.baseline)} 个问题，不足以衡量范围蔓延（至少需要 ${f.num(p.minBaseline)} 个）。`,
    scopeCreep: (p, f) => `基线之后有 ${f.num(p.added)} 个问题加入 ${p.milestone}，基线为 ${f.num(p.baseline)} 个（${f.pct(p.share)}）。`,
    topBugsNoPriorities: () => '问题均未设置优先级，无法判断缺陷的严重程度。',
    topBugs: (p, f) => (p.count === 0 ? '最高两级优先级中没有未解决的缺陷。' : `最高两级优先级中有 ${f.num(p.count)} 个未解决的缺陷。`),
    reopenNoCompletions: (p, f) => `最近 ${f.num(p.days)} 天内没有完成的问题。`,
    reopenRate: (p, f) =>
      `最近 ${f.num(p.days)} 天内完成 ${f.num(p.completed)} 个问题，重新打开 ${f.num(p.reopened)} 个（${f.pct(p.share)}）。`,
    effortNoIssues: () => '没有可与估算比较的问题。',
    effortLowCoverage: (p, f) =>
      `${f.num(p.total)} 个问题中只有 ${f.num(p.estimated)} 个有原始估算（${f.pct(p.coverage)}，至少需要 ${f.pct(p.minCoverage)}）。`,
    effortVariance: (p, f) =>
      `${f.num(p.estimated)} 个已估算问题的已用加剩余工时为 ${f.num(p.actualHours)} 小时，原始估算为 ${f.num(p.originalHours)} 小时（${f.signedPct(p.variance)}）。`,
    csatOverdueComplaints: (p, f) => `${f.num(p.count)} 条客户投诉已超过跟进期限。`,
    csatNoResponses: (p, f) => `最近 ${f.num(p.days)} 天内没有满意度反馈。`,
    csat: (p, f) => `最近 ${f.num(p.days)} 天内 ${f.num(p.responses)} 条反馈的平均评分为 ${f.num(p.mean)}。`,
    commsNoTouchpoints: () => '没有计划中的客户沟通节点。',
    commsNoneLate: (p, f) => `全部 ${f.num(p.touchpoints)} 个客户沟通节点均按计划进行。`,
    commsLate: (p, f) => `${f.num(p.count)} 个沟通节点已逾期；“${p.title}”已晚 ${f.num(p.maxDays)} 天。`,
  },
  risk: {
    overdue: (s, f) => `已逾期 ${f.num(s.days)} 天`,
    dueSoonNotStarted: (s, f) =>
      s.days === 0 ? '今天到期，尚未开始' : s.days === 1 ? '明天到期，尚未开始' : `${f.num(s.days)} 天后到期，尚未开始`,
    blocked: (s, f) =>
      s.by.days === null
        ? `被 ${s.by.key}（${s.by.statusName}）阻塞`
        : s.by.days === 0
          ? `今天起被 ${s.by.key}（${s.by.statusName}）阻塞`
          : `被 ${s.by.key}（${s.by.statusName}）阻塞 ${f.num(s.by.days)} 天`,
    flagged: () => '已标记为障碍',
    stale: (s, f) => `处理中，已 ${f.num(s.days)} 天没有更新`,
    longCycle: (s, f) => `已处理 ${f.num(s.days)} 天，而项目的周期时间中位数为 ${f.num(s.medianDays)} 天`,
    reopened: (s, f) => `已被重新打开 ${f.num(s.count)} 次`,
    overrun: (s, f) => `已用时间达到原始估算的 ${f.pct(s.ratio)}`,
    topPriority: (s) => `优先级为 ${s.priority}，仍未完成`,
    addedAfterBaseline: (s) => `在范围基线之后加入 ${s.milestone}`,
    milestoneRed: (s) => `所属里程碑 ${s.milestone} 的进度为红色`,
  },
  value: {
    noData: '数据不足',
    slipDays: (days, f) => `${f.signed(days)} 天`,
    commsLateDays: (days, f) => (days === 0 ? '无逾期' : `逾期 ${f.num(days)} 天`),
    csat: (mean, f) => `${f.num(mean)} / 5`,
  },
  unknown: (code) => code,
};

const CATALOGUES: Readonly<Record<MessageLang, HealthMessages>> = { en, 'zh-CN': zhCN };

const fmtCache = new Map<MessageLang, Fmt>();

function fmtFor(lang: MessageLang): Fmt {
  let fmt = fmtCache.get(lang);
  if (fmt === undefined) {
    const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const signedPct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    // Calendar days are zone-free: format them as UTC midnights so no zone can shift them.
    const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    fmt = {
      num: (n) => num.format(n),
      pct: (share) => pct.format(share),
      signedPct: (share) => signedPct.format(share),
      signed: (n) => signed.format(n),
      day: (d) => {
        const ms = Date.parse(`${d}T00:00:00Z`);
        return Number.isNaN(ms) ? d : day.format(ms);
      },
    };
    fmtCache.set(lang, fmt);
  }
  return fmt;
}

/**
 * The sentence for a health reason. A code this catalogue does not know (a newer producer) is
 * returned as is rather than throwing.
 */
export function formatWhy(why: Why, lang: MessageLang): string {
  const messages = CATALOGUES[lang];
  if (!Object.hasOwn(messages.why, why.code)) return messages.unknown(why.code);
  // The code picked the formatter; its params were built for that code by `healthWhy`.
  const format = messages.why[why.code as HealthWhyCode] as (p: Why['params'], f: Fmt) => string;
  return format(why.params, fmtFor(lang));
}

/** The sentence for one risk signal, e.g. "Blocked by ACME-12 (In Review) for 4 days". */
export function formatRiskSignal(signal: RiskSignal, lang: MessageLang): string {
  const format = CATALOGUES[lang].risk[signal.code] as (s: RiskSignal, f: Fmt) => string;
  return format(signal, fmtFor(lang));
}

/** The dimension's name ("Schedule", "进度"). */
export function dimensionLabel(dimension: Dimension, lang: MessageLang): string {
  return CATALOGUES[lang].dimension[dimension];
}

/** The measure's name ("Scope creep", "范围蔓延"). */
export function measureLabel(id: MeasureId, lang: MessageLang): string {
  return CATALOGUES[lang].measure[id];
}

/**
 * The measure's value as a person reads it: "+3 days", "12.5%", "4.2 / 5", "None late";
 * "No data" when the value is null.
 */
export function formatMeasureValue(measure: Pick<MeasureResult, 'id' | 'value'>, lang: MessageLang): string {
  const messages = CATALOGUES[lang];
  const f = fmtFor(lang);
  const { value } = measure;
  if (value === null) return messages.value.noData;
  switch (measure.id) {
    case 'slipDays':
      return messages.value.slipDays(value, f);
    case 'overdueShare':
    case 'scopeCreep':
    case 'reopenRate':
      return f.pct(value);
    case 'effortVariance':
      return f.signedPct(value);
    case 'topPriorityBugs':
      return f.num(value);
    case 'costPerformance':
      return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
    case 'csat':
      return messages.value.csat(value, f);
    case 'commsLateDays':
      return messages.value.commsLateDays(value, f);
  }
}
