import type { FeedbackEntryJson, SatisfactionSummaryJson } from '../../../contract/feedback';
import { toZonedInstant } from '../../domain/cadence';
import {
  deriveCsatTrend,
  deriveSatisfactionFigures,
  deriveTrendStartDay,
  selectWindow,
  type RatingPoint,
} from '../../domain/feedback/assess-satisfaction';
import { isComplaintOverdue } from '../../domain/feedback/complaint-rules';
import { addCalendarDays, calendarDayOf } from '../../domain/issue-rules';
import type { SatisfactionInput } from '../../domain/project-data';
import { getProjectSettings } from '../project-settings';
import { feedbackKind } from '../records/record-kinds';
import { listAll, type RecordStore } from '../storage';

export const TREND_MONTHS = 12;

const toPoint = (f: FeedbackEntryJson): RatingPoint => ({ at: Date.parse(f.createdAt), rating: f.rating, nps: f.nps });

/** Feedback since the start of `day` in the zone, page by page: a bounded window, never the whole collection. */
async function readSince(records: RecordStore, projectId: string, day: string, timeZone: string): Promise<FeedbackEntryJson[]> {
  return listAll(records.collection(feedbackKind, projectId), { from: toZonedInstant(day, '00:00', timeZone).toISOString() });
}

/** Unresolved complaints, whenever their feedback came: an old one left open still counts. */
async function readUnresolved(records: RecordStore, projectId: string): Promise<FeedbackEntryJson[]> {
  return listAll(records.collection(feedbackKind, projectId), { where: { unresolved: true } });
}

/**
 * What the satisfaction dimension reads (DESIGN.md §5.3): the ratings of the CSAT window and
 * the number of overdue complaints (unresolved, due before today in the project's zone).
 */
export async function readSatisfactionInput(records: RecordStore, projectId: string, now: number): Promise<SatisfactionInput> {
  const { value: settings } = await getProjectSettings(records, projectId);
  const { timeZone } = settings;
  const today = calendarDayOf(now, timeZone);
  const [recent, unresolved] = await Promise.all([
    readSince(records, projectId, addCalendarDays(today, -settings.thresholds.csatWindowDays + 1), timeZone),
    readUnresolved(records, projectId),
  ]);
  return {
    ratings: recent.map((f) => ({ at: Date.parse(f.createdAt), rating: f.rating })),
    overdueComplaints: unresolved.filter((f) => f.complaint && isComplaintOverdue(f.complaint, today)).length,
  };
}

/**
 * The Feedback section's summary: CSAT and NPS over the window with their response counts, the
 * complaints, and the monthly trend of the last twelve months.
 */
export async function getSatisfactionSummary(
  records: RecordStore,
  projectId: string,
  now: number,
): Promise<Omit<SatisfactionSummaryJson, 'canEdit'>> {
  const { value: settings } = await getProjectSettings(records, projectId);
  const { timeZone, thresholds } = settings;
  const today = calendarDayOf(now, timeZone);
  const windowStart = addCalendarDays(today, -thresholds.csatWindowDays + 1);
  const trendStart = deriveTrendStartDay(now, timeZone, TREND_MONTHS);
  const [recent, unresolved] = await Promise.all([
    readSince(records, projectId, windowStart < trendStart ? windowStart : trendStart, timeZone),
    readUnresolved(records, projectId),
  ]);
  const points = recent.map(toPoint);
  return {
    windowDays: thresholds.csatWindowDays,
    ...deriveSatisfactionFigures(selectWindow(points, now, timeZone, thresholds.csatWindowDays)),
    unresolvedComplaints: unresolved.length,
    overdueComplaints: unresolved.filter((f) => f.complaint && isComplaintOverdue(f.complaint, today)).length,
    trend: deriveCsatTrend(points, now, timeZone, TREND_MONTHS),
    complaintRatingMax: thresholds.complaintRatingMax,
  };
}
