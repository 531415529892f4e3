/**
 * The Overview's charts, loaded as their own chunk (`React.lazy` in HistorySection) so the
 * charting library is fetched only when the Overview shows history.
 */
import { HISTORY_MESSAGES } from '../../../contract/i18n/history-messages';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { ProjectHistory } from '../../../contract';
import { useT } from '../../shared/i18n/I18nProvider';
import { BudgetBurnChart } from './BudgetBurnChart';
import { BurnupChart } from './BurnupChart';
import { KpiTrendChart } from './KpiTrendChart';

/**
 * Every value a design token, so light and dark themes both apply. Chartist's own stylesheet
 * is not loaded: its series colours are fixed hex values.
 */
const CSS = `
.cf-chart, .cf-burnups { display: grid; grid-template-columns: minmax(0, 1fr); gap: ${token('space.150', '12px')}; min-width: 0; }
.cf-chart h3, .cf-burnups h3 { margin: 0; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-chart-empty, .cf-chart-range { margin: 0; color: ${token('color.text.subtle', '#505258')}; }
.cf-chart-range { font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
.cf-trend-rows { list-style: none; margin: 0; padding: 0; display: grid; gap: ${token('space.100', '8px')}; }
.cf-trend-row { display: grid; grid-template-columns: 14rem minmax(0, 1fr); align-items: end; gap: ${token('space.150', '12px')}; }
.cf-trend-label { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: ${token('space.050', '4px')}; }
.cf-trend-overall { font-weight: ${token('font.weight.bold', '653')}; }
.cf-trend-strip { display: block; width: 100%; height: 24px; }
.cf-trend-baseline { fill: ${token('color.border', '#0B120E24')}; }
@media (max-width: 30rem) { .cf-trend-row { grid-template-columns: minmax(0, 1fr); gap: ${token('space.050', '4px')}; } }
.cf-chart-legend {
  list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')} ${token('space.200', '16px')};
  color: ${token('color.text.subtle', '#505258')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')};
}
.cf-chart-legend li { display: inline-flex; align-items: center; gap: ${token('space.050', '4px')}; }
.cf-chart-unit { font-weight: ${token('font.weight.bold', '653')}; }
.cf-chart-data summary { cursor: pointer; color: ${token('color.link', '#1868DB')}; width: fit-content; }
.cf-chart-data summary:focus-visible { outline: 2px solid ${token('color.border.focused', '#4688EC')}; outline-offset: 2px; border-radius: ${token('radius.small', '3px')}; }
.cf-chart-data .cf-table th, .cf-chart-data .cf-table td { white-space: nowrap; }
.cf-chart-data[open] summary { margin-bottom: ${token('space.100', '8px')}; }
.cf-burnup-list { display: grid; gap: ${token('space.300', '24px')}; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); }
.cf-burnup {
  display: grid; gap: ${token('space.100', '8px')}; min-width: 0;
  padding: ${token('space.200', '16px')};
  border-radius: ${token('radius.medium', '6px')};
  background: ${token('elevation.surface.raised', '#FFFFFF')};
  box-shadow: ${token('elevation.shadow.raised', '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214f')};
}
.cf-burnup h4 { margin: 0; font: ${token('font.heading.xsmall', 'normal 653 14px/16px sans-serif')}; }
.cf-chart-summary { margin: 0; }
.cf-burnup-plot { position: relative; min-width: 0; }
.cf-burnup-plot svg { display: block; overflow: visible; }
.cf-burnup-plot .ct-grid { stroke: ${token('color.border', '#0B120E24')}; stroke-width: 1px; stroke-dasharray: 2px; }
.cf-burnup-plot .ct-label {
  display: flex; color: ${token('color.text.subtlest', '#6B6E76')};
  font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; line-height: 1; white-space: nowrap;
}
.cf-burnup-plot .ct-label.ct-horizontal { justify-content: flex-start; align-items: flex-start; }
.cf-burnup-plot .ct-label.ct-vertical { justify-content: flex-end; align-items: flex-end; padding-inline-end: 4px; box-sizing: border-box; }
.cf-burnup-plot .ct-line { fill: none; stroke-width: 2px; }
.cf-burnup-plot .ct-point { stroke-width: 7px; stroke-linecap: round; }
.cf-burnup-plot .ct-area { stroke: none; fill-opacity: 0.12; }
.cf-series-scope .ct-line, .cf-series-scope .ct-point, line.cf-key-scope { stroke: ${token('color.chart.gray.bolder', '#63666B')}; }
.cf-series-done .ct-line, .cf-series-done .ct-point, line.cf-key-done { stroke: ${token('color.chart.brand', '#1868DB')}; }
.cf-series-done .ct-area { fill: ${token('color.chart.brand', '#1868DB')}; }
.cf-series-projection .ct-line { stroke: ${token('color.chart.brand', '#1868DB')}; stroke-dasharray: 5px 4px; }
.cf-series-projection .ct-point { stroke: none; }
.cf-burnup-marker line, line.cf-key-target, line.cf-key-forecast { stroke-width: 1.5px; }
.cf-burnup-target line, line.cf-key-target { stroke: ${token('color.chart.danger.bold', '#C9372C')}; stroke-dasharray: 6px 3px; }
.cf-burnup-forecast line, line.cf-key-forecast { stroke: ${token('color.chart.discovery.bold', '#964AC0')}; stroke-dasharray: 2px 3px; }
.cf-chart-legend line { stroke-width: 2px; }
.cf-series-budget .ct-line, .cf-series-budget .ct-point, line.cf-key-budget { stroke: ${token('color.chart.gray.bolder', '#63666B')}; stroke-dasharray: 6px 3px; }
.cf-series-spent .ct-line, .cf-series-spent .ct-point, line.cf-key-spent { stroke: ${token('color.chart.warning.bold', '#E06C00')}; }
.cf-series-earned .ct-line, .cf-series-earned .ct-point, line.cf-key-earned { stroke: ${token('color.chart.brand', '#1868DB')}; }
.cf-burnup-marker-label { fill: ${token('color.text.subtle', '#505258')}; font: ${token('font.body.small', 'normal 400 12px/16px sans-serif')}; }
`;

/** Health over time, then a burn-up per open milestone. */
export default function HistoryCharts({ history }: { history: ProjectHistory }) {
  const t = useT(HISTORY_MESSAGES);
  const burnupHeadingId = useId();
  return (
    <>
      <style>{CSS}</style>
      <KpiTrendChart points={history.kpi} />
      <BudgetBurnChart points={history.kpi} />
      <section aria-labelledby={burnupHeadingId} className="cf-burnups" data-testid="burnups">
        <h3 id={burnupHeadingId}>{t('burnup.heading')}</h3>
        {history.burnups.length === 0 ? (
          <p className="cf-chart-empty" data-testid="burnups-empty">
            {t('burnup.noMilestones')}
          </p>
        ) : (
          <div className="cf-burnup-list">
            {history.burnups.map((burnup) => (
              <BurnupChart key={burnup.milestoneId} burnup={burnup} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
