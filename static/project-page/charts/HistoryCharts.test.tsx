import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { aBurnup, aKpiPoint } from '../../testing/sync-builders';
import { BurnupChart } from './BurnupChart';
import HistoryCharts from './HistoryCharts';
import { KpiTrendChart } from './KpiTrendChart';

const WEEK = [
  aKpiPoint('2026-11-21', 'green', { cost: 'grey' }),
  aKpiPoint('2026-11-22', 'green', { cost: 'grey' }),
  aKpiPoint('2026-11-23', 'amber', { cost: 'grey', schedule: 'red' }),
  aKpiPoint('2026-11-25', 'red', { cost: 'grey', schedule: 'red' }),
  aKpiPoint('2026-11-26', 'red', { cost: 'grey', schedule: 'red' }),
  aKpiPoint('2026-11-27', 'red', { cost: 'grey', schedule: 'red' }),
];

/** The markup of one element carrying `data-testid`, up to its closing tag (no nesting of the same tag). */
function elementHtml(html: string, tag: string, testId: string): string {
  const match = new RegExp(`<${tag}[^>]*data-testid="${testId}"[\\s\\S]*?</${tag}>`, 'u').exec(html);
  if (!match) throw new Error(`no ${testId}`);
  return match[0];
}
const ariaLabelOf = (html: string) => /aria-label="([^"]*)"/u.exec(html)?.[1] ?? null;

describe('KpiTrendChart', () => {
  it('draws the overall then each dimension, each strip an image whose text is its summary', () => {
    const html = renderForTest(<KpiTrendChart points={WEEK} />);
    expect([...html.matchAll(/data-testid="trend-row-(\w+)"/gu)].map((m) => m[1])).toEqual([
      'overall',
      'schedule',
      'scope',
      'quality',
      'cost',
      'satisfaction',
      'communication',
    ]);
    const schedule = elementHtml(html, 'svg', 'trend-strip-schedule');
    expect(schedule).toContain('role="img"');
    expect(ariaLabelOf(schedule)).toBe('Schedule: red since Nov 23, 2026. Over 6 days: 2 green, 0 amber, 4 red, 0 without enough data.');
    expect(ariaLabelOf(elementHtml(html, 'svg', 'trend-strip-overall'))).toBe(
      'Overall: red since Nov 25, 2026. Over 6 days: 2 green, 1 amber, 3 red, 0 without enough data.',
    );
    // Intl puts thin spaces around the dash of a range.
    expect(textOfTestId(html, 'kpi-trend')?.replace(/\s/gu, ' ')).toContain('Nov 21, 2026 – Nov 27, 2026');
  });

  it('shows grey as grey (never a green fill) and names it "not enough data"', () => {
    const cost = elementHtml(renderForTest(<KpiTrendChart points={WEEK} />), 'svg', 'trend-strip-cost');
    expect(ariaLabelOf(cost)).toBe(
      'Cost: not enough data on every day shown. Over 6 days: 0 green, 0 amber, 0 red, 6 without enough data.',
    );
    expect(cost.match(/data-rag="grey"/gu)).toHaveLength(6);
    expect(cost).toContain('fill:var(--ds-border-bold');
    expect(cost).not.toContain('success');
    expect(cost).toContain('<title>Nov 27, 2026: not enough data</title>');
  });

  it('leaves a gap on a day without a snapshot: one bar per recorded day over seven days', () => {
    const overall = elementHtml(renderForTest(<KpiTrendChart points={WEEK} />), 'svg', 'trend-strip-overall');
    expect(overall).toContain('viewBox="0 0 7 24"');
    expect(overall.match(/data-rag=/gu)).toHaveLength(6);
  });

  it('has the whole history as a table, newest day first, in words', () => {
    const table = elementHtml(renderForTest(<KpiTrendChart points={WEEK} />), 'table', 'kpi-trend-table');
    expect(table).toContain('<caption>Overall and per-dimension health by day</caption>');
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/gu)].map((m) => (m[1] ?? '').replace(/<[^>]+>/gu, '|').replace(/\|+/gu, '|'));
    expect(rows).toHaveLength(7);
    expect(rows[1]).toBe('|Nov 27, 2026|Red|Red|Red|Red|Not enough data|Red|Red|');
    expect(rows.at(-1)).toBe('|Nov 21, 2026|Green|Green|Green|Green|Not enough data|Green|Green|');
  });

  it('in Chinese', () => {
    const html = renderForTest(<KpiTrendChart points={WEEK} />, { locale: 'zh-CN' });
    expect(html).toContain('健康状况趋势');
    expect(ariaLabelOf(elementHtml(html, 'svg', 'trend-strip-schedule'))).toBe(
      '进度：自 2026年11月23日 起为红色。6 天中：绿色 2 天，黄色 0 天，红色 4 天，数据不足 0 天。',
    );
  });

  it('one day of history: one sentence', () => {
    const html = renderForTest(<KpiTrendChart points={[aKpiPoint('2026-11-27', 'amber')]} />);
    expect(ariaLabelOf(elementHtml(html, 'svg', 'trend-strip-overall'))).toBe('Overall: amber on Nov 27, 2026.');
  });

  it('no history yet: says when the first points come', () => {
    const html = renderForTest(<KpiTrendChart points={[]} />);
    expect(textOfTestId(html, 'kpi-trend-empty')).toBe('History starts today; the first points appear after the daily snapshot.');
    expect(html).not.toContain('role="img"');
    expect(renderForTest(<KpiTrendChart points={[]} />, { locale: 'zh-CN' })).toContain('历史记录从今天开始');
  });
});

