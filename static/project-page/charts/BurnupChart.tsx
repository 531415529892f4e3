import { HEALTH_MESSAGES } from '../../../contract/i18n/health-messages';
import { HISTORY_MESSAGES } from '../../../contract/i18n/history-messages';
import { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import { AutoScaleAxis, FixedScaleAxis, LineChart, type LineChartCreatedEvent } from 'chartist';
import { useEffect, useId, useRef } from 'react';
import type { BurnupJson } from '../../../contract';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { amountOf, burnupSummary, type ChartT } from './chart-sentences';
import { toBurnupView, toTicks, type BurnupView } from './to-burnup-view';

const CHART_HEIGHT_PX = 220;
/** Room for one x label ("Nov 14", "11月14日") and the space after it. */
const X_LABEL_PX = 64;
/** The y labels' column and the chart's padding, left of and beside the plot. */
const PLOT_INSET_PX = 64;

/** A day on the x axis, short: "Nov 6" / "11月6日". */
function shortDayFormat(intlLocale: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat(intlLocale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return (ms) => format.format(ms);
}

/** A vertical marker across the plot at `ms`, with its label at the top (`row` stacks labels that would overlap). */
function drawMarker(event: LineChartCreatedEvent, ms: number, label: string, className: string, row: number): void {
  const x = event.chartRect.x1 + event.axisX.projectValue(ms);
  const group = event.svg.elem('g', {}, `cf-burnup-marker ${className}`);
  group.elem('line', { x1: x, x2: x, y1: event.chartRect.y2, y2: event.chartRect.y1 });
  const anchor = x > event.chartRect.x1 + event.chartRect.width() / 2 ? 'end' : 'start';
  group
    .elem(
      'text',
      { x: anchor === 'end' ? x - 4 : x + 4, y: event.chartRect.y2 + 10 + row * 14, 'text-anchor': anchor },
      'cf-burnup-marker-label',
    )
    .text(label);
}

/**
 * Draws the burn-up with Chartist into `host` (SVG, styled by the section's CSS so the design
 * tokens theme it). Answers a function that removes it.
 */
function drawBurnup(host: HTMLElement, view: BurnupView, labels: { target: string; forecast: string }, intlLocale: string): () => void {
  const shortDay = shortDayFormat(intlLocale);
  const plotWidth = Math.max(1, host.clientWidth - PLOT_INSET_PX);
  const ticks = toTicks(view.days, ((view.high - view.low) * X_LABEL_PX) / plotWidth);
  const count = new Intl.NumberFormat(intlLocale);
  const series = [
    { name: 'scope', className: 'cf-series-scope', data: view.scope },
    { name: 'done', className: 'cf-series-done', data: view.done },
    ...(view.projection === null ? [] : [{ name: 'projection', className: 'cf-series-projection', data: view.projection }]),
  ];
  const chart = new LineChart(
    host,
    { series },
    {
      height: `${String(CHART_HEIGHT_PX)}px`,
      lineSmooth: false,
      showPoint: true,
      low: 0,
      chartPadding: { top: 36, right: 24, bottom: 0, left: 0 },
      axisX: {
        type: FixedScaleAxis,
        low: view.low,
        high: view.high,
        ticks,
        labelInterpolationFnc: (value) => shortDay(Number(value)),
      },
      axisY: {
        type: AutoScaleAxis,
        low: 0,
        onlyInteger: true,
        labelInterpolationFnc: (value) => count.format(Number(value)),
      },
      series: { done: { showArea: true } },
    },
  );
  chart.on('created', (event: LineChartCreatedEvent) => {
    let row = 0;
    if (view.target !== null) drawMarker(event, view.target, `${labels.target} ${shortDay(view.target)}`, 'cf-burnup-target', row++);
    if (view.forecast !== null)
      drawMarker(event, view.forecast, `${labels.forecast} ${shortDay(view.forecast)}`, 'cf-burnup-forecast', row);
  });
  return () => {
    chart.detach();
    host.replaceChildren();
  };
}

/** The chart's key, in words and the same strokes as the lines. */
function Legend({ view, unit, t }: { view: BurnupView; unit: BurnupJson['unit']; t: ChartT }) {
  const items: { className: string; label: string }[] = [
    { className: 'cf-key-scope', label: t('burnup.scope') },
    { className: 'cf-key-done', label: t('burnup.done') },
    ...(view.target === null ? [] : [{ className: 'cf-key-target', label: t('burnup.target') }]),
    ...(view.forecast === null ? [] : [{ className: 'cf-key-forecast', label: t('burnup.forecast') }]),
  ];
  return (
    <ul className="cf-chart-legend" aria-hidden="true">
      <li className="cf-chart-unit">{t(unit === 'issues' ? 'burnup.unitIssues' : 'burnup.unitPoints')}</li>
      {items.map((item) => (
        <li key={item.className}>
          <svg width="18" height="10" viewBox="0 0 18 10">
            <line x1={0} x2={18} y1={5} y2={5} className={item.className} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * One milestone's burn-up: scope and done by week, the target and the forecast marked. The SVG
 * is decoration for assistive technology; the summary sentence above it says what it shows and
 * the table behind the disclosure holds every point.
 */
export function BurnupChart({ burnup }: { burnup: BurnupJson }) {
  const { formatDay, formatCount, intlLocale } = useI18n();
  const t = useT(HISTORY_MESSAGES, HEALTH_MESSAGES, RAG_MESSAGES);
  const headingId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = toBurnupView(burnup);
  const targetLabel = t('burnup.target');
  const forecastLabel = t('burnup.forecast');

  useEffect(() => {
    const element = host.current;
    if (element === null || view === null) return undefined;
    const labels = { target: targetLabel, forecast: forecastLabel };
    let width = element.clientWidth;
    let remove = drawBurnup(element, view, labels, intlLocale);
    // The x ticks are spaced for the width drawn at: draw again when it changes (a phone turned, a panel opened).
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      remove();
      remove = drawBurnup(element, view, labels, intlLocale);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      remove();
    };
    // `view` is derived from `burnup` on every render; redraw when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [burnup, intlLocale, targetLabel, forecastLabel]);

  return (
    <section aria-labelledby={headingId} className="cf-burnup" data-testid="burnup" data-milestone={burnup.milestoneId}>
      <h4 id={headingId}>{burnup.name}</h4>
      {view === null ? (
        <p className="cf-chart-empty" data-testid="burnup-empty">
          {t('burnup.empty')}
        </p>
      ) : (
        <>
          <p className="cf-chart-summary" data-testid="burnup-summary">
            {burnupSummary(burnup, view, t, { formatDay, formatCount })}
          </p>
          <Legend view={view} unit={burnup.unit} t={t} />
          <div
            ref={host}
            className="cf-burnup-plot"
            aria-hidden="true"
            style={{ height: `${String(CHART_HEIGHT_PX)}px` }}
            data-testid="burnup-plot"
          />
          <details className="cf-chart-data">
            <summary>{t('history.showTable')}</summary>
            {/* A phone may scroll the table sideways; a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
            {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
            <div className="cf-table-scroll" role="region" aria-label={t('burnup.caption', { milestone: burnup.name })} tabIndex={0}>
              <table className="cf-table" data-testid="burnup-table">
                <caption>{t('burnup.caption', { milestone: burnup.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('burnup.week')}</th>
                    <th scope="col">{t('burnup.scope')}</th>
                    <th scope="col">{t('burnup.done')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...burnup.points]
                    .sort((a, b) => a.day.localeCompare(b.day))
                    .map((point) => (
                      <tr key={point.day}>
                        <th scope="row">
                          <time dateTime={point.day}>{formatDay(point.day)}</time>
                        </th>
                        <td>{amountOf(burnup.unit, point.scope, t, { formatDay, formatCount })}</td>
                        <td>{amountOf(burnup.unit, point.done, t, { formatDay, formatCount })}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
