import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { ProjectReader, ProjectReadResult, ProjectRef, ReadSettings } from '../../application/ports';
import type { Issue } from '../../domain/issue';
import { discoverFields } from './discover-fields';
import type { JiraClient } from './jira-client';
import { projectKeyPath } from './jira-issue-source';
import {
  jiraBulkChangelogPageJson,
  jiraFieldJson,
  jiraPriorityJson,
  jiraProjectJson,
  jiraSearchPageJson,
  jiraStatusJson,
  jiraVersionJson,
  type JiraPriorityJson,
} from './jira-json';
import { toIssueMappingContext, type IssueMappingContext } from './issue-mapping-context';
import { parseJiraJson } from './parse-jira-json';
import { toMilestone } from './to-domain';
import { ISSUE_SYSTEM_FIELDS, isIssueDone, toIssue } from './to-issue';
import { HISTORY_FIELD_IDS, toChangeEntry, toIssueHistory, type ChangeEntry } from './to-issue-history';

/** `/search/jql` serves at most 100 issues a page once fields beyond id/key are asked for. */
export const SEARCH_PAGE_SIZE = 100;
/** `/changelog/bulkfetch` takes at most 1000 issues a call. */
export const CHANGELOG_BATCH_ISSUES = 1000;
/** Histories per bulkfetch page: the documented maximum, so one batch is usually one call. */
export const CHANGELOG_PAGE_SIZE = 10_000;

/**
 * Reads one project whole, with the fewest calls: the site-level lists once, the issues in
 * pages of `/search/jql` (only the fields the domain needs), and changelogs in bulk only for
 * the issues whose history matters (`needsHistory` in `to-issue.ts`).
 *
 * Pages are mapped as they arrive and their JSON dropped, so memory holds the domain issues,
 * not the raw pages; between the steps only the ids whose history is pending are kept.
 * Any failure rejects the whole read (AppError from `JiraClient` or a shape check).
 *
 * Everything settings-related comes from the one `settings` argument (the project's settings
 * document): field overrides (null: discover), blocking link types, and the time zone in which a
 * date-time value becomes a calendar day.
 */
export class JiraProjectReader implements ProjectReader {
  constructor(private readonly client: JiraClient) {}

