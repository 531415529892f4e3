import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { IssuePage, ProjectRef, ReadSettings, SiteMetadata, SyncSource } from '../../application/ports';
import type { Issue } from '../../domain/issue';
import type { Milestone } from '../../domain/milestone';
import { discoverFields, isDiscoveryCandidate } from './discover-fields';
import type { JiraClient } from './jira-client';
import { projectKeyPath } from './project-key-path';
import {
  jiraApproximateCountJson,
  jiraBulkChangelogPageJson,
  jiraFieldJson,
  jiraPriorityJson,
  jiraProjectJson,
  jiraSearchPageJson,
  jiraStatusJson,
  jiraVersionJson,
} from './jira-json';
import { toIssueMappingContext, type IssueMappingContext } from './issue-mapping-context';
import { parseJiraJson } from './parse-jira-json';
import { toMilestone } from './to-domain';
import { ISSUE_SYSTEM_FIELDS, toIssue } from './to-issue';
import { HISTORY_FIELD_IDS, toChangeEntry, toIssueHistory, type ChangeEntry } from './to-issue-history';

/** `/search/jql` serves at most 100 issues a page once fields beyond id/key are asked for. */
export const SEARCH_PAGE_SIZE = 100;
/** `/search/jql` serves up to 5,000 issues a page when only ids are asked for. */
const ID_PAGE_SIZE = 5000;
/** `/changelog/bulkfetch` takes at most 1000 issues a call. */
export const CHANGELOG_BATCH_ISSUES = 1000;
/** Histories per bulkfetch page: the documented maximum, so one batch is usually one call. */
export const CHANGELOG_PAGE_SIZE = 10_000;
/**
 * JQL compares `updated` to the minute, in the user's time zone for absolute dates; a relative
 * date (`-90m`) does not depend on the zone. The read starts this much earlier than asked, so a
 * change in the same minute as the last sync is never missed (it is read twice, harmlessly).
 */
const UPDATED_MARGIN_MINUTES = 2;

/**
 * `SyncSource` over Jira REST v3: the pieces of a project read (site lists, one search page,
 * changelogs in bulk, one issue), so a sync can spread them over several invocations. Only the
 * fields the domain uses are asked for.
 */
