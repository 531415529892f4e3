/**
 * Test-data builders for the snapshot's sync status and the Overview's history, each taking
 * overrides so a test states only what it is about. Defaults: a snapshot read 12 minutes
 * before `SYNC_NOW`, nothing pending, no sync running.
 */
import type { BurnupJson, DimensionKey, KpiPointJson, RagJson, SyncStatus } from '../../contract';
import { DIMENSION_KEYS } from '../../contract';

export const SYNC_NOW = Date.parse('2026-11-27T09:12:00Z');

export function aSyncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    state: 'idle',
    asOf: '2026-11-27T09:00:00.000Z',
    pendingChanges: 0,
    kind: 'incremental',
    progress: null,
    error: null,
    startedAt: null,
    ...overrides,
  };
}

export function aRunningSync(done: number, total: number | null, overrides: Partial<SyncStatus> = {}): SyncStatus {
  return aSyncStatus({
    state: 'running',
    kind: 'full',
    progress: { phase: 'issues', done, total },
    startedAt: '2026-11-27T09:10:00.000Z',
    ...overrides,
  });
}

/** One day of history, every dimension `rag` unless named in `dimensions`. */
export function aKpiPoint(
  day: string,
  rag: Exclude<RagJson, 'grey'> = 'green',
  dimensions: Partial<Record<DimensionKey, RagJson>> = {},
): KpiPointJson {
  return {
    day,
    overall: rag,
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, { rag: dimensions[key] ?? rag, value: null }]),
    ) as KpiPointJson['dimensions'],
    counts: { new: 10, indeterminate: 5, done: 20, undefined: 0 },
  };
}

export function aBurnup(overrides: Partial<BurnupJson> = {}): BurnupJson {
  return {
    milestoneId: '10001',
    name: 'Beta',
    target: '2026-12-12',
    forecast: '2026-12-19',
    unit: 'issues',
    points: [
      { day: '2026-11-06', scope: 40, done: 12 },
      { day: '2026-11-13', scope: 44, done: 18 },
      { day: '2026-11-20', scope: 50, done: 25 },
      { day: '2026-11-27', scope: 52, done: 30 },
    ],
    ...overrides,
  };
}
