import { sortWithKeyTieBreak } from './compare-issue-keys';
import type { HealthAssessment, IssueRisk, MilestoneForecast, RiskLevel, RiskSignal } from './health-types';
import type { Issue } from './issue';
import { deriveClientWait } from './derive-client-wait';
import { toPlausibleIssue } from './derive-plausible-data';
import { dayNumberOf, dayNumberOfCalendarDay, isClientFacing, isDone } from './issue-rules';
import type { ProjectData } from './project-data';
import type { ProjectSettings, RiskWeights } from './settings';

const MS_PER_DAY = 86_400_000;
/** Priority ranks 0 and 1 are "the top two". */
const TOP_PRIORITY_RANKS = 2;
const MAX_SCORE = 100;
/**
 * A wait on the client is listed as a reason but adds nothing: the team is not blamed for it
 * (DESIGN §5.4), and the issue's other signals (overdue, blocked…) still count.
 */
export const WAITING_ON_CLIENT_POINTS = 0;

/**
 * Risk of every open issue at `now` (DESIGN.md §5.4), highest score first, then by natural key
 * order (ACME-2 before ACME-10). Done issues (category done or resolved) are not listed: their
 * score is 0. Subtasks and internal issues are scored; audience filtering is the report's job.
 *
 * Signals (points from `settings.risk`), with the rules where DESIGN is silent:
 * - overdue: due day before today (project zone) → base + perDay × days, the extra capped.
 *   An issue due today is not overdue.
 * - due within `dueSoonDays` (today included) and not started (status category `new`).
 * - blocked: by each unresolved inward "is blocked by" link (a blocker in a done category does
 *   not count). Scored once however many blockers; one signal per blocker so each reason names
 *   its blocker — the longest-standing carries the points, the others 0.
 * - flagged; stale (category `indeterminate`, last update `staleDays`+ calendar days ago);
 *   long cycle (category `indeterminate` for more than `longCycleFactor` × the project's median
 *   cycle time; started = first entry into in-progress, else creation).
 * - waiting on the client (`deriveClientWait`): replaces stale and long cycle, which do not
 *   apply while the client holds the issue; `WAITING_ON_CLIENT_POINTS` (0), listed as a reason.
 * - reopened: `reopenEach` per reopen, at most `reopenMax`; overrun: spent > factor × original.
 * - top priority: open at priority rank 0 or 1.
 * - added after the baseline of a listed milestone; in an unreleased milestone whose schedule
 *   RAG is red (once, for the first such fix version).
 * The sum is weighted ×`clientFacingFactor` for client-facing issues, rounded, capped at 100.
 * Level: high ≥ `highAt`, medium ≥ `mediumAt`, else low. Signals are listed by points, largest first.
 */
export function scoreIssueRisks(data: ProjectData, health: HealthAssessment, settings: ProjectSettings, now: number): IssueRisk[] {
  const context = toContext(health, settings, now);
  const risks: IssueRisk[] = [];
  for (const issue of data.issues) {
    if (isDone(issue)) continue;
    risks.push(scoreOne(issue, context, settings));
  }
  return sortWithKeyTieBreak(
    risks,
    (r) => r.key,
    (a, b) => b.score - a.score,
  );
}

interface Context {
  now: number;
  today: number;
  zone: string;
  medianCycleTimeMs: number | null;
  milestones: ReadonlyMap<string, Pick<MilestoneForecast, 'name' | 'released' | 'rag'>>;
  addedAfterBaseline: ReadonlyMap<string, string>;
}

/**
 * What scoring one issue needs from the whole project, as plain data a snapshot can store: so
 * an issue changed by a product event is rescored without reading the project again.
 */
export interface RiskContext {
  medianCycleTimeMs: number | null;
  milestones: readonly { id: string; name: string; released: boolean; rag: MilestoneForecast['rag'] }[];
  /** Issue key → the milestone it was added to after its baseline. */
  addedAfterBaseline: readonly (readonly [string, string])[];
}

/** The project-wide part of risk scoring, from the health assessment. */
export function toRiskContext(health: HealthAssessment): RiskContext {
  const addedAfterBaseline = new Map<string, string>();
  for (const m of health.milestones)
    for (const key of m.addedAfterBaseline) if (!addedAfterBaseline.has(key)) addedAfterBaseline.set(key, m.name);
  return {
    medianCycleTimeMs: health.medianCycleTimeMs,
    milestones: health.milestones.map((m) => ({ id: m.id, name: m.name, released: m.released, rag: m.rag })),
    addedAfterBaseline: [...addedAfterBaseline.entries()],
  };
}

/**
 * One issue's risk against a stored `RiskContext`: the same rules as `scoreIssueRisks` (which
 * scores every issue of a fresh derivation), or null for a done issue, which carries no risk.
 */
export function scoreIssueRisk(issue: Issue, context: RiskContext, settings: ProjectSettings, now: number): IssueRisk | null {
  if (isDone(issue)) return null;
  return scoreOne(
    // The full derivation sets absurd values aside first (1e308 estimates, year-9999 days); so does this.
    toPlausibleIssue(issue, now),
    {
      now,
      today: dayNumberOf(now, settings.timeZone),
      zone: settings.timeZone,
      medianCycleTimeMs: context.medianCycleTimeMs,
      milestones: new Map(context.milestones.map((m) => [m.id, m])),
      addedAfterBaseline: new Map(context.addedAfterBaseline),
    },
    settings,
  );
}

