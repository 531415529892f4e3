import { compareIssueKeys, sortByIssueKey, sortWithKeyTieBreak } from './compare-issue-keys';
import type { HealthAssessment, IssueRisk, MilestoneForecast } from './health-types';
import type { Issue } from './issue';
import type { ClientVisibilityReason } from '../../contract/client-visibility';
import { deriveClientWait, type ClientWait } from './derive-client-wait';
import { addCalendarDays, calendarDayOf, clientVisibilityOf, isDone } from './issue-rules';
import type { ProjectData } from './project-data';
import type { ProjectSettings } from './settings';

export type Audience = 'internal' | 'client';

const MS_PER_DAY = 86_400_000;

/** Next-up issues shown per audience, most urgent first. */
export const NEXT_UP_LIMIT = 25;
/** Top risk issues shown per audience (medium or high only). */
export const TOP_RISKS_LIMIT = 10;

export interface ReportPeriod {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms (now), inclusive. */
  end: number;
}

/** An open issue waiting on the client, and its wait. */
export interface WaitingIssue {
  issue: Issue;
  wait: ClientWait;
}

export interface RankedRisk {
  issue: Issue;
  risk: IssueRisk;
  /** Whether the client audience must not see the issue (kept here so the client filter needs no lookup). */
  hiddenFromClient: boolean;
}

/**
 * The report's sections for every audience at once (DESIGN §5.2): computed once, then narrowed
 * per audience by `projectReportSections`. Lists hold all candidates in their final order; the
 * caps apply after the audience filter, so the client still gets a full list.
 */
export interface ReportSections {
  period: ReportPeriod;
  /** Completed in the period, by issue key. */
  completed: readonly Issue[];
  inProgress: readonly Issue[];
  nextUp: readonly Issue[];
  milestones: readonly MilestoneForecast[];
  flagged: readonly Issue[];
  /** Open issues with at least one unresolved blocker (`issue.blockedBy`). */
  blocked: readonly Issue[];
  /** Longest wait first (earliest start), then by key. */
  waitingOnClient: readonly WaitingIssue[];
  /** Every open issue with its risk, highest score first, then by key. */
  risks: readonly RankedRisk[];
  /** Issues by key, for epics and blockers. */
  index: ReadonlyMap<string, Issue>;
  /**
   * Keys of the issues the client audience never sees: internal ones (internal label or
   * subtask) and, per `settings.clientVisibility`, those not shown to the client (see
   * `isClientVisible`).
   */
  hiddenFromClient: ReadonlySet<string>;
  /** Why each issue is or is not shown to the client, by key (`clientVisibilityOf`). */
  clientReasons: ReadonlyMap<string, ClientVisibilityReason>;
}

/**
 * The report period: from `periodStart` (the end of the last published report) to `now`, or
 * `settings.cadenceDays` back from `now` when nothing was published yet. A start after `now`
 * (clock skew) is clamped to `now`: an empty period, never a negative one.
 */
export function deriveReportPeriod(now: number, periodStart: number | null, settings: Pick<ProjectSettings, 'cadenceDays'>): ReportPeriod {
  const start = periodStart ?? now - settings.cadenceDays * MS_PER_DAY;
  return { start: Math.min(start, now), end: now };
}

/**
 * Derives every section of the status report from the data, its health and its risks; pure and
 * linear in issues (one pass, one key index; sorts only on the section lists).
 *
 * - **Completed**: done (category done or resolved) with `completedAt` inside the period, both
 *   ends inclusive; a done issue with no `completedAt` is never "completed in the period".
 * - **In progress**: open, status category `indeterminate`, not waiting on the client.
 * - **Next up**: open, not started (category `new`, or "No Category"), not waiting on the client,
 *   and either due on or before the last day of the next period (today + cadence, in the
 *   project's zone — overdue ones included) or in the next milestone.
 * - **Flagged**, **blocked** (an unresolved blocker) and **waiting on client**: open issues only.
 *   An issue waiting on the client shows there, not in progress or next up, with its wait
 *   (`deriveClientWait`), longest first (earliest start; ties by key).
 * - **Risks**: every open issue, with its entry from `risks` (an issue the scorer left out gets
 *   score 0, low, no signals); a risk for an unknown or done issue is dropped.
 * - Issue lists are ordered by due day (undated last), priority rank (none last), then natural
 *   key order; completed issues by key.
 */
