import { deleteProjectData, exportProjectData } from '../../application/project-data';
import { getProjectSettings, saveProjectSettings } from '../../application/project-settings';
import { isAppError } from '../../application/app-error';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { refreshSnapshot } from '../../application/snapshot/refresh-snapshot';
import type { ProjectSettingsJson } from '../../../contract/settings';
import { permissionSource, recordStore, secretStore, syncDeps, systemClock } from '../compose';

/** A settings save re-derives the snapshot within this time; a large project continues in the background. */
const SETTINGS_REFRESH_BUDGET_MS = 12_000;

function readSettingsChanged(before: ProjectSettingsJson, after: ProjectSettingsJson): boolean {
  return (
    before.timeZone !== after.timeZone ||
    JSON.stringify(before.fieldOverrides) !== JSON.stringify(after.fieldOverrides) ||
    JSON.stringify(before.blockingLinkTypes) !== JSON.stringify(after.blockingLinkTypes) ||
    // Whose changelog is read depends on them (an issue waiting on the client needs its history).
    JSON.stringify(before.waitingOnClientStatuses) !== JSON.stringify(after.waitingOnClientStatuses)
  );
}
import { allows, authorizeProjectAccess } from './authorize';
import { defineResolver } from './define-resolver';

/** Settings and the project's data: anyone who may browse reads settings; only project admins change or delete. */
export const settingsHandlers = {
  'settings/get': defineResolver('settings/get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    return { settings: settings.value, revision: settings.revision, canEdit: allows(permissions, 'admin') };
  }),
  'settings/save': defineResolver('settings/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    const previous = await getProjectSettings(recordStore, project.id);
    const saved = await saveProjectSettings(recordStore, project.id, payload.settings, payload.revision);
    // The pages open from the snapshot: re-derive it with the new settings (a full read when what
    // is read from Jira changes: field overrides, blocking link types, the time zone, waiting statuses).
    const snapshot = await readSnapshot(recordStore, project.id);
    if (snapshot.value) {
      await refreshSnapshot(syncDeps('resolver'), project, saved.value, {
        budgetMs: SETTINGS_REFRESH_BUDGET_MS,
        full: readSettingsChanged(previous.value, saved.value),
      }).catch((error: unknown) => {
        // The settings are saved; the snapshot catches up on the next open (it knows its settings revision).
        if (!isAppError(error)) throw error;
      });
    }
    return { settings: saved.value, revision: saved.revision, canEdit: true };
  }),
  'project/export': defineResolver('project/export', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    return exportProjectData(recordStore, project, systemClock.now());
  }),
  'project/delete-data': defineResolver('project/delete-data', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    const deleted = await deleteProjectData(recordStore, project, payload.confirmProjectKey);
    // The mail provider's key is a secret, not a record: it goes with the project's data.
    await secretStore.delete('mail-api-key', project.id);
    return { deleted };
  }),
};
