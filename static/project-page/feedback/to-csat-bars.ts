import type { CsatMonthJson } from '../../../contract/feedback';

export interface CsatBar {
  month: string;
  /** 0..1 of the plot's height: the rating out of 5; null for a month without responses. */
  height: number | null;
  csat: number | null;
  responses: number;
}

/** The trend as bars; `hasData` is false when no month has a response (the chart says so instead). */
export function toCsatBars(trend: readonly CsatMonthJson[]): { bars: CsatBar[]; hasData: boolean } {
  const bars = trend.map((m) => ({ month: m.month, height: m.csat === null ? null : m.csat / 5, csat: m.csat, responses: m.responses }));
  return { bars, hasData: bars.some((b) => b.height !== null) };
}

/** A rating for display: one decimal, as the locale writes it ("4.5", "4.5"; never "4.500001"). */
export function formatRating(value: number, intlLocale: string): string {
  return new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

/** "Nov 2026" / "2026年11月" for `YYYY-MM`. */
export function formatMonth(month: string, intlLocale: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}

/** "Nov" / "11月" for `YYYY-MM`: the chart's axis, where a year per label would not fit a phone. */
export function formatMonthShort(month: string, intlLocale: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, m - 1, 1));
}
