import type { Issue } from '../domain/issue';
import type { Milestone } from '../domain/milestone';
import type { CommunicationInput, SatisfactionInput } from '../domain/project-data';
import type { StatusCategoryCounts } from '../domain/status-category';

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

/**
 * Reads Jira. Implementations throw `AppError` with `NOT_FOUND`, `JIRA_UNAVAILABLE` or
 * `RATE_LIMITED` when Jira cannot answer; they never return partial data.
 */
export interface IssueSource {
  getProject(projectKey: string): Promise<ProjectRef>;
  countByStatusCategory(projectKey: string): Promise<StatusCategoryCounts>;
  listMilestones(projectKey: string): Promise<Milestone[]>;
}

export interface Clock {
  now(): Date;
}

/** A project the app has seen, so background jobs know what to look after. */
export interface TrackedProject {
  id: string;
  key: string;
  firstSeenAt: string;
}

export interface KpiSnapshot {
  projectId: string;
  /** ISO instant. */
  capturedAt: string;
  counts: StatusCategoryCounts;
}

export interface ProjectChangeMarker {
  projectId: string;
  /** ISO instant of the first change not yet refreshed. */
  dirtySince: string;
  changes: number;
}

export interface Store {
  trackProject(project: ProjectRef, at: Date): Promise<void>;
  listTrackedProjects(): Promise<TrackedProject[]>;
  saveKpiSnapshot(snapshot: KpiSnapshot): Promise<void>;
  listKpiSnapshots(projectId: string, limit: number): Promise<KpiSnapshot[]>;
  markProjectDirty(projectId: string, at: Date): Promise<ProjectChangeMarker>;
  getChangeMarker(projectId: string): Promise<ProjectChangeMarker | undefined>;
  clearChangeMarker(projectId: string): Promise<void>;
}

/** Hands long work to the async queue (Forge `consumer`). */
export interface RefreshQueue {
  requestRefresh(projectId: string, projectKey: string): Promise<void>;
}

/** Custom field ids the PM set in settings, overriding discovery by name/schema. */
export interface FieldOverrides {
  storyPoints?: string;
  flagged?: string;
  sprint?: string;
  startDate?: string;
}

export interface ProjectReadResult {
  project: ProjectRef;
  issues: Issue[];
  milestones: Milestone[];
  /** Number of priority levels in the site's scheme. */
  priorityCount: number;
}

/**
 * Reads everything the report needs about one project, whole: either all of it or a typed
 * `AppError` (`JIRA_UNAVAILABLE`, `RATE_LIMITED`, `NOT_FOUND`, `FORBIDDEN`) — never a partial read.
 */
export interface ProjectReader {
  readProject(projectKey: string, options?: { fieldOverrides?: FieldOverrides }): Promise<ProjectReadResult>;
}

/** The app's own records the health reads: feedback (satisfaction) and touchpoints (communication). */
export interface RecordsSource {
  satisfaction(projectId: string, now: number): Promise<SatisfactionInput>;
  communication(projectId: string, now: number): Promise<CommunicationInput>;
}
