/**
 * The closing report (DESIGN.md §5.7, issue 13), derived from what the app kept over the
 * project's life. Pure: every input is read by the caller, time and zone are arguments.
 */
import type { ChangeRequestJson, ChangeStatus } from '../../../contract/changes';
import { CHANGE_STATUSES } from '../../../contract/changes';
import type {
  ClosingChangesJson,
  ClosingComplaintJson,
  ClosingKpiDimensionJson,
  ClosingKpisJson,
  ClosingMilestoneJson,
  ClosingReportJson,
  ClosingRetroJson,
  ClosingSatisfactionJson,
  ComplaintOutcome,
  RetroJson,
} from '../../../contract/closing';
import type { FeedbackEntryJson } from '../../../contract/feedback';
import { DIMENSION_KEYS, type DimensionKey } from '../../../contract/report';
import { sumImpact } from '../change-requests';
import { deriveCsatTrend, deriveSatisfactionFigures } from '../feedback/assess-satisfaction';
import { isComplaintOverdue } from '../feedback/complaint-rules';
import { calendarDayOf, daysBetweenCalendarDays } from '../issue-rules';

type Rag = 'green' | 'amber' | 'red' | 'grey';

/** A day of the KPI history as the closing report reads it. */
export interface KpiDay {
  day: string;
  overall: 'green' | 'amber' | 'red';
  dimensions: Partial<Record<DimensionKey, { rag: Rag; value: number | null }>>;
}

/** A milestone as the last status report knew it. */
export interface MilestoneFacts {
  id: string;
  name: string;
  released: boolean;
  releaseDate: string | null;
  /** The target first recorded by the app, when it differs from the current one. */
  originalReleaseDate: string | null;
}

const SEVERITY: Readonly<Record<Rag, number>> = { grey: 0, green: 1, amber: 2, red: 3 };

/** The worse of two colours; grey (no data) loses to any colour, so a month with one red day is red. */
export function worseRag(a: Rag, b: Rag): Rag {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

const noDays = () => ({ green: 0, amber: 0, red: 0, grey: 0 });

/**
 * Each KPI dimension over the project's life: its first and last reading, the worst colour any
 * day had, how many days had each colour, and per month the worst colour and the last value.
 * `days` must be oldest first; a day missing a dimension (switched off, older point) counts grey.
 */
export function deriveLifeKpis(days: readonly KpiDay[], complete: boolean): ClosingKpisJson {
  const overallDays = noDays();
  const overallMonths = new Map<string, Rag>();
  for (const point of days) {
    overallDays[point.overall] += 1;
    const month = point.day.slice(0, 7);
    overallMonths.set(month, worseRag(overallMonths.get(month) ?? 'grey', point.overall));
  }
  const dimensions = DIMENSION_KEYS.map((key): ClosingKpiDimensionJson => {
    const counts = noDays();
    const months = new Map<string, { rag: Rag; value: number | null }>();
    let first: ClosingKpiDimensionJson['first'] = null;
    let last: ClosingKpiDimensionJson['last'] = null;
    let worst: Rag = 'grey';
    for (const point of days) {
      const reading = point.dimensions[key] ?? { rag: 'grey' as const, value: null };
      counts[reading.rag] += 1;
      worst = worseRag(worst, reading.rag);
      const month = point.day.slice(0, 7);
      const previous = months.get(month);
      months.set(month, { rag: worseRag(previous?.rag ?? 'grey', reading.rag), value: reading.value ?? previous?.value ?? null });
      if (point.dimensions[key] === undefined) continue;
      const stamped = { day: point.day, rag: reading.rag, value: reading.value };
      first ??= stamped;
      last = stamped;
    }
    return { key, first, last, worst, days: counts, months: [...months].map(([month, m]) => ({ month, ...m })) };
  });
  return {
    points: days.length,
    from: days[0]?.day ?? null,
    to: days.at(-1)?.day ?? null,
    complete,
    overall: { days: overallDays, months: [...overallMonths].map(([month, rag]) => ({ month, rag })) },
    dimensions,
  };
}

/**
 * Milestones planned vs actual. Planned is the original target: the one a change request kept
 * when it re-baselined the milestone (the earliest request naming it), else the first target the
 * app recorded, else the current target. Actual is the release day of a released milestone.
 */
export function deriveMilestonesPlannedVsActual(
  milestones: readonly MilestoneFacts[],
  requests: readonly Pick<ChangeRequestJson, 'milestone' | 'createdAt'>[],
): ClosingMilestoneJson[] {
  const keptTargets = new Map<string, { at: string; target: string }>();
  for (const r of requests) {
    if (r.milestone?.originalTarget == null) continue;
    const known = keptTargets.get(r.milestone.id);
    if (!known || r.createdAt < known.at) keptTargets.set(r.milestone.id, { at: r.createdAt, target: r.milestone.originalTarget });
  }
  return milestones.map((m) => {
    const planned = keptTargets.get(m.id)?.target ?? m.originalReleaseDate ?? m.releaseDate;
    const actual = m.released ? m.releaseDate : null;
    return {
      id: m.id,
      name: m.name,
      planned,
      actual,
      released: m.released,
      slipDays: planned !== null && actual !== null ? daysBetweenCalendarDays(planned, actual) : null,
    };
  });
}

/** Statuses the client's version shows: a request still inside the team (proposed, assessing) is not. */
export const CLIENT_CHANGE_STATUSES: readonly ChangeStatus[] = ['awaiting-client', 'approved', 'rejected', 'implemented'];

/** Change requests oldest first, their totals per status, and the impact of those agreed (approved or implemented). */
export function deriveChangeSummary(requests: readonly ChangeRequestJson[], complete: boolean, timeZone: string): ClosingChangesJson {
  const ordered = [...requests].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return {
    items: ordered.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      requester: r.requester,
      impact: r.impact,
      decision: r.decision && { outcome: r.decision.outcome, by: r.decision.by, day: calendarDayOf(Date.parse(r.decision.at), timeZone) },
      milestone: r.milestone?.name ?? null,
      internalNote: r.internalNote,
      linkedIssueKeys: r.linkedIssueKeys,
    })),
    byStatus: CHANGE_STATUSES.map((status) => ({ status, totals: sumImpact(requests.filter((r) => r.status === status)) })),
    agreedImpact: sumImpact(requests.filter((r) => r.status === 'approved' || r.status === 'implemented')),
    complete,
  };
}

