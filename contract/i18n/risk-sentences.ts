/**
 * Why an issue is at risk: one sentence per risk signal code, a sentence a PM can act on
 * ("Blocked by ACME-12 (In Review) for 4 days"). Both languages are typed `RiskSentences`.
 */
import type { Language } from '../language';
import type { RiskSignalJson } from '../report';
import { formatterFor, type Fmt } from './format';

type RiskSentences = { readonly [S in RiskSignalJson as S['code']]: (s: S, f: Fmt) => string };

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);
const enDays = (n: number, f: Fmt): string => `${f.num(n)} ${plural(n, 'day', 'days')}`;

const en: RiskSentences = {
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
  waitingOnClient: (s, f) =>
    s.days === 0 ? 'Waiting on the client since today' : `Waiting on the client for ${s.estimated ? 'at least ' : ''}${enDays(s.days, f)}`,
};

const zhCN: RiskSentences = {
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
  overrun: (s, f) => `已用时间达到初始预估的 ${f.pct(s.ratio)}`,
  topPriority: (s) => `优先级为 ${s.priority}，仍未完成`,
  addedAfterBaseline: (s) => `在范围基线之后加入 ${s.milestone}`,
  milestoneRed: (s) => `所属里程碑 ${s.milestone} 的进度为红色`,
  waitingOnClient: (s, f) => (s.days === 0 ? '今天起等待客户' : `已等待客户${s.estimated ? '至少' : ''} ${f.num(s.days)} 天`),
};

export const RISK_SENTENCES: Readonly<Record<Language, RiskSentences>> = { en, 'zh-CN': zhCN };

/** The sentence for one risk signal; an unknown code (a newer producer) is returned as is. */
export function formatRiskSignal(signal: RiskSignalJson, lang: Language): string {
  const sentences = RISK_SENTENCES[lang];
  if (!Object.hasOwn(sentences, signal.code)) return signal.code;
  // The code picked the sentence, and the schema gave the fields that code has.
  const sentence = sentences[signal.code] as (s: RiskSignalJson, f: Fmt) => string;
  return sentence(signal, formatterFor(lang));
}
