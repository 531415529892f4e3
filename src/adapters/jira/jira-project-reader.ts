import type { ProjectReader, ProjectReadResult, ReadSettings } from '../../application/ports';
import type { Issue } from '../../domain/issue';
import { dropResolvedBlockers } from '../../domain/drop-resolved-blockers';
import type { JiraClient } from './jira-client';
import { JiraSyncReader } from './jira-sync-reader';

export { CHANGELOG_BATCH_ISSUES, SEARCH_PAGE_SIZE } from './jira-sync-reader';

/**
 * Reads one project whole, with the fewest calls: the site-level lists once, the issues in
 * pages of `/search/jql` (only the fields the domain needs), and changelogs in bulk only for
 * the issues whose history matters (`needsHistory` in `to-issue.ts`). The CLI's read; the app
 * syncs the same pieces through `JiraSyncReader` spread over invocations.
 *
 * Any failure rejects the whole read (AppError from `JiraClient` or a shape check). Everything
 * settings-related comes from the one `settings` argument (the project's settings document).
 */
export class JiraProjectReader implements ProjectReader {
  private readonly reader: JiraSyncReader;

  constructor(client: JiraClient) {
    this.reader = new JiraSyncReader(client);
  }

  async readProject(projectKey: string, settings: ReadSettings): Promise<ProjectReadResult> {
    // The project first: a missing project is NOT_FOUND before any other call.
    const project = await this.reader.getProject(projectKey);
    const [milestones, metadata] = await Promise.all([this.reader.listMilestones(projectKey), this.reader.readSiteMetadata()]);
    const issues: Issue[] = [];
    const pending = new Set<string>();
    let pageToken: string | null = null;
    do {
      const page = await this.reader.readIssuePage(projectKey, settings, metadata, { updatedSince: null, pageToken, now: 0 });
      issues.push(...page.issues);
      for (const id of page.needsHistory) pending.add(id);
      pageToken = page.nextPageToken;
    } while (pageToken !== null);
    const withHistory = new Map(
      (
        await this.reader.readHistories(
          issues.filter((issue) => pending.has(issue.id)),
          settings,
          metadata,
        )
      ).map((issue) => [issue.id, issue]),
    );
    return {
      project,
      issues: dropResolvedBlockers(issues.map((issue) => withHistory.get(issue.id) ?? issue)),
      milestones,
      priorityCount: metadata.priorities.length,
    };
  }
}
