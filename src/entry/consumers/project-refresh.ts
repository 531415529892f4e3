import { z } from 'zod';
import { getProjectSettings } from '../../application/project-settings';
import { continueSnapshotSync } from '../../application/snapshot/refresh-snapshot';
import { isAppError } from '../../application/app-error';
import { recordStore, syncDeps } from '../compose';

const refreshEventSchema = z.looseObject({
  body: z.object({ projectId: z.string(), projectKey: z.string() }),
});

/** Work per event, well inside the consumer's 900 s: the rest continues in the next queued event. */
const CHUNK_BUDGET_MS = 600_000;

/** Async consumer of the `project-refresh` queue: one chunk of the project's sync. */
export async function projectRefresh(event: unknown): Promise<void> {
  const parsed = refreshEventSchema.safeParse(event);
  if (!parsed.success) return;
  const project = { id: parsed.data.body.projectId, key: parsed.data.body.projectKey };
  try {
    const settings = await getProjectSettings(recordStore, project.id);
    await continueSnapshotSync(syncDeps('consumer'), project, settings.value, CHUNK_BUDGET_MS);
  } catch (error) {
    // Known failures are recorded in the sync state (the page offers a retry, which resumes);
    // retrying the event here would only repeat them.
    if (!isAppError(error)) throw error;
  }
}