export function deriveReportSections(
  data: Pick<ProjectData, 'issues'>,
  health: Pick<HealthAssessment, 'milestones' | 'nextMilestoneId'>,
  risks: readonly IssueRisk[],
  settings: ProjectSettings,
  now: number,
  periodStart: number | null,
): ReportSections {
  const period = deriveReportPeriod(now, periodStart, settings);
  const lastDayOfNextPeriod = addCalendarDays(calendarDayOf(now, settings.timeZone), settings.cadenceDays);
  const nextMilestone = health.nextMilestoneId;

  const index = new Map<string, Issue>();
  const completed: Issue[] = [];
  const inProgress: Issue[] = [];
  const nextUp: Issue[] = [];
  const flagged: Issue[] = [];
  const blocked: Issue[] = [];
  const waitingOnClient: WaitingIssue[] = [];
  let openCount = 0;

  for (const issue of data.issues) {
    index.set(issue.key, issue);
    if (isDone(issue)) {
      const at = issue.history.completedAt;
      if (at !== null && at >= period.start && at <= period.end) completed.push(issue);
      continue;
    }
    openCount += 1;
    if (issue.flagged) flagged.push(issue);
    if (issue.blockedBy.some((link) => link.category !== 'done')) blocked.push(issue);
    const wait = deriveClientWait(issue, settings, now);
    if (wait !== null) {
      waitingOnClient.push({ issue, wait });
    } else if (issue.status.category === 'indeterminate') {
      inProgress.push(issue);
    } else if (
      (issue.due !== null && issue.due <= lastDayOfNextPeriod) ||
      (nextMilestone !== null && issue.fixVersions.includes(nextMilestone))
    ) {
      nextUp.push(issue);
    }
  }

  // A second pass: a parent may arrive after its children.
  const hiddenFromClient = new Set<string>();
  const clientReasons = new Map<string, ClientVisibilityReason>();
  for (const issue of data.issues) {
    const parent = issue.parentKey === null ? null : (index.get(issue.parentKey) ?? null);
    const { shown, reason } = clientVisibilityOf(issue, parent, settings);
    clientReasons.set(issue.key, reason);
    if (!shown) hiddenFromClient.add(issue.key);
  }

  return {
    period,
    completed: sortByIssueKey(completed, keyOf),
    inProgress: byUrgency(inProgress),
    nextUp: byUrgency(nextUp),
    milestones: health.milestones,
    flagged: byUrgency(flagged),
    blocked: byUrgency(blocked),
    waitingOnClient: byLongestWait(waitingOnClient),
    risks: rankRisks(risks, index, hiddenFromClient, openCount),
    index,
    hiddenFromClient,
    clientReasons,
  };
}

/** The sections one audience sees. */
export interface AudienceSections {
  audience: Audience;
  period: ReportPeriod;
  /** Groups by epic key, "no epic" (null) last; issues by key inside each group. */
  completed: readonly { epic: Issue | null; issues: readonly Issue[] }[];
  inProgress: readonly Issue[];
  nextUp: readonly Issue[];
  milestones: readonly MilestoneForecast[];
  flagged: readonly Issue[];
  blocked: readonly { issue: Issue; blockedBy: readonly string[] }[];
  topRisks: readonly RankedRisk[];
  /** Longest wait first. */
  waitingOnClient: readonly WaitingIssue[];
  /** Every open issue the audience sees, highest risk first. */
  issueRisks: readonly RankedRisk[];
  /** Whether an issue key may appear in this audience's report. */
  isVisible: (key: string) => boolean;
  /** The issue's epic as this audience may see it, or null. */
  epicOf: (issue: Issue) => Issue | null;
}

/**
 * Narrows the sections to one audience, then applies the caps.
 *
 * - **internal** sees everything.
 * - **client** sees only the issues the project shows a client (`isClientVisible`: never an
 *   internal one; by default those marked with the client label, or under an epic that is):
 *   the others leave every list; an epic the client does not see becomes "no epic"; a blocker
 *   the client does not see, or not in the project, is left out of `blockedBy` (the issue stays
 *   listed as blocked, even when no blocker can be named).
 * - Next up is capped at `nextUpLimit`; top risks are the first `topRisksLimit` open issues of
 *   level medium or high.
 */
export function projectReportSections(
  sections: ReportSections,
  audience: Audience,
  limits: { nextUpLimit?: number; topRisksLimit?: number } = {},
): AudienceSections {
  const { index, hiddenFromClient } = sections;
  const isVisible = audience === 'internal' ? (): boolean => true : (key: string): boolean => index.has(key) && !hiddenFromClient.has(key);
  // Listed issues come from the index: only the visibility check is left.
  const visible = (issues: readonly Issue[]): Issue[] =>
    audience === 'internal' ? [...issues] : issues.filter((i) => !hiddenFromClient.has(i.key));
  const epicOf = (issue: Issue): Issue | null => {
    const epic = findEpic(issue, index);
    return epic !== null && isVisible(epic.key) ? epic : null;
  };

  const issueRisks = audience === 'internal' ? [...sections.risks] : sections.risks.filter((r) => !r.hiddenFromClient);
  const topRisks: RankedRisk[] = [];
  const topLimit = limits.topRisksLimit ?? TOP_RISKS_LIMIT;
  for (const ranked of issueRisks) {
    if (topRisks.length >= topLimit) break;
    if (ranked.risk.level !== 'low') topRisks.push(ranked);
  }

  return {
    audience,
    period: sections.period,
    completed: groupByEpic(visible(sections.completed), epicOf),
    inProgress: visible(sections.inProgress),
    nextUp: visible(sections.nextUp).slice(0, limits.nextUpLimit ?? NEXT_UP_LIMIT),
    milestones: sections.milestones,
    flagged: visible(sections.flagged),
    blocked: visible(sections.blocked).map((issue) => ({
      issue,
      blockedBy: issue.blockedBy.filter((link) => link.category !== 'done' && isVisible(link.key)).map((link) => link.key),
    })),
    topRisks,
    waitingOnClient:
      audience === 'internal' ? [...sections.waitingOnClient] : sections.waitingOnClient.filter((w) => !hiddenFromClient.has(w.issue.key)),
    issueRisks,
    isVisible,
    epicOf,
  };
}

