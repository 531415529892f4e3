import type { CommunicationInput, MinutesEntry } from '../../domain/project-data';
import { assessTouchpoints } from '../../domain/assess-touchpoints';
import type { RecordStore } from '../storage';
import { activeSeries } from '../../domain/series-phase';
import { getEngagement } from '../engagement/engagement';
import { getCommsPlan } from './comms-plan';
import { listTouchpoints } from './touchpoint-log';

/**
 * What the communication dimension reads (DESIGN.md §5.3): one entry per series that has come
 * due. A series with a missed occurrence gives its earliest outstanding occurrence, undone,
 * whose lateness the health rule measures against the grace period; a series whose occurrences
 * are all kept gives a done entry (it counts as a touchpoint, none late). Series not started
 * yet give nothing, so a plan with nothing due yet leaves the dimension grey rather than green.
 *
 * `minutes` carries the log for the report's decisions and action items; a touchpoint counts as
 * held with the client only when its series' audience names a client stakeholder (an ad-hoc
 * touchpoint, or one whose series is gone, is internal).
 *
 * Only the series that run in the engagement's phase give entries (`isSeriesActive`): in support
 * the support cadence, outside it the delivery one; the log's minutes keep every series.
 */
export async function readCommunicationInput(records: RecordStore, projectId: string, now: number): Promise<CommunicationInput> {
  const [plan, touchpoints, engagement] = await Promise.all([
    getCommsPlan(records, projectId),
    listTouchpoints(records, projectId),
    getEngagement(records, projectId),
  ]);
  // Only the series that run in the engagement's phase count (the support cadence in support).
  const statuses = assessTouchpoints(activeSeries(plan.value.series, engagement.value.phase), touchpoints, new Date(now));
  const clientIds = new Set(plan.value.stakeholders.filter((s) => s.side === 'client').map((s) => s.id));
  const seriesById = new Map(plan.value.series.map((s) => [s.id, s]));
  const minutes = touchpoints.map((tp): MinutesEntry => {
    const series = tp.seriesId === null ? undefined : seriesById.get(tp.seriesId);
    return {
      date: tp.date,
      seriesTitle: series?.title ?? null,
      withClient: series !== undefined && series.audience.some((id) => clientIds.has(id)),
      decisions: tp.decisions,
      actionItems: tp.actionItems.map(({ text, ownerSide, ownerName, due, status, jiraIssueKey }) => ({
        text,
        ownerSide,
        ownerName,
        due,
        status,
        jiraIssueKey,
      })),
    };
  });
  return {
    minutes,
    touchpoints: statuses.flatMap(({ series, status }): CommunicationInput['touchpoints'] => {
      if (status.outstanding)
        return [{ title: series.title, dueAt: status.outstanding.at.getTime(), graceDays: series.graceDays, doneAt: null }];
      if (status.state === 'on-track' || status.state === 'ended')
        return [{ title: series.title, dueAt: now, graceDays: series.graceDays, doneAt: now }];
      return [];
    }),
  };
}
