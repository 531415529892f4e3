import type { Clock, RefreshQueue, Store } from './ports';

/** How many changes since the last refresh make a background refresh worth queuing. */
export const REFRESH_AFTER_CHANGES = 25;

/**
 * Marks a tracked project's derived data stale after an issue event; queues a background
 * refresh once enough has changed. Events for projects the app does not follow are ignored.
 */
export async function recordIssueChange(
  deps: { store: Store; clock: Clock; queue: RefreshQueue },
  project: { id: string; key: string },
): Promise<'ignored' | 'marked' | 'queued'> {
  const tracked = await deps.store.listTrackedProjects();
  if (!tracked.some((p) => p.id === project.id)) return 'ignored';
  const marker = await deps.store.markProjectDirty(project.id, deps.clock.now());
  if (marker.changes % REFRESH_AFTER_CHANGES !== 0) return 'marked';
  await deps.queue.requestRefresh(project.id, project.key);
  return 'queued';
}
