import { describe, expect, it } from 'vitest';
import {
  deriveCsatTrend,
  deriveNps,
  deriveSatisfactionFigures,
  deriveTrendStartDay,
  selectWindow,
  type RatingPoint,
} from './assess-satisfaction';

const at = (iso: string) => Date.parse(iso);
const point = (iso: string, rating: number, nps: number | null = null): RatingPoint => ({ at: at(iso), rating, nps });
const NOW = at('2026-11-27T09:00:00Z');

describe('deriveNps', () => {
  it.each([
    [[], null],
    [[10, 9, 8, 7], 50],
    [[0, 6, 9], -33.3],
    [[7, 8], 0],
    [[10], 100],
    [[3], -100],
  ])('%j → %s', (scores, nps) => {
    expect(deriveNps(scores)).toBe(nps);
  });
});

describe('deriveSatisfactionFigures', () => {
  it('means the ratings and counts NPS answers apart from ratings', () => {
    expect(deriveSatisfactionFigures([point('2026-11-01T00:00:00Z', 5, 10), point('2026-11-02T00:00:00Z', 2)])).toEqual({
      responses: 2,
      csat: 3.5,
      npsResponses: 1,
      nps: 100,
    });
  });
  it('is null, not zero, without responses', () => {
    expect(deriveSatisfactionFigures([])).toEqual({ responses: 0, csat: null, npsResponses: 0, nps: null });
  });
});

describe('selectWindow (CSAT window of N calendar days ending today, in the project zone)', () => {
  it.each([
    ['first day of a 90-day window (today − 89)', '2026-08-30T12:00:00Z', 'UTC', true],
    ['the day before the window', '2026-08-29T23:59:59Z', 'UTC', false],
    ['today', '2026-11-27T08:59:00Z', 'UTC', true],
    ['tomorrow (a clock ahead) is left out', '2026-11-28T00:00:01Z', 'UTC', false],
    ['late on 29 Aug UTC is 30 Aug in Tokyo: inside', '2026-08-29T20:00:00Z', 'Asia/Tokyo', true],
    ['early 30 Aug UTC is still 29 Aug in Los Angeles: outside', '2026-08-30T05:00:00Z', 'America/Los_Angeles', false],
  ])('%s', (_name, iso, zone, inside) => {
    expect(selectWindow([point(iso, 4)], NOW, zone, 90)).toHaveLength(inside ? 1 : 0);
  });
});

describe('deriveCsatTrend', () => {
  it('gives every one of the last N months, oldest first, with gaps as null', () => {
    const trend = deriveCsatTrend(
      [
        point('2026-11-03T10:00:00Z', 5, 9),
        point('2026-11-20T10:00:00Z', 3, 2),
        point('2026-09-15T10:00:00Z', 4),
        point('2025-01-01T00:00:00Z', 1),
      ],
      NOW,
      'UTC',
      3,
    );
    expect(trend).toEqual([
      { month: '2026-09', responses: 1, csat: 4, npsResponses: 0, nps: null },
      { month: '2026-10', responses: 0, csat: null, npsResponses: 0, nps: null },
      { month: '2026-11', responses: 2, csat: 4, npsResponses: 2, nps: 0 },
    ]);
  });
  it('puts a rating in the month of the project zone and crosses the year', () => {
    const trend = deriveCsatTrend([point('2025-12-31T20:00:00Z', 2)], at('2026-01-10T00:00:00Z'), 'Asia/Shanghai', 2);
    expect(trend.map((m) => [m.month, m.responses])).toEqual([
      ['2025-12', 0],
      ['2026-01', 1],
    ]);
  });
  it('starts its reads on the first day of the oldest month', () => {
    expect(deriveTrendStartDay(NOW, 'UTC', 12)).toBe('2025-12-01');
    expect(deriveTrendStartDay(at('2026-01-10T00:00:00Z'), 'UTC', 1)).toBe('2026-01-01');
  });
});
