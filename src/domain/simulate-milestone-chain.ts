/**
 * The Monte Carlo behind milestone forecasts (DESIGN.md §5.3): one team works through the
 * milestones in target order, each simulated week completing what one of the recent weeks
 * completed, drawn at random. Pure and reproducible: the generator is seeded from the inputs.
 */

const DAYS_PER_WEEK = 7;

/** Trials when the simulation is cheap; fewer (never below `MIN_TRIALS`) when each trial is long. */
export const FORECAST_TRIALS = 5000;
export const MIN_TRIALS = 250;
/**
 * Simulated weeks across all trials (a few tens of ms at most): with `MIN_TRIALS`, what bounds
 * the runtime on any project, however slow its team or large its backlog.
 */
const STEP_BUDGET = 2_000_000;

export interface ChainSimulationInput {
  /** Completed per week (issues or points), one per week of history; at least one above zero. */
  weeklySamples: readonly number[];
  /** Work to finish before each milestone is done, in chain order: non-decreasing, ≥ 0. */
  cumulativeTargets: readonly number[];
  /** Day offsets from today beyond which no date is given (the plausible horizon). */
  maxOffsetDays: number;
  /** Mixed into the seed (the day), so the same data on the same day gives the same dates. */
  salt: string;
}

export interface ChainSimulationResult {
  trials: number;
  seed: number;
  /** Per target: the 50th and 85th percentile day offsets from today, null beyond the horizon. */
  percentiles: { p50: number | null; p85: number | null }[];
}

/**
 * Simulates `trials` futures. In each, weeks are drawn with replacement from `weeklySamples`;
 * a target is met during the week that takes the cumulative completions to it, on the day of
 * that week proportional to the part of the week's work it needed (`ceil`, so a target met
 * within the first day is day 1). A target of 0 is met today (offset 0).
 *
 * Every trial meets the targets in order, so its offsets are non-decreasing; nearest-rank
 * percentiles of pointwise-ordered samples keep that order, so forecasts are monotonic.
 */
export function simulateMilestoneChain(input: ChainSimulationInput): ChainSimulationResult {
  const { weeklySamples: samples, cumulativeTargets: targets, maxOffsetDays } = input;
  const seed = seedOf(`${input.salt}|${samples.join(',')}|${targets.join(',')}`);
  const count = targets.length;
  const sampleCount = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, sampleCount);
  const best = Math.max(0, ...samples);
  const last = targets[count - 1] ?? 0;
  const maxWeeks = Math.ceil(maxOffsetDays / DAYS_PER_WEEK) + 1;
  const expectedWeeks = mean > 0 ? Math.min(maxWeeks, Math.ceil(last / mean) + 1) : maxWeeks;
  const trials = Math.max(MIN_TRIALS, Math.min(FORECAST_TRIALS, Math.floor(STEP_BUDGET / Math.max(1, expectedWeeks))));
  if (count === 0 || sampleCount === 0) return { trials, seed, percentiles: [] };

  const NEVER = 0x7fffffff;
  const offsets = new Int32Array(count * trials).fill(NEVER);
  const next = mulberry32(seed);
  for (let trial = 0; trial < trials; trial++) {
    let index = 0;
    while (index < count && (targets[index] ?? 0) <= 0) offsets[index++ * trials + trial] = 0;
    let done = 0;
    for (let week = 0; index < count && week < maxWeeks; week++) {
      // Not even the best week every week would reach the next target in time: neither it nor
      // any later one gets a day in this trial.
      if ((targets[index] ?? 0) - done > best * (maxWeeks - week)) break;
      const completed = samples[Math.floor(next() * sampleCount)] ?? 0;
      if (completed <= 0) continue;
      while (index < count) {
        const target = targets[index] ?? 0;
        if (done + completed < target) break;
        const day = Math.max(1, Math.ceil((week + (target - done) / completed) * DAYS_PER_WEEK - 1e-9));
        if (day <= maxOffsetDays) offsets[index * trials + trial] = day;
        index += 1;
      }
      done += completed;
    }
  }

  const percentiles: ChainSimulationResult['percentiles'] = [];
  for (let i = 0; i < count; i++) {
    const sorted = offsets.subarray(i * trials, (i + 1) * trials).sort();
    const at = (q: number): number | null => {
      const value = sorted[Math.max(0, Math.ceil(q * trials) - 1)] ?? NEVER;
      return value === NEVER ? null : value;
    };
    percentiles.push({ p50: at(0.5), p85: at(0.85) });
  }
  return { trials, seed, percentiles };
}

/** FNV-1a, 32 bits: a stable seed from text. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small, fast, seeded generator of numbers in [0, 1); plenty for resampling a few weeks. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
