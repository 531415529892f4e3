import { markProjectRefreshed } from './mark-project-dirty';
import type { Clock, IssueSource } from './ports';
import { changeMarkerKind, kpiHistoryKind } from './records/record-kinds';
import type { RecordStore } from './storage';

/**
 * Background refresh of one project: re-reads what the snapshot needs, then marks the project
 * clean unless more changes arrived meanwhile. Later issues extend this to the cached issue set.
 */
export async function refreshProject(
  deps: { issues: IssueSource; records: RecordStore; clock: Clock },
  project: { id: string; key: string },
): Promise<void> {
  const seen = await deps.records.document(changeMarkerKind, project.id).get();
  const counts = await deps.issues.countByStatusCategory(project.key);
  await deps.records.collection(kpiHistoryKind, project.id).put({ capturedAt: deps.clock.now().toISOString(), counts });
  await markProjectRefreshed(deps.records, project.id, seen.revision);
}
