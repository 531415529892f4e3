import type { DataQualityNoteJson } from '../../contract/report';
import type { Issue, IssueHistory } from './issue';
import type { Milestone } from './milestone';
import type { ProjectData } from './project-data';

/** Story points beyond this on one issue are a typo or a test value, not an estimate. */
export const MAX_STORY_POINTS = 10_000;
/** Ten years of seconds: no single issue is estimated, or worked on, for longer. */
export const MAX_ESTIMATE_SECONDS = 10 * 365 * 86_400;
/** Plausible instants: from 1970 (before Jira, before epoch 0) to the end of 2199. */
export const MIN_PLAUSIBLE_MS = 0;
export const MAX_PLAUSIBLE_MS = Date.UTC(2200, 0, 1) - 1;
const MIN_DAY = '1970-01-01';
/** The last plausible calendar day; nothing is planned, or forecast, after it. */
export const MAX_PLAUSIBLE_DAY = '2199-12-31';
const MAX_DAY = MAX_PLAUSIBLE_DAY;

export type ImplausibleNote = Extract<
  DataQualityNoteJson,
  { code: 'implausibleEstimate' } | { code: 'implausibleDate' } | { code: 'implausibleMilestoneDate' }
>;

export interface PlausibleData {
  /** The data with every implausible value set aside (see `derivePlausibleData`). */
  data: ProjectData;
  /** One note per implausible value: issues in input order, then milestones. */
  notes: ImplausibleNote[];
}

/**
 * Sets aside values no real project has (DESIGN.md §4: estimates of 1e308, dates in year 9999),
 * so no measure, forecast or date built from them can overflow into an invalid date, and notes
 * each one for the PM. Pure; issues and milestones without such values are passed through as
 * the same objects (a 100k-issue project with clean data is not copied).
 *
 * - Story points outside 0..`MAX_STORY_POINTS`, and time-tracking seconds outside
 *   0..`MAX_ESTIMATE_SECONDS` (or not finite numbers), become null: not estimated.
 * - Due and start days that are not real calendar days between 1970-01-01 and 2199-12-31 become
 *   null; so does a resolution instant outside that range (and a completion or start instant of
 *   the history, which follows from it).
 * - `created` cannot be unknown: an implausible one is replaced by `updated` when that is
 *   plausible, else by `now`; an implausible `updated` by the (plausible) creation instant.
 * - Milestone release and start days outside the range become null: undated, no baseline day.
 */
export function derivePlausibleData(data: ProjectData, now: number): PlausibleData {
  const notes: ImplausibleNote[] = [];
  let issues: Issue[] | null = null;
  for (let i = 0; i < data.issues.length; i++) {
    const issue = data.issues[i] as Issue;
    const plausible = plausibleIssue(issue, now, notes);
    if (plausible !== issue) {
      issues ??= data.issues.slice();
      issues[i] = plausible;
    }
  }
  let milestones: Milestone[] | null = null;
  for (let i = 0; i < data.milestones.length; i++) {
    const milestone = data.milestones[i] as Milestone;
    const plausible = plausibleMilestone(milestone, notes);
    if (plausible !== milestone) {
      milestones ??= data.milestones.slice();
      milestones[i] = plausible;
    }
  }
  if (issues === null && milestones === null) return { data, notes };
  return { data: { ...data, issues: issues ?? data.issues, milestones: milestones ?? data.milestones }, notes };
}

/** One issue with its implausible values set aside, as `derivePlausibleData` does (for rescoring one issue). */
export function toPlausibleIssue(issue: Issue, now: number): Issue {
  return plausibleIssue(issue, now, []);
}

/**
 * Whether `value` is a calendar day `YYYY-MM-DD` that exists ("2026-02-30" does not), between
 * 1970-01-01 and 2199-12-31. By hand, without `Date`: it runs on every due day of every issue.
 */
