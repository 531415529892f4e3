import { z } from 'zod';
import { addFeedback } from '../../application/feedback/add-feedback';
import { createIssueFromComplaint, saveComplaint } from '../../application/feedback/complaints';
import { importFeedback } from '../../application/feedback/import-feedback';
import { listFeedback } from '../../application/feedback/list-feedback';
import { getSatisfactionSummary } from '../../application/feedback/read-satisfaction';
import { getProjectSettings } from '../../application/project-settings';
import { permissionSource, recordStore, sleep, systemClock, userIssueWriter } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';
import { refreshHealth } from './refresh-health';

const linkContext = z.looseObject({
  siteUrl: z.url().optional(),
  localId: z.string().optional(),
  environmentId: z.string().optional(),
});

/** Where the complaint opens in the app: the project page of this installation, or the project in Jira. */
function complaintLink(context: unknown, projectKey: string, feedbackId: string): string {
  const parsed = linkContext.safeParse(context);
  const site = parsed.success && parsed.data.siteUrl ? parsed.data.siteUrl.replace(/\/+$/u, '') : '';
  const appId = parsed.success ? /extension\/([0-9a-f-]{36})\//u.exec(parsed.data.localId ?? '')?.[1] : undefined;
  const env = parsed.success ? parsed.data.environmentId : undefined;
  const page = appId && env ? `/jira/software/projects/${projectKey}/apps/${appId}/${env}` : `/jira/software/projects/${projectKey}`;
  return `${site}${page}#feedback/complaint/${encodeURIComponent(feedbackId)}`;
}

const now = () => systemClock.now().getTime();

/** Feedback and complaints (issue 10): anyone who may browse reads; Edit Issues writes. */
export const feedbackHandlers = {
  'feedback/add': defineResolver('feedback/add', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const { projectKey: _key, ...input } = payload;
    const added = await addFeedback(recordStore, project.id, input, now());
    await refreshHealth(project);
    return added;
  }),
  'feedback/list': defineResolver('feedback/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const { projectKey: _key, ...filter } = payload;
    const page = await listFeedback(recordStore, project.id, filter, settings.value.timeZone);
    return { ...page, canEdit: allows(permissions, 'write') };
  }),
  'feedback/import': defineResolver('feedback/import', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const result = await importFeedback(recordStore, project.id, payload.csv, now());
    if (result.status === 'imported' && result.created > 0) await refreshHealth(project);
    return result;
  }),
  'feedback/summary': defineResolver('feedback/summary', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const summary = await getSatisfactionSummary(recordStore, project.id, now());
    return { ...summary, canEdit: allows(permissions, 'write') };
  }),
  'complaint/list': defineResolver('complaint/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    const page = await listFeedback(
      recordStore,
      project.id,
      {
        complaint: payload.status ?? 'unresolved',
        ...(payload.cursor ? { cursor: payload.cursor } : {}),
        ...(payload.limit ? { limit: payload.limit } : {}),
      },
      settings.value.timeZone,
    );
    return { ...page, canEdit: allows(permissions, 'write') };
  }),
  'complaint/save': defineResolver('complaint/save', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const { projectKey: _key, ...update } = payload;
    const entry = await saveComplaint(recordStore, project.id, update, now());
    await refreshHealth(project);
    return { entry };
  }),
  'complaint/issue': defineResolver('complaint/issue', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    return createIssueFromComplaint({ records: recordStore, issues: userIssueWriter(), clock: systemClock, sleep }, project, {
      feedbackId: payload.feedbackId,
      link: complaintLink(context, project.key, payload.feedbackId),
      lang: payload.lang ?? languageOf(context),
    });
  }),
};
