import { describe, expect, it } from 'vitest';
import { formatMonth, formatMonthShort, formatRating, toCsatBars } from './to-csat-bars';

const month = (m: string, csat: number | null, responses: number) => ({ month: m, csat, responses, npsResponses: 0, nps: null });

describe('toCsatBars', () => {
  it('scales a rating out of 5 and leaves empty months as gaps', () => {
    expect(toCsatBars([month('2026-10', null, 0), month('2026-11', 4, 2)])).toEqual({
      bars: [
        { month: '2026-10', height: null, csat: null, responses: 0 },
        { month: '2026-11', height: 0.8, csat: 4, responses: 2 },
      ],
      hasData: true,
    });
    expect(toCsatBars([month('2026-10', null, 0)]).hasData).toBe(false);
  });
  it('formats ratings and months per locale', () => {
    expect(formatRating(3.456, 'en-US')).toBe('3.5');
    expect(formatMonth('2026-11', 'en-US')).toBe('Nov 2026');
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatMonthShort('2026-11', 'en-US')).toBe('Nov');
    expect(formatMonthShort('2026-11', 'zh-CN')).toBe('11月');
  });
});
