import type { MilestoneForecast, Rag } from './health-types';
import type { Issue } from './issue';
import { sortWithKeyTieBreak } from './compare-issue-keys';
import { MAX_PLAUSIBLE_DAY } from './derive-plausible-data';
import { calendarDayOfNumber, dayNumberOf, dayNumberOfCalendarDay, isDone } from './issue-rules';
import type { Milestone } from './milestone';
import type { ProjectData } from './project-data';
import type { ProjectSettings } from './settings';

const DAYS_PER_WEEK = 7;

export interface ForecastOptions {
  /** Start of the report period (epoch ms); released milestones dated inside it are listed. Default: `cadenceDays` before `now`. */
  periodStart?: number;
}

/**
 * Weekly throughput over the last `weeks` weeks. A week is a run of seven calendar days in the
 * project's zone ending today (week 0 = the last 7 days including today), so every week is
 * complete and a DST week is still seven days. Subtasks are not counted (their parent is the
 * unit of delivery); an issue without story points adds 0 points.
 */
export interface Throughput {
  issuesPerWeek: number;
  pointsPerWeek: number;
}

/**
 * Median weekly completions (issues and points) over the last `throughputWeeks` seven-day
 * weeks ending on `today` (a day number in the project's zone). Only done, non-subtask issues
 * with a completion instant count; a completion in the future (clock skew) is ignored.
 */
export function deriveThroughput(issues: readonly Issue[], today: number, settings: ProjectSettings): Throughput {
  const weeks = Math.max(1, Math.floor(settings.thresholds.throughputWeeks));
  const issueCounts = new Array<number>(weeks).fill(0);
  const pointCounts = new Array<number>(weeks).fill(0);
  const horizon = weeks * DAYS_PER_WEEK;
  for (const issue of issues) {
    const completedAt = issue.history.completedAt;
    if (completedAt === null || issue.type.subtask || !isDone(issue)) continue;
    const age = today - dayNumberOf(completedAt, settings.timeZone);
    if (age < 0 || age >= horizon) continue;
    const week = Math.floor(age / DAYS_PER_WEEK);
    issueCounts[week] = (issueCounts[week] ?? 0) + 1;
    pointCounts[week] = (pointCounts[week] ?? 0) + (issue.storyPoints ?? 0);
  }
  return { issuesPerWeek: median(issueCounts) ?? 0, pointsPerWeek: median(pointCounts) ?? 0 };
}

/** The median of `values` (mean of the two middle ones for an even count), or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/** One issue's membership in one milestone, enough to replay it at any day. */
interface Membership {
  key: string;
  current: boolean;
  /** Member when the issue was created (before any recorded change). */
  initial: boolean;
  createdDay: number;
  /** Recorded changes for this version, in time order. */
  changes: { day: number; added: boolean }[];
  /** When it last joined (ms), for ordering the evidence. */
  joinedAt: number;
}

interface Accumulator {
  milestone: Milestone;
  issuesTotal: number;
  issuesDone: number;
  pointsTotal: number;
  pointsDone: number;
  estimated: number;
  /** Issues with no recorded change for any version: members since creation (parallel arrays). */
  sinceCreation: { keys: string[]; createdDays: number[]; created: number[] };
  /** Issues whose version membership changed: replayed. */
  memberships: Membership[];
}

/**
 * Forecasts each milestone a PM follows: unreleased and unarchived ones, plus those released
 * with a release day inside the period (archived ones never). Order: dated by day, then
 * undated by name.
 *
 * Rules where DESIGN.md §5.3 is silent:
 * - Subtasks are excluded from every count (their parent carries the scope and the estimate).
 * - Unit: points when at least `pointsMinShare` of the milestone's issues have story points,
 *   else issues. Throughput is project-wide in that unit; milestones are forecast
 *   independently (not chained one after another).
 * - Forecast = today + ceil(remaining / weekly throughput × 7) days; today when nothing remains;
 *   null when work remains and throughput is zero, or when the forecast falls after
 *   `MAX_PLAUSIBLE_DAY` (no such date can be promised, nor even written as `YYYY-MM-DD`).
 * - RAG: released → green; overdue (unreleased, target before today) → red; no target → grey;
 *   no issues → grey; remaining with zero throughput → red; else slip ≤ slipGreenDays green,
 *   ≤ slipAmberDays amber, else red.
 * - Baseline: membership at the end of the version's start day; without a start day, at the end
 *   of the first day any issue joined it. Membership is replayed from `history.versionChanges`;
 *   an issue with no recorded change for the version has been in it since it was created. An
 *   issue counts as added after the baseline when it is in the milestone now and was not at the
 *   baseline. (Approved change requests do not exist yet, so none is exempted.)
 */
