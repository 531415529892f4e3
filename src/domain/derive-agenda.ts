import type { AgendaJson, TouchpointJson, TouchpointSeriesJson } from '../../contract/comms';
import type { ReportSectionsJson } from '../../contract/report';
import { deriveNextOccurrences, toZonedDay } from './cadence';

/**
 * A draft agenda for the next touchpoint of `series`, at `now`.
 *
 * - Action items: every open item of the series' touchpoints and of ad-hoc ones (an ad-hoc
 *   meeting's items are owed to every series), oldest touchpoint first; an item is overdue when
 *   its due date is before today in the series' zone (an item with no due date never is).
 * - Risks and blockers: flagged issues, blocked ones (with their blockers), then high-risk ones,
 *   each issue once; what waits on the client is listed apart. Both come from the internal
 *   report of the snapshot (`sections`), and are empty without one.
 * - Decisions due: the open questions of the series' last logged touchpoint.
 */
export function deriveAgenda(
  series: TouchpointSeriesJson,
  touchpoints: readonly TouchpointJson[],
  report: { sections: ReportSectionsJson; asOf: string } | null,
  now: Date,
): AgendaJson {
  const today = toZonedDay(now, series.timeZone);
  const own = touchpoints
    .filter((t) => t.seriesId === series.id || t.seriesId === null)
    .slice()
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1));
  const open = own.flatMap((t) =>
    t.actionItems.filter((i) => i.status === 'open').map((item) => ({ touchpointId: t.id, touchpointDate: t.date, item })),
  );
  const isOverdue = (due: string | null) => due !== null && due < today;
  const last = own.filter((t) => t.seriesId === series.id).at(-1);
  const next = deriveNextOccurrences(series, now, 1)[0];

  const seen = new Set<string>();
  const risks: AgendaJson['risksAndBlockers'] = [];
  const push = (
    issue: { key: string; summary: string; due: string | null },
    reason: 'flagged' | 'blocked' | 'high-risk',
    blockedBy: string[] = [],
  ) => {
    if (seen.has(issue.key)) return;
    seen.add(issue.key);
    risks.push({ key: issue.key, summary: issue.summary, reason, blockedBy, due: issue.due });
  };
  if (report) {
    report.sections.risks.flagged.forEach((issue) => push(issue, 'flagged'));
    report.sections.risks.blocked.forEach((b) => push(b.issue, 'blocked', b.blockedBy));
    report.sections.risks.topRisks.filter((r) => r.level === 'high').forEach((r) => push(r.issue, 'high-risk'));
  }
  return {
    seriesId: series.id,
    next: next ? { day: next.day, at: next.at.toISOString() } : null,
    openActionItems: open.filter((o) => !isOverdue(o.item.due)),
    overdueActionItems: open.filter((o) => isOverdue(o.item.due)),
    risksAndBlockers: risks,
    waitingOnClient: (report?.sections.waitingOnClient ?? []).map((issue) => ({
      key: issue.key,
      summary: issue.summary,
      reason: 'waiting-on-client' as const,
      blockedBy: [],
      due: issue.due,
    })),
    decisionsDue: (last?.openQuestions ?? []).map((question) => ({ touchpointId: last?.id ?? '', question })),
    jiraAsOf: report?.asOf ?? null,
  };
}
