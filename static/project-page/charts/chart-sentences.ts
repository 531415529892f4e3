/**
 * The charts' text alternatives as sentences, in the reader's language: what a sighted reader
 * takes from each chart at a glance. Pure: the translator and formatters are passed in.
 */
import type { HISTORY_MESSAGES } from '../../../contract/i18n/history-messages';
import type { HEALTH_MESSAGES } from '../../../contract/i18n/health-messages';
import type { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import type { KeyOf, Translate } from '../../../contract/i18n/strings';
import type { BurnupJson, RagJson } from '../../../contract';
import type { BurnupView } from './to-burnup-view';
import type { TrendRow } from './to-kpi-trend';

export type ChartT = Translate<KeyOf<typeof HISTORY_MESSAGES | typeof HEALTH_MESSAGES | typeof RAG_MESSAGES>>;

export interface ChartFormat {
  formatDay: (day: string) => string;
  formatCount: (count: number) => string;
}

/** A RAG inside a sentence: "red"; grey is "not enough data", never a colour. */
export function ragInline(rag: RagJson, t: ChartT): string {
  return rag === 'grey' ? t('trend.greyInline') : t(`ragInline.${rag}`);
}

/** "Overall" or the dimension's name. */
export function trendRowLabel(row: Pick<TrendRow, 'key'>, t: ChartT): string {
  return row.key === 'overall' ? t('health.overall') : t(`dimension.${row.key}`);
}

/**
 * One row of the health trend: its colour now and since when, then how the days split.
 * "Schedule: red since Nov 20, 2026. Over 30 days: 12 green, 5 amber, 13 red, 0 without enough data."
 */
export function trendRowSummary(row: TrendRow, t: ChartT, f: ChartFormat): string {
  const label = trendRowLabel(row, t);
  const rag = ragInline(row.current, t);
  const days = row.tally.green + row.tally.amber + row.tally.red + row.tally.grey;
  if (days === 1) return t('trend.single', { label, rag, day: f.formatDay(row.since) });
  const now = row.throughout ? t('trend.throughout', { label, rag }) : t('trend.since', { label, rag, day: f.formatDay(row.since) });
  const tally = t('trend.tally', {
    days: f.formatCount(days),
    green: f.formatCount(row.tally.green),
    amber: f.formatCount(row.tally.amber),
    red: f.formatCount(row.tally.red),
    grey: f.formatCount(row.tally.grey),
  });
  return t('trend.summary', { now, tally });
}

/** "52 issues", "1 story point". */
export function amountOf(unit: BurnupJson['unit'], count: number, t: ChartT, f: ChartFormat): string {
  const one = count === 1;
  const key = unit === 'issues' ? (one ? 'burnup.issuesOne' : 'burnup.issuesOther') : one ? 'burnup.pointsOne' : 'burnup.pointsOther';
  return t(key, { count: f.formatCount(count) });
}

/**
 * A burn-up in one breath: "Scope grew from 40 to 52 issues. 30 done. Target Dec 12, 2026,
 * forecast Dec 19, 2026."
 */
export function burnupSummary(burnup: BurnupJson, view: BurnupView, t: ChartT, f: ChartFormat): string {
  const to = amountOf(burnup.unit, view.scopeTo, t, f);
  const scope =
    view.trend === 'same'
      ? t('burnup.scopeSame', { to })
      : t(view.trend === 'grew' ? 'burnup.scopeGrew' : 'burnup.scopeFell', { from: f.formatCount(view.scopeFrom), to });
  const done = t('burnup.doneCount', { done: f.formatCount(view.doneNow) });
  const target = burnup.target === null ? null : f.formatDay(burnup.target);
  const forecast = burnup.forecast === null ? null : f.formatDay(burnup.forecast);
  const dates =
    target !== null && forecast !== null
      ? t('burnup.datesBoth', { target, forecast })
      : target !== null
        ? t('burnup.datesTarget', { target })
        : forecast !== null
          ? t('burnup.datesForecast', { forecast })
          : t('burnup.datesNone');
  return t('burnup.summary', { scope, done, dates });
}
