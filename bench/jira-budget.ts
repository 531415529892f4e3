/**
 * Jira call budgets from fixed formulas over the generated data — never from the run they
 * judge. Page caps are Jira's documented ones (as the emulator serves them).
 */
import { BULK_CHANGELOG_MAX_ISSUES, SEARCH_MAX_RESULTS_WITH_FIELDS } from '../local/jira/emulator';

/**
 * The calls a full sync makes besides its pages, each once: the approximate count, `/field`,
 * `/status`, `/priority` (the site lists, then cached for a day), the project and its versions.
 */
export const FULL_SYNC_FIXED_CALLS = {
  'search/approximate-count': 1,
  field: 1,
  status: 1,
  priority: 1,
  'project/{key}': 1,
  'project/{key}/versions': 1,
} as const;
export const FULL_SYNC_FIXED = Object.values(FULL_SYNC_FIXED_CALLS).reduce((a, b) => a + b, 0);

/** Search pages plus changelog batches: ⌈N / 100⌉ + ⌈H / 1000⌉. */
export function pageCalls(issues: number, needingHistory: number): number {
  return Math.ceil(issues / SEARCH_MAX_RESULTS_WITH_FIELDS) + Math.ceil(needingHistory / BULK_CHANGELOG_MAX_ISSUES);
}

/** ⌈N / 100⌉ + ⌈H / 1000⌉ + fixed: the budget of a full sync of N issues, H of them needing history. */
export function fullSyncCallBudget(issues: number, needingHistory: number): number {
  return pageCalls(issues, needingHistory) + FULL_SYNC_FIXED;
}

export const FULL_SYNC_FORMULA = `⌈N/${SEARCH_MAX_RESULTS_WITH_FIELDS}⌉ + ⌈H/${BULK_CHANGELOG_MAX_ISSUES}⌉ + ${FULL_SYNC_FIXED}`;
