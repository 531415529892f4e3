import { getProjectSettings } from '../../application/project-settings';
import { getProjectHistory, getSnapshotIssueRisk, getSnapshotReport, toSnapshotOverview } from '../../application/snapshot/read-snapshot';
import { openSnapshot } from '../../application/snapshot/open-snapshot';
import { readSnapshot } from '../../application/snapshot/project-cache';
import { refreshSnapshot } from '../../application/snapshot/refresh-snapshot';
import { getSyncStatus, siteMetadata } from '../../application/snapshot/sync-project';
import { toProjectSettings } from '../../domain/settings';
import { permissionSource, recordStore, syncDeps, systemClock } from '../compose';
import { authorizeIssue, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { draftRevisionOf } from '../../application/reports/published-reports';

/** Time a resolver gives a sync before handing it to the consumer: Forge allows 25 s per invocation. */
const INLINE_SYNC_BUDGET_MS = 12_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The project page's Overview and the issue panel, from the stored snapshot: 0 Jira calls for
 * the Overview, at most 1 for an issue the cache does not know. Reading needs Browse Projects.
 */
export const projectHandlers = {
  'project/overview': defineResolver('project/overview', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const snapshot = await openSnapshot(syncDeps('resolver'), project, settings, { budgetMs: INLINE_SYNC_BUDGET_MS, wait });
    return toSnapshotOverview(snapshot, toProjectSettings(settings.value), systemClock.now());
  }),
  'project/report': defineResolver('project/report', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const snapshot = await openSnapshot(syncDeps('resolver'), project, settings, { budgetMs: INLINE_SYNC_BUDGET_MS, wait });
    const report = await getSnapshotReport(recordStore, snapshot, {
      audience: payload.audience ?? 'internal',
      lang: payload.lang ?? languageOf(context),
    });
    return { ...report, draftRevision: draftRevisionOf(snapshot) };
  }),
  'issue/risk': defineResolver('issue/risk', async ({ payload, context }) => {
    const issue = authorizeIssue(context, payload.issueKey);
    const { project } = await authorizeProjectAccess(context, undefined, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const deps = syncDeps('resolver');
    const snapshot = await openSnapshot(deps, project, settings, { budgetMs: INLINE_SYNC_BUDGET_MS, wait });
    return getSnapshotIssueRisk({ records: recordStore, jira: deps.jira, metadata: () => siteMetadata(deps) }, snapshot, {
      issueKey: issue.key,
      issueId: issue.id,
      lang: payload.lang ?? languageOf(context),
      now: systemClock.now(),
      settings: toProjectSettings(settings.value),
      settingsJson: settings.value,
    });
  }),
  'project/sync-status': defineResolver('project/sync-status', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return getSyncStatus(recordStore, project.id);
  }),
  'project/refresh': defineResolver('project/refresh', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    return refreshSnapshot(syncDeps('resolver'), project, settings.value, { budgetMs: INLINE_SYNC_BUDGET_MS });
  }),
  'project/history': defineResolver('project/history', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const snapshot = await readSnapshot(recordStore, project.id);
    return getProjectHistory(recordStore, snapshot.value, {
      projectId: project.id,
      days: payload.days ?? 90,
      now: systemClock.now(),
      settings: toProjectSettings(settings.value),
    });
  }),
};
