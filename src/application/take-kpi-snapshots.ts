import { isAppError } from './app-error';
import type { Clock, IssueSource, Store } from './ports';

export interface SnapshotRun {
  taken: string[];
  failed: { projectKey: string; code: string }[];
}

/**
 * Takes today's snapshot of every tracked project. One project failing does not stop the
 * others; its failure is reported so the scheduler's log shows it.
 */
export async function takeKpiSnapshots(deps: { issues: IssueSource; store: Store; clock: Clock }): Promise<SnapshotRun> {
  const run: SnapshotRun = { taken: [], failed: [] };
  for (const project of await deps.store.listTrackedProjects()) {
    try {
      const counts = await deps.issues.countByStatusCategory(project.key);
      await deps.store.saveKpiSnapshot({ projectId: project.id, capturedAt: deps.clock.now().toISOString(), counts });
      run.taken.push(project.key);
    } catch (error) {
      run.failed.push({ projectKey: project.key, code: isAppError(error) ? error.code : 'INTERNAL' });
    }
  }
  return run;
}
