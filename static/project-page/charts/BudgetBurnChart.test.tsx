import { describe, expect, it } from 'vitest';
import type { KpiPointJson } from '../../../contract';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { aKpiPoint } from '../../testing/sync-builders';
import { BudgetBurnChart } from './BudgetBurnChart';
import { toBurnView } from './to-burn-view';

const withBurn = (day: string, spentHours: number, earnedHours: number, rag: 'green' | 'amber' | 'red'): KpiPointJson => ({
  ...aKpiPoint(day),
  burn: { spentHours, earnedHours, budgetHours: 400, rag },
});

const POINTS = [aKpiPoint('2026-11-20'), withBurn('2026-11-23', 120, 110, 'amber'), withBurn('2026-11-22', 100, 100, 'green')];

describe('toBurnView', () => {
  it('takes the points that kept a burn, in day order, and the latest cost performance', () => {
    const view = toBurnView(POINTS);
    expect(view?.rows.map((r) => r.day)).toEqual(['2026-11-22', '2026-11-23']);
    expect(view?.spent.map((p) => p.y)).toEqual([100, 120]);
    expect(view?.earned.map((p) => p.y)).toEqual([100, 110]);
    expect(view?.budget.map((p) => p.y)).toEqual([400, 400]);
    expect(view?.last).toMatchObject({ day: '2026-11-23', rag: 'amber' });
    expect(view?.last.index).toBeCloseTo(110 / 120, 10);
  });

  it('is null when no point kept a burn (no budget or nothing logged): no chart', () => {
    expect(toBurnView([aKpiPoint('2026-11-20')])).toBeNull();
    expect(renderForTest(<BudgetBurnChart points={[aKpiPoint('2026-11-20')]} />)).not.toContain('budget-burn');
  });
});

describe('BudgetBurnChart', () => {
  it('says what the chart shows, and holds every point in its table', () => {
    const html = renderForTest(<BudgetBurnChart points={POINTS} />);
    expect(textOfTestId(html, 'budget-burn-summary')).toBe(
      'On Nov 23, 2026, 120 h spent and 110 h earned of the 400 h budget: cost performance 0.92 (somewhat over budget for the work done). 2 days charted.',
    );
    expect(html).toContain('data-testid="budget-burn-table"');
    expect([...html.matchAll(/<time dateTime="([^"]+)"/gu)].map((m) => m[1])).toEqual(['2026-11-22', '2026-11-23']);
  });

  it('in Chinese', () => {
    const html = renderForTest(<BudgetBurnChart points={POINTS} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'budget-burn-summary')).toContain(
      '预算 400 小时，已用 120 小时，挣得 110 小时；成本绩效 0.92（已完成工作略超预算）',
    );
  });
});
