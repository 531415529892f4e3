import type { HealthAssessment } from './health-types';
import type { Issue } from './issue';
import { calendarDayOf, dayNumberOfCalendarDay, isDone } from './issue-rules';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** At most this many points per chart: a long milestone samples every few weeks. */
const MAX_POINTS = 53;

export interface BurnupPoint {
  /** Calendar day in the project's zone. */
  day: string;
  scope: number;
  done: number;
}

export interface Burnup {
  milestoneId: string;
  name: string;
  target: string | null;
  forecast: string | null;
  unit: 'points' | 'issues';
  points: BurnupPoint[];
}

/**
 * A burn-up per open milestone (unreleased ones the health lists): scope and done, weekly, from
 * the milestone's start to `now`, in the unit its forecast uses (points or issues).
 *
 * Rules where the data is silent: scope is the milestone's issues as they stand now, each
 * counted from when it joined (its last "added" version change, else its creation); issues
 * removed from the milestone are not drawn. Done means done now and completed by that week
 * (its completion time, which may be estimated). The start is the version's start day, else
 * the earliest issue joining. Subtasks are not counted (their parent carries the work).
 */
export function deriveBurnups(issues: readonly Issue[], health: HealthAssessment, timeZone: string, now: number): Burnup[] {
  const burnups: Burnup[] = [];
  for (const milestone of health.milestones) {
    if (milestone.released) continue;
    const members = issues
      .filter((issue) => !issue.type.subtask && issue.fixVersions.includes(milestone.id))
      .map((issue) => ({ issue, joined: joinedAt(issue, milestone.id), weight: weightOf(issue, milestone.unit) }));
    const startDay = milestone.startDate;
    const firstJoin = members.reduce((min, m) => Math.min(min, m.joined), now);
    const start = startDay === null ? firstJoin : Math.min(dayNumberOfCalendarDay(startDay) * DAY_MS, now);
    const span = Math.max(0, now - start);
    const step = Math.max(WEEK_MS, Math.ceil(span / (MAX_POINTS - 1) / WEEK_MS) * WEEK_MS);
    const points: BurnupPoint[] = [];
    const sample = (at: number) => {
      let scope = 0;
      let done = 0;
      for (const m of members) {
        if (m.joined > at) continue;
        scope += m.weight;
        const completedAt = m.issue.history.completedAt;
        if (isDone(m.issue) && completedAt !== null && completedAt <= at) done += m.weight;
      }
      points.push({ day: calendarDayOf(at, timeZone), scope: round(scope), done: round(done) });
    };
    for (let at = start; at < now; at += step) sample(at);
    sample(now);
    burnups.push({
      milestoneId: milestone.id,
      name: milestone.name,
      target: milestone.releaseDate,
      forecast: milestone.forecastDate,
      unit: milestone.unit,
      points: dedupeDays(points),
    });
  }
  return burnups;
}

function joinedAt(issue: Issue, versionId: string): number {
  let joined: number | null = null;
  for (const change of issue.history.versionChanges) {
    if (change.versionId === versionId && change.change === 'added') joined = joined === null ? change.at : Math.max(joined, change.at);
  }
  return joined ?? issue.created;
}

function weightOf(issue: Issue, unit: 'points' | 'issues'): number {
  if (unit === 'issues') return 1;
  const points = issue.storyPoints;
  return points !== null && Number.isFinite(points) && points > 0 && points < 1e6 ? points : 0;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Two samples on one calendar day keep the later. */
function dedupeDays(points: BurnupPoint[]): BurnupPoint[] {
  const byDay = new Map<string, BurnupPoint>();
  for (const point of points) byDay.set(point.day, point);
  return [...byDay.values()];
}