/** Whole months from `from` (YYYY-MM) to `to` inclusive. */
function monthsSpanned(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(to) - index(from) + 1;
}

/** At most this many months in the CSAT line (ten years). */
export const MAX_CSAT_MONTHS = 120;

/**
 * Feedback and CSAT over the project's life: the figures over all feedback and the monthly
 * means from the month of the first feedback to the closing month (months without responses
 * have null figures: a gap, never a zero). No feedback: no months.
 */
export function deriveSatisfactionOverLife(
  feedback: readonly Pick<FeedbackEntryJson, 'createdAt' | 'rating' | 'nps'>[],
  complete: boolean,
  now: number,
  timeZone: string,
): ClosingSatisfactionJson {
  const points = feedback.map((f) => ({ at: Date.parse(f.createdAt), rating: f.rating, nps: f.nps }));
  const firstAt = Math.min(...points.map((p) => p.at));
  const months =
    points.length === 0
      ? []
      : deriveCsatTrend(
          points,
          now,
          timeZone,
          Math.min(
            MAX_CSAT_MONTHS,
            Math.max(1, monthsSpanned(calendarDayOf(firstAt, timeZone).slice(0, 7), calendarDayOf(now, timeZone).slice(0, 7))),
          ),
        );
  return { overall: deriveSatisfactionFigures(points), months, complete };
}

/**
 * How a complaint ended: resolved on or before its due day (the day of its last update, which
 * is when it was marked resolved), resolved after, or still open — overdue once its due day passed.
 */
export function toComplaintOutcome(
  complaint: { status: 'open' | 'in-progress' | 'resolved'; due: string; updatedAt: string },
  today: string,
  timeZone: string,
): { outcome: ComplaintOutcome; resolvedOn: string | null } {
  if (complaint.status === 'resolved') {
    const resolvedOn = calendarDayOf(Date.parse(complaint.updatedAt), timeZone);
    return { outcome: resolvedOn <= complaint.due ? 'resolved-on-time' : 'resolved-late', resolvedOn };
  }
  return { outcome: isComplaintOverdue(complaint, today) ? 'open-overdue' : 'open', resolvedOn: null };
}

