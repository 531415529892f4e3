/**
 * The engagement's rules (DESIGN.md §5.7, issue 13), pure: which phase may follow which, what
 * the kick-off still lacks, cost performance against the budget, whether a milestone is ready for
 * the client's acceptance, and client-reported issues against the support targets.
 */
import {
  type KICK_OFF_ITEMS,
  PHASE_TRANSITIONS,
  type BudgetJson,
  type EngagementPhase,
  type QualityStandardJson,
  type SupportTargetsJson,
} from '../../contract/engagement';
import type { Issue } from './issue';
import { isBug } from './issue-rules';
import type { Rag } from './health-types';

const HOUR_MS = 3_600_000;

export function canChangePhase(from: EngagementPhase, to: EngagementPhase): boolean {
  return PHASE_TRANSITIONS[from].includes(to);
}

/** Whether reminders and syncs still run: not once the project is closed. */
export function isActivePhase(phase: EngagementPhase): boolean {
  return phase !== 'closed';
}

export type KickOffItem = (typeof KICK_OFF_ITEMS)[number];

export interface KickOffFacts {
  stakeholders: number;
  touchpointSeries: number;
  kpisAgreedAt: string | null;
  shareLinks: number;
  publishedReports: number;
}

/** The kick-off checklist, in the order a PM works through it; `done: false` is what is missing. */
export function kickOffChecklist(facts: KickOffFacts): { item: KickOffItem; done: boolean }[] {
  return [
    { item: 'comms-plan-agreed', done: facts.stakeholders > 0 && facts.touchpointSeries > 0 },
    { item: 'kpis-agreed', done: facts.kpisAgreedAt !== null },
    { item: 'share-link-sent', done: facts.shareLinks > 0 },
    { item: 'first-report-published', done: facts.publishedReports > 0 },
  ];
}

/**
 * Percent complete (0–1) of the work: by original estimates when every issue has one, else by
 * issue count (an estimate missing on some issues would weigh the rest wrongly). Subtasks count
 * through their parents' estimates only when the parents have none — they are left out here, as
 * in the scope measures.
 */
export function percentComplete(issues: readonly Issue[]): number | null {
  const work = issues.filter((i) => !i.type.subtask);
  if (work.length === 0) return null;
  const done = (i: Issue) => i.status.category === 'done';
  if (work.every((i) => i.timeOriginal !== null && i.timeOriginal > 0)) {
    const total = work.reduce((sum, i) => sum + (i.timeOriginal ?? 0), 0);
    return work.filter(done).reduce((sum, i) => sum + (i.timeOriginal ?? 0), 0) / total;
  }
  return work.filter(done).length / work.length;
}

/** Hours logged on the issues (Jira's time spent, subtasks included: work is logged where it happens). */
export function hoursSpent(issues: readonly Issue[]): number | null {
  const logged = issues.filter((i) => i.timeSpent !== null);
  if (logged.length === 0) return null;
  return logged.reduce((sum, i) => sum + (i.timeSpent ?? 0), 0) / 3600;
}

export interface CostPerformance {
  /** Earned value ÷ actual cost: above 1 is under budget for the work done. */
  index: number;
  percentComplete: number;
  spentHours: number;
  /** The hours the work done was worth: percent complete × budget. */
  earnedHours: number;
  rag: Rag;
}

/** Thresholds of the cost performance index: at least `green` is green, at least `amber` amber. */
export const COST_PERFORMANCE_THRESHOLDS = { green: 0.95, amber: 0.85 } as const;

/**
 * Cost performance = percent complete × budget ÷ spent, in hours (DESIGN §5.7). Null without an
 * hours budget, without logged work, or before anything is spent (no ratio to judge yet).
 */
export function costPerformance(budget: BudgetJson, issues: readonly Issue[]): CostPerformance | null {
  if (budget.hours === null || budget.hours <= 0) return null;
  const complete = percentComplete(issues);
  const spent = hoursSpent(issues);
  if (complete === null || spent === null || spent <= 0) return null;
  const earned = complete * budget.hours;
  const index = earned / spent;
  const rag: Rag = index >= COST_PERFORMANCE_THRESHOLDS.green ? 'green' : index >= COST_PERFORMANCE_THRESHOLDS.amber ? 'amber' : 'red';
  return { index, percentComplete: complete, spentHours: spent, earnedHours: earned, rag };
}

