import { markProjectDirty } from './mark-project-dirty';
import type { Clock, RefreshQueue } from './ports';
import type { RecordStore } from './storage';
import { trackedProjectKind } from './records/record-kinds';
import { SITE_PARTITION } from './storage';

/** How many changes since the last refresh make a background refresh worth queuing. */
export const REFRESH_AFTER_CHANGES = 25;

/**
 * Marks a tracked project's derived data stale after an issue event; queues a background
 * refresh once enough has changed. Events for projects the app does not follow are ignored.
 */
export async function recordIssueChange(
  deps: { records: RecordStore; clock: Clock; queue: RefreshQueue },
  project: { id: string; key: string },
): Promise<'ignored' | 'marked' | 'queued'> {
  const tracked = await deps.records.collection(trackedProjectKind, SITE_PARTITION).get(project.id);
  if (!tracked) return 'ignored';
  const marker = await markProjectDirty(deps.records, project.id, deps.clock.now());
  if (marker.changes % REFRESH_AFTER_CHANGES !== 0) return 'marked';
  await deps.queue.requestRefresh(project.id, project.key);
  return 'queued';
}
