import { describe, expect, it } from 'vitest';
import type { Language } from '../language';
import type { ForecastJson } from '../report';
import { formatEvidenceSummary } from './evidence-sentences';
import { formatForecastDetail } from './forecast-sentences';

const FORECAST: ForecastJson = {
  method: 'monte-carlo',
  outcome: 'forecast',
  unit: 'points',
  p50: '2026-04-01',
  p85: '2026-04-08',
  trials: 5000,
  seed: 42,
  weeklySamples: [8, 0, 13],
  historyWeeks: 3,
  minHistoryWeeks: 3,
  remaining: 21,
  remainingAhead: 0,
};

describe('formatForecastDetail', () => {
  it.each([
    {
      lang: 'en',
      forecast: FORECAST,
      text: '50% likely by Apr 1, 2026, 85% likely by Apr 8, 2026. Monte Carlo, 5,000 trials drawn from the last 3 weeks completed (8, 0, 13 points a week, oldest first). 21 points left in this milestone, none before it.',
    },
    {
      lang: 'zh-CN',
      forecast: { ...FORECAST, unit: 'issues', remainingAhead: 4 },
      text: '50% 把握在 2026年4月1日 前完成，85% 把握在 2026年4月8日 前完成。蒙特卡洛模拟 5,000 次，抽样自最近 3 周的完成量（每周 8、0、13 个事务，从早到晚）。本里程碑剩余 21 个事务，之前的里程碑还剩 4 个事务。',
    },
    {
      lang: 'en',
      forecast: { ...FORECAST, outcome: 'shortHistory', p50: null, p85: null, trials: 0, weeklySamples: [2, 1], historyWeeks: 2 },
      text: 'No forecast yet: 2 weeks of history, at least 3 needed. 21 points left in this milestone, none before it.',
    },
    {
      lang: 'zh-CN',
      forecast: { ...FORECAST, outcome: 'noThroughput', p50: null, p85: null, trials: 0, weeklySamples: [0, 0, 0] },
      text: '无法预测：最近 3 周没有完成任何工作。本里程碑剩余 21 故事点，之前没有剩余工作。',
    },
    {
      lang: 'en',
      forecast: { ...FORECAST, outcome: 'beyondHorizon', p85: null },
      text: '50% likely by Apr 1, 2026; 85% likely not before 2200. Monte Carlo, 5,000 trials drawn from the last 3 weeks completed (8, 0, 13 points a week, oldest first). 21 points left in this milestone, none before it.',
    },
    { lang: 'en', forecast: { ...FORECAST, outcome: 'complete', remaining: 0 }, text: 'Nothing is left in this milestone.' },
  ] satisfies { lang: Language; forecast: ForecastJson; text: string }[])('$forecast.outcome in $lang', ({ lang, forecast, text }) => {
    expect(formatForecastDetail(forecast, lang)).toBe(text);
  });
});

describe('formatEvidenceSummary', () => {
  it.each([
    { shown: 0, total: 0, lang: 'en', audience: 'internal', text: '' },
    { shown: 1, total: 1, lang: 'en', audience: 'internal', text: '1 issue' },
    { shown: 50, total: 120, lang: 'en', audience: 'internal', text: 'first 50 of 120 issues' },
    { shown: 50, total: 120, lang: 'zh-CN', audience: 'internal', text: '前 50 个，共 120 个事务' },
    { shown: 7, total: 20, lang: 'en', audience: 'client', text: '7 of 20 issues shown' },
    { shown: 7, total: 20, lang: 'zh-CN', audience: 'client', text: '显示 7 个，共 20 个事务' },
    { shown: 3, total: 3, lang: 'zh-CN', audience: 'client', text: '3 个事务' },
  ] as const)('$shown of $total ($lang, $audience)', ({ shown, total, lang, audience, text }) => {
    expect(formatEvidenceSummary(shown, total, lang, audience)).toBe(text);
  });
});