/** The complaints (feedback that opened one), oldest first, with how each ended and the counts. */
export function deriveComplaintOutcomes(
  feedback: readonly FeedbackEntryJson[],
  complete: boolean,
  now: number,
  timeZone: string,
): ClosingReportJson['complaints'] {
  const today = calendarDayOf(now, timeZone);
  const items: ClosingComplaintJson[] = feedback
    .flatMap((f) => (f.complaint ? [{ f, c: f.complaint }] : []))
    .sort((a, b) => (a.c.openedAt < b.c.openedAt ? -1 : a.c.openedAt > b.c.openedAt ? 1 : 0))
    .map(({ f, c }) => ({
      id: f.id,
      openedOn: calendarDayOf(Date.parse(c.openedAt), timeZone),
      rating: f.rating,
      due: c.due,
      status: c.status,
      ...toComplaintOutcome(c, today, timeZone),
      comment: f.comment,
      resolutionNote: c.resolutionNote,
      jiraIssueKey: c.jiraIssueKey,
    }));
  const outcomes = { 'resolved-on-time': 0, 'resolved-late': 0, open: 0, 'open-overdue': 0 };
  for (const item of items) outcomes[item.outcome] += 1;
  return { items, outcomes, complete };
}

/** The retro as the team's report shows it. */
export function toReportRetro(retro: RetroJson): ClosingRetroJson {
  return {
    heldOn: retro.heldOn,
    participants: retro.participants.map(({ name, side }) => ({ name, side })),
    wentWell: retro.wentWell.map((i) => i.text),
    toChange: retro.toChange.map((i) => i.text),
    actions: retro.actions.map(({ text, owner, due, jiraIssueKey }) => ({ text, owner, due, jiraIssueKey })),
    internalNote: retro.internalNote,
  };
}

export interface ClosingInputs {
  project: { key: string; name: string };
  clientName: string;
  kpiDays: readonly KpiDay[];
  kpisComplete: boolean;
  milestones: readonly MilestoneFacts[];
  changeRequests: readonly ChangeRequestJson[];
  changesComplete: boolean;
  feedback: readonly FeedbackEntryJson[];
  feedbackComplete: boolean;
  retro: RetroJson;
  /** The first day the app knew of (the project's first KPI point or report), if any. */
  startDay: string | null;
  now: number;
  timeZone: string;
}

/** The team's closing report: everything, internal notes and Jira keys included. */
export function deriveClosingReport(input: ClosingInputs): ClosingReportJson {
  const today = calendarDayOf(input.now, input.timeZone);
  const feedbackStart = input.feedback.reduce<string | null>((min, f) => {
    const day = calendarDayOf(Date.parse(f.createdAt), input.timeZone);
    return min === null || day < min ? day : min;
  }, null);
  const starts = [input.startDay, input.kpiDays[0]?.day ?? null, feedbackStart].filter((d): d is string => d !== null);
  return {
    audience: 'internal',
    project: input.project,
    clientName: input.clientName,
    asOf: new Date(input.now).toISOString(),
    period: { start: starts.reduce((a, b) => (b < a ? b : a), today), end: today },
    kpis: deriveLifeKpis(input.kpiDays, input.kpisComplete),
    milestones: deriveMilestonesPlannedVsActual(input.milestones, input.changeRequests),
    changes: deriveChangeSummary(input.changeRequests, input.changesComplete, input.timeZone),
    satisfaction: deriveSatisfactionOverLife(input.feedback, input.feedbackComplete, input.now, input.timeZone),
    complaints: deriveComplaintOutcomes(input.feedback, input.feedbackComplete, input.now, input.timeZone),
    retro: toReportRetro(input.retro),
  };
}

/**
 * The client's version (DESIGN.md §5.1): no internal notes, no Jira keys, no linked issues, no
 * request still inside the team, and of complaints only when and how they ended (not other
 * people's comments or the team's resolution notes). Milestones are Jira versions, which the
 * client's status report shows too (archived ones were left out before).
 */
export function toClientClosingReport(report: ClosingReportJson): ClosingReportJson {
  const clientChanges = report.changes.items.filter((c) => CLIENT_CHANGE_STATUSES.includes(c.status));
  return {
    ...report,
    audience: 'client',
    changes: {
      ...report.changes,
      items: clientChanges.map(({ internalNote: _note, linkedIssueKeys: _keys, ...rest }) => rest),
      byStatus: report.changes.byStatus.filter((s) => CLIENT_CHANGE_STATUSES.includes(s.status)),
    },
    complaints: {
      ...report.complaints,
      items: report.complaints.items.map(({ comment: _c, resolutionNote: _r, jiraIssueKey: _k, ...rest }) => rest),
    },
    retro: {
      heldOn: report.retro.heldOn,
      participants: report.retro.participants,
      wentWell: report.retro.wentWell,
      toChange: report.retro.toChange,
      actions: report.retro.actions.map(({ text, owner, due }) => ({ text, owner, due })),
    },
  };
}
