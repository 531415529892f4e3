import { useId } from 'react';
import type { CsatMonthJson } from '../../../contract/feedback';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { formatMonth, formatMonthShort, formatRating, toCsatBars } from './to-csat-bars';
import { useFeedbackT } from './use-feedback-messages';

/**
 * CSAT by month, last twelve months: one bar a month, its height the mean rating out of 5; a
 * month without responses has no bar. The SVG is an image whose text is the summary; each bar
 * has its own title, and the figures are also a table behind a disclosure.
 */
export function CsatTrendChart({ trend }: { trend: readonly CsatMonthJson[] }) {
  const t = useFeedbackT();
  const { intlLocale, formatCount } = useI18n();
  const headingId = useId();
  const { bars, hasData } = toCsatBars(trend);
  const sentence = (m: (typeof bars)[number]) =>
    m.csat === null
      ? t('feedback.trend.empty', { month: formatMonth(m.month, intlLocale) })
      : t('feedback.trend.point', {
          month: formatMonth(m.month, intlLocale),
          value: formatRating(m.csat, intlLocale),
          count: formatCount(m.responses),
        });
  const width = bars.length;
  return (
    <section aria-labelledby={headingId} className="cf-chart" data-testid="feedback-trend">
      <h3 id={headingId}>{t('feedback.trend.heading')}</h3>
      {!hasData ? (
        <p className="cf-chart-empty" data-testid="feedback-trend-empty">
          {t('feedback.trend.none')}
        </p>
      ) : (
        <>
          <svg
            role="img"
            aria-label={`${t('feedback.trend.summary')} ${bars
              .filter((b) => b.csat !== null)
              .map(sentence)
              .join('; ')}`}
            className="cf-csat-plot"
            viewBox={`0 0 ${String(width)} 5`}
            preserveAspectRatio="none"
          >
            {[1, 2, 3, 4].map((y) => (
              <line key={y} x1={0} x2={width} y1={5 - y} y2={5 - y} className="cf-csat-grid" />
            ))}
            {bars.map((b, i) =>
              b.height === null ? null : (
                <rect
                  key={b.month}
                  x={i + 0.15}
                  width={0.7}
                  y={5 - b.height * 5}
                  height={b.height * 5}
                  className="cf-csat-bar"
                  data-month={b.month}
                >
                  <title>{sentence(b)}</title>
                </rect>
              ),
            )}
          </svg>
          <ul className="cf-csat-axis" aria-hidden="true">
            {bars.map((b) => (
              <li key={b.month}>{formatMonthShort(b.month, intlLocale)}</li>
            ))}
          </ul>
          <details className="cf-chart-data">
            <summary>{t('feedback.trend.heading')}</summary>
            <table className="cf-table" data-testid="feedback-trend-table">
              <caption>{t('feedback.trend.summary')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('feedback.list.date')}</th>
                  <th scope="col">CSAT</th>
                  <th scope="col">{t('feedback.summary.responses')}</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((b) => (
                  <tr key={b.month}>
                    <th scope="row">{formatMonth(b.month, intlLocale)}</th>
                    <td>{b.csat === null ? t('feedback.summary.none') : formatRating(b.csat, intlLocale)}</td>
                    <td>{formatCount(b.responses)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
