import { isAppError } from './app-error';
import { changeMarkerKind, type ChangeMarker } from './records/record-kinds';
import type { RecordStore } from './storage';

/**
 * Concurrent events on one project retry a conflicting increment this many times: each round
 * one of them wins, so a burst of N events needs up to N − 1 retries (a bulk edit fires many).
 */
const MAX_CONFLICT_RETRIES = 50;

/**
 * Counts one issue change on a project since its last refresh. The marker is a revisioned
 * document, so two events racing never lose an increment: the second save conflicts, re-reads
 * and increments again. `dirtySince` keeps the first unrefreshed change.
 * @throws AppError CONFLICT only after `MAX_CONFLICT_RETRIES` lost races; storage errors as is.
 */
export async function markProjectDirty(records: RecordStore, projectId: string, at: Date): Promise<ChangeMarker> {
  const document = records.document(changeMarkerKind, projectId);
  for (let attempt = 0; ; attempt += 1) {
    const current = await document.get();
    const next: ChangeMarker = {
      dirtySince: current.value?.dirtySince ?? at.toISOString(),
      changes: (current.value?.changes ?? 0) + 1,
    };
    try {
      return (await document.save(next, current.revision)).value;
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT' || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}

/**
 * Marks a project clean after a refresh that started when the marker was at `seenRevision`.
 * Changes counted since then keep the marker dirty: the conditional save fails and is left so.
 */
export async function markProjectRefreshed(records: RecordStore, projectId: string, seenRevision: number): Promise<boolean> {
  if (seenRevision === 0) return true;
  try {
    await records.document(changeMarkerKind, projectId).save({ dirtySince: null, changes: 0 }, seenRevision);
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return false;
    throw error;
  }
}
