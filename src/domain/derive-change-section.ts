import type { ChangeRequestJson } from '../../contract/changes';
import type { ChangeSectionJson, ClientChangeSectionJson, ReportChangeRequestJson } from '../../contract/change-report';
import { CHANGE_STATUSES } from '../../contract/change-impact';
import { sumImpact } from './change-requests';
import type { ReportPeriod } from './derive-report-sections';
import { calendarDayOf } from './issue-rules';

/** What the client may see: requests put to them and their decisions; never one still inside the team. */
const CLIENT_STATUSES: ReadonlySet<string> = new Set(['awaiting-client', 'approved', 'rejected', 'implemented']);

/**
 * The report's change-request section (DESIGN.md §5.2) for one audience.
 *
 * - **Items**: requests raised in the period (`createdAt` in it, both ends inclusive), decided in
 *   it (`decision.at` in it), or awaiting the client now whatever their age. Order: the lifecycle
 *   order of their status (awaiting client before approved …), then newest change first, then id.
 * - **Totals**: raised in the period; approved and rejected in the period (approvals with their
 *   impact summed); awaiting the client now, with their impact. An approved request implemented
 *   since still counts as approved in the period.
 * - **Client**: only requests awaiting the client or decided (approved, rejected, implemented),
 *   never the team's internal note or Jira keys; its totals count the same items, so "new"
 *   counts only new requests already put to the client.
 * - Decision days are calendar days in `timeZone`.
 */
export function deriveChangeSection(
  requests: readonly ChangeRequestJson[],
  period: ReportPeriod,
  timeZone: string,
  audience: 'internal',
): ChangeSectionJson;
export function deriveChangeSection(
  requests: readonly ChangeRequestJson[],
  period: ReportPeriod,
  timeZone: string,
  audience: 'client',
): ClientChangeSectionJson;
export function deriveChangeSection(
  requests: readonly ChangeRequestJson[],
  period: ReportPeriod,
  timeZone: string,
  audience: 'internal' | 'client',
): ChangeSectionJson | ClientChangeSectionJson {
  const inPeriod = (iso: string | undefined): boolean => {
    if (iso === undefined) return false;
    const ms = Date.parse(iso);
    return ms >= period.start && ms <= period.end;
  };
  const rows = requests
    .filter((r) => audience === 'internal' || CLIENT_STATUSES.has(r.status))
    .map((r) => ({ r, isNew: inPeriod(r.createdAt), decidedInPeriod: inPeriod(r.decision?.at) }))
    .filter(({ r, isNew, decidedInPeriod }) => isNew || decidedInPeriod || r.status === 'awaiting-client')
    .sort(
      (a, b) =>
        CHANGE_STATUSES.indexOf(a.r.status) - CHANGE_STATUSES.indexOf(b.r.status) ||
        b.r.updatedAt.localeCompare(a.r.updatedAt) ||
        (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0),
    );
  const approved = rows.filter((x) => x.decidedInPeriod && x.r.decision?.outcome === 'approved').map((x) => x.r);
  const totals = {
    new: rows.filter((x) => x.isNew).length,
    approved: sumImpact(approved),
    rejected: rows.filter((x) => x.decidedInPeriod && x.r.decision?.outcome === 'rejected').length,
    awaitingClient: sumImpact(rows.filter((x) => x.r.status === 'awaiting-client').map((x) => x.r)),
  };
  const items = rows.map(({ r, isNew, decidedInPeriod }): ReportChangeRequestJson => ({
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    requester: r.requester,
    isNew,
    decidedInPeriod,
    decision:
      r.decision === null
        ? null
        : {
            outcome: r.decision.outcome,
            by: r.decision.by,
            day: calendarDayOf(Date.parse(r.decision.at), timeZone),
            reason: r.decision.reason,
          },
    impact: r.impact,
    milestone:
      r.milestone === null
        ? null
        : { name: r.milestone.name, originalTarget: r.milestone.originalTarget, newTarget: r.milestone.newTarget },
    linkedIssueKeys: [...r.linkedIssueKeys],
  }));
  if (audience === 'internal') return { items, totals };
  return { items: items.map(({ linkedIssueKeys: _hidden, ...rest }) => rest), totals };
}
