import { sortWithKeyTieBreak } from './compare-issue-keys';
import { forecastMilestones, median, nextMilestoneOf } from './forecast-milestones';
import type { DimensionAssessment, HealthAssessment, MeasureId, MeasureResult, MilestoneForecast, Rag, Why } from './health-types';
import { healthWhy } from './health-why';
import { calendarDayOfNumber, dayNumberOf, dayNumberOfCalendarDay, isBug, isDone } from './issue-rules';
import type { ProjectData } from './project-data';
import { DIMENSIONS, type Dimension, type ProjectSettings } from './settings';
import { toMilestoneOpenJql, toOverdueJql, toTopBugsJql, type EvidenceScope } from './to-evidence-jql';
import { costPerformance } from './engagement';

/** Evidence lists in reports are capped: the most relevant keys first, this many at most ("first N of M"). */
export const EVIDENCE_LIMIT = 50;

const DAYS_PER_WEEK = 7;
const SECONDS_PER_HOUR = 3600;
/** Priority ranks 0 and 1 are "the top two". */
const TOP_PRIORITY_RANKS = 2;

export interface AssessHealthOptions {
  /** Start of the report period (epoch ms), for milestones released in it. Default: `cadenceDays` before `now`. */
  periodStart?: number;
}

/**
 * KPI health of a project at `now` (DESIGN.md §5.3), every dimension with its measures, RAG,
 * reason and evidence keys, the milestone forecasts and the overall RAG.
 *
 * Rules, including where DESIGN is silent:
 * - Health is for the team: internal issues count. Subtasks do not (their parent is the unit
 *   of work; counting both would double count progress, bugs and estimates).
 * - A measure without enough data is grey, never green; a dimension is the worst of its
 *   measures that have data, grey when none has.
 * - Calendar days are in `settings.timeZone`; "the last N days" are the N calendar days ending
 *   today. An issue due today is not overdue.
 * - Schedule: the next milestone's RAG (see `forecastMilestones`) and the overdue share (open
 *   issues past due / open issues with a due date; grey with none dated); the worse.
 * - Scope: creep of the next milestone = added after baseline / baseline count; grey with no
 *   next milestone, an empty baseline, or one of fewer than `thresholds.creepMinBaseline` issues
 *   (one issue added to a baseline of one is not "100 % creep").
 * - Quality: open bugs at priority rank 0 or 1 (grey when no issue has a priority); reopen rate
 *   = issues reopened in the window / issues completed in the window (grey when none completed).
 * - Cost: Σ(spent + remaining − original) / Σ original over issues with an original estimate;
 *   remaining counts only on open issues; grey when fewer than `effortMinCoverage` of the
 *   issues carry an original estimate. With the engagement's hours budget, also cost
 *   performance = percent complete × budget ÷ hours spent (`costPerformance`,
 *   `COST_PERFORMANCE_THRESHOLDS`); grey without a budget or logged time. The worse of the two.
 * - Satisfaction: any overdue complaint follow-up is red; else the mean rating of the window;
 *   grey with no responses.
 * - Communication: the most days a touchpoint is late beyond its grace period (undone, today
 *   after due day + grace days); grey with no touchpoints at all.
 * - Overall: red if any enabled dimension is red; amber if any is amber, two or more are grey,
 *   or none has data; else green. Disabled dimensions are grey, `enabled: false`, and ignored.
 * - Evidence: each measure lists every issue behind its own value, most relevant first (not
 *   capped here: reports cap it and say "first N of M"), and the JQL that finds the same issues
 *   where JQL can (overdue, open top-priority bugs, the next milestone's open issues; see
 *   `to-evidence-jql.ts`). A count the measure's sentence states is the length of its evidence.
 *   A dimension's evidence is that of the measure that gives it its colour, never a mix.
 */
