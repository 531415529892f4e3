import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { IssueSource, ProjectRef } from '../../application/ports';
import type { Milestone } from '../../domain/milestone';
import { emptyStatusCategoryCounts, type StatusCategoryCounts, type StatusCategoryKey } from '../../domain/status-category';
import type { JiraClient } from './jira-client';
import { jiraApproximateCountJson, jiraProjectJson, jiraVersionJson } from './jira-json';
import { toMilestone } from './to-domain';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/u;

/**
 * `IssueSource` over Jira Cloud REST v3. Works with any `JiraClient` transport: Forge's
 * `requestJira` in production, plain fetch for the CLI, the emulator in tests.
 */
export class JiraIssueSource implements IssueSource {
  constructor(private readonly client: JiraClient) {}

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get */
  async getProject(projectKey: string): Promise<ProjectRef> {
    const json = parse(jiraProjectJson, await this.client.getJson(`/rest/api/3/project/${projectKeyPath(projectKey)}`), 'project');
    return { id: json.id, key: json.key, name: json.name };
  }

  /**
   * One approximate count per category: its cost does not grow with the project.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post
   */
  async countByStatusCategory(projectKey: string): Promise<StatusCategoryCounts> {
    const key = projectKeyPath(projectKey);
    const counts = emptyStatusCategoryCounts();
    const categories: [StatusCategoryKey, string][] = [
      ['new', 'new'],
      ['indeterminate', 'indeterminate'],
      ['done', 'done'],
    ];
    const [all, ...perCategory] = await Promise.all([
      this.count(`project = "${key}"`),
      ...categories.map(([, jqlKey]) => this.count(`project = "${key}" AND statusCategory = ${jqlKey}`)),
    ]);
    categories.forEach(([category], i) => {
      counts[category] = perCategory[i] ?? 0;
    });
    // Issues in statuses with "No Category" match none of the three category clauses.
    counts.undefined = Math.max(0, all - counts.new - counts.indeterminate - counts.done);
    return counts;
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get */
  async listMilestones(projectKey: string): Promise<Milestone[]> {
    const json = parse(
      z.array(jiraVersionJson),
      await this.client.getJson(`/rest/api/3/project/${projectKeyPath(projectKey)}/versions`),
      'versions',
    );
    return json.map(toMilestone);
  }

  private async count(jql: string): Promise<number> {
    return parse(jiraApproximateCountJson, await this.client.postJson('/rest/api/3/search/approximate-count', { jql }), 'count').count;
  }
}

/** Whether `text` is a well-formed Jira project key (`ACME`, `HZ2`, `OPS_1`). */
export function isProjectKey(text: string): boolean {
  return PROJECT_KEY.test(text);
}

/** Project keys go into paths and JQL; only a well-formed key may. */
export function projectKeyPath(projectKey: string): string {
  if (!isProjectKey(projectKey)) throw new AppError('INVALID_PAYLOAD', 'Not a Jira project key');
  return projectKey;
}

function parse<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new AppError('JIRA_UNAVAILABLE', `Jira returned an unexpected ${what} shape: ${z.prettifyError(result.error).slice(0, 300)}`);
  }
  return result.data;
}
