import type { BurnupJson } from '../../../contract';

export interface XY {
  /** Milliseconds since the epoch (UTC midnight of a calendar day). */
  x: number;
  y: number;
}

export interface BurnupView {
  scope: XY[];
  done: XY[];
  /** From the last done point to the last scope at the forecast day; null without a forecast. */
  projection: [XY, XY] | null;
  /** The x range: the first point to the latest of the last point, the target and the forecast. */
  low: number;
  high: number;
  /** The points' days, for the x ticks (`toTicks`, spaced for the drawn width). */
  days: number[];
  target: number | null;
  forecast: number | null;
  scopeFrom: number;
  scopeTo: number;
  doneNow: number;
  trend: 'grew' | 'fell' | 'same';
}

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The x ticks: from the first of ascending `values`, each next value at least `minGap` after
 * the one kept before it and before the last, and the last; so no two labels overlap (a
 * partial last week: Nov 28 and Dec 1 keep only Dec 1).
 */
export function toTicks(values: readonly number[], minGap: number): number[] {
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined) return [];
  const ticks = [first];
  for (const value of values) {
    const previous = ticks.at(-1) ?? first;
    if (value - previous >= minGap && last - value >= minGap) ticks.push(value);
  }
  if (last !== first) ticks.push(last);
  return ticks;
}

/**
 * A milestone's burn-up as chart series and the numbers its summary sentence states. Points
 * are taken in day order. The projection is the straight line a reader draws by eye from done
 * today to the scope at the forecast; a forecast before the last point (already late data)
 * draws none. No points: null (the chart shows its empty state).
 */
export function toBurnupView(burnup: BurnupJson): BurnupView | null {
  const points = [...burnup.points].sort((a, b) => a.day.localeCompare(b.day));
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined) return null;
  const target = burnup.target === null ? null : toMs(burnup.target);
  const forecast = burnup.forecast === null ? null : toMs(burnup.forecast);
  const lastMs = toMs(last.day);
  const projection: [XY, XY] | null =
    forecast !== null && forecast > lastMs
      ? [
          { x: lastMs, y: last.done },
          { x: forecast, y: last.scope },
        ]
      : null;
  const marks = [lastMs, target, forecast].filter((ms): ms is number => ms !== null);
  const low = Math.min(toMs(first.day), ...marks);
  const high = Math.max(...marks);
  return {
    scope: points.map((p) => ({ x: toMs(p.day), y: p.scope })),
    done: points.map((p) => ({ x: toMs(p.day), y: p.done })),
    projection,
    low,
    high,
    days: points.map((p) => toMs(p.day)),
    target,
    forecast,
    scopeFrom: first.scope,
    scopeTo: last.scope,
    doneNow: last.done,
    trend: last.scope > first.scope ? 'grew' : last.scope < first.scope ? 'fell' : 'same',
  };
}
