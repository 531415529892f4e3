import { HEALTH_MESSAGES } from '../../../contract/i18n/health-messages';
import { HISTORY_MESSAGES } from '../../../contract/i18n/history-messages';
import { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { KpiPointJson, RagJson } from '../../../contract';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { RagLozenge } from '../../shared/RagLozenge';
import { ragInline, trendRowLabel, trendRowSummary, type ChartT } from './chart-sentences';
import { toKpiTrend, type TrendRow } from './to-kpi-trend';

/** The same colours as the health tiles; grey is a neutral grey, never a shade of green. */
export const RAG_FILL: Record<RagJson, string> = {
  green: token('color.background.success.bold', '#5B7F24'),
  amber: token('color.background.warning.bold', '#FBC828'),
  red: token('color.background.danger.bold', '#C9372C'),
  grey: token('color.border.bold', '#7D818A'),
};

/**
 * Bar height per RAG, so the colour is never the only cue: red is a full bar, amber two thirds,
 * green one third; grey a low bar in grey.
 */
export const RAG_HEIGHT: Record<RagJson, number> = { red: 1, amber: 2 / 3, green: 1 / 3, grey: 1 / 6 };

const STRIP_HEIGHT = 24;
const MAX_BAR_PX = 16;

/** One row's days as bars in one SVG, scaled to its width; its summary sentence is its text alternative. */
function Strip({
  row,
  days,
  summary,
  t,
  formatDay,
}: {
  row: TrendRow;
  days: string[];
  summary: string;
  t: ChartT;
  formatDay: (day: string) => string;
}) {
  const width = days.length;
  return (
    <svg
      role="img"
      aria-label={summary}
      className="cf-trend-strip"
      viewBox={`0 0 ${String(width)} ${String(STRIP_HEIGHT)}`}
      preserveAspectRatio="none"
      // A few days of history stay a few bars wide instead of stretching across the page.
      style={{ maxWidth: `${String(width * MAX_BAR_PX)}px` }}
      data-testid={`trend-strip-${row.key}`}
    >
      <rect x={0} y={STRIP_HEIGHT - 1} width={width} height={1} className="cf-trend-baseline" />
      {row.cells.map((rag, index) => {
        const day = days[index] ?? '';
        if (rag === null) return null;
        const height = Math.max(2, STRIP_HEIGHT * RAG_HEIGHT[rag]);
        return (
          <rect
            key={day}
            x={index + (width > 1 ? 0.08 : 0)}
            y={STRIP_HEIGHT - height}
            width={width > 1 ? 0.84 : 1}
            height={height}
            style={{ fill: RAG_FILL[rag] }}
            data-rag={rag}
          >
            <title>{t('trend.cell', { day: formatDay(day), rag: ragInline(rag, t) })}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/** What each bar means: colour and height together. */
function Legend({ t }: { t: ChartT }) {
  return (
    <ul className="cf-chart-legend" aria-label={t('trend.legend')}>
      {(['green', 'amber', 'red', 'grey'] as const).map((rag) => (
        <li key={rag}>
          <svg aria-hidden="true" width="10" height="16" viewBox="0 0 10 16">
            <rect x={0} y={16 * (1 - RAG_HEIGHT[rag])} width={10} height={16 * RAG_HEIGHT[rag]} style={{ fill: RAG_FILL[rag] }} />
          </svg>
          {t(`rag.${rag}`)}
        </li>
      ))}
      <li>
        <svg aria-hidden="true" width="10" height="16" viewBox="0 0 10 16">
          <rect x={0} y={15} width={10} height={1} className="cf-trend-baseline" />
        </svg>
        {t('history.noSnapshot')}
      </li>
    </ul>
  );
}

/**
 * Health over time: one strip per dimension, the overall on top, one bar a day. Each strip is
 * an image whose text is its summary sentence; the whole history is also a table, behind a
 * disclosure, for anyone who would rather read it.
 */
export function KpiTrendChart({ points }: { points: readonly KpiPointJson[] }) {
  const { formatDay, formatCount, formatPeriod } = useI18n();
  const t = useT(HISTORY_MESSAGES, HEALTH_MESSAGES, RAG_MESSAGES);
  const headingId = useId();
  const trend = toKpiTrend(points);
  const first = trend?.days[0];
  const last = trend?.days.at(-1);
  return (
    <section aria-labelledby={headingId} className="cf-chart" data-testid="kpi-trend">
      <h3 id={headingId}>{t('trend.heading')}</h3>
      {trend === null || first === undefined || last === undefined ? (
        <p className="cf-chart-empty" data-testid="kpi-trend-empty">
          {t('trend.empty')}
        </p>
      ) : (
        <>
          <p className="cf-chart-range">{first === last ? formatDay(first) : formatPeriod(first, last)}</p>
          <ul className="cf-trend-rows">
            {trend.rows.map((row) => {
              const summary = trendRowSummary(row, t, { formatDay, formatCount });
              return (
                <li key={row.key} className="cf-trend-row" data-testid={`trend-row-${row.key}`} data-current={row.current}>
                  <span className="cf-trend-label">
                    <span className={row.key === 'overall' ? 'cf-trend-overall' : undefined}>{trendRowLabel(row, t)}</span>
                    <RagLozenge rag={row.current} />
                  </span>
                  <Strip row={row} days={trend.days} summary={summary} t={t} formatDay={formatDay} />
                </li>
              );
            })}
          </ul>
          <Legend t={t} />
          <details className="cf-chart-data">
            <summary>{t('history.showTable')}</summary>
            {/* Seven columns scroll sideways on a phone; a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="cf-table-scroll" role="region" aria-label={t('trend.caption')} tabIndex={0}>
              <table className="cf-table" data-testid="kpi-trend-table">
                <caption>{t('trend.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('history.day')}</th>
                    {trend.rows.map((row) => (
                      <th scope="col" key={row.key}>
                        {trendRowLabel(row, t)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...trend.days].reverse().map((day) => {
                    const index = trend.days.indexOf(day);
                    const cells = trend.rows.map((row) => row.cells[index] ?? null);
                    if (cells.every((cell) => cell === null)) return null;
                    return (
                      <tr key={day}>
                        <th scope="row">
                          <time dateTime={day}>{formatDay(day)}</time>
                        </th>
                        {trend.rows.map((row, rowIndex) => {
                          const rag = cells[rowIndex] ?? null;
                          return <td key={row.key}>{rag === null ? '—' : t(`rag.${rag}`)}</td>;
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