describe('BurnupChart', () => {
  it('sums the chart up in a sentence, and hides the drawing from assistive technology', () => {
    const html = renderForTest(<BurnupChart burnup={aBurnup()} />);
    expect(textOfTestId(html, 'burnup-summary')).toBe(
      'Scope grew from 40 to 52 issues. 30 done. Target Dec 12, 2026, forecast Dec 19, 2026.',
    );
    expect(html).toMatch(/<div class="cf-burnup-plot" aria-hidden="true"/u);
    expect(html).toMatch(/<h4[^>]*>Beta<\/h4>/u);
  });

  it('words the other cases: scope fell or stayed, story points, missing dates', () => {
    const fell = aBurnup({
      unit: 'points',
      target: null,
      points: [
        { day: '2026-11-06', scope: 21, done: 3 },
        { day: '2026-11-13', scope: 13, done: 1 },
      ],
    });
    expect(textOfTestId(renderForTest(<BurnupChart burnup={fell} />), 'burnup-summary')).toBe(
      'Scope fell from 21 to 13 story points. 1 done. No target date; forecast Dec 19, 2026.',
    );
    const same = aBurnup({ forecast: null, points: [{ day: '2026-11-06', scope: 1, done: 0 }] });
    expect(textOfTestId(renderForTest(<BurnupChart burnup={same} />), 'burnup-summary')).toBe(
      'Scope stayed at 1 issue. 0 done. Target Dec 12, 2026; no forecast yet.',
    );
    const none = aBurnup({ target: null, forecast: null });
    expect(textOfTestId(renderForTest(<BurnupChart burnup={none} />), 'burnup-summary')).toContain('No target date and no forecast yet.');
  });

  it('in Chinese', () => {
    const html = renderForTest(<BurnupChart burnup={aBurnup()} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'burnup-summary')).toBe('范围从 40 增加到 52 个事务。已完成 30。目标 2026年12月12日，预测 2026年12月19日。');
  });

  it('has every week as a table', () => {
    const table = elementHtml(renderForTest(<BurnupChart burnup={aBurnup()} />), 'table', 'burnup-table');
    expect(table).toContain('<caption>Beta: scope and done by week</caption>');
    expect(table.match(/<tr>/gu)).toHaveLength(5);
    expect(table.replace(/<[^>]+>/gu, '|')).toContain('|Nov 27, 2026|||52 issues||30 issues|');
  });

  it('a milestone without weekly points says so', () => {
    const html = renderForTest(<BurnupChart burnup={aBurnup({ points: [] })} />);
    expect(textOfTestId(html, 'burnup-empty')).toContain('No weekly history for this milestone yet');
    expect(html).not.toContain('burnup-plot');
  });
});

describe('HistoryCharts', () => {
  it('shows the trend and a burn-up per open milestone', () => {
    const html = renderForTest(
      <HistoryCharts history={{ kpi: WEEK, burnups: [aBurnup(), aBurnup({ milestoneId: '10002', name: 'GA' })] }} />,
    );
    expect(html).toContain('data-testid="kpi-trend"');
    expect(html.match(/data-testid="burnup"/gu)).toHaveLength(2);
  });

  it('without open milestones, says so', () => {
    const html = renderForTest(<HistoryCharts history={{ kpi: [], burnups: [] }} />);
    expect(textOfTestId(html, 'burnups-empty')).toBe('No open milestones to chart.');
  });
});
