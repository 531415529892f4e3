import { makeResolver } from '@forge/resolver';
import { getIssueSummary } from '../../application/get-issue-summary';
import { getProjectOverview } from '../../application/get-project-overview';
import { defaultProjectSettings, jiraIssueSource, kvsStore, systemClock } from '../compose';
import { authorizeIssue, authorizeProject } from './authorize';
import { defineResolver } from './define-resolver';

export const resolverHandlers = {
  'project/overview': defineResolver('project/overview', async ({ payload, context }) => {
    const project = authorizeProject(context, payload.projectKey);
    return getProjectOverview(
      { issues: jiraIssueSource('user', 'resolver'), store: kvsStore, clock: systemClock, settings: defaultProjectSettings },
      project.key,
    );
  }),
  'issue/summary': defineResolver('issue/summary', async ({ payload, context }) => {
    const issue = authorizeIssue(context, payload.issueKey);
    return getIssueSummary({ issues: jiraIssueSource('user', 'resolver') }, issue.key);
  }),
};

/**
 * The resolver function behind both UI modules. `makeResolver` (a named export) rather than
 * the default `Resolver` class: the same import works under Forge's bundler and plain Node ESM.
 */
export const resolverDefinitions = makeResolver(resolverHandlers);
