import { describe, expect, it } from 'vitest';
import { FORECAST_TRIALS, MIN_TRIALS, simulateMilestoneChain } from './simulate-milestone-chain';

const input = (overrides: Partial<Parameters<typeof simulateMilestoneChain>[0]> = {}) => ({
  weeklySamples: [2, 2, 2],
  cumulativeTargets: [6],
  maxOffsetDays: 10_000,
  salt: 'ACME|2026-03-20|issues',
  ...overrides,
});

describe('simulateMilestoneChain', () => {
  it.each([
    { name: 'nothing left: today', targets: [0], offset: 0 },
    { name: 'within the first day of work: day 1', targets: [0.1], offset: 1 },
    { name: 'half a week at 2 a week: 3.5 days, rounded up', targets: [1], offset: 4 },
    { name: 'exactly three weeks', targets: [6], offset: 21 },
  ])('steady weeks give exact days: $name', ({ targets, offset }) => {
    expect(simulateMilestoneChain(input({ cumulativeTargets: targets })).percentiles).toEqual([{ p50: offset, p85: offset }]);
  });

  it('gives no day past the horizon', () => {
    const result = simulateMilestoneChain(input({ cumulativeTargets: [6, 600], maxOffsetDays: 100 }));
    expect(result.percentiles).toEqual([
      { p50: 21, p85: 21 },
      { p50: null, p85: null },
    ]);
  });

  it('is reproducible: the same inputs give the same seed and days; other inputs another seed', () => {
    const uneven = input({ weeklySamples: [0, 5, 1, 4, 0, 6], cumulativeTargets: [10, 25, 40] });
    const a = simulateMilestoneChain(uneven);
    expect(simulateMilestoneChain(uneven)).toEqual(a);
    expect(simulateMilestoneChain({ ...uneven, salt: 'ACME|2026-03-21|issues' }).seed).not.toBe(a.seed);
    expect(a.trials).toBe(FORECAST_TRIALS);
    for (const p of a.percentiles) expect((p.p85 ?? Infinity) >= (p.p50 ?? Infinity)).toBe(true);
  });

  it('spends fewer trials when each trial is long, never fewer than the minimum', () => {
    // 1e6 issues at about 1 a week: each trial runs to the horizon (some 9,000 weeks).
    const long = simulateMilestoneChain(input({ weeklySamples: [0, 1, 2], cumulativeTargets: [1e6], maxOffsetDays: 63_000 }));
    expect(long.trials).toBe(MIN_TRIALS);
    const medium = simulateMilestoneChain(input({ weeklySamples: [10], cumulativeTargets: [10_000] }));
    expect(medium.trials).toBeLessThan(FORECAST_TRIALS);
    expect(medium.trials).toBeGreaterThan(MIN_TRIALS);
  });
});