export function assessHealth(
  data: ProjectData,
  settings: ProjectSettings,
  now: number,
  options: AssessHealthOptions = {},
): HealthAssessment {
  const zone = settings.timeZone;
  const t = settings.thresholds;
  const today = dayNumberOf(now, zone);
  const disabled = new Set(settings.disabledDimensions);
  const milestones = forecastMilestones(data, settings, now, options);
  const next = nextMilestoneOf(milestones);

  // One pass over the issues for everything but the forecasts.
  const reopenWindowStart = today - t.reopenWindowDays + 1;
  const cycleHorizon = Math.max(1, Math.floor(t.throughputWeeks)) * DAYS_PER_WEEK;
  let dated = 0;
  const overdue: { key: string; days: number }[] = [];
  const topBugs: { key: string; rank: number }[] = [];
  let prioritized = 0;
  let completedInWindow = 0;
  const reopened: { key: string; at: number }[] = [];
  const cycles: number[] = [];
  let costEligible = 0;
  let estimated = 0;
  let originalSum = 0;
  let actualSum = 0;
  const overruns: { key: string; seconds: number }[] = [];
  const nextOpen: { key: string; rank: number }[] = [];
  const subtaskTypeNames = new Set<string>();
  const bugTypeNames = new Set<string>();
  const topPriorityNames = new Set<string>();

  for (const issue of data.issues) {
    if (issue.priority !== null && issue.priority.rank < TOP_PRIORITY_RANKS) topPriorityNames.add(issue.priority.name);
    if (issue.type.subtask) {
      subtaskTypeNames.add(issue.type.name);
      continue;
    }
    if (isBug(issue)) bugTypeNames.add(issue.type.name);
    const done = isDone(issue);
    if (issue.priority !== null) prioritized += 1;
    if (!done) {
      if (issue.due !== null) {
        dated += 1;
        const days = today - dayNumberOfCalendarDay(issue.due);
        if (days > 0) overdue.push({ key: issue.key, days });
      }
      if (issue.priority !== null && issue.priority.rank < TOP_PRIORITY_RANKS && isBug(issue)) {
        topBugs.push({ key: issue.key, rank: issue.priority.rank });
      }
      if (next !== null && issue.fixVersions.includes(next.id))
        nextOpen.push({ key: issue.key, rank: issue.priority?.rank ?? Number.MAX_SAFE_INTEGER });
    }
    const completedAt = issue.history.completedAt;
    if (done && completedAt !== null) {
      const day = dayNumberOf(completedAt, zone);
      if (day >= reopenWindowStart && day <= today) completedInWindow += 1;
      if (day <= today && today - day < cycleHorizon) {
        const cycle = completedAt - (issue.history.startedAt ?? issue.created);
        if (cycle >= 0) cycles.push(cycle);
      }
    }
    if (issue.history.reopenCount > 0) {
      let lastReopen: number | null = null;
      for (const tr of issue.history.transitions) {
        if (tr.from !== 'done' || tr.to === 'done') continue;
        const day = dayNumberOf(tr.at, zone);
        if (day >= reopenWindowStart && day <= today) lastReopen = tr.at;
      }
      if (lastReopen !== null) reopened.push({ key: issue.key, at: lastReopen });
    }
    costEligible += 1;
    if (issue.timeOriginal !== null && issue.timeOriginal > 0) {
      estimated += 1;
      const actual = (issue.timeSpent ?? 0) + (done ? 0 : (issue.timeRemaining ?? 0));
      originalSum += issue.timeOriginal;
      actualSum += actual;
      if (actual > issue.timeOriginal) overruns.push({ key: issue.key, seconds: actual - issue.timeOriginal });
    }
  }

  const scope: EvidenceScope = { projectKey: data.project.key, subtaskTypeNames: [...subtaskTypeNames].sort() };
  const jql = {
    overdue: toOverdueJql(scope, calendarDayOfNumber(today)),
    topBugs: toTopBugsJql(scope, [...bugTypeNames].sort(), [...topPriorityNames].sort()),
    next: next === null ? null : toMilestoneOpenJql(scope, next.id),
  };
  const measures: Record<Dimension, () => MeasureResult[]> = {
    schedule: () => [measureSlip(next, nextOpen, today, settings, jql.next), measureOverdueShare(overdue, dated, settings, jql.overdue)],
    scope: () => [measureCreep(next, settings)],
    quality: () => [measureTopBugs(topBugs, prioritized, settings, jql.topBugs), measureReopenRate(reopened, completedInWindow, settings)],
    cost: () => [measureEffort(costEligible, estimated, originalSum, actualSum, overruns, settings), measureCostPerformance(data)],
    satisfaction: () => [measureCsat(data, today, settings)],
    communication: () => [measureComms(data, today, settings)],
  };

  const dimensions = {} as Record<Dimension, DimensionAssessment>;
  for (const dimension of DIMENSIONS) {
    dimensions[dimension] = disabled.has(dimension) ? disabledDimension(dimension) : toDimension(dimension, measures[dimension]());
  }

  const cycle = median(cycles);
  return {
    dimensions,
    overall: deriveOverall(Object.values(dimensions)),
    milestones,
    nextMilestoneId: next?.id ?? null,
    medianCycleTimeMs: cycle,
  };
}

/**
 * Overall RAG from the dimensions: red if any enabled one is red; amber if any is amber, two or
 * more are grey, or none has data (never green for lack of data); else green.
 */
