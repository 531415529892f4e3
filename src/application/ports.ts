import type { ChangeRequestJson } from '../../contract/changes';
import type { ProjectSettingsJson } from '../../contract/settings';
import type { Issue } from '../domain/issue';
import type { Milestone } from '../domain/milestone';
import type { CommunicationInput, EngagementInput, SatisfactionInput } from '../domain/project-data';
import type { RegisterRiskEntry } from '../domain/risk-register';

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

export interface Clock {
  now(): Date;
}

/** Where use cases report what they chose to survive (a bookkeeping write that failed). */
export interface Logger {
  warn(message: string, fields?: Readonly<Record<string, string | number>>): void;
}

/** Hands long work to the async queue (Forge `consumer`). */
export interface RefreshQueue {
  requestRefresh(projectId: string, projectKey: string): Promise<void>;
}

/**
 * What the project reader takes from the project's settings: any object with these fields of
 * the settings document (contract/settings.ts), so every caller passes the one document it read.
 * `fieldOverrides` members that are null mean "discover by name and schema". The waiting statuses
 * decide whose changelog is read: an issue waiting on the client needs it to date the wait.
 */
export type ReadSettings = Pick<ProjectSettingsJson, 'timeZone' | 'blockingLinkTypes' | 'fieldOverrides' | 'waitingOnClientStatuses'>;

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
  readProject(projectKey: string, settings: ReadSettings): Promise<ProjectReadResult>;
}

/** The app's own records the health reads: feedback (satisfaction) and touchpoints (communication). */
export interface RecordsSource {
  satisfaction(projectId: string, now: number): Promise<SatisfactionInput>;
  communication(projectId: string, now: number): Promise<CommunicationInput>;
  /** The project's change requests, by a bounded read (issue 10): approved ones re-baseline. */
  changeRequests(projectId: string): Promise<readonly ChangeRequestJson[]>;
  /** The risk register's open risks, at most `MAX_REPORT_REGISTER_RISKS` (bounded read). */
  registerRisks(projectId: string): Promise<readonly RegisterRiskEntry[]>;
  /** The engagement's budget, phase and support targets (issue 13; one document read), or undefined when none is recorded. */
  engagement(projectId: string): Promise<EngagementInput | undefined>;
}

/** The Jira project permissions the app's rules are stated in (DESIGN.md §3, issue 6). */
export const PROJECT_PERMISSIONS = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

/** What the calling user may do in a project, as Jira says it. */
export interface PermissionSource {
  /**
   * The subset of `PROJECT_PERMISSIONS` the user holds in the project; empty when the project
   * is not visible to them.
   * @throws AppError JIRA_UNAVAILABLE / RATE_LIMITED when Jira cannot answer.
   */
  myProjectPermissions(projectKey: string, accountId: string): Promise<ReadonlySet<ProjectPermission>>;
}

/** Site-level Jira lists the issue mapper needs (fields, statuses, priorities), as Jira's JSON. */
export interface SiteMetadata {
  fields: readonly unknown[];
  /** Every custom field id of the site: an override naming none of them is ignored (discovery instead). */
  customFieldIds?: readonly string[];
  statuses: readonly unknown[];
  /** In the site's order, highest first. */
  priorities: readonly unknown[];
}

export interface IssuePage {
  issues: Issue[];
  /** Ids of the page's issues whose changelog matters (done, reopened, in progress). */
  needsHistory: string[];
  /**
   * For each id in `needsHistory`: when its status category last changed (Jira's
   * `statuscategorychangedate`), or null when Jira does not say.
   */
  categoryChangedAt: Readonly<Record<string, number | null>>;
  /** Null on the last page. */
  nextPageToken: string | null;
}

/**
 * Reads Jira in the pieces a chunked, resumable sync needs. Every method throws `AppError`
 * (`JIRA_UNAVAILABLE`, `RATE_LIMITED`, `NOT_FOUND`) rather than answer partly.
 */
