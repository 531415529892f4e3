import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { IssueWriter, NewIssue } from '../../application/ports';
import type { JiraClient } from './jira-client';

/** Issue keys only: nothing else may reach the request path. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9]\d*$/u;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/u;
/** The app's own labels only: nothing else reaches the JQL. */
const LABEL = /^[a-z0-9-]{1,100}$/u;
const searchPageSchema = z.looseObject({ issues: z.array(z.looseObject({ key: z.string().regex(ISSUE_KEY) })) });
const createdSchema = z.looseObject({ id: z.string(), key: z.string().regex(ISSUE_KEY) });

/**
 * Creates issues and sends notifications through a `JiraClient`. Both need `write:jira-work`.
 * The issue type is `Task`, the type every company-managed and team-managed software project has.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-notify-post
 */
export class JiraIssueWriter implements IssueWriter {
  constructor(private readonly client: JiraClient) {}

  async createIssue(issue: NewIssue): Promise<{ key: string }> {
    const fields: Record<string, unknown> = {
      project: { key: issue.projectKey },
      issuetype: { name: 'Task' },
      summary: issue.summary.slice(0, 255),
      description: issue.description,
    };
    if (issue.assigneeAccountId !== null) fields['assignee'] = { accountId: issue.assigneeAccountId };
    if (issue.dueDate !== null) fields['duedate'] = issue.dueDate;
    if (issue.labels !== undefined && issue.labels.length > 0) fields['labels'] = [...issue.labels];
    const created = createdSchema.safeParse(await this.client.postJson('/rest/api/3/issue', { fields }));
    if (!created.success) throw new AppError('JIRA_UNAVAILABLE', 'Jira answered an issue creation without a key');
    return { key: created.data.key };
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get */
  async findIssueByLabel(projectKey: string, label: string): Promise<string | null> {
    if (!PROJECT_KEY.test(projectKey) || !LABEL.test(label)) throw new AppError('INVALID_PAYLOAD', 'Not a project key or label');
    const jql = `project = "${projectKey}" AND labels = "${label}" ORDER BY created ASC`;
    const query = new URLSearchParams({ jql, fields: 'key', maxResults: '1' });
    const page = searchPageSchema.safeParse(await this.client.getJson(`/rest/api/3/search/jql?${query.toString()}`));
    if (!page.success) throw new AppError('JIRA_UNAVAILABLE', 'Jira answered a search without issues');
    return page.data.issues[0]?.key ?? null;
  }

  async notify(issueKey: string, message: { subject: string; textBody: string; accountIds: readonly string[] }): Promise<void> {
    if (!ISSUE_KEY.test(issueKey)) throw new AppError('INVALID_PAYLOAD', `Not an issue key: ${issueKey.slice(0, 40)}`);
    await this.client.postJson(`/rest/api/3/issue/${issueKey}/notify`, {
      subject: message.subject,
      textBody: message.textBody,
      to: { users: message.accountIds.map((accountId) => ({ accountId })) },
    });
  }
}
