import { addCalendarDays, calendarDayOf } from '../issue-rules';

/** A rating as the satisfaction rules read it: when it came and what it says. */
export interface RatingPoint {
  /** Epoch ms. */
  at: number;
  /** 1–5. */
  rating: number;
  /** 0–10, or null when the client gave no NPS answer. */
  nps: number | null;
}

export interface SatisfactionFigures {
  responses: number;
  /** Mean rating, or null without responses. */
  csat: number | null;
  npsResponses: number;
  /** % promoters − % detractors, or null without NPS answers. */
  nps: number | null;
}

export interface CsatMonth extends SatisfactionFigures {
  /** `YYYY-MM` in the project's zone. */
  month: string;
}

/**
 * Net Promoter Score of the answers: the share of promoters (9–10) minus the share of detractors
 * (0–6), in percentage points rounded to one decimal; passives (7–8) count only in the total.
 * Null for no answers (never 0, which would read as a middling score).
 */
export function deriveNps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 1000) / 10;
}

/** CSAT (mean rating) and NPS of a set of ratings, with their counts. */
export function deriveSatisfactionFigures(points: readonly RatingPoint[]): SatisfactionFigures {
  const npsScores = points.flatMap((p) => (p.nps === null ? [] : [p.nps]));
  return {
    responses: points.length,
    csat: points.length === 0 ? null : points.reduce((sum, p) => sum + p.rating, 0) / points.length,
    npsResponses: npsScores.length,
    nps: deriveNps(npsScores),
  };
}

/**
 * The ratings of the CSAT window: the `windowDays` calendar days ending today in `timeZone`,
 * today included — the same days `assessHealth` counts, so the section and the tile agree.
 * A rating dated after today (a clock ahead) is left out.
 */
export function selectWindow(points: readonly RatingPoint[], now: number, timeZone: string, windowDays: number): RatingPoint[] {
  const today = calendarDayOf(now, timeZone);
  const first = addCalendarDays(today, -windowDays + 1);
  return points.filter((p) => {
    const day = calendarDayOf(p.at, timeZone);
    return day >= first && day <= today;
  });
}

/** `YYYY-MM` of the month `offset` months from `month`. */
function addMonths(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The monthly CSAT trend for the chart: the `months` calendar months up to and including the
 * current one in `timeZone`, oldest first. Every month is present; a month without responses
 * has null figures (a gap in the line, never a zero). Ratings outside those months are ignored.
 */
export function deriveCsatTrend(points: readonly RatingPoint[], now: number, timeZone: string, months = 12): CsatMonth[] {
  const current = calendarDayOf(now, timeZone).slice(0, 7);
  const keys = Array.from({ length: months }, (_, i) => addMonths(current, i - months + 1));
  const byMonth = new Map<string, RatingPoint[]>(keys.map((k) => [k, []]));
  for (const p of points) byMonth.get(calendarDayOf(p.at, timeZone).slice(0, 7))?.push(p);
  return keys.map((month) => ({ month, ...deriveSatisfactionFigures(byMonth.get(month) ?? []) }));
}

/** The first day of the trend's oldest month, in the project's zone: where its reads start. */
export function deriveTrendStartDay(now: number, timeZone: string, months = 12): string {
  return `${addMonths(calendarDayOf(now, timeZone).slice(0, 7), -months + 1)}-01`;
}
