/**
 * Test-data builders for domain tests only (never imported by app code): an `Issue` and a
 * `ProjectData` with sensible defaults, overridden per test.
 */
import type { Issue, IssueHistory } from '../issue';
import type { Milestone } from '../milestone';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA, type ProjectData } from '../project-data';
import { DEFAULT_SETTINGS, type HealthThresholds, type ProjectSettings, type RiskWeights } from '../settings';

export const DAY_MS = 86_400_000;

/** Epoch ms of an ISO instant; the tests' only way to write a time. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
}

export type IssueOverrides = Omit<Partial<Issue>, 'history' | 'type' | 'status'> & {
  history?: Partial<IssueHistory>;
  type?: Partial<Issue['type']>;
  status?: Partial<Issue['status']>;
};

let seq = 0;

/** An open story in a `new` status, created 2026-01-05, no dates, no estimates. */
export function anIssue(overrides: IssueOverrides = {}): Issue {
  seq += 1;
  const key = overrides.key ?? `ACME-${seq}`;
  const { history, type, status, ...rest } = overrides;
  const base: Issue = {
    id: String(10_000 + seq),
    key,
    summary: `Issue ${key}`,
    type: { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0, ...type },
    status: { name: 'To Do', category: 'new', ...status },
    resolution: null,
    created: at('2026-01-05T09:00:00Z'),
    updated: at('2026-01-05T09:00:00Z'),
    resolved: null,
    due: null,
    start: null,
    priority: { name: 'Medium', rank: 2 },
    labels: [],
    components: [],
    fixVersions: [],
    parentKey: null,
    assignee: null,
    reporter: null,
    storyPoints: null,
    timeOriginal: null,
    timeRemaining: null,
    timeSpent: null,
    flagged: false,
    blockedBy: [],
    blocks: [],
    history: {
      transitions: [],
      completedAt: null,
      completedAtEstimated: false,
      startedAt: null,
      reopenCount: 0,
      versionChanges: [],
      statusSince: null,
      complete: true,
      ...history,
    },
  };
  return { ...base, ...rest };
}

/** A done issue completed at `completedAt` (category done, resolution Done). */
export function aDoneIssue(completedAt: number, overrides: IssueOverrides = {}): Issue {
  return anIssue({
    status: { name: 'Done', category: 'done' },
    resolution: 'Done',
    resolved: completedAt,
    updated: completedAt,
    ...overrides,
    history: { completedAt, startedAt: completedAt - 2 * DAY_MS, ...overrides.history },
  });
}

/** An issue in progress since `startedAt`, last updated then. */
export function anInProgressIssue(startedAt: number, overrides: IssueOverrides = {}): Issue {
  return anIssue({
    status: { name: 'In Progress', category: 'indeterminate' },
    updated: startedAt,
    ...overrides,
    history: { startedAt, ...overrides.history },
  });
}

export function aMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return { id: '100', name: 'Release 1', released: false, archived: false, releaseDate: null, startDate: null, ...overrides };
}

export function aProject(overrides: Partial<ProjectData> = {}): ProjectData {
  return {
    project: { id: '1', key: 'ACME', name: 'Acme portal' },
    issues: [],
    milestones: [],
    priorityCount: 5,
    satisfaction: NO_SATISFACTION_DATA,
    communication: NO_COMMUNICATION_DATA,
    ...overrides,
  };
}

export function settingsWith(
  overrides: Omit<Partial<ProjectSettings>, 'thresholds' | 'risk'> & {
    thresholds?: Partial<HealthThresholds>;
    risk?: Partial<RiskWeights>;
  } = {},
): ProjectSettings {
  const { thresholds, risk, ...rest } = overrides;
  return {
    ...DEFAULT_SETTINGS,
    ...rest,
    thresholds: { ...DEFAULT_SETTINGS.thresholds, ...thresholds },
    risk: { ...DEFAULT_SETTINGS.risk, ...risk },
  };
}