export function forecastMilestones(
  data: ProjectData,
  settings: ProjectSettings,
  now: number,
  options: ForecastOptions = {},
): MilestoneForecast[] {
  const zone = settings.timeZone;
  const today = dayNumberOf(now, zone);
  const periodStartDay = options.periodStart === undefined ? today - settings.cadenceDays : dayNumberOf(options.periodStart, zone);

  const selected = new Map<string, Accumulator>();
  for (const milestone of data.milestones) {
    if (milestone.archived) continue;
    if (milestone.released) {
      if (milestone.releaseDate === null) continue;
      const day = dayNumberOfCalendarDay(milestone.releaseDate);
      if (day < periodStartDay || day > today) continue;
    }
    selected.set(milestone.id, {
      milestone,
      issuesTotal: 0,
      issuesDone: 0,
      pointsTotal: 0,
      pointsDone: 0,
      estimated: 0,
      sinceCreation: { keys: [], createdDays: [], created: [] },
      memberships: [],
    });
  }

  const throughput = deriveThroughput(data.issues, today, settings);
  if (selected.size === 0) return [];

  for (const issue of data.issues) {
    if (issue.type.subtask) continue;
    const done = isDone(issue);
    const points = issue.storyPoints ?? 0;
    for (const versionId of issue.fixVersions) {
      const acc = selected.get(versionId);
      if (acc === undefined) continue;
      acc.issuesTotal += 1;
      acc.pointsTotal += points;
      if (issue.storyPoints !== null) acc.estimated += 1;
      if (done) {
        acc.issuesDone += 1;
        acc.pointsDone += points;
      }
    }
    collectMemberships(issue, selected, zone);
  }

  const forecasts: MilestoneForecast[] = [];
  for (const acc of selected.values()) forecasts.push(toForecast(acc, throughput, today, settings));
  return forecasts.sort(compareForecasts);
}

function collectMemberships(issue: Issue, selected: ReadonlyMap<string, Accumulator>, zone: string): void {
  const changes = issue.history.versionChanges;
  if (changes.length === 0) {
    // The common case: in its versions since creation. Kept flat: no object per issue.
    let createdDay: number | null = null;
    for (const versionId of issue.fixVersions) {
      const acc = selected.get(versionId);
      if (acc === undefined) continue;
      createdDay ??= dayNumberOf(issue.created, zone);
      acc.sinceCreation.keys.push(issue.key);
      acc.sinceCreation.createdDays.push(createdDay);
      acc.sinceCreation.created.push(issue.created);
    }
    return;
  }
  const touched = new Set([...issue.fixVersions, ...changes.map((c) => c.versionId)]);
  for (const versionId of touched) {
    const acc = selected.get(versionId);
    if (acc === undefined) continue;
    const mine = changes.filter((c) => c.versionId === versionId).sort((a, b) => a.at - b.at);
    const current = issue.fixVersions.includes(versionId);
    const first = mine[0];
    const initial = first === undefined ? current : first.change === 'removed';
    let joinedAt = issue.created;
    for (const c of mine) if (c.change === 'added') joinedAt = c.at;
    acc.memberships.push({
      key: issue.key,
      current,
      initial,
      createdDay: dayNumberOf(issue.created, zone),
      changes: mine.map((c) => ({ day: dayNumberOf(c.at, zone), added: c.change === 'added' })),
      joinedAt,
    });
  }
}

/** Whether the issue was in the milestone at the end of day `day`. */
function memberAtEndOf(m: Membership, day: number): boolean {
  let member = m.createdDay <= day && m.initial;
  for (const c of m.changes) {
    if (c.day > day) break;
    member = c.added;
  }
  return member;
}

/** The first day the issue was in the milestone, or null when it never was. */
function firstJoinedDay(m: Membership): number | null {
  if (m.initial) return m.createdDay;
  for (const c of m.changes) if (c.added) return c.day;
  return null;
}

