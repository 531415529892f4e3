/**
 * The drafted narrative's sentences (`draftNarrative`), in every language. Each takes only what
 * the report says — counts, names, days and the report's own sentences — so the narrative never
 * says more than its evidence. Items are quoted summaries or names; lists name three and count
 * the rest.
 */
import type { Language } from '../language';

type Rag = 'green' | 'amber' | 'red';

export interface NarrativeSentences {
  /** A list of quoted items, the first three named and the rest counted. */
  list: (items: readonly string[], total: number) => string;
  sentence: (text: string) => string;
  /** Paragraphs join sentences with this. */
  joiner: string;
  completed: (p: { count: number; items: string }) => string;
  nothingCompleted: () => string;
  released: (p: { milestone: string; date: string }) => string;
  targetMoved: (p: { milestone: string; from: string; to: string }) => string;
  newChanges: (p: { count: number; items: string }) => string;
  approvedChanges: (p: { count: number; items: string }) => string;
  rejectedChanges: (p: { count: number; items: string }) => string;
  sustained: (p: { dimensions: readonly string[] }) => string;
  overridden: (p: { reported: Rag; computed: Rag; reason: string }) => string;
  dimension: (p: { dimension: string; rag: 'amber' | 'red'; why: string }) => string;
  clientDimension: (p: { dimension: string; rag: 'amber' | 'red' }) => string;
  notEnoughData: (p: { dimensions: readonly string[] }) => string;
  allGreen: () => string;
  nextMilestone: (p: { milestone: string; date: string; forecast: string | null }) => string;
  nextUp: (p: { count: number; items: string }) => string;
  inProgress: (p: { count: number; items: string }) => string;
  /** `client`: the sentence addresses the client ("waiting on you"). */
  waiting: (p: { count: number; items: string; longestDays: number; client: boolean }) => string;
  awaitingDecision: (p: { count: number; items: string; client: boolean }) => string;
  nothingNeeded: (p: { client: boolean }) => string;
}

const quoteEn = (item: string) => `“${item}”`;
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
const andList = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

const en: NarrativeSentences = {
  list: (items, total) => {
    const named = items.slice(0, 3).map(quoteEn);
    const rest = total - named.length;
    return rest > 0 ? `${named.join(', ')} and ${String(rest)} more` : andList(named);
  },
  sentence: (text) => (/[.!?]$/u.test(text) ? text : `${text}.`),
  joiner: ' ',
  completed: ({ count, items }) => `${String(count)} ${plural(count, 'issue was', 'issues were')} completed in the period: ${items}`,
  nothingCompleted: () => 'No work was completed in the period',
  released: ({ milestone, date }) => `Milestone ${milestone} was released on ${date}`,
  targetMoved: ({ milestone, from, to }) => `The target of milestone ${milestone} moved from ${from} to ${to}`,
  newChanges: ({ count, items }) => `${String(count)} change ${plural(count, 'request was', 'requests were')} raised: ${items}`,
  approvedChanges: ({ count, items }) => `${String(count)} change ${plural(count, 'request was', 'requests were')} approved: ${items}`,
  rejectedChanges: ({ count, items }) => `${String(count)} change ${plural(count, 'request was', 'requests were')} rejected: ${items}`,
  sustained: ({ dimensions }) =>
    `${andList(dimensions)} ${plural(dimensions.length, 'has', 'have')} been amber or red in two reports in a row`,
  overridden: ({ reported, computed, reason }) =>
    `The overall status is reported as ${reported} instead of the computed ${computed}: ${reason}`,
  dimension: ({ dimension, rag, why }) => `${dimension} is ${rag}: ${why}`,
  clientDimension: ({ dimension, rag }) => (rag === 'red' ? `${dimension} is at risk` : `${dimension} needs attention`),
  notEnoughData: ({ dimensions }) => `There is not enough data yet for ${andList(dimensions)}`,
  allGreen: () => 'Every tracked area is on track',
  nextMilestone: ({ milestone, date, forecast }) =>
    forecast === null
      ? `Next comes milestone ${milestone}, due ${date}`
      : `Next comes milestone ${milestone}, due ${date} and forecast for ${forecast}`,
  nextUp: ({ count, items }) => `${String(count)} ${plural(count, 'issue is', 'issues are')} up next: ${items}`,
  inProgress: ({ count, items }) => `${String(count)} ${plural(count, 'issue is', 'issues are')} in progress: ${items}`,
  waiting: ({ count, items, longestDays, client }) =>
    `${String(count)} ${plural(count, 'item is', 'items are')} waiting on ${client ? 'you' : 'the client'}, the longest for ${String(longestDays)} ${plural(longestDays, 'day', 'days')}: ${items}`,
  awaitingDecision: ({ count, items, client }) =>
    `${String(count)} change ${plural(count, 'request awaits', 'requests await')} ${client ? 'your' : 'the client’s'} decision: ${items}`,
  nothingNeeded: ({ client }) => (client ? 'Nothing is waiting on you at the moment' : 'Nothing is waiting on the client at the moment'),
};

