import { deriveRebaseline } from './change-requests';
import type { ForecastDetail, MilestoneForecast, Rag } from './health-types';
import type { Issue } from './issue';
import { sortWithKeyTieBreak } from './compare-issue-keys';
import { MAX_PLAUSIBLE_DAY } from './derive-plausible-data';
import { calendarDayOfNumber, dayNumberOf, dayNumberOfCalendarDay, isDone } from './issue-rules';
import type { Milestone } from './milestone';
import type { ProjectData } from './project-data';
import type { ProjectSettings } from './settings';
import { simulateMilestoneChain, type ChainSimulationResult } from './simulate-milestone-chain';

const DAYS_PER_WEEK = 7;

export interface ForecastOptions {
  /** Start of the report period (epoch ms); released milestones dated inside it are listed. Default: `cadenceDays` before `now`. */
  periodStart?: number;
}

/** Forecasts need at least this many whole weeks of history (fewer when the window itself is shorter). */
export const MIN_HISTORY_WEEKS = 3;

/**
 * The weekly completions the forecast draws from. A week is a run of seven calendar days in the
 * project's zone ending today (week 0 = the last 7 days including today), so every week is
 * complete and a DST week is still seven days. Only weeks the project existed for in full
 * count (from the day its first issue was created), at most `throughputWeeks` of them: a
 * week before the project began is no evidence of a slow team.
 */
export interface WeeklyHistory {
  /** Issues completed per week, oldest week first. */
  issues: number[];
  /** Story points completed per week, oldest week first. */
  points: number[];
}

/**
 * Weekly completions (issues and points) over the last `throughputWeeks` seven-day weeks ending
 * on `today` (a day number in the project's zone) that the project existed for in full. Only
 * done, non-subtask issues with a completion instant count (their parent is the unit of
 * delivery); an issue without story points adds 0 points; a completion in the future (clock
 * skew) is ignored.
 */
export function deriveWeeklyHistory(issues: readonly Issue[], today: number, settings: ProjectSettings): WeeklyHistory {
  const window = Math.max(1, Math.floor(settings.thresholds.throughputWeeks));
  let firstDay: number | null = null;
  for (const issue of issues) {
    if (issue.type.subtask) continue;
    const day = dayNumberOf(issue.created, settings.timeZone);
    if (firstDay === null || day < firstDay) firstDay = day;
  }
  const weeks = firstDay === null ? 0 : Math.max(0, Math.min(window, Math.floor((today - firstDay + 1) / DAYS_PER_WEEK)));
  const issueCounts = new Array<number>(weeks).fill(0);
  const pointCounts = new Array<number>(weeks).fill(0);
  const horizon = weeks * DAYS_PER_WEEK;
  for (const issue of issues) {
    const completedAt = issue.history.completedAt;
    if (completedAt === null || issue.type.subtask || !isDone(issue)) continue;
    const age = today - dayNumberOf(completedAt, settings.timeZone);
    if (age < 0 || age >= horizon) continue;
    const week = weeks - 1 - Math.floor(age / DAYS_PER_WEEK);
    issueCounts[week] = (issueCounts[week] ?? 0) + 1;
    pointCounts[week] = (pointCounts[week] ?? 0) + (issue.storyPoints ?? 0);
  }
  return { issues: issueCounts, points: pointCounts };
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
  /** Position in the chain of unreleased milestones; -1 for a released one. */
  chainIndex: number;
  issuesTotal: number;
  issuesDone: number;
  pointsTotal: number;
  pointsDone: number;
  estimated: number;
  /** Issues with no recorded change for any version: members since creation (parallel arrays). */
  sinceCreation: { keys: string[]; createdDays: number[]; created: number[] };
  /** Issues whose version membership changed: replayed. */
  memberships: Membership[];
  /** The Jira target an approved change request replaced; undefined when none did. */
  rebaselinedFrom: string | null | undefined;
}

