import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_PHASES, type EngagementPhase } from '../../contract/engagement';
import type { SeriesPhase } from '../../contract/comms';
import { activeSeries, isSeriesActive } from './series-phase';

describe('isSeriesActive: which series run in the engagement phase', () => {
  const table: { activeIn: SeriesPhase | undefined; runsIn: EngagementPhase[] }[] = [
    { activeIn: undefined, runsIn: [...ENGAGEMENT_PHASES] },
    { activeIn: 'all', runsIn: [...ENGAGEMENT_PHASES] },
    { activeIn: 'delivery', runsIn: ['kick-off', 'delivery', 'acceptance', 'closed'] },
    { activeIn: 'support', runsIn: ['support'] },
  ];
  for (const { activeIn, runsIn } of table) {
    it.each(ENGAGEMENT_PHASES.map((phase) => ({ phase, runs: runsIn.includes(phase) })))(
      `${String(activeIn)} in $phase → $runs`,
      ({ phase, runs }) => {
        expect(isSeriesActive(activeIn === undefined ? {} : { activeIn }, phase)).toBe(runs);
      },
    );
  }

  it('keeps the plan order and drops what does not run', () => {
    const plan = [
      { id: 'weekly', activeIn: 'delivery' as const },
      { id: 'monthly', activeIn: undefined },
      { id: 'support-call', activeIn: 'support' as const },
    ];
    expect(activeSeries(plan, 'delivery').map((s) => s.id)).toEqual(['weekly', 'monthly']);
    expect(activeSeries(plan, 'support').map((s) => s.id)).toEqual(['monthly', 'support-call']);
  });
});