const ZH_RAG: Readonly<Record<Rag, string>> = { green: '绿色', amber: '黄色', red: '红色' };
const quoteZh = (item: string) => `“${item}”`;

const zhCN: NarrativeSentences = {
  list: (items, total) => {
    const named = items.slice(0, 3).map(quoteZh).join('、');
    return total > items.slice(0, 3).length ? `${named}等 ${String(total)} 项` : named;
  },
  sentence: (text) => (/[。！？]$/u.test(text) ? text : `${text}。`),
  joiner: '',
  completed: ({ count, items }) => `本期完成了 ${String(count)} 个事务：${items}`,
  nothingCompleted: () => '本期没有完成的事务',
  released: ({ milestone, date }) => `里程碑 ${milestone} 已于 ${date} 发布`,
  targetMoved: ({ milestone, from, to }) => `里程碑 ${milestone} 的目标日期从 ${from} 调整为 ${to}`,
  newChanges: ({ count, items }) => `新提出了 ${String(count)} 项变更请求：${items}`,
  approvedChanges: ({ count, items }) => `批准了 ${String(count)} 项变更请求：${items}`,
  rejectedChanges: ({ count, items }) => `拒绝了 ${String(count)} 项变更请求：${items}`,
  sustained: ({ dimensions }) => `${dimensions.join('、')}已连续两期报告为黄色或红色`,
  overridden: ({ reported, computed, reason }) => `总体状态报告为${ZH_RAG[reported]}，计算结果为${ZH_RAG[computed]}：${reason}`,
  dimension: ({ dimension, rag, why }) => `${dimension}为${ZH_RAG[rag]}：${why}`,
  clientDimension: ({ dimension, rag }) => (rag === 'red' ? `${dimension}存在风险` : `${dimension}需要关注`),
  notEnoughData: ({ dimensions }) => `${dimensions.join('、')}暂无足够数据`,
  allGreen: () => '各项指标均进展正常',
  nextMilestone: ({ milestone, date, forecast }) =>
    forecast === null
      ? `接下来是里程碑 ${milestone}，到期日为 ${date}`
      : `接下来是里程碑 ${milestone}，到期日为 ${date}，预测完成日期为 ${forecast}`,
  nextUp: ({ count, items }) => `接下来有 ${String(count)} 个事务：${items}`,
  inProgress: ({ count, items }) => `${String(count)} 个事务正在进行中：${items}`,
  waiting: ({ count, items, longestDays, client }) =>
    `${String(count)} 项工作正在等待${client ? '您' : '客户'}处理，最长已等待 ${String(longestDays)} 天：${items}`,
  awaitingDecision: ({ count, items, client }) => `${String(count)} 项变更请求等待${client ? '您' : '客户'}决定：${items}`,
  nothingNeeded: ({ client }) => (client ? '目前没有等待您处理的事项' : '目前没有等待客户处理的事项'),
};

export const NARRATIVE_SENTENCES: Readonly<Record<Language, NarrativeSentences>> = { en, 'zh-CN': zhCN };
