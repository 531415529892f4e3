/**
 * How a milestone forecast was made, in one sentence a PM can check (DESIGN.md §5.3): the
 * method, its inputs and both percentiles. The UI shows it in a detail or tooltip next to the
 * forecast date; the CLI's HTML and Markdown print it under the milestones.
 */
import type { Language } from '../language';
import type { ForecastJson } from '../report';
import { formatterFor, type Fmt } from './format';

type Unit = ForecastJson['unit'];

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);
const enUnit = (n: number, unit: Unit, f: Fmt): string =>
  `${f.num(n)} ${unit === 'points' ? plural(n, 'point', 'points') : plural(n, 'issue', 'issues')}`;
const zhUnit = (n: number, unit: Unit, f: Fmt): string => `${f.num(n)} ${unit === 'points' ? '故事点' : '个事务'}`;

interface ForecastSentences {
  method: (p: ForecastJson, f: Fmt) => string;
  work: (p: ForecastJson, f: Fmt) => string;
  outcome: { readonly [O in ForecastJson['outcome']]: (p: ForecastJson, f: Fmt) => string };
}

const en: ForecastSentences = {
  method: (p, f) =>
    `Monte Carlo, ${f.num(p.trials)} trials drawn from the last ${f.num(p.historyWeeks)} ${plural(p.historyWeeks, 'week', 'weeks')} completed (${p.weeklySamples.map((n) => f.num(n)).join(', ')} ${p.unit === 'points' ? 'points' : 'issues'} a week, oldest first).`,
  work: (p, f) =>
    p.remainingAhead > 0
      ? `${enUnit(p.remaining, p.unit, f)} left in this milestone, after ${enUnit(p.remainingAhead, p.unit, f)} left in earlier milestones.`
      : `${enUnit(p.remaining, p.unit, f)} left in this milestone, none before it.`,
  outcome: {
    forecast: (p, f) => `50% likely by ${p.p50 === null ? '—' : f.day(p.p50)}, 85% likely by ${p.p85 === null ? '—' : f.day(p.p85)}.`,
    complete: () => 'Nothing is left in this milestone.',
    shortHistory: (p, f) =>
      `No forecast yet: ${f.num(p.historyWeeks)} ${plural(p.historyWeeks, 'week', 'weeks')} of history, at least ${f.num(p.minHistoryWeeks)} needed.`,
    noThroughput: (p, f) =>
      `No forecast: nothing was completed in the last ${f.num(p.historyWeeks)} ${plural(p.historyWeeks, 'week', 'weeks')}.`,
    beyondHorizon: (p, f) =>
      p.p50 === null
        ? 'No forecast: at the recent pace this would not be done before 2200.'
        : `50% likely by ${f.day(p.p50)}; 85% likely not before 2200.`,
  },
};

const zhCN: ForecastSentences = {
  method: (p, f) =>
    `蒙特卡洛模拟 ${f.num(p.trials)} 次，抽样自最近 ${f.num(p.historyWeeks)} 周的完成量（每周 ${p.weeklySamples.map((n) => f.num(n)).join('、')} ${p.unit === 'points' ? '故事点' : '个事务'}，从早到晚）。`,
  work: (p, f) =>
    p.remainingAhead > 0
      ? `本里程碑剩余 ${zhUnit(p.remaining, p.unit, f)}，之前的里程碑还剩 ${zhUnit(p.remainingAhead, p.unit, f)}。`
      : `本里程碑剩余 ${zhUnit(p.remaining, p.unit, f)}，之前没有剩余工作。`,
  outcome: {
    forecast: (p, f) =>
      `50% 把握在 ${p.p50 === null ? '—' : f.day(p.p50)} 前完成，85% 把握在 ${p.p85 === null ? '—' : f.day(p.p85)} 前完成。`,
    complete: () => '本里程碑没有剩余工作。',
    shortHistory: (p, f) => `暂无预测：只有 ${f.num(p.historyWeeks)} 周的历史数据，至少需要 ${f.num(p.minHistoryWeeks)} 周。`,
    noThroughput: (p, f) => `无法预测：最近 ${f.num(p.historyWeeks)} 周没有完成任何工作。`,
    beyondHorizon: (p, f) =>
      p.p50 === null ? '无法预测：按最近的进度，2200 年之前无法完成。' : `50% 把握在 ${f.day(p.p50)} 前完成；85% 把握要到 2200 年之后。`,
  },
};

export const FORECAST_SENTENCES: Readonly<Record<Language, ForecastSentences>> = { en, 'zh-CN': zhCN };

/**
 * The forecast's outcome, then (when simulated or short of history) its method and the work it
 * covers: "50% likely by …, 85% likely by …. Monte Carlo, 5,000 trials … . 12 issues left …".
 */
export function formatForecastDetail(forecast: ForecastJson, lang: Language): string {
  const s = FORECAST_SENTENCES[lang];
  const f = formatterFor(lang);
  const parts = [s.outcome[forecast.outcome](forecast, f)];
  if (forecast.outcome === 'complete') return parts[0] ?? '';
  if (forecast.trials > 0) parts.push(s.method(forecast, f));
  parts.push(s.work(forecast, f));
  return parts.join(lang === 'en' ? ' ' : '');
}
