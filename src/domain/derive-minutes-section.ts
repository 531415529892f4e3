import type { ReportPeriod } from './derive-report-sections';
import { calendarDayOf } from './issue-rules';
import type { MinutesEntry } from './project-data';

/** A decision of a touchpoint held in the report period. */
export interface ReportDecision {
  text: string;
  /** The touchpoint's day (`YYYY-MM-DD`). */
  date: string;
  /** Its series' title, or null for an ad-hoc touchpoint. */
  seriesTitle: string | null;
}

/** An action item of the report. */
export interface ReportActionItem {
  text: string;
  ownerSide: 'client' | 'internal';
  ownerName: string;
  due: string | null;
  status: 'open' | 'done' | 'dropped';
  jiraIssueKey: string | null;
  /** Open and due before today (in the project's zone). */
  overdue: boolean;
  /** The touchpoint's day. */
  date: string;
}

export interface MinutesSection {
  decisions: readonly ReportDecision[];
  actionItems: readonly ReportActionItem[];
}

export const NO_MINUTES: MinutesSection = { decisions: [], actionItems: [] };

/**
 * The report's "decisions and action items" (DESIGN §5.2), from the touchpoint log. Pure.
 *
 * - **Decisions**: those of touchpoints whose day lies in the period (both ends, as days in the
 *   project's zone), oldest touchpoint first, in the order they were written.
 * - **Action items**: every open one, whatever its touchpoint's day, and those done or dropped
 *   at a touchpoint in the period (the log keeps no closing date, so the touchpoint's day
 *   stands for it). Overdue open ones first, then by due day (undated last), then touchpoint day.
 * - **Client audience**: only entries of touchpoints held with the client (`withClient`: the
 *   series' audience names a client stakeholder). An item owned by the client but minuted in an
 *   internal-only meeting stays internal: its wording was never meant for the client, and
 *   showing it would reveal the meeting. One rule, so nothing of an internal meeting can leak.
 */
export function deriveMinutesSection(
  minutes: readonly MinutesEntry[],
  period: ReportPeriod,
  timeZone: string,
  audience: 'internal' | 'client',
): MinutesSection {
  const start = calendarDayOf(period.start, timeZone);
  const today = calendarDayOf(period.end, timeZone);
  const entries = [...minutes]
    .filter((m) => audience === 'internal' || m.withClient)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const decisions: ReportDecision[] = [];
  const actionItems: ReportActionItem[] = [];
  for (const entry of entries) {
    const inPeriod = entry.date >= start && entry.date <= today;
    if (inPeriod) for (const text of entry.decisions) decisions.push({ text, date: entry.date, seriesTitle: entry.seriesTitle });
    for (const item of entry.actionItems) {
      if (item.status !== 'open' && !inPeriod) continue;
      actionItems.push({
        text: item.text,
        ownerSide: item.ownerSide,
        ownerName: item.ownerName,
        due: item.due,
        status: item.status,
        jiraIssueKey: item.jiraIssueKey,
        overdue: item.status === 'open' && item.due !== null && item.due < today,
        date: entry.date,
      });
    }
  }
  const rank = (i: ReportActionItem): number => (i.overdue ? 0 : i.status === 'open' ? 1 : 2);
  // Stable sort: ties keep the touchpoint order.
  actionItems.sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.due !== b.due) {
      if (a.due === null) return 1;
      if (b.due === null) return -1;
      return a.due < b.due ? -1 : 1;
    }
    return 0;
  });
  return { decisions, actionItems };
}