  async readProject(projectKey: string, settings: ReadSettings): Promise<ProjectReadResult> {
    const key = projectKeyPath(projectKey);
    // The project first: a missing project is NOT_FOUND before any other call.
    const project = await this.getProject(key);
    // No /issueLinkType read: every issue link embeds its type (name, inward and outward
    // texts), which is all blocking detection needs — one call less per refresh.
    const [versions, fields, statuses, priorities] = await Promise.all([
      this.listVersions(key),
      this.listFields(),
      this.listStatuses(),
      this.listPriorities(),
    ]);
    const context = toIssueMappingContext({
      fields: discoverFields(fields, settings.fieldOverrides),
      statuses,
      priorities,
      linkTypes: [],
      blockingLinkTypes: settings.blockingLinkTypes,
      timeZone: settings.timeZone,
    });
    const { issues, pending } = await this.searchIssues(key, context);
    dropResolvedBlockers(issues);
    await this.readHistories(pending, context);
    return { project, issues, milestones: versions.map(toMilestone), priorityCount: priorities.length };
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get */
  private async getProject(key: string): Promise<ProjectRef> {
    const json = parseJiraJson(jiraProjectJson, await this.client.getJson(`/rest/api/3/project/${key}`), 'project');
    return { id: json.id, key: json.key, name: json.name };
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get */
  private async listVersions(key: string) {
    return parseJiraJson(z.array(jiraVersionJson), await this.client.getJson(`/rest/api/3/project/${key}/versions`), 'versions');
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get */
  private async listFields() {
    return parseJiraJson(z.array(jiraFieldJson), await this.client.getJson('/rest/api/3/field'), 'fields');
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get */
  private async listStatuses() {
    return parseJiraJson(z.array(jiraStatusJson), await this.client.getJson('/rest/api/3/status'), 'statuses');
  }

  /**
   * All priorities, in the site's order (highest first), which is the rank order.
   * Why this deprecated endpoint and not `/priority/search`: the search needs the admin scope
   * `manage:jira-configuration`, this one only `read:jira-work` — a PM's app should not ask
   * for the right to change Jira's configuration to learn which priority ranks first.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-get
   */
  private async listPriorities(): Promise<JiraPriorityJson[]> {
    return parseJiraJson(z.array(jiraPriorityJson), await this.client.getJson('/rest/api/3/priority'), 'priorities');
  }

  /**
   * Bounded JQL (required by the enhanced search), ordered by key so reads are deterministic.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
   */
  private async searchIssues(key: string, context: IssueMappingContext): Promise<{ issues: Issue[]; pending: Issue[] }> {
    const { storyPoints, flagged, startDate } = context.fields;
    const fields = [
      ...new Set<string>([...ISSUE_SYSTEM_FIELDS, ...storyPoints, ...(flagged ? [flagged] : []), ...(startDate ? [startDate] : [])]),
    ];
    const jql = `project = "${key}" ORDER BY key ASC`;
    const issues: Issue[] = [];
    const pending: Issue[] = [];
    const seenTokens = new Set<string>();
    let nextPageToken: string | undefined;
    for (;;) {
      const body = { jql, fields, maxResults: SEARCH_PAGE_SIZE, ...(nextPageToken === undefined ? {} : { nextPageToken }) };
      const page = parseJiraJson(jiraSearchPageJson, await this.client.postJson('/rest/api/3/search/jql', body), 'search page');
      for (const raw of page.issues) {
        const mapped = toIssue(raw, context);
        issues.push(mapped.issue);
        if (mapped.needsHistory) pending.push(mapped.issue);
      }
      const token = page.nextPageToken ?? undefined;
      if (page.isLast === true || token === undefined) break;
      // A token seen before would loop forever; Jira failing us, not a result.
      if (seenTokens.has(token)) throw new AppError('JIRA_UNAVAILABLE', 'Jira repeated a search page token');
      seenTokens.add(token);
      nextPageToken = token;
    }
    return { issues, pending };
  }

  /**
   * Changelogs of `pending` issues in batches of 1000, each batch paged by its own token. A
   * batch's entries are ordered by date across all its issues, so an issue's history is built
   * only after the batch's last page.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post
   */
  private async readHistories(pending: readonly Issue[], context: IssueMappingContext): Promise<void> {
    for (let start = 0; start < pending.length; start += CHANGELOG_BATCH_ISSUES) {
      const batch = pending.slice(start, start + CHANGELOG_BATCH_ISSUES);
      const entriesById = new Map<string, ChangeEntry[]>();
      const seenTokens = new Set<string>();
      let nextPageToken: string | undefined;
      for (;;) {
        const body = {
          issueIdsOrKeys: batch.map((issue) => issue.id),
          fieldIds: [...HISTORY_FIELD_IDS],
          maxResults: CHANGELOG_PAGE_SIZE,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        };
        const page = parseJiraJson(
          jiraBulkChangelogPageJson,
          await this.client.postJson('/rest/api/3/changelog/bulkfetch', body),
          'changelog page',
        );
        for (const log of page.issueChangeLogs) {
          for (const raw of log.changeHistories ?? []) {
            const entry = toChangeEntry(raw);
            if (!entry) continue;
            const list = entriesById.get(log.issueId);
            if (list) list.push(entry);
            else entriesById.set(log.issueId, [entry]);
          }
        }
        const token = page.nextPageToken ?? undefined;
        if (token === undefined) break;
        if (seenTokens.has(token)) throw new AppError('JIRA_UNAVAILABLE', 'Jira repeated a changelog page token');
        seenTokens.add(token);
        nextPageToken = token;
      }
      for (const issue of batch) {
        const derived = toIssueHistory(issue, entriesById.get(issue.id) ?? [], context);
        issue.history = derived.history;
        for (const blocker of issue.blockedBy) blocker.since = derived.linkedAt.get(blocker.key) ?? null;
      }
    }
  }
}

/**
 * A linked issue's embedded status has no resolution, so a blocker resolved outside a done
 * category is only known when it is in the project: drop those (blockedBy lists unresolved
 * blockers only). Blockers in other projects are judged by their category alone.
 */
export function dropResolvedBlockers(issues: Issue[]): void {
  const blockerKeys = new Set<string>();
  for (const issue of issues) for (const blocker of issue.blockedBy) blockerKeys.add(blocker.key);
  if (blockerKeys.size === 0) return;
  const resolved = new Set<string>();
  for (const issue of issues) if (blockerKeys.has(issue.key) && isIssueDone(issue)) resolved.add(issue.key);
  if (resolved.size === 0) return;
  for (const issue of issues) {
    if (issue.blockedBy.some((b) => resolved.has(b.key))) issue.blockedBy = issue.blockedBy.filter((b) => !resolved.has(b.key));
  }
}
