import type { StatusCategoryKey } from './status-category';

/**
 * A Jira issue normalized for the domain (DESIGN.md §5.1). Built by the pure mappers in
 * `adapters/jira`; every rule below `application/` reads only this shape — never Jira JSON.
 *
 * Instants are epoch milliseconds (cheap to compare, no parsing in hot loops); calendar days
 * (`due`, version release dates) are `YYYY-MM-DD` strings in the project's time zone.
 */
export interface Issue {
  id: string;
  key: string;
  summary: string;
  /** The issue type: its id (stable, what settings choose by), localized name, subtask flag and hierarchy level. */
  type: { id: string; name: string; subtask: boolean; hierarchyLevel: number };
  status: { name: string; category: StatusCategoryKey };
  /** Resolution name, or null when unresolved. */
  resolution: string | null;
  created: number;
  updated: number;
  /** Resolution date, or null. */
  resolved: number | null;
  /** Calendar day `YYYY-MM-DD`, or null. */
  due: string | null;
  /** Calendar day `YYYY-MM-DD` (Start date field), or null. */
  start: string | null;
  priority: { name: string; rank: number } | null;
  labels: readonly string[];
  components: readonly string[];
  /** Version ids. */
  fixVersions: readonly string[];
  /** Parent issue key (epic or parent for subtasks), or null. */
  parentKey: string | null;
  assignee: { accountId: string; displayName: string } | null;
  reporter: { accountId: string; displayName: string } | null;
  storyPoints: number | null;
  /** Seconds; null when not tracked. */
  timeOriginal: number | null;
  timeRemaining: number | null;
  timeSpent: number | null;
  flagged: boolean;
  /** Unresolved issues that block this one (inward "is blocked by" links), counted once each. */
  blockedBy: readonly BlockingLink[];
  /** Issues this one blocks, for the evidence in reasons. */
  blocks: readonly string[];
  history: IssueHistory;
}

export interface BlockingLink {
  key: string;
  statusName: string;
  category: StatusCategoryKey;
  /** When the link was added (from the changelog's "Link" entries), or null when unknown. */
  since: number | null;
}

/** What the changelog says, or estimates when the changelog was not read. */
export interface IssueHistory {
  /** Status category transitions in time order. */
  transitions: readonly CategoryTransition[];
  /** Last entry into `done`; else the resolution date; else `updated`. */
  completedAt: number | null;
  /** True when `completedAt` is not from the changelog. */
  completedAtEstimated: boolean;
  /** First entry into `indeterminate`, or null. */
  startedAt: number | null;
  /** Transitions from done to not done. */
  reopenCount: number;
  /** Fix-version membership changes, for scope creep. */
  versionChanges: readonly VersionChange[];
  /**
   * When the issue entered its current status (the last status change of the changelog; its
   * creation when the changelog has none), or null when unknown (the changelog was not read).
   * The clock of "waiting on the client" (DESIGN §5.4).
   */
  statusSince: number | null;
  /** Whether the full changelog was read (false: estimated from fields alone). */
  complete: boolean;
}

export interface CategoryTransition {
  at: number;
  from: StatusCategoryKey;
  to: StatusCategoryKey;
}

export interface VersionChange {
  at: number;
  versionId: string;
  change: 'added' | 'removed';
}