export function isPlausibleDay(value: string): boolean {
  if (value.length !== 10 || value < MIN_DAY || value > MAX_DAY || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return false;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The non-negative integer of `length` ASCII digits at `start`, or -1. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isPlausibleInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_PLAUSIBLE_MS && ms <= MAX_PLAUSIBLE_MS;
}

/** An instant as the note shows it: ISO when `Date` can hold it, else the number. */
function showInstant(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

type EstimateField = Extract<ImplausibleNote, { code: 'implausibleEstimate' }>['field'];

function plausibleIssue(issue: Issue, now: number, notes: ImplausibleNote[]): Issue {
  // The common case, checked without allocating.
  if (
    isPlausibleEstimate(issue.storyPoints, MAX_STORY_POINTS) &&
    isPlausibleEstimate(issue.timeOriginal, MAX_ESTIMATE_SECONDS) &&
    isPlausibleEstimate(issue.timeRemaining, MAX_ESTIMATE_SECONDS) &&
    isPlausibleEstimate(issue.timeSpent, MAX_ESTIMATE_SECONDS) &&
    isPlausibleInstant(issue.created) &&
    isPlausibleInstant(issue.updated) &&
    (issue.resolved === null || isPlausibleInstant(issue.resolved)) &&
    (issue.due === null || isPlausibleDay(issue.due)) &&
    (issue.start === null || isPlausibleDay(issue.start)) &&
    isPlausibleHistory(issue.history)
  ) {
    return issue;
  }
  const key = issue.key;
  const estimate = (field: EstimateField, value: number | null, max: number): number | null => {
    if (isPlausibleEstimate(value, max)) return value;
    notes.push({ code: 'implausibleEstimate', issueKey: key, field, value: String(value) });
    return null;
  };
  const day = (field: 'due' | 'start', value: string | null): string | null => {
    if (value === null || isPlausibleDay(value)) return value;
    notes.push({ code: 'implausibleDate', issueKey: key, field, value });
    return null;
  };
  const instant = (field: 'created' | 'updated' | 'resolved', value: number): boolean => {
    if (isPlausibleInstant(value)) return true;
    notes.push({ code: 'implausibleDate', issueKey: key, field, value: showInstant(value) });
    return false;
  };
  const createdOk = instant('created', issue.created);
  const updatedOk = instant('updated', issue.updated);
  const created = createdOk ? issue.created : updatedOk ? issue.updated : now;
  const resolved = issue.resolved === null || instant('resolved', issue.resolved) ? issue.resolved : null;
  return {
    ...issue,
    storyPoints: estimate('storyPoints', issue.storyPoints, MAX_STORY_POINTS),
    timeOriginal: estimate('timeOriginal', issue.timeOriginal, MAX_ESTIMATE_SECONDS),
    timeRemaining: estimate('timeRemaining', issue.timeRemaining, MAX_ESTIMATE_SECONDS),
    timeSpent: estimate('timeSpent', issue.timeSpent, MAX_ESTIMATE_SECONDS),
    created,
    updated: updatedOk ? issue.updated : created,
    resolved,
    due: day('due', issue.due),
    start: day('start', issue.start),
    history: plausibleHistory(issue.history),
  };
}

function isPlausibleEstimate(value: number | null, max: number): boolean {
  return value === null || (Number.isFinite(value) && value >= 0 && value <= max);
}

function isPlausibleHistory(history: IssueHistory): boolean {
  return (
    (history.completedAt === null || isPlausibleInstant(history.completedAt)) &&
    (history.startedAt === null || isPlausibleInstant(history.startedAt))
  );
}

/** The history's completion and start instants follow from the changelog or the resolution date. */
function plausibleHistory(history: IssueHistory): IssueHistory {
  if (isPlausibleHistory(history)) return history;
  const completed = history.completedAt !== null && isPlausibleInstant(history.completedAt);
  const started = history.startedAt !== null && isPlausibleInstant(history.startedAt);
  return {
    ...history,
    completedAt: completed ? history.completedAt : null,
    completedAtEstimated: completed && history.completedAtEstimated,
    startedAt: started ? history.startedAt : null,
  };
}

function plausibleMilestone(milestone: Milestone, notes: ImplausibleNote[]): Milestone {
  const release = milestone.releaseDate === null || isPlausibleDay(milestone.releaseDate);
  const start = milestone.startDate === null || isPlausibleDay(milestone.startDate);
  if (release && start) return milestone;
  const note = (field: 'releaseDate' | 'startDate', value: string): void => {
    notes.push({ code: 'implausibleMilestoneDate', issueKey: null, milestone: milestone.name, field, value });
  };
  if (!release && milestone.releaseDate !== null) note('releaseDate', milestone.releaseDate);
  if (!start && milestone.startDate !== null) note('startDate', milestone.startDate);
  return { ...milestone, releaseDate: release ? milestone.releaseDate : null, startDate: start ? milestone.startDate : null };
}
