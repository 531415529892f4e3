import { makeResolver } from '@forge/resolver';
import { buildStatusReport } from '../../application/build-status-report';
import { getIssueRisk } from '../../application/get-issue-risk';
import { getProjectOverview } from '../../application/get-project-overview';
import { defaultProjectSettings, jiraIssueSource, jiraProjectReader, kvsStore, recordsSource, systemClock } from '../compose';
import { authorizeIssue, authorizeProject, languageOf } from './authorize';
import { defineResolver } from './define-resolver';

export const resolverHandlers = {
  'project/overview': defineResolver('project/overview', async ({ payload, context }) => {
    const project = authorizeProject(context, payload.projectKey);
    return getProjectOverview(
      { issues: jiraIssueSource('user', 'resolver'), store: kvsStore, clock: systemClock, settings: defaultProjectSettings },
      project.key,
    );
  }),
  'project/report': defineResolver('project/report', async ({ payload, context }) => {
    const project = authorizeProject(context, payload.projectKey);
    return buildStatusReport(
      { reader: jiraProjectReader('user', 'resolver'), records: recordsSource, settings: defaultProjectSettings },
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
    const project = authorizeProject(context, undefined);
    return getIssueRisk(
      { reader: jiraProjectReader('user', 'resolver'), records: recordsSource, settings: defaultProjectSettings },
      { projectKey: project.key, issueKey: issue.key, lang: payload.lang ?? languageOf(context), now: systemClock.now() },
    );
  }),
};

/**
 * The resolver function behind both UI modules. `makeResolver` (a named export) rather than
 * the default `Resolver` class: the same import works under Forge's bundler and plain Node ESM.
 */
export const resolverDefinitions = makeResolver(resolverHandlers);