export interface SyncSource {
  getProject(projectKey: string): Promise<ProjectRef>;
  listMilestones(projectKey: string): Promise<Milestone[]>;
  /** The site's fields (only those the mapper can use), statuses and priorities. */
  readSiteMetadata(): Promise<SiteMetadata>;
  /** Jira's approximate count of the project's issues (updated since `updatedSince`, epoch ms). */
  countIssues(projectKey: string, updatedSince: number | null): Promise<number>;
  /** One page of the project's issues in key order (updated since `updatedSince`, with a margin Jira's minute precision needs). */
  readIssuePage(
    projectKey: string,
    settings: ReadSettings,
    metadata: SiteMetadata,
    options: { updatedSince: number | null; pageToken: string | null; now: number },
  ): Promise<IssuePage>;
  /** Every issue id of the project (id-only search pages of up to 5,000): to find deletions a missed event hid. */
  listIssueIds(projectKey: string): Promise<string[]>;
  /** The issues with their history read from the changelog (in batches); answers new objects. */
  readHistories(issues: readonly Issue[], settings: ReadSettings, metadata: SiteMetadata): Promise<Issue[]>;
  /** One issue (by key or numeric id) with its history, or undefined when Jira has no such issue (or it is not visible). */
  readIssue(issueKeyOrId: string, settings: ReadSettings, metadata: SiteMetadata): Promise<Issue | undefined>;
}

/** A product event about one issue, as the app can use it. */
export interface IssueEvent {
  kind: 'created' | 'updated' | 'deleted';
  projectId: string;
  projectKey: string;
  issueId: string;
  issueKey: string;
  /** When the change happened (epoch ms). */
  at: number;
  /**
   * The issue after the change from what the event says, merged into `cached` for an update:
   * the issue, `'stale'` when the cache already holds this state or a later one (a duplicate or
   * late delivery), or undefined when the event does not say enough (then read the issue).
   */
  resolve(cached: Issue | undefined): Issue | 'stale' | undefined;
}

/** Turns Jira's product-event JSON into an `IssueEvent`, with the site's lists and the settings. */
export interface IssueEventReader {
  /** Null when it is not a readable issue event: dropped, since retrying would not make it readable. */
  read(event: unknown, settings: ReadSettings, metadata: SiteMetadata, receivedAt: number): IssueEvent | null;
}

/** Writes an issue's risk to its `client-followup-risk` property, so JQL finds risky issues. */
export interface RiskPropertyWriter {
  writeRisk(issueKey: string, risk: { level: 'high' | 'medium' | 'low'; score: number }): Promise<void>;
  /** For an issue without risk (done): no stale level keeps it in `clientRiskLevel = high`. */
  deleteRisk(issueKey: string): Promise<void>;
}

/** A Jira issue the app creates (from an action item, or for an overdue touchpoint). */
export interface NewIssue {
  projectKey: string;
  summary: string;
  /** Atlassian Document Format. */
  description: unknown;
  assigneeAccountId: string | null;
  /** `YYYY-MM-DD`, or null. */
  dueDate: string | null;
  /** Labels set at creation (an action item's marker, so a retry can find the issue). */
  labels?: readonly string[];
}

/**
 * Creates issues and sends Jira notifications. As the user for action items (the issue is the
 * user's, created with the user's rights); as the app for the daily job's reminders.
 */
export interface IssueWriter {
  /** @throws AppError FORBIDDEN when Jira refuses, NOT_FOUND for an unknown project; JIRA_UNAVAILABLE / RATE_LIMITED. */
  createIssue(issue: NewIssue): Promise<{ key: string }>;
  /** The oldest issue of the project carrying `label` that the caller can see, or null. */
  findIssueByLabel(projectKey: string, label: string): Promise<string | null>;
  /** Jira's e-mail notification about `issueKey` to the given accounts. */
  notify(issueKey: string, message: { subject: string; textBody: string; accountIds: readonly string[] }): Promise<void>;
}

/** A Jira user as a picker shows it. */
export interface JiraUser {
  accountId: string;
  displayName: string;
}

/** Finds Jira users by name or e-mail, as the user (Jira applies the user's Browse users right). */
export interface UserDirectory {
  /** @throws AppError JIRA_UNAVAILABLE / RATE_LIMITED / FORBIDDEN. */
  findUsers(query: string, limit: number): Promise<JiraUser[]>;
}
