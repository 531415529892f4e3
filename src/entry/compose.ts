/**
 * Wires production adapters. The only place that chooses concrete implementations; handlers
 * receive what this builds.
 */
import type { Clock, PermissionSource, RefreshQueue } from '../application/ports';
import type { RecordStore } from '../application/storage';
import { forgeJiraTransport } from '../adapters/jira/forge-jira-transport';
import { JiraClient, RETRY_POLICIES } from '../adapters/jira/jira-client';
import { JiraPermissionSource } from '../adapters/jira/jira-permission-source';
import { JiraSyncReader } from '../adapters/jira/jira-sync-reader';
import { JiraIssuePropertyWriter } from '../adapters/jira/jira-issue-property-writer';
import { JiraIssueWriter } from '../adapters/jira/jira-issue-writer';
import { JiraUserDirectory } from '../adapters/jira/jira-user-directory';
import { CachedPermissionSource } from '../application/cached-permission-source';
import { KvsRecordsSource } from '../adapters/storage/kvs-records-source';
import { ForgeRefreshQueue } from '../adapters/events/forge-refresh-queue';
import { composeEml } from '../adapters/mail/compose-eml';
import { createPostmarkMailSender } from '../adapters/mail/postmark-mail-sender';
import { KvsSecretStore } from '../adapters/storage/kvs-secret-store';
import type { MailSender } from '../application/delivery/mail-sender';
import type { EmlComposer } from '../application/reports/report-email';
import type { SecretStore } from '../application/delivery/secret-store';
import { KvsRecordStore } from '../adapters/storage/kvs-record-store';
import { withSharedPageStamps } from '../application/share/page-stamp';
import { consoleLogger } from './log';

export const systemClock: Clock = { now: () => new Date() };

/** Waits `ms` (between looks at a claim another request holds). */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** The app's records; every write to an input of the client status page stamps its project (`page-stamp.ts`). */
export const recordStore: RecordStore = withSharedPageStamps(new KvsRecordStore());
export const secretStore: SecretStore = new KvsSecretStore();

/** `.eml` files for the PM's mail client. */
export const emlComposer: EmlComposer = composeEml;

/** The project's mail provider (Postmark) with its API key, through the runtime's egress-checked fetch. */
export function mailSender(serverToken: string): MailSender {
  return createPostmarkMailSender({ serverToken, fetch: (url, init) => globalThis.fetch(url, init) });
}

/** What the calling user may do, asked of Jira as that user (at most every few minutes per user and project). */
export function permissionSource(): PermissionSource {
  const jira = new JiraPermissionSource(new JiraClient({ transport: forgeJiraTransport('user'), policy: RETRY_POLICIES.resolver }));
  return new CachedPermissionSource(jira, recordStore, systemClock);
}

/**
 * Jira reads for syncs. As the app: the snapshot is shared by everyone who may browse the
 * project (checked per call), and background work has no user.
 */
export function syncSource(policy: keyof typeof RETRY_POLICIES): JiraSyncReader {
  return new JiraSyncReader(new JiraClient({ transport: forgeJiraTransport('app'), policy: RETRY_POLICIES[policy] }));
}

export const recordsSource = new KvsRecordsSource(recordStore);

export const refreshQueue: RefreshQueue = new ForgeRefreshQueue();

/** The risk issue property, written as the app (the least scope that works: write:jira-work). */
export function riskPropertyWriter(): JiraIssuePropertyWriter {
  return new JiraIssuePropertyWriter(new JiraClient({ transport: forgeJiraTransport('app'), policy: RETRY_POLICIES.webtrigger }));
}

/** The stakeholder editor's user picker: as the user, so Jira shows only whom the user may see. */
export function userDirectory(): JiraUserDirectory {
  return new JiraUserDirectory(new JiraClient({ transport: forgeJiraTransport('user'), policy: RETRY_POLICIES.resolver }));
}

/** Issues created from action items: as the user, so Jira applies the user's Create Issues right and names them reporter. */
export function userIssueWriter(): JiraIssueWriter {
  return new JiraIssueWriter(new JiraClient({ transport: forgeJiraTransport('user'), policy: RETRY_POLICIES.resolver }));
}

/** Reminders of the daily job: as the app (a scheduled trigger has no user). */
export function appIssueWriter(): JiraIssueWriter {
  return new JiraIssueWriter(new JiraClient({ transport: forgeJiraTransport('app'), policy: RETRY_POLICIES.consumer }));
}

/** What a sync needs, for a resolver (inline, then hand-off) or the consumer (long chunks). */
export function syncDeps(policy: 'resolver' | 'consumer') {
  return { records: recordStore, jira: syncSource(policy), clock: systemClock, recordsSource, log: consoleLogger, queue: refreshQueue };
}
