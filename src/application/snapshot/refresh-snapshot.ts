import type { ProjectSettingsJson } from '../../../contract/settings';
import type { SyncStatus } from '../../../contract/sync';
import { isAppError } from '../app-error';
import { beginSync, getSyncStatus, INLINE_SYNC_MAX_ISSUES, runSync, type SyncDeps, type SyncQueue, type SyncTarget } from './sync-project';

/**
 * Brings the project's snapshot up to date from a resolver (first open, Refresh): joins a
 * running sync, or starts one and runs it within `budgetMs` when the project is small; a
 * large project (or one not done in time) continues in the async consumer. Answers the status.
 */
export async function refreshSnapshot(
  deps: SyncDeps & { queue: SyncQueue },
  project: SyncTarget,
  settings: ProjectSettingsJson,
  options: { budgetMs: number; full?: boolean },
): Promise<SyncStatus> {
  const begun = await beginSync(deps, project, options.full ? { full: true } : {});
  if (begun.owned) {
    const deadline = deps.clock.now().getTime() + options.budgetMs;
    const finished = await runSync(deps, project, settings, begun.state, { deadline, handOffAboveIssues: INLINE_SYNC_MAX_ISSUES }).catch(
      (error: unknown) => {
        // The failure is in the sync state: the status below tells the UI, which offers a retry.
        if (isAppError(error)) return true;
        throw error;
      },
    );
    if (!finished) await deps.queue.requestRefresh(project.id, project.key);
  }
  return getSyncStatus(deps.records, project.id);
}

/**
 * One chunk of a sync in the async consumer (up to 900 s): resumes the project's sync (or
 * starts one), runs it until `budgetMs`, and queues the next chunk when not done. A sync
 * another invocation holds is left to it.
 */
export async function continueSnapshotSync(
  deps: SyncDeps & { queue: SyncQueue },
  project: SyncTarget,
  settings: ProjectSettingsJson,
  budgetMs: number,
): Promise<'done' | 'continued' | 'busy'> {
  const begun = await beginSync(deps, project);
  if (!begun.owned) return 'busy';
  const finished = await runSync(deps, project, settings, begun.state, { deadline: deps.clock.now().getTime() + budgetMs });
  if (finished) return 'done';
  await deps.queue.requestRefresh(project.id, project.key);
  return 'continued';
}
