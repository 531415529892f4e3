import type { IssueRefJson, MilestoneReportJson } from '../../contract';

/** Issues without repeats, first occurrence kept: an issue waits on the client once. */
export function toDistinctIssues<T extends IssueRefJson>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.key)) return false;
    seen.add(issue.key);
    return true;
  });
}

export type Slip = { kind: 'unknown' } | { kind: 'onTime' } | { kind: 'days'; days: number };

/**
 * A milestone's slip as shown: late or early by some days, on time at zero (or once
 * released on time), unknown without a forecast.
 */
export function toSlip(milestone: Pick<MilestoneReportJson, 'slipDays'>): Slip {
  if (milestone.slipDays === null) return { kind: 'unknown' };
  if (milestone.slipDays === 0) return { kind: 'onTime' };
  return { kind: 'days', days: milestone.slipDays };
}

/** Progress as a whole percentage of issues done; null for an empty milestone. */
export function toProgressPercent(progress: MilestoneReportJson['progress']): number | null {
  return progress.issuesTotal === 0 ? null : Math.round((progress.issuesDone / progress.issuesTotal) * 100);
}
