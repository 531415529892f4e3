import { z } from 'zod';
import { getAcceptanceView, previewAcceptance, submitAcceptance } from '../../application/acceptance/acceptance';
import { createIssueFromFixItem } from '../../application/acceptance/create-issue-from-fix-item';
import { permissionSource, recordStore, sleep, systemClock, userIssueWriter } from '../compose';
import { allows, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';

const linkContext = z.looseObject({
  siteUrl: z.url().optional(),
  localId: z.string().optional(),
  environmentId: z.string().optional(),
});

/** Where the engagement opens in the app: the project page of this installation, or the project in Jira when the context does not say. */
function engagementLink(context: unknown, projectKey: string): string {
  const parsed = linkContext.safeParse(context);
  const site = parsed.success && parsed.data.siteUrl ? parsed.data.siteUrl.replace(/\/+$/u, '') : '';
  const appId = parsed.success ? /extension\/([0-9a-f-]{36})\//u.exec(parsed.data.localId ?? '')?.[1] : undefined;
  const env = parsed.success ? parsed.data.environmentId : undefined;
  const page = appId && env ? `/jira/software/projects/${projectKey}/apps/${appId}/${env}` : `/jira/software/projects/${projectKey}`;
  return `${site}${page}#engagement`;
}

/** Client acceptance (issue 13): anyone who may browse reads; Edit Issues submits and opens issues. */
export const acceptanceHandlers = {
  'acceptance/list': defineResolver('acceptance/list', async ({ payload, context }) => {
    const { project, permissions } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return getAcceptanceView(recordStore, project.id, allows(permissions, 'write'));
  }),
  'acceptance/preview': defineResolver('acceptance/preview', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    return previewAcceptance(recordStore, project.id, payload.milestoneId);
  }),
  'acceptance/submit': defineResolver('acceptance/submit', async ({ payload, context }) => {
    const { project, accountId } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    await submitAcceptance(recordStore, project.id, {
      milestoneId: payload.milestoneId,
      releaseNotes: payload.releaseNotes,
      override: payload.override ?? false,
      revision: payload.revision,
      by: accountId,
      now: systemClock.now(),
    });
    return getAcceptanceView(recordStore, project.id, true);
  }),
  'acceptance/issue': defineResolver('acceptance/issue', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'write', permissionSource());
    const deps = { records: recordStore, issues: userIssueWriter(), clock: systemClock, sleep };
    const issueKey = await createIssueFromFixItem(deps, project, {
      submissionId: payload.submissionId,
      fixItemId: payload.fixItemId,
      link: engagementLink(context, project.key),
      lang: payload.lang ?? languageOf(context),
    });
    return { issueKey, view: await getAcceptanceView(recordStore, project.id, true) };
  }),
};
