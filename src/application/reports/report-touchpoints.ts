/**
 * A published status report is the touchpoint of its series (issue 11, DESIGN.md §5.5): each
 * status-report series of the communication plan gets the day's touchpoint, so the series is
 * kept, the communication KPI and the reminders count it, and the log says which report it was.
 */
import { createHash } from 'node:crypto';
import type { TouchpointJson } from '../../../contract/comms';
import type { PublishedReportHead } from '../../../contract/reports';
import { calendarDayOf } from '../../domain/issue-rules';
import { getCommsPlan } from '../comms/comms-plan';
import { touchpointKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

/** One id per report and series, so a retried publish logs nothing twice. */
export function reportTouchpointId(reportId: string, seriesId: string): string {
  return `report-${reportId}-${createHash('sha256').update(seriesId).digest('hex').slice(0, 16)}`;
}

/**
 * Logs the report as the touchpoint of every status-report series of the plan, on the day it
 * was published in the series' zone. Series that ended before that day are left alone.
 * @returns the touchpoints created now (none on a retry).
 */
export async function logReportTouchpoints(records: RecordStore, projectId: string, head: PublishedReportHead): Promise<TouchpointJson[]> {
  const plan = await getCommsPlan(records, projectId);
  const log = records.collection(touchpointKind, projectId);
  const created: TouchpointJson[] = [];
  for (const series of plan.value.series) {
    if (series.kind !== 'status-report') continue;
    const date = calendarDayOf(Date.parse(head.publishedAt), series.timeZone);
    if (series.endDate !== null && date > series.endDate) continue;
    const touchpoint: TouchpointJson = {
      id: reportTouchpointId(head.id, series.id),
      seriesId: series.id,
      date,
      attendees: [],
      decisions: [],
      actionItems: [],
      openQuestions: [],
      publishedReport: { reportId: head.id, version: head.version },
    };
    if ((await log.add(touchpoint)) === 'created') created.push(touchpoint);
  }
  return created;
}
