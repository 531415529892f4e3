import { deleteProjectData, exportProjectData } from '../../application/project-data';
import { getProjectSettings, saveProjectSettings } from '../../application/project-settings';
import { permissionSource, recordStore, systemClock } from '../compose';
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
    const saved = await saveProjectSettings(recordStore, project.id, payload.settings, payload.revision);
    return { settings: saved.value, revision: saved.revision, canEdit: true };
  }),
  'project/export': defineResolver('project/export', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    return exportProjectData(recordStore, project, systemClock.now());
  }),
  'project/delete-data': defineResolver('project/delete-data', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'admin', permissionSource());
    return { deleted: await deleteProjectData(recordStore, project, payload.confirmProjectKey) };
  }),
};