function toContext(health: HealthAssessment, settings: ProjectSettings, now: number): Context {
  const milestones = new Map<string, MilestoneForecast>();
  const addedAfterBaseline = new Map<string, string>();
  for (const m of health.milestones) {
    milestones.set(m.id, m);
    for (const key of m.addedAfterBaseline) if (!addedAfterBaseline.has(key)) addedAfterBaseline.set(key, m.name);
  }
  return {
    now,
    today: dayNumberOf(now, settings.timeZone),
    zone: settings.timeZone,
    medianCycleTimeMs: health.medianCycleTimeMs,
    milestones,
    addedAfterBaseline,
  };
}

function scoreOne(issue: Issue, c: Context, settings: ProjectSettings): IssueRisk {
  const w = settings.risk;
  const signals: RiskSignal[] = [];
  const category = issue.status.category;

  if (issue.due !== null) {
    const dueDay = dayNumberOfCalendarDay(issue.due);
    const late = c.today - dueDay;
    const until = dueDay - c.today;
    if (late > 0) {
      signals.push({ code: 'overdue', days: late, points: w.overdueBase + Math.min(w.overduePerDay * late, w.overdueMaxExtra) });
    } else if (until <= w.dueSoonDays && category === 'new') {
      signals.push({ code: 'dueSoonNotStarted', days: until, points: w.dueSoonNotStarted });
    }
  }

  pushBlocked(signals, issue, c, w);

  if (issue.flagged) signals.push({ code: 'flagged', points: w.flagged });

  const wait = deriveClientWait(issue, settings, c.now);
  if (wait !== null) {
    signals.push({ code: 'waitingOnClient', days: wait.days, estimated: wait.estimated, points: WAITING_ON_CLIENT_POINTS });
  } else if (category === 'indeterminate') {
    const idle = c.today - dayNumberOf(issue.updated, c.zone);
    if (idle >= w.staleDays) signals.push({ code: 'stale', days: idle, points: w.stale });
    const median = c.medianCycleTimeMs;
    const started = issue.history.startedAt ?? issue.created;
    if (median !== null && median > 0 && c.now - started > w.longCycleFactor * median) {
      signals.push({
        code: 'longCycle',
        days: c.today - dayNumberOf(started, c.zone),
        medianDays: Math.round((median / MS_PER_DAY) * 10) / 10,
        points: w.longCycle,
      });
    }
  }

  const reopens = issue.history.reopenCount;
  if (reopens > 0) signals.push({ code: 'reopened', count: reopens, points: Math.min(w.reopenEach * reopens, w.reopenMax) });

  if (
    issue.timeOriginal !== null &&
    issue.timeOriginal > 0 &&
    issue.timeSpent !== null &&
    issue.timeSpent > w.overrunFactor * issue.timeOriginal
  ) {
    signals.push({ code: 'overrun', ratio: issue.timeSpent / issue.timeOriginal, points: w.overrun });
  }

  if (issue.priority !== null && issue.priority.rank < TOP_PRIORITY_RANKS) {
    signals.push({ code: 'topPriority', priority: issue.priority.name, points: w.topPriority });
  }

  const addedTo = c.addedAfterBaseline.get(issue.key);
  if (addedTo !== undefined) signals.push({ code: 'addedAfterBaseline', milestone: addedTo, points: w.addedAfterBaseline });

  for (const versionId of issue.fixVersions) {
    const m = c.milestones.get(versionId);
    if (m !== undefined && !m.released && m.rag === 'red') {
      signals.push({ code: 'milestoneRed', milestone: m.name, points: w.milestoneRed });
      break;
    }
  }

  let sum = 0;
  for (const s of signals) sum += s.points;
  const clientFacing = isClientFacing(issue, settings);
  const score = Math.min(MAX_SCORE, Math.round(sum * (clientFacing ? w.clientFacingFactor : 1)));
  return { key: issue.key, score, level: riskLevelOf(score, w), clientFacing, signals: byPoints(signals) };
}

function pushBlocked(signals: RiskSignal[], issue: Issue, c: Context, w: RiskWeights): void {
  if (issue.blockedBy.length === 0) return;
  const blockers = issue.blockedBy
    .filter((b) => b.category !== 'done')
    .map((b) => ({
      key: b.key,
      statusName: b.statusName,
      days: b.since === null ? null : Math.max(0, c.today - dayNumberOf(b.since, c.zone)),
    }));
  const ordered = sortWithKeyTieBreak(
    blockers,
    (b) => b.key,
    (a, b) => (b.days ?? -1) - (a.days ?? -1),
  );
  ordered.forEach((by, index) => signals.push({ code: 'blocked', by, points: index === 0 ? w.blocked : 0 }));
}

/** Largest contribution first; a code's signals stay together (extra blockers follow the first). */
function byPoints(signals: RiskSignal[]): RiskSignal[] {
  if (signals.length < 2) return signals;
  const perCode = new Map<string, number>();
  for (const s of signals) perCode.set(s.code, (perCode.get(s.code) ?? 0) + s.points);
  return signals
    .map((s, index) => ({ s, index, points: perCode.get(s.code) ?? 0 }))
    .sort((a, b) => b.points - a.points || a.index - b.index)
    .map((x) => x.s);
}

/** high ≥ `highAt`, medium ≥ `mediumAt`, else low. */
export function riskLevelOf(score: number, w: Pick<RiskWeights, 'highAt' | 'mediumAt'>): RiskLevel {
  return score >= w.highAt ? 'high' : score >= w.mediumAt ? 'medium' : 'low';
}
