import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aForecast, aMilestone } from '../testing/status-report-builder';
import { MilestonesTable } from './MilestonesTable';

const forecast = aForecast();

describe('MilestonesTable', () => {
  it('tells how each milestone was forecast in a disclosure under its date, in the page language', () => {
    const milestones = [aMilestone({ id: '1', name: 'R1', forecastDate: '2026-04-08', forecast })];
    const en = renderForTest(<MilestonesTable milestones={milestones} />);
    expect(en).toContain('<details');
    expect(textOfTestId(en, 'report-milestone-forecast')).toContain('How this is forecast');
    expect(textOfTestId(en, 'report-milestone-forecast')).toContain(
      '50% likely by Apr 1, 2026, 85% likely by Apr 8, 2026. Monte Carlo, 5,000 trials',
    );
    const zh = renderForTest(<MilestonesTable milestones={milestones} />, { locale: 'zh-CN' });
    expect(textOfTestId(zh, 'report-milestone-forecast')).toContain('预测方法');
    expect(textOfTestId(zh, 'report-milestone-forecast')).toContain('蒙特卡洛模拟 5,000 次');
  });

  it('has no forecast detail where the report carries none (the client, a released milestone)', () => {
    const html = renderForTest(<MilestonesTable milestones={[aMilestone({ id: '1', name: 'R1' })]} />);
    expect(html).not.toContain('report-milestone-forecast');
  });
});
