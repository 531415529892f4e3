import { trackedProjectKind, type TrackedProject } from './records/record-kinds';
import { listAll, SITE_PARTITION, type RecordStore } from './storage';
import type { ProjectRef } from './ports';

/**
 * Records that the app follows a project, so background jobs look after it. Writes only
 * when the project is new or its key changed (keys can be renamed in Jira).
 */
export async function trackProject(records: RecordStore, project: Pick<ProjectRef, 'id' | 'key'>, at: Date): Promise<void> {
  const tracked = records.collection(trackedProjectKind, SITE_PARTITION);
  const existing = await tracked.get(project.id);
  if (existing?.key === project.key) return;
  await tracked.put({ id: project.id, key: project.key, firstSeenAt: existing?.firstSeenAt ?? at.toISOString() });
}

/** Every tracked project, oldest first. */
export async function listTrackedProjects(records: RecordStore): Promise<TrackedProject[]> {
  return listAll(records.collection(trackedProjectKind, SITE_PARTITION));
}
