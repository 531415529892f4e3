/**
 * Wires production adapters. The only place that chooses concrete implementations; handlers
 * receive what this builds.
 */
import type { Clock, RefreshQueue } from '../application/ports';
import { DEFAULT_SETTINGS, type ProjectSettings } from '../domain/settings';
import { forgeJiraTransport } from '../adapters/jira/forge-jira-transport';
import { JiraClient, RETRY_POLICIES } from '../adapters/jira/jira-client';
import { JiraIssueSource } from '../adapters/jira/jira-issue-source';
import { JiraProjectReader } from '../adapters/jira/jira-project-reader';
import { KvsRecordsSource } from '../adapters/storage/kvs-records-source';
import { ForgeRefreshQueue } from '../adapters/events/forge-refresh-queue';
import { KvsStore } from '../adapters/storage/kvs-store';

export const systemClock: Clock = { now: () => new Date() };

/** Until per-project settings land, calendar days are counted in UTC. */
export const defaultProjectSettings: ProjectSettings = DEFAULT_SETTINGS;

export function jiraIssueSource(as: 'user' | 'app', policy: keyof typeof RETRY_POLICIES): JiraIssueSource {
  return new JiraIssueSource(new JiraClient({ transport: forgeJiraTransport(as), policy: RETRY_POLICIES[policy] }));
}

export function jiraProjectReader(as: 'user' | 'app', policy: keyof typeof RETRY_POLICIES): JiraProjectReader {
  return new JiraProjectReader(new JiraClient({ transport: forgeJiraTransport(as), policy: RETRY_POLICIES[policy] }));
}

export const kvsStore = new KvsStore();

export const recordsSource = new KvsRecordsSource();

export const refreshQueue: RefreshQueue = new ForgeRefreshQueue();
