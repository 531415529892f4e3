import type { KpiPointJson } from '../../../contract';
import type { XY } from './to-burnup-view';

export interface BurnRow {
  day: string;
  spentHours: number;
  earnedHours: number;
  budgetHours: number;
  /** The cost performance measure's RAG that day. */
  rag: 'green' | 'amber' | 'red';
}

export interface BurnView {
  rows: BurnRow[];
  spent: XY[];
  earned: XY[];
  budget: XY[];
  low: number;
  high: number;
  days: number[];
  /** The latest day's figures and its cost performance (earned ÷ spent). */
  last: BurnRow & { index: number };
}

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The budget burn from the KPI history: the points that kept a burn (an hours budget and time
 * logged that day), in day order. Null when none did (no budget, or nothing logged yet): the
 * chart is not shown.
 */
export function toBurnView(points: readonly KpiPointJson[]): BurnView | null {
  const rows = points.flatMap((p) => (p.burn === undefined ? [] : [{ day: p.day, ...p.burn }])).sort((a, b) => a.day.localeCompare(b.day));
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) return null;
  const index = last.spentHours > 0 ? last.earnedHours / last.spentHours : 0;
  return {
    rows,
    spent: rows.map((r) => ({ x: toMs(r.day), y: r.spentHours })),
    earned: rows.map((r) => ({ x: toMs(r.day), y: r.earnedHours })),
    budget: rows.map((r) => ({ x: toMs(r.day), y: r.budgetHours })),
    low: toMs(first.day),
    high: toMs(last.day),
    days: rows.map((r) => toMs(r.day)),
    last: { ...last, index },
  };
}
