/** What every derivation bench process agrees on: the projects generated and the reporting instant. */
import { DEFAULT_DEMO_SEED } from '../local/jira/demo-generator';

export const BENCH_SIZES = [1_000, 10_000, 100_000] as const;
export const BENCH_SEED = DEFAULT_DEMO_SEED;
export const BENCH_NOW = new Date('2026-11-27T09:00:00Z');
export const BENCH_PROJECT_KEY = 'SCALE';
export const MB = 1024 * 1024;
