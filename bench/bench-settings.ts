/** What every bench process agrees on: the projects generated and the reporting instant. */
import { DEFAULT_DEMO_SEED } from '../local/jira/demo-generator';

export const BENCH_SIZES = [1_000, 10_000, 100_000] as const;
export const BENCH_SEED = DEFAULT_DEMO_SEED;
export const BENCH_NOW = new Date('2026-11-27T09:00:00Z');
export const BENCH_PROJECT_KEY = 'SCALE';
/** The scale project's id (see `generateScaleDataset`). */
export const BENCH_PROJECT_ID = '10020';
export { MB } from './bench-row';

/** Overview and issue panel opened from the snapshot of a small and a large project. */
export const OPEN_SIZES = [1_000, 100_000] as const;
/** The project of the change and rate-limit figures. */
export const DAY_PROJECT_ISSUES = 20_000;
/** The project of the full-sync figure, synced this many times for medians. */
export const FULL_SYNC_ISSUES = 100_000;
export const FULL_SYNC_RUNS = 3;