/**
 * Forecasts each milestone a PM follows: unreleased and unarchived ones, plus those released
 * with a release day inside the period (archived ones never). Order: dated by day, then
 * undated by name, then id — which is also the order the team works through them.
 *
 * Rules, including where DESIGN.md §5.3 is silent:
 * - Subtasks are excluded from every count (their parent carries the scope and the estimate).
 * - One team: the unreleased milestones form a chain in that order. Milestone k is done when
 *   the work left in it and in every milestone before it is done; an issue in two milestones
 *   counts once, in the earlier. `forecast.remainingAhead` is the work before it that is not
 *   its own.
 * - Unit: points when at least `pointsMinShare` of the issues in the unreleased milestones have
 *   story points, else issues; one unit for the whole chain.
 * - History: the weekly completions of `deriveWeeklyHistory`. Fewer than `MIN_HISTORY_WEEKS`
 *   whole weeks (or than `throughputWeeks`, when that is smaller) → no date, outcome
 *   `shortHistory`, grey. Nothing completed in those weeks → no date, `noThroughput`, red.
 * - Forecast: `simulateMilestoneChain`, a seeded Monte Carlo over the weekly samples (seed from
 *   the day and the inputs: the same data on the same day gives the same dates). The 85th
 *   percentile day is `forecastDate`, which slip uses; the 50th is `forecast.p50`. A forecast
 *   after `MAX_PLAUSIBLE_DAY` is no date (`beyondHorizon`, red). Nothing left in the milestone
 *   itself → today (`complete`), even when earlier milestones still have work: it can ship.
 * - Monotonic: among milestones with work left, a later one never has an earlier date (each
 *   simulated future meets the targets in order).
 * - RAG: released → green; overdue (unreleased, target before today) → red; no target → grey;
 *   no issues → grey; short history → grey; no throughput or beyond the horizon → red; else slip
 *   ≤ slipGreenDays green, ≤ slipAmberDays amber, else red.
 * - Baseline: membership at the end of the version's start day; without a start day, at the end
 *   of the first day any issue joined it. Membership is replayed from `history.versionChanges`;
 *   an issue with no recorded change for the version has been in it since it was created. An
 *   issue counts as added after the baseline when it is in the milestone now and was not at the
 *   baseline — unless it is linked to an approved change request (`deriveRebaseline`): such
 *   an issue was added with the client's consent, so it joins the baseline count instead.
 * - Re-baselining: a milestone an approved change request gave a new target is forecast,
 *   ordered and judged against that target; `rebaselinedFrom` keeps the one it replaced.
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

  const rebaseline = deriveRebaseline(data.changeRequests ?? []);
  const ordered: Accumulator[] = [];
  for (const jiraMilestone of data.milestones) {
    const moved = rebaseline.targets.get(jiraMilestone.id);
    const milestone = moved === undefined ? jiraMilestone : { ...jiraMilestone, releaseDate: moved.target };
    if (milestone.archived) continue;
    if (milestone.released) {
      if (milestone.releaseDate === null) continue;
      const day = dayNumberOfCalendarDay(milestone.releaseDate);
      if (day < periodStartDay || day > today) continue;
    }
    ordered.push({
      milestone,
      chainIndex: -1,
      issuesTotal: 0,
      issuesDone: 0,
      pointsTotal: 0,
      pointsDone: 0,
      estimated: 0,
      sinceCreation: { keys: [], createdDays: [], created: [] },
      memberships: [],
      rebaselinedFrom: moved === undefined ? undefined : moved.original,
    });
  }
  if (ordered.length === 0) return [];
  ordered.sort((a, b) => compareMilestones(a.milestone, b.milestone));
  const selected = new Map<string, Accumulator>();
  let chainLength = 0;
  for (const acc of ordered) {
    if (!acc.milestone.released) acc.chainIndex = chainLength++;
    selected.set(acc.milestone.id, acc);
  }

  // Work left per chain milestone, each open issue in the first milestone of the chain it is in.
  const ownIssues = new Array<number>(chainLength).fill(0);
  const ownPoints = new Array<number>(chainLength).fill(0);
  let chainIssues = 0;
  let chainEstimated = 0;
  for (const issue of data.issues) {
    if (issue.type.subtask) continue;
    const done = isDone(issue);
    const points = issue.storyPoints ?? 0;
    let first = -1;
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
      if (acc.chainIndex >= 0 && (first < 0 || acc.chainIndex < first)) first = acc.chainIndex;
    }
    if (first >= 0) {
      chainIssues += 1;
      if (issue.storyPoints !== null) chainEstimated += 1;
      if (!done) {
        ownIssues[first] = (ownIssues[first] ?? 0) + 1;
        ownPoints[first] = (ownPoints[first] ?? 0) + points;
      }
    }
    collectMemberships(issue, selected, zone);
  }

  const unit: 'points' | 'issues' =
    chainIssues > 0 && chainEstimated / chainIssues >= settings.thresholds.pointsMinShare ? 'points' : 'issues';
  const history = deriveWeeklyHistory(data.issues, today, settings);
  const samples = unit === 'points' ? history.points : history.issues;
  const own = unit === 'points' ? ownPoints : ownIssues;
  const cumulative: number[] = [];
  let total = 0;
  for (const work of own) cumulative.push((total += Math.max(0, work)));
  const chain: ChainForecast = {
    unit,
    samples,
    minHistoryWeeks: Math.min(MIN_HISTORY_WEEKS, Math.max(1, Math.floor(settings.thresholds.throughputWeeks))),
    cumulative,
    simulation: null,
  };
  const throughputSeen = samples.some((x) => x > 0);
  if (chainLength > 0 && samples.length >= chain.minHistoryWeeks && throughputSeen) {
    chain.simulation = simulateMilestoneChain({
      weeklySamples: samples,
      cumulativeTargets: cumulative,
      maxOffsetDays: dayNumberOfCalendarDay(MAX_PLAUSIBLE_DAY) - today,
      salt: `${data.project.key}|${calendarDayOfNumber(today)}|${unit}`,
    });
  }
  return ordered.map((acc) => toForecast(acc, chain, today, settings, rebaseline.approvedIssueKeys));
}

/** What every milestone of the chain shares: the unit, the history and the simulation. */
interface ChainForecast {
  unit: 'points' | 'issues';
  samples: readonly number[];
  minHistoryWeeks: number;
  /** Work left up to and including each chain milestone. */
  cumulative: readonly number[];
  /** Null when there is too little history or no throughput. */
  simulation: ChainSimulationResult | null;
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

function deriveBaseline(acc: Accumulator, approved: ReadonlySet<string>): { baselineCount: number; added: string[] } {
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
    if ((simple.createdDays[i] ?? 0) <= baselineDay || approved.has(simple.keys[i] ?? '')) baselineCount += 1;
    else added.push({ key: simple.keys[i] ?? '', joinedAt: simple.created[i] ?? 0 });
  }
  for (const m of acc.memberships) {
    if (memberAtEndOf(m, baselineDay)) baselineCount += 1;
    else if (m.current && approved.has(m.key)) baselineCount += 1;
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

function toForecast(
  acc: Accumulator,
  chain: ChainForecast,
  today: number,
  settings: ProjectSettings,
  approved: ReadonlySet<string>,
): MilestoneForecast {
  const { milestone } = acc;
  const t = settings.thresholds;
  const { unit, samples } = chain;
  const remaining = Math.max(0, unit === 'points' ? acc.pointsTotal - acc.pointsDone : acc.issuesTotal - acc.issuesDone);
  const weeklyThroughput = samples.length === 0 ? 0 : samples.reduce((a, b) => a + b, 0) / samples.length;
  const targetDay = milestone.releaseDate === null ? null : dayNumberOfCalendarDay(milestone.releaseDate);
  const overdue = !milestone.released && targetDay !== null && targetDay < today;

  const forecast = milestone.released ? null : toForecastDetail(acc, chain, remaining, today);
  const forecastDay = forecast?.p85 == null ? null : dayNumberOfCalendarDay(forecast.p85);
  const slipDays = forecastDay !== null && targetDay !== null ? forecastDay - targetDay : null;

  let rag: Rag;
  if (milestone.released) rag = 'green';
  else if (overdue) rag = 'red';
  else if (targetDay === null || acc.issuesTotal === 0 || forecast?.outcome === 'shortHistory') rag = 'grey';
  else if (slipDays === null)
    rag = 'red'; // work remains and nothing is being completed, or not before 2200
  else rag = slipDays <= t.slipGreenDays ? 'green' : slipDays <= t.slipAmberDays ? 'amber' : 'red';

  const { baselineCount, added } = deriveBaseline(acc, approved);
  return {
    id: milestone.id,
    name: milestone.name,
    released: milestone.released,
    releaseDate: milestone.releaseDate,
    ...(acc.rebaselinedFrom === undefined ? {} : { rebaselinedFrom: acc.rebaselinedFrom }),
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
    forecast,
    baselineCount,
    addedAfterBaseline: added,
  };
}

/** How an unreleased milestone is forecast; keys in the contract's `forecastSchema` order. */
function toForecastDetail(acc: Accumulator, chain: ChainForecast, remaining: number, today: number): ForecastDetail {
  const { unit, samples, simulation } = chain;
  const index = acc.chainIndex;
  let outcome: ForecastDetail['outcome'];
  let p50: string | null = null;
  let p85: string | null = null;
  if (remaining <= 0) {
    outcome = 'complete';
    p50 = p85 = calendarDayOfNumber(today);
  } else if (samples.length < chain.minHistoryWeeks) outcome = 'shortHistory';
  else if (simulation === null) outcome = 'noThroughput';
  else {
    const p = simulation.percentiles[index] ?? { p50: null, p85: null };
    p50 = p.p50 === null ? null : calendarDayOfNumber(today + p.p50);
    p85 = p.p85 === null ? null : calendarDayOfNumber(today + p.p85);
    outcome = p85 === null ? 'beyondHorizon' : 'forecast';
  }
  return {
    method: 'monte-carlo',
    outcome,
    unit,
    p50,
    p85,
    trials: simulation?.trials ?? 0,
    seed: simulation?.seed ?? 0,
    weeklySamples: [...samples],
    historyWeeks: samples.length,
    minHistoryWeeks: chain.minHistoryWeeks,
    remaining,
    remainingAhead: Math.max(0, (chain.cumulative[index] ?? remaining) - remaining),
  };
}

/** Dated milestones by day, then undated ones; ties by name, then id: the order of the chain. */
function compareMilestones(a: Milestone, b: Milestone): number {
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
