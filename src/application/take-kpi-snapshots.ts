import { isAppError } from './app-error';
import type { Clock, IssueSource } from './ports';
import { kpiHistoryKind } from './records/record-kinds';
import type { RecordStore } from './storage';
import { listTrackedProjects } from './tracked-projects';

export interface SnapshotRun {
  taken: string[];
  failed: { projectKey: string; code: string }[];
}

/**
 * Takes today's snapshot of every tracked project. One project failing does not stop the
 * others; its failure is reported so the scheduler's log shows it.
 */
export async function takeKpiSnapshots(deps: { issues: IssueSource; records: RecordStore; clock: Clock }): Promise<SnapshotRun> {
  const run: SnapshotRun = { taken: [], failed: [] };
  for (const project of await listTrackedProjects(deps.records)) {
    try {
      const counts = await deps.issues.countByStatusCategory(project.key);
      await deps.records.collection(kpiHistoryKind, project.id).put({ capturedAt: deps.clock.now().toISOString(), counts });
      run.taken.push(project.key);
    } catch (error) {
      run.failed.push({ projectKey: project.key, code: isAppError(error) ? error.code : 'INTERNAL' });
    }
  }
  return run;
}