export class JiraSyncReader implements SyncSource {
  constructor(private readonly client: JiraClient) {}

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get */
  async getProject(projectKey: string): Promise<ProjectRef> {
    const json = parseJiraJson(jiraProjectJson, await this.client.getJson(`/rest/api/3/project/${projectKeyPath(projectKey)}`), 'project');
    return { id: json.id, key: json.key, name: json.name };
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-versions/#api-rest-api-3-project-projectidorkey-versions-get */
  async listMilestones(projectKey: string): Promise<Milestone[]> {
    const path = `/rest/api/3/project/${projectKeyPath(projectKey)}/versions`;
    return parseJiraJson(z.array(jiraVersionJson), await this.client.getJson(path), 'versions').map(toMilestone);
  }

  /**
   * `/field`, `/status` and `/priority` (not `/priority/search`: that needs an admin scope;
   * this one only `read:jira-work`). Fields are trimmed to the discovery candidates.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-priorities/#api-rest-api-3-priority-get
   */
  async readSiteMetadata(): Promise<SiteMetadata> {
    const [fields, statuses, priorities] = await Promise.all([
      this.client.getJson('/rest/api/3/field'),
      this.client.getJson('/rest/api/3/status'),
      this.client.getJson('/rest/api/3/priority'),
    ]);
    const allFields = parseJiraJson(z.array(jiraFieldJson), fields, 'fields');
    return {
      fields: allFields.filter(isDiscoveryCandidate).map((f) => ({ id: f.id, name: f.name, custom: f.custom, schema: f.schema })),
      customFieldIds: allFields.filter((f) => f.id.startsWith('customfield_')).map((f) => f.id),
      statuses: parseJiraJson(z.array(jiraStatusJson), statuses, 'statuses').map((s) => ({
        id: s.id,
        name: s.name,
        statusCategory: s.statusCategory ? { key: s.statusCategory.key } : null,
      })),
      priorities: parseJiraJson(z.array(jiraPriorityJson), priorities, 'priorities').map((p) => ({ id: p.id, name: p.name })),
    };
  }

  /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post */
  async countIssues(projectKey: string, updatedSince: number | null, now = Date.now()): Promise<number> {
    const jql = projectJql(projectKey, updatedSince, now, false);
    return parseJiraJson(jiraApproximateCountJson, await this.client.postJson('/rest/api/3/search/approximate-count', { jql }), 'count')
      .count;
  }

  /**
   * Bounded JQL (the enhanced search requires it), ordered by key so pages are deterministic.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
   */
  async readIssuePage(
    projectKey: string,
    settings: ReadSettings,
    metadata: SiteMetadata,
    options: { updatedSince: number | null; pageToken: string | null; now: number },
  ): Promise<IssuePage> {
    const context = mappingContext(settings, metadata);
    const body = {
      jql: projectJql(projectKey, options.updatedSince, options.now, true),
      fields: searchFields(context),
      maxResults: SEARCH_PAGE_SIZE,
      ...(options.pageToken === null ? {} : { nextPageToken: options.pageToken }),
    };
    const page = parseJiraJson(jiraSearchPageJson, await this.client.postJson('/rest/api/3/search/jql', body), 'search page');
    const issues: Issue[] = [];
    const needsHistory: string[] = [];
    const categoryChangedAt: Record<string, number | null> = {};
    for (const raw of page.issues) {
      const mapped = toIssue(raw, context);
      issues.push(mapped.issue);
      if (mapped.needsHistory) {
        needsHistory.push(mapped.issue.id);
        categoryChangedAt[mapped.issue.id] = mapped.categoryChangedAt;
      }
    }
    const token = page.nextPageToken ?? null;
    if (token !== null && token === options.pageToken) throw new AppError('JIRA_UNAVAILABLE', 'Jira repeated a search page token');
    return { issues, needsHistory, categoryChangedAt, nextPageToken: page.isLast === true ? null : token };
  }

  /**
   * Id-only pages serve up to 5,000 issues, so this costs a call per 5,000 issues (and, as any
   * search, a rate-limit point per issue returned): used only when counts say something is off.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
   */
  async listIssueIds(projectKey: string): Promise<string[]> {
    const ids: string[] = [];
    let nextPageToken: string | null = null;
    do {
      const body: Record<string, unknown> = {
        jql: projectJql(projectKey, null, 0, true),
        fields: ['id'],
        maxResults: ID_PAGE_SIZE,
        ...(nextPageToken === null ? {} : { nextPageToken }),
      };
      const page = parseJiraJson(jiraSearchPageJson, await this.client.postJson('/rest/api/3/search/jql', body), 'search page');
      for (const raw of page.issues) {
        const id = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }).safeParse(raw);
        if (id.success) ids.push(id.data.id);
      }
      const token: string | null = page.isLast === true ? null : (page.nextPageToken ?? null);
      if (token !== null && token === nextPageToken) throw new AppError('JIRA_UNAVAILABLE', 'Jira repeated a search page token');
      nextPageToken = token;
    } while (nextPageToken !== null);
    return ids;
  }

  /**
   * Changelogs in batches of 1000 issues, each batch paged by its own token. A batch's entries
   * are ordered by date across its issues, so an issue's history is built after the last page.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post
   */
  async readHistories(issues: readonly Issue[], settings: ReadSettings, metadata: SiteMetadata): Promise<Issue[]> {
    const context = mappingContext(settings, metadata);
    const out: Issue[] = [];
    for (let start = 0; start < issues.length; start += CHANGELOG_BATCH_ISSUES) {
      const batch = issues.slice(start, start + CHANGELOG_BATCH_ISSUES);
      const entriesById = await this.readChangelogs(batch.map((issue) => issue.id));
      for (const issue of batch) {
        const derived = toIssueHistory(issue, entriesById.get(issue.id) ?? [], context);
        out.push({
          ...issue,
          history: derived.history,
          blockedBy: issue.blockedBy.map((blocker) => ({ ...blocker, since: derived.linkedAt.get(blocker.key) ?? null })),
        });
      }
    }
    return out;
  }

  /**
   * One issue, by key or numeric id (link events name issues by id), by the same search (so the
   * same fields and mapping), with its changelog.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
   */
  async readIssue(issueKeyOrId: string, settings: ReadSettings, metadata: SiteMetadata): Promise<Issue | undefined> {
    const byKey = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/u.test(issueKeyOrId);
    if (!byKey && !/^[1-9][0-9]{0,17}$/u.test(issueKeyOrId)) return undefined;
    const context = mappingContext(settings, metadata);
    let json: unknown;
    try {
      json = await this.client.postJson('/rest/api/3/search/jql', {
        jql: byKey ? `key = "${issueKeyOrId}"` : `id = ${issueKeyOrId}`,
        fields: searchFields(context),
        maxResults: 1,
      });
    } catch (error) {
      // A key Jira does not know (or the user cannot see) is a 400 on JQL, or nothing found.
      if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'INTERNAL')) return undefined;
      throw error;
    }
    const page = parseJiraJson(jiraSearchPageJson, json, 'search page');
    const [raw] = page.issues;
    if (raw === undefined) return undefined;
    const mapped = toIssue(raw, context);
    if (!mapped.needsHistory) return mapped.issue;
    const [withHistory] = await this.readHistories([mapped.issue], settings, metadata);
    return withHistory;
  }

  private async readChangelogs(ids: readonly string[]): Promise<Map<string, ChangeEntry[]>> {
    const entriesById = new Map<string, ChangeEntry[]>();
    const seenTokens = new Set<string>();
    let nextPageToken: string | undefined;
    for (;;) {
      const body = {
        issueIdsOrKeys: ids,
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
      if (token === undefined) return entriesById;
      if (seenTokens.has(token)) throw new AppError('JIRA_UNAVAILABLE', 'Jira repeated a changelog page token');
      seenTokens.add(token);
      nextPageToken = token;
    }
  }
}

