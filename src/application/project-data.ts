import type { ProjectExport } from '../../contract';
import { AppError } from './app-error';
import { RECORD_KINDS, settingsKind, trackedProjectKind } from './records/record-kinds';
import type { AnyRecordKind } from './records/record-kind';
import { listAll, SITE_PARTITION, type RecordStore } from './storage';

/** The project's own kinds: every project-scoped one, plus its entry in the site's tracked list. */
async function recordsOfKind(records: RecordStore, kind: AnyRecordKind, projectId: string): Promise<unknown[]> {
  if (kind === trackedProjectKind) {
    const tracked = await records.collection(trackedProjectKind, SITE_PARTITION).get(projectId);
    return tracked ? [tracked] : [];
  }
  if (kind.scope !== 'project') return [];
  if (kind.shape === 'document') {
    const document = await records.document<unknown>(kind, projectId).get();
    return document.value === undefined ? [] : [document.value];
  }
  return listAll<unknown>(records.collection(kind, projectId));
}

/**
 * Every record the app keeps for one project, as one JSON document: each kind's records,
 * validated and migrated to the current schema version (DESIGN.md §7).
 */
export async function exportProjectData(records: RecordStore, project: { id: string; key: string }, now: Date): Promise<ProjectExport> {
  const byKind: Record<string, unknown[]> = {};
  for (const kind of RECORD_KINDS) byKind[kind.name] = await recordsOfKind(records, kind, project.id);
  return {
    format: 'client-followup-export',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    project: { id: project.id, key: project.key },
    records: byKind,
  };
}

/**
 * Deletes every record the app keeps for one project, including its place in the tracked
 * list (opening the project again starts afresh). Documents leave a tombstone with their
 * revision (no data), so a settings tab opened before the delete cannot save over a newer save. `confirmProjectKey` must repeat the key.
 * Answers how many records were deleted. Safe to run again after a partial failure.
 * @throws AppError INVALID_PAYLOAD when the confirmation does not match; storage errors as is.
 */
export async function deleteProjectData(
  records: RecordStore,
  project: { id: string; key: string },
  confirmProjectKey: string,
): Promise<number> {
  if (confirmProjectKey.trim() !== project.key) {
    throw new AppError('INVALID_PAYLOAD', `Type the project key ${project.key} to confirm deleting its data`);
  }
  let deleted = 0;
  // Derived data first and the PM's settings last: a failure part way (the caller may run the
  // delete again) loses what the app can rebuild before what only the PM can.
  const order = [...RECORD_KINDS.filter((kind) => kind !== settingsKind), settingsKind];
  for (const kind of order) {
    if (kind === trackedProjectKind) continue;
    if (kind.scope !== 'project') continue;
    if (kind.shape === 'document') {
      const document = records.document<unknown>(kind, project.id);
      if ((await document.get()).value !== undefined) deleted += 1;
      await document.delete();
      continue;
    }
    deleted += await records.collection(kind, project.id).clear();
  }
  // Last, so a failure above leaves the project tracked and the delete can be run again.
  const tracked = records.collection(trackedProjectKind, SITE_PARTITION);
  if (await tracked.get(project.id)) {
    await tracked.delete(project.id);
    deleted += 1;
  }
  return deleted;
}
