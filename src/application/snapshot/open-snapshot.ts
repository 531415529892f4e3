import type { ProjectSettingsJson } from '../../../contract/settings';
import { AppError, isAppError } from '../app-error';
import type { Logger } from '../ports';
import type { Snapshot } from '../records/record-kinds';
import type { Revisioned } from '../storage';
import { trackProject } from '../tracked-projects';
import { readSnapshot, STORED_REPORT_FORMAT } from './project-cache';
import { refreshSnapshot } from './refresh-snapshot';
import { getSyncStatus, INLINE_SYNC_MAX_ISSUES, type SyncDeps, type SyncQueue, type SyncTarget } from './sync-project';

/** How often a call that joined someone else's first sync looks for the snapshot. */
const JOIN_POLL_MS = 250;

/**
 * The project's snapshot for a page or panel: the stored one (no Jira call), or on the first
 * open a sync — within the call for a small project. Also records the project as tracked so
 * the daily job looks after it (bookkeeping that never fails the read: logged instead).
 * @throws AppError NOT_READY while a large project's first sync runs in the background; the
 *   failed sync's code when it stopped; storage errors as is.
 */
export async function openSnapshot(
  deps: SyncDeps & { queue: SyncQueue; log: Logger },
  project: SyncTarget,
  settings: Revisioned<ProjectSettingsJson>,
  options: { budgetMs: number; wait: (ms: number) => Promise<void> },
): Promise<Snapshot> {
  const deadline = deps.clock.now().getTime() + options.budgetMs;
  const stored = await readSnapshot(deps.records, project.id);
  if (stored.value) {
    const currentFormat = stored.value.reportFormat === STORED_REPORT_FORMAT;
    if (stored.value.settingsRevision === settings.revision && currentFormat) return stored.value;
    // Derived with older settings (a save whose refresh did not finish) or by an older app (its
    // report reads no more): refresh now. With older settings a large project answers from the
    // old snapshot meanwhile, its age and the sync shown by the page; an old report's shape cannot
    // be read, so the page waits for the sync as on a first open.
    const status = await refreshSnapshot(deps, project, settings.value, options);
    const after = (await readSnapshot(deps.records, project.id)).value ?? stored.value;
    if (after.reportFormat === STORED_REPORT_FORMAT) return after;
    if (status.state === 'failed' && status.error) throw new AppError(status.error.code, status.error.message);
    throw new AppError('NOT_READY', `The snapshot of ${project.key} is being rebuilt`);
  }
  try {
    await trackProject(deps.records, project, deps.clock.now());
  } catch (error) {
    if (!isAppError(error)) throw error;
    deps.log.warn('tracking the project failed; the page answers anyway', { projectKey: project.key, code: error.code });
  }
  let status = await refreshSnapshot(deps, project, settings.value, options);
  for (;;) {
    const after = await readSnapshot(deps.records, project.id);
    if (after.value) return after.value;
    // Another invocation runs the first sync (two people opened the project at once): wait for
    // it while this call has time; a large project's sync outlasts that and answers NOT_READY.
    // A total not counted yet may still be small; a large one is synced by the consumer: answer at once.
    const small = (status.progress?.total ?? 0) <= INLINE_SYNC_MAX_ISSUES;
    if (status.state !== 'running' || !small || deps.clock.now().getTime() + JOIN_POLL_MS > deadline) break;
    await options.wait(JOIN_POLL_MS);
    status = await getSyncStatus(deps.records, project.id);
  }
  if (status.state === 'failed' && status.error) throw new AppError(status.error.code, status.error.message);
  throw new AppError('NOT_READY', `The first sync of ${project.key} is still running`);
}
