import { describe, expect, it } from 'vitest';
import { aKpiPoint } from '../../testing/sync-builders';
import { toKpiTrend } from './to-kpi-trend';

describe('toKpiTrend', () => {
  it('has no trend without points', () => {
    expect(toKpiTrend([])).toBeNull();
  });

  it('spans every calendar day from the oldest point to the newest; a missed day is a gap, not squeezed out', () => {
    const trend = toKpiTrend([aKpiPoint('2026-11-24'), aKpiPoint('2026-11-27', 'red'), aKpiPoint('2026-11-25', 'amber')]);
    expect(trend?.days).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(trend?.recorded).toBe(3);
    expect(trend?.rows.map((row) => row.key)).toEqual(['overall', 'schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication']);
    expect(trend?.rows[0]?.cells).toEqual(['green', 'amber', null, 'red']);
  });

  it('crosses a month end without slipping a day', () => {
    expect(toKpiTrend([aKpiPoint('2026-02-27'), aKpiPoint('2026-03-02')])?.days).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('keeps grey as grey, per dimension, and tallies the days', () => {
    const trend = toKpiTrend([
      aKpiPoint('2026-11-25', 'green', { cost: 'grey' }),
      aKpiPoint('2026-11-26', 'amber', { cost: 'grey', schedule: 'red' }),
      aKpiPoint('2026-11-27', 'amber', { cost: 'grey', schedule: 'red' }),
    ]);
    const cost = trend?.rows.find((row) => row.key === 'cost');
    expect(cost?.cells).toEqual(['grey', 'grey', 'grey']);
    expect(cost).toMatchObject({ current: 'grey', since: '2026-11-25', throughout: true, tally: { green: 0, amber: 0, red: 0, grey: 3 } });
    const schedule = trend?.rows.find((row) => row.key === 'schedule');
    expect(schedule).toMatchObject({
      current: 'red',
      since: '2026-11-26',
      throughout: false,
      tally: { green: 1, amber: 0, red: 2, grey: 0 },
    });
  });

  it('a run of the current colour is not broken by a missed day', () => {
    const trend = toKpiTrend([aKpiPoint('2026-11-20', 'green'), aKpiPoint('2026-11-22', 'red'), aKpiPoint('2026-11-27', 'red')]);
    expect(trend?.rows[0]).toMatchObject({ current: 'red', since: '2026-11-22', throughout: false });
  });

  it('a day recorded twice keeps the later point', () => {
    const trend = toKpiTrend([aKpiPoint('2026-11-27', 'green'), aKpiPoint('2026-11-27', 'red')]);
    expect(trend?.days).toEqual(['2026-11-27']);
    expect(trend?.rows[0]?.cells).toEqual(['red']);
  });
});
