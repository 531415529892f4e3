import { DEFAULT_PROJECT_SETTINGS, type ProjectSettingsJson } from '../../contract/settings';
import { settingsKind } from './records/record-kinds';
import type { RecordStore, Revisioned } from './storage';

/**
 * A project's settings and their revision: the stored document, or the defaults at revision 0
 * when the PM never saved any. A stored document that no longer reads (corrupt, or from a
 * newer app version) also gives the defaults, with its revision so the PM can save over it.
 * This is the one route by which settings reach every consumer (DESIGN.md §2).
 * @throws AppError STORAGE_UNAVAILABLE / RATE_LIMITED when storage cannot answer.
 */
export async function getProjectSettings(records: RecordStore, projectId: string): Promise<Revisioned<ProjectSettingsJson>> {
  const stored = await records.document(settingsKind, projectId).get();
  return { value: stored.value ?? DEFAULT_PROJECT_SETTINGS, revision: stored.revision };
}

/**
 * Saves the settings if `revision` is the one stored.
 * @throws AppError CONFLICT when someone saved since `revision` was read; INVALID_PAYLOAD when
 *   the settings do not validate; storage errors as is.
 */
export async function saveProjectSettings(
  records: RecordStore,
  projectId: string,
  settings: ProjectSettingsJson,
  revision: number,
): Promise<Revisioned<ProjectSettingsJson>> {
  return records.document(settingsKind, projectId).save(settings, revision);
}