/**
 * The epic an issue rolls up to: itself when it is an epic (hierarchy level 1), its parent when
 * that is an epic, and for a subtask its parent's epic. Null when the chain leaves the data or
 * reaches no epic (a parent that is not in the project is not assumed to be one).
 */
export function findEpic(issue: Issue, index: ReadonlyMap<string, Issue>): Issue | null {
  if (issue.type.hierarchyLevel === 1) return issue;
  if (issue.type.hierarchyLevel > 1 || issue.parentKey === null) return null;
  const parent = index.get(issue.parentKey);
  if (parent === undefined) return null;
  if (parent.type.hierarchyLevel === 1) return parent;
  const isSubtask = issue.type.subtask || issue.type.hierarchyLevel < 0;
  if (!isSubtask || parent.parentKey === null) return null;
  const grandparent = index.get(parent.parentKey);
  return grandparent !== undefined && grandparent.type.hierarchyLevel === 1 ? grandparent : null;
}

function groupByEpic(issues: readonly Issue[], epicOf: (issue: Issue) => Issue | null): { epic: Issue | null; issues: Issue[] }[] {
  const groups = new Map<string, { epic: Issue; issues: Issue[] }>();
  const noEpic: Issue[] = [];
  for (const issue of issues) {
    const epic = epicOf(issue);
    if (epic === null) {
      noEpic.push(issue);
      continue;
    }
    const group = groups.get(epic.key);
    if (group === undefined) groups.set(epic.key, { epic, issues: [issue] });
    else group.issues.push(issue);
  }
  const result: { epic: Issue | null; issues: Issue[] }[] = sortByIssueKey([...groups.values()], (g) => g.epic.key);
  if (noEpic.length > 0) result.push({ epic: null, issues: noEpic });
  return result;
}

function byUrgency(issues: readonly Issue[]): Issue[] {
  return sortWithKeyTieBreak(issues, keyOf, compareUrgency);
}

function byLongestWait(waiting: readonly WaitingIssue[]): WaitingIssue[] {
  return sortWithKeyTieBreak(
    waiting,
    (w) => w.issue.key,
    (a, b) => a.wait.since - b.wait.since,
  );
}

function compareUrgency(a: Issue, b: Issue): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  const ra = a.priority?.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.priority?.rank ?? Number.POSITIVE_INFINITY;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

function keyOf(issue: Issue): string {
  return issue.key;
}

/**
 * Joins the scorer's risks to open issues, in score order. The scorer already lists them highest
 * first then by key, so this checks the order in one pass and sorts only when it does not hold
 * (or when issues the scorer left out were added): sorting 100k risks twice is the single
 * biggest cost of the report otherwise.
 */
function rankRisks(
  risks: readonly IssueRisk[],
  index: ReadonlyMap<string, Issue>,
  hiddenFromClient: ReadonlySet<string>,
  openCount: number,
): RankedRisk[] {
  const ranked: RankedRisk[] = [];
  for (const risk of risks) {
    const issue = index.get(risk.key);
    if (issue !== undefined && !isDone(issue)) ranked.push({ issue, risk, hiddenFromClient: hiddenFromClient.has(risk.key) });
  }
  if (ranked.length !== openCount) return rankRisksSlowly(ranked, index, hiddenFromClient);
  for (let i = 1; i < ranked.length; i += 1) {
    if (compareRanked(ranked[i - 1] as RankedRisk, ranked[i] as RankedRisk) > 0) return sortRanked(ranked);
  }
  return ranked;
}

/** When the scorer's list does not match the open issues one to one: dedupe, fill in, sort. */
function rankRisksSlowly(
  ranked: readonly RankedRisk[],
  index: ReadonlyMap<string, Issue>,
  hiddenFromClient: ReadonlySet<string>,
): RankedRisk[] {
  const byKey = new Map<string, RankedRisk>();
  for (const r of ranked) if (!byKey.has(r.issue.key)) byKey.set(r.issue.key, r);
  for (const issue of index.values()) {
    if (!isDone(issue) && !byKey.has(issue.key)) {
      byKey.set(issue.key, { issue, risk: noRisk(issue.key), hiddenFromClient: hiddenFromClient.has(issue.key) });
    }
  }
  return sortRanked([...byKey.values()]);
}

function compareRanked(a: RankedRisk, b: RankedRisk): number {
  return b.risk.score - a.risk.score || compareIssueKeys(a.issue.key, b.issue.key);
}

function sortRanked(ranked: readonly RankedRisk[]): RankedRisk[] {
  return sortWithKeyTieBreak(
    ranked,
    (r) => r.issue.key,
    (a, b) => b.risk.score - a.risk.score,
  );
}

function noRisk(key: string): IssueRisk {
  return { key, score: 0, level: 'low', clientFacing: false, signals: [] };
}
