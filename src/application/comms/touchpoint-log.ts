import type { CommsPlanJson, TouchpointJson } from '../../../contract/comms';
import { AppError } from '../app-error';
import { touchpointKind } from '../records/record-kinds';
import { listAll, type RecordStore } from '../storage';
import { getCommsPlan } from './comms-plan';
import { findAgendaForTouchpoint } from './saved-agenda';

/** The project's touchpoints, newest first. */
export async function listTouchpoints(records: RecordStore, projectId: string): Promise<TouchpointJson[]> {
  return listAll(records.collection(touchpointKind, projectId), { order: 'newest' });
}

/**
 * Logs a touchpoint, or replaces the one with its id (minutes are edited after the meeting).
 * Its series must be one of the plan's; Jira issue keys already created from its action items
 * are kept, so an editor working from an older copy cannot drop the link.
 * @throws AppError INVALID_PAYLOAD (with the field) when the series is not in the plan.
 */
export async function logTouchpoint(records: RecordStore, projectId: string, touchpoint: TouchpointJson): Promise<TouchpointJson> {
  const plan = await getCommsPlan(records, projectId);
  assertSeriesInPlan(plan.value, touchpoint);
  const log = records.collection(touchpointKind, projectId);
  const { value: previous, revision } = await log.getRevisioned(touchpoint.id);
  const keys = new Map((previous?.actionItems ?? []).flatMap((item) => (item.jiraIssueKey ? [[item.id, item.jiraIssueKey] as const] : [])));
  // A meeting logged for the first time takes the agenda the PM saved for it.
  const agenda =
    touchpoint.agenda ??
    previous?.agenda ??
    (previous === undefined && touchpoint.seriesId !== null
      ? await findAgendaForTouchpoint(records, projectId, touchpoint.seriesId, touchpoint.date)
      : null);
  const merged: TouchpointJson = {
    ...touchpoint,
    ...(agenda ? { agenda } : {}),
    actionItems: touchpoint.actionItems.map((item) => ({ ...item, jiraIssueKey: item.jiraIssueKey ?? keys.get(item.id) ?? null })),
  };
  await log.save(merged, revision);
  return merged;
}

function assertSeriesInPlan(plan: CommsPlanJson, touchpoint: TouchpointJson): void {
  if (touchpoint.seriesId !== null && !plan.series.some((s) => s.id === touchpoint.seriesId)) {
    throw new AppError('INVALID_PAYLOAD', 'The touchpoint names a series that is not in the plan.', {
      fields: [{ path: 'touchpoint.seriesId', message: 'a series of this plan' }],
    });
  }
}