export function deriveOverall(dimensions: readonly Pick<DimensionAssessment, 'enabled' | 'rag'>[]): 'green' | 'amber' | 'red' {
  let greys = 0;
  let withData = 0;
  let amber = false;
  for (const d of dimensions) {
    if (!d.enabled) continue;
    if (d.rag === 'red') return 'red';
    if (d.rag === 'amber') amber = true;
    if (d.rag === 'grey') greys += 1;
    else withData += 1;
  }
  return amber || greys >= 2 || withData === 0 ? 'amber' : 'green';
}

/**
 * Dimensions amber or red now and in the previous published report (DESIGN §5.3 "sustained").
 * A dimension disabled now, or with no previous RAG, is not sustained.
 */
export function deriveSustained(
  current: Readonly<Record<Dimension, Pick<DimensionAssessment, 'enabled' | 'rag'>>>,
  previous: Partial<Readonly<Record<Dimension, Rag>>> | undefined,
): Record<Dimension, boolean> {
  const bad = (rag: Rag | undefined): boolean => rag === 'amber' || rag === 'red';
  const result = {} as Record<Dimension, boolean>;
  for (const d of DIMENSIONS) result[d] = current[d].enabled && bad(current[d].rag) && bad(previous?.[d]);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Measures

function measure(
  id: MeasureId,
  value: number | null,
  rag: Rag,
  why: Why,
  evidence: readonly string[] = [],
  evidenceJql: string | null = null,
): MeasureResult {
  return { id, value, rag, why, evidence, evidenceJql };
}

function measureSlip(
  next: MilestoneForecast | null,
  nextOpen: { key: string; rank: number }[],
  today: number,
  settings: ProjectSettings,
  jql: string | null,
): MeasureResult {
  if (next === null || next.releaseDate === null) return measure('slipDays', null, 'grey', healthWhy('slipNoMilestone', {}));
  const evidence = sortWithKeyTieBreak(
    nextOpen,
    (x) => x.key,
    (a, b) => a.rank - b.rank,
  ).map((x) => x.key);
  const target = next.releaseDate;
  if (next.overdue) {
    const why = healthWhy('slipOverdue', {
      milestone: next.name,
      target,
      daysOverdue: today - dayNumberOfCalendarDay(target),
      remaining: next.remaining,
      unit: next.unit,
    });
    return measure('slipDays', next.slipDays, 'red', why, evidence, jql);
  }
  if (next.issuesTotal === 0) return measure('slipDays', null, 'grey', healthWhy('slipNoIssues', { milestone: next.name, target }));
  const forecast = next.forecast;
  if (forecast?.outcome === 'shortHistory') {
    const why = healthWhy('slipShortHistory', {
      milestone: next.name,
      target,
      weeks: forecast.historyWeeks,
      minWeeks: forecast.minHistoryWeeks,
    });
    return measure('slipDays', null, 'grey', why, evidence, jql);
  }
  if (next.slipDays === null || next.forecastDate === null) {
    // Throughput but no date: the forecast falls beyond the horizon (see `forecastMilestones`).
    const code = next.weeklyThroughput > 0 ? 'slipBeyondHorizon' : 'slipNoThroughput';
    const why = healthWhy(code, { milestone: next.name, target, remaining: next.remaining, unit: next.unit });
    return measure('slipDays', null, 'red', why, evidence, jql);
  }
  const p50 = forecast?.p50 ?? null;
  const why = healthWhy('slipForecast', {
    milestone: next.name,
    target,
    forecast: next.forecastDate,
    slipDays: next.slipDays,
    ...(p50 === null ? {} : { p50 }),
  });
  return measure(
    'slipDays',
    next.slipDays,
    ragAtMost(next.slipDays, settings.thresholds.slipGreenDays, settings.thresholds.slipAmberDays),
    why,
    evidence,
    jql,
  );
}

function measureOverdueShare(
  overdue: { key: string; days: number }[],
  dated: number,
  settings: ProjectSettings,
  jql: string,
): MeasureResult {
  if (dated === 0) return measure('overdueShare', null, 'grey', healthWhy('overdueNoDueDates', {}));
  const share = overdue.length / dated;
  const evidence = sortWithKeyTieBreak(
    overdue,
    (x) => x.key,
    (a, b) => b.days - a.days,
  ).map((x) => x.key);
  const rag = ragBelow(share, settings.thresholds.overdueGreen, settings.thresholds.overdueAmber);
  return measure('overdueShare', share, rag, healthWhy('overdueShare', { overdue: overdue.length, dated, share }), evidence, jql);
}

function measureCreep(next: MilestoneForecast | null, settings: ProjectSettings): MeasureResult {
  if (next === null) return measure('scopeCreep', null, 'grey', healthWhy('creepNoMilestone', {}));
  if (next.baselineCount === 0)
    return measure('scopeCreep', null, 'grey', healthWhy('creepNoBaseline', { milestone: next.name }), next.addedAfterBaseline);
  const minBaseline = settings.thresholds.creepMinBaseline;
  if (next.baselineCount < minBaseline) {
    const why = healthWhy('creepSmallBaseline', { milestone: next.name, baseline: next.baselineCount, minBaseline });
    return measure('scopeCreep', null, 'grey', why, next.addedAfterBaseline);
  }
  const added = next.addedAfterBaseline.length;
  const share = added / next.baselineCount;
  const why = healthWhy('scopeCreep', { milestone: next.name, added, baseline: next.baselineCount, share });
  return measure(
    'scopeCreep',
    share,
    ragAtMost(share, settings.thresholds.creepGreen, settings.thresholds.creepAmber),
    why,
    next.addedAfterBaseline,
  );
}

function measureTopBugs(
  topBugs: { key: string; rank: number }[],
  prioritized: number,
  settings: ProjectSettings,
  jql: string | null,
): MeasureResult {
  if (prioritized === 0) return measure('topPriorityBugs', null, 'grey', healthWhy('topBugsNoPriorities', {}));
  const evidence = sortWithKeyTieBreak(
    topBugs,
    (x) => x.key,
    (a, b) => a.rank - b.rank,
  ).map((x) => x.key);
  const count = topBugs.length;
  const rag = ragAtMost(count, settings.thresholds.topBugsGreen, settings.thresholds.topBugsAmber);
  return measure('topPriorityBugs', count, rag, healthWhy('topBugs', { count }), evidence, jql);
}

function measureReopenRate(reopened: { key: string; at: number }[], completed: number, settings: ProjectSettings): MeasureResult {
  const days = settings.thresholds.reopenWindowDays;
  const evidence = sortWithKeyTieBreak(
    reopened,
    (x) => x.key,
    (a, b) => b.at - a.at,
  ).map((x) => x.key);
  if (completed === 0)
    return measure('reopenRate', null, 'grey', healthWhy('reopenNoCompletions', { days, reopened: reopened.length }), evidence);
  const share = reopened.length / completed;
  const rag = ragBelow(share, settings.thresholds.reopenGreen, settings.thresholds.reopenAmber);
  return measure('reopenRate', share, rag, healthWhy('reopenRate', { reopened: reopened.length, completed, days, share }), evidence);
}

function measureEffort(
  total: number,
  estimated: number,
  originalSum: number,
  actualSum: number,
  overruns: { key: string; seconds: number }[],
  settings: ProjectSettings,
): MeasureResult {
  if (total === 0) return measure('effortVariance', null, 'grey', healthWhy('effortNoIssues', {}));
  const coverage = estimated / total;
  const minCoverage = settings.thresholds.effortMinCoverage;
  if (estimated === 0 || coverage < minCoverage) {
    return measure('effortVariance', null, 'grey', healthWhy('effortLowCoverage', { estimated, total, coverage, minCoverage }));
  }
  const variance = (actualSum - originalSum) / originalSum;
  const evidence = sortWithKeyTieBreak(
    overruns,
    (x) => x.key,
    (a, b) => b.seconds - a.seconds,
  ).map((x) => x.key);
  const why = healthWhy('effortVariance', {
    estimated,
    total,
    variance,
    originalHours: Math.round(originalSum / SECONDS_PER_HOUR),
    actualHours: Math.round(actualSum / SECONDS_PER_HOUR),
  });
  return measure(
    'effortVariance',
    variance,
    ragAtMost(variance, settings.thresholds.effortGreen, settings.thresholds.effortAmber),
    why,
    evidence,
  );
}

/**
 * Cost performance against the engagement's hours budget (DESIGN §5.7, `costPerformance`): grey
 * without an hours budget or before time is logged; the evidence is the open issues with time
 * logged on them (hours spent that the work done has not earned yet), most hours first, subtasks
 * included (work is logged where it happens).
 */
function measureCostPerformance(data: ProjectData): MeasureResult {
  const budget = data.engagement?.budget;
  if (budget === undefined || budget.hours === null || budget.hours <= 0)
    return measure('costPerformance', null, 'grey', healthWhy('costNoBudget', {}));
  const result = costPerformance(budget, data.issues);
  if (result === null) return measure('costPerformance', null, 'grey', healthWhy('costNoTimeLogged', { budgetHours: budget.hours }));
  const open = data.issues
    .filter((i) => !isDone(i) && i.timeSpent !== null && i.timeSpent > 0)
    .map((i) => ({ key: i.key, seconds: i.timeSpent ?? 0 }));
  const evidence = sortWithKeyTieBreak(
    open,
    (x) => x.key,
    (a, b) => b.seconds - a.seconds,
  ).map((x) => x.key);
  const why = healthWhy('costPerformance', {
    index: result.index,
    percentComplete: result.percentComplete,
    earnedHours: result.earnedHours,
    spentHours: result.spentHours,
    budgetHours: budget.hours,
  });
  // A key list: the emulator's JQL (which the evidence is checked against) has no time-spent field.
  return measure('costPerformance', result.index, result.rag, why, evidence);
}

function measureCsat(data: ProjectData, today: number, settings: ProjectSettings): MeasureResult {
  const days = settings.thresholds.csatWindowDays;
  const { ratings, overdueComplaints } = data.satisfaction;
  const windowStart = today - days + 1;
  let sum = 0;
  let responses = 0;
  for (const r of ratings) {
    const day = dayNumberOf(r.at, settings.timeZone);
    if (day < windowStart || day > today || !Number.isFinite(r.rating)) continue;
    sum += r.rating;
    responses += 1;
  }
  const mean = responses === 0 ? null : sum / responses;
  if (overdueComplaints > 0) return measure('csat', mean, 'red', healthWhy('csatOverdueComplaints', { count: overdueComplaints }));
  if (mean === null) return measure('csat', null, 'grey', healthWhy('csatNoResponses', { days }));
  const t = settings.thresholds;
  const rag: Rag = mean >= t.csatGreen ? 'green' : mean >= t.csatAmber ? 'amber' : 'red';
  return measure('csat', mean, rag, healthWhy('csat', { mean, responses, days }));
}

function measureComms(data: ProjectData, today: number, settings: ProjectSettings): MeasureResult {
  const { touchpoints } = data.communication;
  if (touchpoints.length === 0) return measure('commsLateDays', null, 'grey', healthWhy('commsNoTouchpoints', {}));
  let count = 0;
  let maxDays = 0;
  let title = '';
  for (const tp of touchpoints) {
    if (tp.doneAt !== null) continue;
    const late = today - (dayNumberOf(tp.dueAt, settings.timeZone) + tp.graceDays);
    if (late <= 0) continue;
    count += 1;
    if (late > maxDays) {
      maxDays = late;
      title = tp.title;
    }
  }
  if (count === 0) return measure('commsLateDays', 0, 'green', healthWhy('commsNoneLate', { touchpoints: touchpoints.length }));
  const rag: Rag = maxDays <= settings.thresholds.commsLateAmberDays ? 'amber' : 'red';
  return measure('commsLateDays', maxDays, rag, healthWhy('commsLate', { count, maxDays, title }));
}

// ---------------------------------------------------------------------------------------------
// Dimensions

const SEVERITY: Record<Rag, number> = { grey: 0, green: 1, amber: 2, red: 3 };

function disabledDimension(dimension: Dimension): DimensionAssessment {
  return { dimension, enabled: false, rag: 'grey', measures: [], why: healthWhy('dimensionDisabled', {}), evidence: [], evidenceJql: null };
}

/**
 * The worst measure with data decides; its reason and its evidence are the dimension's, so the
 * issues behind the dimension are the ones its sentence speaks of (never another measure's).
 */
function toDimension(dimension: Dimension, measures: MeasureResult[]): DimensionAssessment {
  const ordered = measures
    .map((m, index) => ({ m, index }))
    .sort((a, b) => SEVERITY[b.m.rag] - SEVERITY[a.m.rag] || a.index - b.index)
    .map((x) => x.m);
  const worst = ordered[0];
  if (worst === undefined)
    return { dimension, enabled: true, rag: 'grey', measures, why: healthWhy('dimensionDisabled', {}), evidence: [], evidenceJql: null };
  return { dimension, enabled: true, rag: worst.rag, measures, why: worst.why, evidence: worst.evidence, evidenceJql: worst.evidenceJql };
}

/** green when value ≤ green, amber when ≤ amber, else red. */
function ragAtMost(value: number, green: number, amber: number): Rag {
  return value <= green ? 'green' : value <= amber ? 'amber' : 'red';
}

/** green when value < green, amber when < amber, else red. */
function ragBelow(value: number, green: number, amber: number): Rag {
  return value < green ? 'green' : value < amber ? 'amber' : 'red';
}