export interface StandardCheck {
  id: string;
  kind: QualityStandardJson['kind'];
  /** true or false from Jira data; null for a written standard the PM confirms. */
  met: boolean | null;
  /** The open bugs that fail it, by key. */
  failing: string[];
}

/** One quality standard against a set of issues (a milestone's, or the project's). */
export function checkStandard(standard: QualityStandardJson, issues: readonly Issue[]): StandardCheck {
  const openBugs = issues.filter((i) => isBug(i) && i.status.category !== 'done');
  switch (standard.kind) {
    case 'no-open-bugs-at-priority': {
      const wanted = new Set(standard.priorities.map((p) => p.trim().toLowerCase()));
      const failing = openBugs.filter((i) => i.priority !== null && wanted.has(i.priority.name.trim().toLowerCase())).map((i) => i.key);
      return { id: standard.id, kind: standard.kind, met: failing.length === 0, failing };
    }
    case 'max-open-bugs': {
      const met = openBugs.length <= standard.max;
      return { id: standard.id, kind: standard.kind, met, failing: met ? [] : openBugs.map((i) => i.key) };
    }
    case 'text':
      return { id: standard.id, kind: standard.kind, met: null, failing: [] };
  }
}

export interface AcceptanceCheck {
  /** The milestone's issues not done yet, by key. */
  openIssues: string[];
  standards: StandardCheck[];
  /** Every issue done and no standard failing (written standards are the PM's to confirm). */
  ready: boolean;
}

/** Whether a milestone's issues are ready to submit for the client's acceptance. */
export function checkAcceptance(milestoneIssues: readonly Issue[], standards: readonly QualityStandardJson[]): AcceptanceCheck {
  const openIssues = milestoneIssues.filter((i) => !i.type.subtask && i.status.category !== 'done').map((i) => i.key);
  const checks = standards.map((s) => checkStandard(s, milestoneIssues));
  return { openIssues, standards: checks, ready: openIssues.length === 0 && checks.every((c) => c.met !== false) };
}

export type SupportClock = 'met' | 'breached' | 'running' | 'overdue';

export interface SupportIssueTimes {
  key: string;
  response: SupportClock;
  resolution: SupportClock;
}

/** Whether an issue is one the client reported, by the support targets' label or types. */
export function isClientReported(issue: Issue, targets: SupportTargetsJson): boolean {
  return (targets.clientLabel !== null && issue.labels.includes(targets.clientLabel)) || targets.clientIssueTypeIds.includes(issue.type.id);
}

function clock(created: number, reached: number | null, targetHours: number, now: number): SupportClock {
  const deadline = created + targetHours * HOUR_MS;
  if (reached !== null) return reached <= deadline ? 'met' : 'breached';
  return now <= deadline ? 'running' : 'overdue';
}

/**
 * Client-reported issues against the response and resolution targets, in calendar hours from
 * creation. The response is the first move out of to-do (work started) or the resolution,
 * whichever came first: the changelog knows both; a comment is not read (it would cost a Jira call
 * per issue).
 */
export function assessSupportTimes(issues: readonly Issue[], targets: SupportTargetsJson, now: number): SupportIssueTimes[] {
  return issues
    .filter((i) => isClientReported(i, targets))
    .map((i) => {
      const resolvedAt = i.status.category === 'done' ? (i.history.completedAt ?? i.resolved) : null;
      const respondedAt = [i.history.startedAt, resolvedAt].filter((t): t is number => t !== null).sort((a, b) => a - b)[0] ?? null;
      return {
        key: i.key,
        response: clock(i.created, respondedAt, targets.responseHours, now),
        resolution: clock(i.created, resolvedAt, targets.resolutionHours, now),
      };
    });
}

/** Counts per clock state, for the Overview and the client report. */
export function summarizeSupportTimes(
  times: readonly SupportIssueTimes[],
): Record<'response' | 'resolution', Record<SupportClock, number>> {
  const empty = (): Record<SupportClock, number> => ({ met: 0, breached: 0, running: 0, overdue: 0 });
  const summary = { response: empty(), resolution: empty() };
  for (const t of times) {
    summary.response[t.response] += 1;
    summary.resolution[t.resolution] += 1;
  }
  return summary;
}
