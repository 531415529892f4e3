import type { CommsPlanJson, TouchpointJson } from '../../../contract/comms';
import { AppError } from '../app-error';
import { touchpointKind } from '../records/record-kinds';
import { listAll, type RecordStore, type Revisioned } from '../storage';
import { getCommsPlan } from './comms-plan';
import { findAgendaForTouchpoint } from './saved-agenda';

/** The project's touchpoints, newest first. */
export async function listTouchpoints(records: RecordStore, projectId: string): Promise<TouchpointJson[]> {
  return listAll(records.collection(touchpointKind, projectId), { order: 'newest' });
}

/**
 * Logs a touchpoint, or replaces the one with its id (minutes are edited after the meeting),
 * over whatever is stored now (a concurrent write in between still gets CONFLICT).
 * Its series must be one of the plan's; Jira issue keys already created from its action items
 * are kept, so an editor working from an older copy cannot drop the link.
 * @throws AppError INVALID_PAYLOAD (with the field) when the series is not in the plan.
 */
export async function logTouchpoint(records: RecordStore, projectId: string, touchpoint: TouchpointJson): Promise<TouchpointJson> {
  return (await saveTouchpoint(records, projectId, touchpoint, null)).value;
}

/**
 * An edit of a logged touchpoint (date, attendees, decisions, action items, open questions),
 * saved only if `revision` is still the stored one (0: a new touchpoint), as `logTouchpoint`
 * otherwise; answers the new revision.
 * @throws AppError CONFLICT when someone saved the touchpoint since `revision` was read;
 *   INVALID_PAYLOAD as `logTouchpoint`.
 */
export async function editTouchpoint(
  records: RecordStore,
  projectId: string,
  touchpoint: TouchpointJson,
  revision: number,
): Promise<Revisioned<TouchpointJson>> {
  return saveTouchpoint(records, projectId, touchpoint, revision);
}

/** A touchpoint and its revision, for an editor. @throws AppError NOT_FOUND when there is none. */
export async function getTouchpoint(records: RecordStore, projectId: string, touchpointId: string): Promise<Revisioned<TouchpointJson>> {
  const stored = await records.collection(touchpointKind, projectId).getRevisioned(touchpointId);
  if (!stored.value) throw new AppError('NOT_FOUND', 'No such touchpoint');
  return { value: stored.value, revision: stored.revision };
}

/** `editTouchpoint` at `expectedRevision`, or, when null, `logTouchpoint` answering the revision too. */
export async function saveTouchpoint(
  records: RecordStore,
  projectId: string,
  touchpoint: TouchpointJson,
  expectedRevision: number | null,
): Promise<Revisioned<TouchpointJson>> {
  const plan = await getCommsPlan(records, projectId);
  assertSeriesInPlan(plan.value, touchpoint);
  const series = plan.value.series.find((s) => s.id === touchpoint.seriesId);
  const log = records.collection(touchpointKind, projectId);
  const { value: previous, revision } = await log.getRevisioned(touchpoint.id);
  if (expectedRevision !== null && expectedRevision !== revision) {
    throw new AppError('CONFLICT', 'Someone changed the touchpoint since it was opened');
  }
  const keys = new Map((previous?.actionItems ?? []).flatMap((item) => (item.jiraIssueKey ? [[item.id, item.jiraIssueKey] as const] : [])));
  // A meeting logged for the first time takes the agenda the PM saved for it.
  const agenda =
    touchpoint.agenda ??
    previous?.agenda ??
    (previous === undefined && series !== undefined ? await findAgendaForTouchpoint(records, projectId, series, touchpoint.date) : null);
  const merged: TouchpointJson = {
    ...touchpoint,
    ...(agenda ? { agenda } : {}),
    actionItems: touchpoint.actionItems.map((item) => ({ ...item, jiraIssueKey: item.jiraIssueKey ?? keys.get(item.id) ?? null })),
  };
  const saved = await log.save(merged, revision);
  return { value: merged, revision: saved.revision };
}

function assertSeriesInPlan(plan: CommsPlanJson, touchpoint: TouchpointJson): void {
  if (touchpoint.seriesId !== null && !plan.series.some((s) => s.id === touchpoint.seriesId)) {
    throw new AppError('INVALID_PAYLOAD', 'The touchpoint names a series that is not in the plan.', {
      fields: [{ path: 'touchpoint.seriesId', message: 'a series of this plan' }],
    });
  }
}
