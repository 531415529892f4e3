/**
 * Health sentences: why a measure or dimension has its colour (one sentence per `WhyCode`), and
 * a measure's value as a person reads it. Both languages are typed `HealthSentences`, so a code
 * missing in one fails to compile.
 */
import type { Language } from '../language';
import type { MeasureId, WhyCode, WhyJson, WhyParams } from '../report';
import { DAY_SENTENCES } from './day-sentences';
import { formatterFor, type Fmt } from './format';
import { HEALTH_MESSAGES } from './health-messages';

type Unit = 'points' | 'issues';

interface HealthSentences {
  why: { readonly [C in WhyCode]: (p: WhyParams<C>, f: Fmt) => string };
  value: {
    slipDays: (days: number, f: Fmt) => string;
    commsLateDays: (days: number, f: Fmt) => string;
    csat: (mean: number, f: Fmt) => string;
  };
}

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);
const enDays = (n: number, f: Fmt): string => `${f.num(n)} ${plural(n, 'day', 'days')}`;
const enUnit = (n: number, unit: Unit, f: Fmt): string =>
  `${f.num(n)} ${unit === 'points' ? plural(n, 'point', 'points') : plural(n, 'issue', 'issues')}`;
const zhUnit = (n: number, unit: Unit, f: Fmt): string => `${f.num(n)} ${unit === 'points' ? '故事点' : '个事务'}`;
/** The forecast is the 85th percentile; the median day follows it when the report has it. */
const enOdds = (p: { p50?: string | undefined }, f: Fmt): string =>
  p.p50 === undefined ? '' : ` (85% likely; 50% likely by ${f.day(p.p50)})`;
const zhOdds = (p: { p50?: string | undefined }, f: Fmt): string =>
  p.p50 === undefined ? '' : `（85% 把握；50% 把握在 ${f.day(p.p50)} 前）`;

