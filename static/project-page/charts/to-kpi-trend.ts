import { DIMENSION_KEYS, type DimensionKey, type KpiPointJson, type RagJson } from '../../../contract';

export type TrendRowKey = 'overall' | DimensionKey;

export interface TrendRow {
  key: TrendRowKey;
  /** One entry per calendar day of the range, oldest first; null on a day without a snapshot. */
  cells: (RagJson | null)[];
  /** The RAG of the newest point. */
  current: RagJson;
  /** The first day of the run of days (with a snapshot) that has had `current` up to the newest point. */
  since: string;
  /** True when that run covers every point. */
  throughout: boolean;
  /** Days with a snapshot, per RAG. */
  tally: Record<RagJson, number>;
}

export interface KpiTrend {
  /** Every calendar day from the oldest point to the newest, oldest first. */
  days: string[];
  rows: TrendRow[];
  /** Points recorded (days with a snapshot). */
  recorded: number;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function ragOf(point: KpiPointJson, key: TrendRowKey): RagJson {
  return key === 'overall' ? point.overall : point.dimensions[key].rag;
}

/**
 * The KPI history as one row per dimension with the overall on top, over every calendar day
 * from the oldest point to the newest, so a day the daily snapshot missed shows as a gap rather
 * than being squeezed out. Points are taken in day order whatever order they arrive in; a
 * duplicated day keeps the later point. No points: null.
 */
export function toKpiTrend(points: readonly KpiPointJson[]): KpiTrend | null {
  const byDay = new Map<string, KpiPointJson>();
  for (const point of points) byDay.set(point.day, point);
  const sorted = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return null;

  const days: string[] = [];
  for (let ms = toMs(first.day); ms <= toMs(last.day); ms += DAY_MS) days.push(toDay(ms));

  const rows = (['overall', ...DIMENSION_KEYS] as const).map((key): TrendRow => {
    const cells = days.map((day) => {
      const point = byDay.get(day);
      return point === undefined ? null : ragOf(point, key);
    });
    const rags = sorted.map((point) => ragOf(point, key));
    const current = ragOf(last, key);
    let sinceIndex = rags.length - 1;
    while (sinceIndex > 0 && rags[sinceIndex - 1] === current) sinceIndex -= 1;
    const tally: Record<RagJson, number> = { green: 0, amber: 0, red: 0, grey: 0 };
    for (const rag of rags) tally[rag] += 1;
    return { key, cells, current, since: sorted[sinceIndex]?.day ?? first.day, throughout: sinceIndex === 0, tally };
  });
  return { days, rows, recorded: sorted.length };
}
