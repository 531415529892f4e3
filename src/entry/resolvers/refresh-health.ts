import { isAppError } from '../../application/app-error';
import { getProjectSettings } from '../../application/project-settings';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { refreshSnapshot } from '../../application/snapshot/refresh-snapshot';
import { recordStore, syncDeps } from '../compose';

/** A records write re-derives the snapshot (the health tiles) within this time; a large project continues in the background. */
const RECORDS_REFRESH_BUDGET_MS = 8_000;

/**
 * The snapshot holds the health the Overview shows: re-derive it after a write that moves a
 * dimension (the comms plan and log, feedback, change requests, risks), as a settings save
 * does. The write is kept whatever happens here: a refresh that fails is left to the next one.
 */
export async function refreshHealth(project: { id: string; key: string }): Promise<void> {
  const snapshot = await readSnapshot(recordStore, project.id);
  if (!snapshot.value) return;
  const settings = await getProjectSettings(recordStore, project.id);
  await refreshSnapshot(syncDeps('resolver'), project, settings.value, { budgetMs: RECORDS_REFRESH_BUDGET_MS }).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
}
