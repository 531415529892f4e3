/** A project version used as a client milestone. */
export interface Milestone {
  id: string;
  name: string;
  released: boolean;
  archived: boolean;
  /** Calendar day `YYYY-MM-DD` in the project's time zone, or null when unplanned. */
  releaseDate: string | null;
  /** Calendar day `YYYY-MM-DD` the version started (its scope baseline), or null. */
  startDate: string | null;
}

export interface MilestoneStatus {
  id: string;
  name: string;
  releaseDate: string | null;
  overdue: boolean;
}

/**
 * A milestone is overdue when it is unreleased and its release day is before `today`
 * (both calendar days in the project's time zone). A milestone with no date is never overdue;
 * one due today is not overdue yet.
 */
export function isMilestoneOverdue(milestone: Milestone, today: string): boolean {
  return !milestone.released && milestone.releaseDate !== null && milestone.releaseDate < today;
}

/**
 * The milestones a PM follows up: unreleased and not archived, dated ones first by date,
 * then undated ones by name.
 */
export function deriveOpenMilestones(milestones: readonly Milestone[], today: string): MilestoneStatus[] {
  return milestones
    .filter((m) => !m.released && !m.archived)
    .sort(compareMilestones)
    .map((m) => ({
      id: m.id,
      name: m.name,
      releaseDate: m.releaseDate,
      overdue: isMilestoneOverdue(m, today),
    }));
}

function compareMilestones(a: Milestone, b: Milestone): number {
  if (a.releaseDate !== b.releaseDate) {
    if (a.releaseDate === null) return 1;
    if (b.releaseDate === null) return -1;
    return a.releaseDate < b.releaseDate ? -1 : 1;
  }
  return a.name.localeCompare(b.name);
}
