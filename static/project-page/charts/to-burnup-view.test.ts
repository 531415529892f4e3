import { describe, expect, it } from 'vitest';
import { aBurnup } from '../../testing/sync-builders';
import { toBurnupView, toTicks } from './to-burnup-view';

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

describe('toBurnupView', () => {
  it('has series per week, the scope change, and a projection from done today to the scope at the forecast', () => {
    const view = toBurnupView(aBurnup());
    expect(view?.scope.map((p) => p.y)).toEqual([40, 44, 50, 52]);
    expect(view?.done.map((p) => p.y)).toEqual([12, 18, 25, 30]);
    expect(view).toMatchObject({ scopeFrom: 40, scopeTo: 52, doneNow: 30, trend: 'grew' });
    expect(view?.projection).toEqual([
      { x: ms('2026-11-27'), y: 30 },
      { x: ms('2026-12-19'), y: 52 },
    ]);
    expect(view?.low).toBe(ms('2026-11-06'));
    expect(view?.high).toBe(ms('2026-12-19'));
    expect(view?.target).toBe(ms('2026-12-12'));
  });

  it('takes points in day order, and says when scope fell or stayed', () => {
    const fell = aBurnup({
      points: [
        { day: '2026-11-13', scope: 30, done: 10 },
        { day: '2026-11-06', scope: 35, done: 5 },
      ],
    });
    expect(toBurnupView(fell)).toMatchObject({ scopeFrom: 35, scopeTo: 30, trend: 'fell', doneNow: 10 });
    expect(toBurnupView(aBurnup({ points: [{ day: '2026-11-06', scope: 8, done: 1 }] }))?.trend).toBe('same');
  });

  it('draws no projection without a forecast, or with one before the last point', () => {
    expect(toBurnupView(aBurnup({ forecast: null }))?.projection).toBeNull();
    expect(toBurnupView(aBurnup({ forecast: '2026-11-20' }))?.projection).toBeNull();
  });

  it('stretches the x range to a target before the first point', () => {
    expect(toBurnupView(aBurnup({ target: '2026-10-01', forecast: null }))).toMatchObject({
      low: ms('2026-10-01'),
      high: ms('2026-11-27'),
    });
  });

  it('has no view without points', () => {
    expect(toBurnupView(aBurnup({ points: [] }))).toBeNull();
  });
});

describe('toTicks', () => {
  it('keeps the first and the last, and between them only values at least the gap apart', () => {
    expect(toTicks([0, 7, 14, 21], 7)).toEqual([0, 7, 14, 21]);
    expect(toTicks([0, 7, 14, 21, 28], 10)).toEqual([0, 14, 28]);
    expect(toTicks([5], 10)).toEqual([5]);
    expect(toTicks([], 10)).toEqual([]);
  });

  it('drops a value too close to the last, so labels do not overlap', () => {
    expect(toTicks([0, 7, 14, 21, 28, 31], 7)).toEqual([0, 7, 14, 21, 31]);
  });
});
