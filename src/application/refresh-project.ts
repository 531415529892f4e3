import type { Clock, IssueSource, Store } from './ports';

/**
 * Background refresh of one project: re-reads what the snapshot needs and clears the
 * change marker. Later issues extend this to the cached issue set.
 */
export async function refreshProject(
  deps: { issues: IssueSource; store: Store; clock: Clock },
  project: { id: string; key: string },
): Promise<void> {
  const counts = await deps.issues.countByStatusCategory(project.key);
  await deps.store.saveKpiSnapshot({ projectId: project.id, capturedAt: deps.clock.now().toISOString(), counts });
  await deps.store.clearChangeMarker(project.id);
}
