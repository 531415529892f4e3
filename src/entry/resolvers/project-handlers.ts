import { buildStatusReport } from '../../application/build-status-report';
import { getIssueRisk } from '../../application/get-issue-risk';
import { getProjectOverview } from '../../application/get-project-overview';
import { getProjectSettings } from '../../application/project-settings';
import { toProjectSettings } from '../../domain/settings';
import { jiraIssueSource, jiraProjectReader, permissionSource, recordStore, recordsSource, systemClock } from '../compose';
import { consoleLogger } from '../log';
import { authorizeIssue, authorizeProjectAccess, languageOf } from './authorize';
import { defineResolver } from './define-resolver';

/** The project page's Overview and the issue panel: reading Jira and the app's records needs Browse Projects. */
export const projectHandlers = {
  'project/overview': defineResolver('project/overview', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    return getProjectOverview(
      {
        issues: jiraIssueSource('user', 'resolver'),
        records: recordStore,
        clock: systemClock,
        settings: toProjectSettings(settings.value),
        log: consoleLogger,
      },
      project.key,
    );
  }),
  'project/report': defineResolver('project/report', async ({ payload, context }) => {
    const { project } = await authorizeProjectAccess(context, payload.projectKey, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    return buildStatusReport(
      { reader: jiraProjectReader('user', 'resolver'), records: recordsSource, settings: settings.value },
      {
        projectKey: project.key,
        audience: payload.audience ?? 'internal',
        lang: payload.lang ?? languageOf(context),
        now: systemClock.now(),
      },
    );
  }),
  'issue/risk': defineResolver('issue/risk', async ({ payload, context }) => {
    const issue = authorizeIssue(context, payload.issueKey);
    const { project } = await authorizeProjectAccess(context, undefined, 'read', permissionSource());
    const settings = await getProjectSettings(recordStore, project.id);
    return getIssueRisk(
      { reader: jiraProjectReader('user', 'resolver'), records: recordsSource, settings: settings.value },
      { projectKey: project.key, issueKey: issue.key, lang: payload.lang ?? languageOf(context), now: systemClock.now() },
    );
  }),
};
