import {
  listChangeRequests,
  saveChangeRequest,
  summarizeChangeRequests,
  transitionStoredChangeRequest,
} from '../../application/changes/change-requests';
import { isAppError } from '../../application/app-error';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { permissionSource, recordStore, systemClock } from '../compose';
import { allows, authorizeProjectAccess } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';

/**
 * The write is acknowledged whatever the refresh meets: a storage error while reading what the
 * refresh needs must not turn a stored write into an error (the editor would retry into CONFLICT).
 */
async function refreshAfterWrite(project: { id: string; key: string }): Promise<void> {
  await refreshHealth(project).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
}

/** Change requests (issue 10): anyone who may browse reads; Edit Issues writes. Writes re-derive health (scope, schedule). */
export const changesHandlers = {
  'changes/list': defineResolver('changes/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const [page, totals, snapshot] = await Promise.all([
      listChangeRequests(recordStore, project.id, { status: payload.status, cursor: payload.cursor, limit: payload.limit }),
      summarizeChangeRequests(recordStore, project.id),
      readSnapshot(recordStore, project.id),
    ]);
    const milestones = (snapshot.value?.milestones ?? [])
      .filter((m) => !m.archived)
      .map(({ id, name, releaseDate, released }) => ({ id, name, releaseDate, released }));
    return { ...page, totals, milestones, canEdit: allows(permissions, 'write') };
  }),
  'changes/save': defineResolver('changes/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    // The versions as the last sync read them: a milestone is named and dated from there.
    const snapshot = await readSnapshot(recordStore, project.id);
    const request = await saveChangeRequest(recordStore, project.id, {
      draft: payload.request,
      revision: payload.revision,
      milestones: snapshot.value?.milestones ?? [],
      now: systemClock.now().getTime(),
    });
    await refreshAfterWrite(project);
    return { request };
  }),
  'changes/transition': defineResolver('changes/transition', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const request = await transitionStoredChangeRequest(recordStore, project.id, {
      id: payload.id,
      revision: payload.revision,
      to: payload.to,
      decider: payload.decider,
      reason: payload.reason,
      now: systemClock.now().getTime(),
    });
    await refreshAfterWrite(project);
    return { request };
  }),
};