function deriveBaseline(acc: Accumulator): { baselineCount: number; added: string[] } {
  const simple = acc.sinceCreation;
  let baselineDay: number | null = acc.milestone.startDate === null ? null : dayNumberOfCalendarDay(acc.milestone.startDate);
  if (baselineDay === null) {
    for (const day of simple.createdDays) if (baselineDay === null || day < baselineDay) baselineDay = day;
    for (const m of acc.memberships) {
      const joined = firstJoinedDay(m);
      if (joined !== null && (baselineDay === null || joined < baselineDay)) baselineDay = joined;
    }
  }
  if (baselineDay === null) return { baselineCount: 0, added: [] };
  let baselineCount = 0;
  const added: { key: string; joinedAt: number }[] = [];
  for (let i = 0; i < simple.keys.length; i++) {
    if ((simple.createdDays[i] ?? 0) <= baselineDay) baselineCount += 1;
    else added.push({ key: simple.keys[i] ?? '', joinedAt: simple.created[i] ?? 0 });
  }
  for (const m of acc.memberships) {
    if (memberAtEndOf(m, baselineDay)) baselineCount += 1;
    else if (m.current) added.push(m);
  }
  return {
    baselineCount,
    added: sortWithKeyTieBreak(
      added,
      (a) => a.key,
      (a, b) => b.joinedAt - a.joinedAt,
    ).map((m) => m.key),
  };
}

function toForecast(acc: Accumulator, throughput: Throughput, today: number, settings: ProjectSettings): MilestoneForecast {
  const { milestone } = acc;
  const t = settings.thresholds;
  const unit: 'points' | 'issues' = acc.issuesTotal > 0 && acc.estimated / acc.issuesTotal >= t.pointsMinShare ? 'points' : 'issues';
  const remaining = unit === 'points' ? acc.pointsTotal - acc.pointsDone : acc.issuesTotal - acc.issuesDone;
  const weeklyThroughput = unit === 'points' ? throughput.pointsPerWeek : throughput.issuesPerWeek;
  const targetDay = milestone.releaseDate === null ? null : dayNumberOfCalendarDay(milestone.releaseDate);
  const overdue = !milestone.released && targetDay !== null && targetDay < today;

  let forecastDay: number | null = null;
  if (!milestone.released) {
    if (remaining <= 0) forecastDay = today;
    else if (weeklyThroughput > 0) {
      const day = today + Math.ceil((remaining / weeklyThroughput) * DAYS_PER_WEEK - 1e-9);
      forecastDay = day <= dayNumberOfCalendarDay(MAX_PLAUSIBLE_DAY) ? day : null;
    }
  }
  const slipDays = forecastDay !== null && targetDay !== null ? forecastDay - targetDay : null;

  let rag: Rag;
  if (milestone.released) rag = 'green';
  else if (overdue) rag = 'red';
  else if (targetDay === null || acc.issuesTotal === 0) rag = 'grey';
  else if (slipDays === null)
    rag = 'red'; // work remains and nothing is being completed
  else rag = slipDays <= t.slipGreenDays ? 'green' : slipDays <= t.slipAmberDays ? 'amber' : 'red';

  const { baselineCount, added } = deriveBaseline(acc);
  return {
    id: milestone.id,
    name: milestone.name,
    released: milestone.released,
    releaseDate: milestone.releaseDate,
    startDate: milestone.startDate,
    issuesTotal: acc.issuesTotal,
    issuesDone: acc.issuesDone,
    pointsTotal: acc.pointsTotal,
    pointsDone: acc.pointsDone,
    unit,
    remaining,
    weeklyThroughput,
    forecastDate: forecastDay === null ? null : calendarDayOfNumber(forecastDay),
    slipDays,
    overdue,
    rag,
    baselineCount,
    addedAfterBaseline: added,
  };
}

function compareForecasts(a: MilestoneForecast, b: MilestoneForecast): number {
  if (a.releaseDate !== b.releaseDate) {
    if (a.releaseDate === null) return 1;
    if (b.releaseDate === null) return -1;
    return a.releaseDate < b.releaseDate ? -1 : 1;
  }
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The next milestone to ship: the unreleased one with the earliest target day (an overdue one
 * is still next). Undated milestones are never next. Null when there is none.
 */
export function nextMilestoneOf(forecasts: readonly MilestoneForecast[]): MilestoneForecast | null {
  for (const f of forecasts) if (!f.released && f.releaseDate !== null) return f;
  return null;
}