const en: HealthSentences = {
  why: {
    dimensionDisabled: () => 'Switched off for this project.',
    slipNoMilestone: () => 'No upcoming milestone has a target date.',
    slipNoIssues: (p, f) => `${p.milestone} (due ${f.day(p.target)}) has no issues to forecast.`,
    slipOverdue: (p, f) =>
      `${p.milestone} was due ${f.day(p.target)} and is not released: ${enDays(p.daysOverdue, f)} overdue, ${enUnit(p.remaining, p.unit, f)} remaining.`,
    slipNoThroughput: (p, f) =>
      `${p.milestone} (due ${f.day(p.target)}) has ${enUnit(p.remaining, p.unit, f)} remaining and nothing was completed in recent weeks.`,
    slipBeyondHorizon: (p, f) =>
      `${p.milestone} (due ${f.day(p.target)}) has ${enUnit(p.remaining, p.unit, f)} remaining: at the recent pace it would not be done before 2200.`,
    slipForecast: (p, f) =>
      p.slipDays > 0
        ? `${p.milestone} is forecast for ${f.day(p.forecast)}${enOdds(p, f)}, ${enDays(p.slipDays, f)} after its target of ${f.day(p.target)}.`
        : p.slipDays === 0
          ? `${p.milestone} is forecast for ${f.day(p.forecast)}${enOdds(p, f)}, on its target date.`
          : `${p.milestone} is forecast for ${f.day(p.forecast)}${enOdds(p, f)}, ${enDays(-p.slipDays, f)} before its target of ${f.day(p.target)}.`,
    slipShortHistory: (p, f) =>
      `${p.milestone} (due ${f.day(p.target)}) cannot be forecast yet: ${f.num(p.weeks)} ${plural(p.weeks, 'week', 'weeks')} of history, at least ${f.num(p.minWeeks)} needed.`,
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
    costNoBudget: () => 'No hours budget is agreed in the engagement.',
    costNoTimeLogged: (p, f) => `No time is logged yet against the budget of ${f.num(p.budgetHours)} h.`,
    costPerformance: (p, f) =>
      `${f.pct(p.percentComplete)} complete earns ${f.num(Math.round(p.earnedHours))} h of the ${f.num(p.budgetHours)} h budget for ${f.num(Math.round(p.spentHours))} h spent (cost performance ${f.num2(p.index)}).`,
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
  value: {
    slipDays: (days, f) => DAY_SENTENCES.en.slip(days, f),
    commsLateDays: (days, f) => (days === 0 ? 'None late' : `${enDays(days, f)} late`),
    csat: (mean, f) => `${f.num(mean)} / 5`,
  },
};

const zhCN: HealthSentences = {
  why: {
    dimensionDisabled: () => '本项目已关闭此维度。',
    slipNoMilestone: () => '没有设定目标日期的后续里程碑。',
    slipNoIssues: (p, f) => `${p.milestone}（目标 ${f.day(p.target)}）没有可用于预测的事务。`,
    slipOverdue: (p, f) =>
      `${p.milestone} 原定 ${f.day(p.target)} 发布，至今未发布：已逾期 ${f.num(p.daysOverdue)} 天，剩余 ${zhUnit(p.remaining, p.unit, f)}。`,
    slipNoThroughput: (p, f) =>
      `${p.milestone}（目标 ${f.day(p.target)}）剩余 ${zhUnit(p.remaining, p.unit, f)}，但最近几周没有完成任何工作。`,
    slipBeyondHorizon: (p, f) =>
      `${p.milestone}（目标 ${f.day(p.target)}）剩余 ${zhUnit(p.remaining, p.unit, f)}：按最近的进度，2200 年之前无法完成。`,
    slipForecast: (p, f) =>
      p.slipDays > 0
        ? `${p.milestone} 预计 ${f.day(p.forecast)} 完成${zhOdds(p, f)}，比目标日期 ${f.day(p.target)} 晚 ${f.num(p.slipDays)} 天。`
        : p.slipDays === 0
          ? `${p.milestone} 预计 ${f.day(p.forecast)} 完成${zhOdds(p, f)}，与目标日期一致。`
          : `${p.milestone} 预计 ${f.day(p.forecast)} 完成${zhOdds(p, f)}，比目标日期 ${f.day(p.target)} 早 ${f.num(-p.slipDays)} 天。`,
    slipShortHistory: (p, f) =>
      `${p.milestone}（目标 ${f.day(p.target)}）暂无法预测：只有 ${f.num(p.weeks)} 周的历史数据，至少需要 ${f.num(p.minWeeks)} 周。`,
    overdueNoDueDates: () => '没有设置了到期日的未完成事务。',
    overdueShare: (p, f) => `${f.num(p.dated)} 个设有到期日的未完成事务中，${f.num(p.overdue)} 个已逾期（${f.pct(p.share)}）。`,
    creepNoMilestone: () => '没有可用于衡量范围的后续里程碑。',
    creepNoBaseline: (p) => `${p.milestone} 尚无范围基线。`,
    creepSmallBaseline: (p, f) =>
      `${p.milestone} 的基线只有 ${f.num(p.baseline)} 个事务，不足以衡量范围蔓延（至少需要 ${f.num(p.minBaseline)} 个）。`,
    scopeCreep: (p, f) => `基线之后有 ${f.num(p.added)} 个事务加入 ${p.milestone}，基线为 ${f.num(p.baseline)} 个（${f.pct(p.share)}）。`,
    topBugsNoPriorities: () => '事务均未设置优先级，无法判断缺陷的严重程度。',
    topBugs: (p, f) => (p.count === 0 ? '最高两级优先级中没有未解决的缺陷。' : `最高两级优先级中有 ${f.num(p.count)} 个未解决的缺陷。`),
    reopenNoCompletions: (p, f) => `最近 ${f.num(p.days)} 天内没有完成的事务。`,
    reopenRate: (p, f) =>
      `最近 ${f.num(p.days)} 天内完成 ${f.num(p.completed)} 个事务，重新打开 ${f.num(p.reopened)} 个（${f.pct(p.share)}）。`,
    effortNoIssues: () => '没有可与预估比较的事务。',
    effortLowCoverage: (p, f) =>
      `${f.num(p.total)} 个事务中只有 ${f.num(p.estimated)} 个有初始预估（${f.pct(p.coverage)}，至少需要 ${f.pct(p.minCoverage)}）。`,
    effortVariance: (p, f) =>
      `${f.num(p.estimated)} 个已预估事务的已用加剩余工时为 ${f.num(p.actualHours)} 小时，初始预估为 ${f.num(p.originalHours)} 小时（${f.signedPct(p.variance)}）。`,
    costNoBudget: () => '合作约定中没有工时预算。',
    costNoTimeLogged: (p, f) => `${f.num(p.budgetHours)} 小时的预算尚未登记任何工时。`,
    costPerformance: (p, f) =>
      `完成 ${f.pct(p.percentComplete)}，挣得 ${f.num(p.budgetHours)} 小时预算中的 ${f.num(Math.round(p.earnedHours))} 小时，已用 ${f.num(Math.round(p.spentHours))} 小时（成本绩效 ${f.num2(p.index)}）。`,
    csatOverdueComplaints: (p, f) => `${f.num(p.count)} 条客户投诉已超过跟进期限。`,
    csatNoResponses: (p, f) => `最近 ${f.num(p.days)} 天内没有满意度反馈。`,
    csat: (p, f) => `最近 ${f.num(p.days)} 天内 ${f.num(p.responses)} 条反馈的平均评分为 ${f.num(p.mean)}。`,
    commsNoTouchpoints: () => '没有计划中的客户沟通节点。',
    commsNoneLate: (p, f) => `全部 ${f.num(p.touchpoints)} 个客户沟通节点均按计划进行。`,
    commsLate: (p, f) => `${f.num(p.count)} 个沟通节点已逾期；“${p.title}”已晚 ${f.num(p.maxDays)} 天。`,
  },
  value: {
    slipDays: (days, f) => DAY_SENTENCES['zh-CN'].slip(days, f),
    commsLateDays: (days, f) => (days === 0 ? '无逾期' : `逾期 ${f.num(days)} 天`),
    csat: (mean, f) => `${f.num(mean)} / 5`,
  },
};

export const HEALTH_SENTENCES: Readonly<Record<Language, HealthSentences>> = { en, 'zh-CN': zhCN };

/**
 * The sentence for a health reason. A code this catalogue does not know (data from a newer
 * producer) is returned as is rather than throwing.
 */
export function formatWhy(why: WhyJson, lang: Language): string {
  const sentences = HEALTH_SENTENCES[lang].why;
  if (!Object.hasOwn(sentences, why.code)) return why.code;
  // The code picked the sentence, and the schema gave the params that code takes.
  const sentence = sentences[why.code] as (p: WhyJson['params'], f: Fmt) => string;
  return sentence(why.params, formatterFor(lang));
}

/**
 * The measure's value as a person reads it: "3 days late", "12.5%", "4.2 / 5", "None late";
 * "No data" when the value is null.
 */
export function formatMeasureValue(measure: { id: MeasureId; value: number | null }, lang: Language): string {
  const { value } = measure;
  if (value === null) return HEALTH_MESSAGES[lang]['health.noData'];
  const sentences = HEALTH_SENTENCES[lang].value;
  const f = formatterFor(lang);
  switch (measure.id) {
    case 'slipDays':
      return sentences.slipDays(value, f);
    case 'overdueShare':
    case 'scopeCreep':
    case 'reopenRate':
      return f.pct(value);
    case 'effortVariance':
      return f.signedPct(value);
    case 'topPriorityBugs':
      return f.num(value);
    case 'costPerformance':
      return f.num2(value);
    case 'csat':
      return sentences.csat(value, f);
    case 'commsLateDays':
      return sentences.commsLateDays(value, f);
  }
}