export function mappingContext(settings: ReadSettings, metadata: SiteMetadata): IssueMappingContext {
  return toIssueMappingContext({
    fields: discoverFields(parseJiraJson(z.array(jiraFieldJson), metadata.fields, 'cached fields'), knownOverrides(settings, metadata)),
    statuses: parseJiraJson(z.array(jiraStatusJson), metadata.statuses, 'cached statuses'),
    priorities: parseJiraJson(z.array(jiraPriorityJson), metadata.priorities, 'cached priorities'),
    // No /issueLinkType read: every issue link embeds its type, which is all blocking detection needs.
    linkTypes: [],
    blockingLinkTypes: settings.blockingLinkTypes,
    timeZone: settings.timeZone,
    waitingStatuses: settings.waitingOnClientStatuses,
  });
}

function searchFields(context: IssueMappingContext): string[] {
  const { storyPoints, flagged, startDate } = context.fields;
  return [...new Set<string>([...ISSUE_SYSTEM_FIELDS, ...storyPoints, ...(flagged ? [flagged] : []), ...(startDate ? [startDate] : [])])];
}

/** The project's issues, or those updated since an instant (as a relative date: zone-proof). */
function projectJql(projectKey: string, updatedSince: number | null, now: number, ordered: boolean): string {
  const key = projectKeyPath(projectKey);
  const since =
    updatedSince === null
      ? ''
      : ` AND updated >= "-${String(Math.max(0, Math.ceil((now - updatedSince) / 60_000)) + UPDATED_MARGIN_MINUTES)}m"`;
  return `project = "${key}"${since}${ordered ? ' ORDER BY key ASC' : ''}`;
}

/**
 * Field overrides that name a field the site has: one naming a deleted or mistyped field would
 * silently read nothing (every estimate gone), so it falls back to discovery.
 */
function knownOverrides(settings: ReadSettings, metadata: SiteMetadata): ReadSettings['fieldOverrides'] {
  const known = metadata.customFieldIds;
  if (known === undefined) return settings.fieldOverrides;
  const ids = new Set(known);
  const keep = (id: string | null) => (id !== null && ids.has(id) ? id : null);
  const o = settings.fieldOverrides;
  return { storyPoints: keep(o.storyPoints), flagged: keep(o.flagged), sprint: keep(o.sprint), startDate: keep(o.startDate) };
}
