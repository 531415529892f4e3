import { BURN_MESSAGES } from '../../../contract/i18n/burn-messages';
import { AutoScaleAxis, FixedScaleAxis, LineChart } from 'chartist';
import { useEffect, useId, useRef } from 'react';
import type { KpiPointJson } from '../../../contract';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { toTicks } from './to-burnup-view';
import { toBurnView, type BurnView } from './to-burn-view';

const CHART_HEIGHT_PX = 220;
/** Room for one x label and the space after it. */
const X_LABEL_PX = 64;
const PLOT_INSET_PX = 64;

/** Draws the burn with Chartist into `host` (SVG, themed by the section's CSS); answers a function that removes it. */
function drawBurn(host: HTMLElement, view: BurnView, intlLocale: string): () => void {
  const shortDay = new Intl.DateTimeFormat(intlLocale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const hours = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const plotWidth = Math.max(1, host.clientWidth - PLOT_INSET_PX);
  const ticks = toTicks(view.days, ((view.high - view.low) * X_LABEL_PX) / plotWidth);
  const chart = new LineChart(
    host,
    {
      series: [
        { name: 'budget', className: 'cf-series-budget', data: view.budget },
        { name: 'spent', className: 'cf-series-spent', data: view.spent },
        { name: 'earned', className: 'cf-series-earned', data: view.earned },
      ],
    },
    {
      height: `${String(CHART_HEIGHT_PX)}px`,
      lineSmooth: false,
      showPoint: view.rows.length === 1,
      low: 0,
      chartPadding: { top: 12, right: 24, bottom: 0, left: 0 },
      axisX: {
        type: FixedScaleAxis,
        low: view.low,
        high: view.high === view.low ? view.low + 86_400_000 : view.high,
        ticks,
        labelInterpolationFnc: (value) => shortDay.format(Number(value)),
      },
      axisY: {
        type: AutoScaleAxis,
        low: 0,
        onlyInteger: true,
        // Room for "10,000" (the default is 40 px).
        offset: 52,
        labelInterpolationFnc: (value) => hours.format(Number(value)),
      },
    },
  );
  return () => {
    chart.detach();
    host.replaceChildren();
  };
}

/**
 * Budget burn (issue 13): hours spent and hours earned (percent complete × budget) against the
 * hours budget, one point a day from the KPI history. Nothing without a budget or logged time.
 * The SVG is decoration for assistive technology: the sentence above it says what it shows and
 * the table behind the disclosure holds every point.
 */
export function BudgetBurnChart({ points }: { points: readonly KpiPointJson[] }) {
  const { formatDay, intlLocale } = useI18n();
  const t = useT(BURN_MESSAGES);
  const headingId = useId();
  const host = useRef<HTMLDivElement>(null);
  const view = toBurnView(points);
  const hours = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const h = (n: number) => t('burn.hours', { count: hours.format(n) });

  useEffect(() => {
    const element = host.current;
    if (element === null || view === null) return undefined;
    let width = element.clientWidth;
    let remove = drawBurn(element, view, intlLocale);
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      remove();
      remove = drawBurn(element, view, intlLocale);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      remove();
    };
    // `view` is derived from `points` on every render; redraw when the data or the language changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, intlLocale]);

  if (view === null) return null;
  const { last } = view;
  const summary = t(view.rows.length === 1 ? 'burn.summaryOne' : 'burn.summary', {
    day: formatDay(last.day),
    spent: h(last.spentHours),
    earned: h(last.earnedHours),
    budget: h(last.budgetHours),
    index: new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2 }).format(last.index),
    rag: t(`burn.rag.${last.rag}`),
    days: hours.format(view.rows.length),
  });
  const keys = [
    { className: 'cf-key-budget', label: t('burn.budget') },
    { className: 'cf-key-spent', label: t('burn.spent') },
    { className: 'cf-key-earned', label: t('burn.earned') },
  ];
  return (
    <section aria-labelledby={headingId} className="cf-chart cf-burn" data-testid="budget-burn">
      <h3 id={headingId}>{t('burn.heading')}</h3>
      <p className="cf-chart-summary" data-testid="budget-burn-summary" data-rag={last.rag}>
        {summary}
      </p>
      <ul className="cf-chart-legend" aria-hidden="true">
        <li className="cf-chart-unit">{t('burn.unitHours')}</li>
        {keys.map((key) => (
          <li key={key.className}>
            <svg width="18" height="10" viewBox="0 0 18 10">
              <line x1={0} x2={18} y1={5} y2={5} className={key.className} />
            </svg>
            {key.label}
          </li>
        ))}
      </ul>
      <div
        ref={host}
        className="cf-burnup-plot"
        aria-hidden="true"
        style={{ height: `${String(CHART_HEIGHT_PX)}px` }}
        data-testid="budget-burn-plot"
      />
      <details className="cf-chart-data">
        <summary>{t('burn.showTable')}</summary>
        {/* A phone may scroll the table sideways; a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="cf-table-scroll" role="region" aria-label={t('burn.caption')} tabIndex={0}>
          <table className="cf-table" data-testid="budget-burn-table">
            <caption>{t('burn.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('burn.day')}</th>
                <th scope="col">{t('burn.spent')}</th>
                <th scope="col">{t('burn.earned')}</th>
                <th scope="col">{t('burn.budget')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.day}>
                  <th scope="row">
                    <time dateTime={row.day}>{formatDay(row.day)}</time>
                  </th>
                  <td>{h(row.spentHours)}</td>
                  <td>{h(row.earnedHours)}</td>
                  <td>{h(row.budgetHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
