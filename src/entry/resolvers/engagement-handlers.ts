import { getEngagement, readKickOffChecklist, saveEngagement } from '../../application/engagement/engagement';
import { permissionSource, recordStore, systemClock } from '../compose';
import { allows, authorizeProjectAccess } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';

/** The engagement (issue 13): anyone who may browse reads; Edit Issues writes. */
export const engagementHandlers = {
  'engagement/get': defineResolver('engagement/get', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const engagement = await getEngagement(recordStore, project.id);
    return { engagement: engagement.value, revision: engagement.revision, canEdit: allows(permissions, 'write') };
  }),
  'engagement/save': defineResolver('engagement/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const saved = await saveEngagement(recordStore, project.id, {
      engagement: payload.engagement,
      revision: payload.revision,
      now: systemClock.now(),
    });
    // The budget moves the cost dimension, the phase the communication one and the support section.
    await refreshHealth(project);
    return { engagement: saved.value, revision: saved.revision, canEdit: true };
  }),
  'engagement/checklist': defineResolver('engagement/checklist', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return readKickOffChecklist(recordStore, project.id);
  }),
};
