/**
 * Builders for the client status page's tests: a project's snapshot written to a record store as
 * a sync writes it, share links, and web-trigger requests (a view, a form post).
 */
import type { ChangeRequestJson } from '../../contract/changes';
import type { SectionName, SharedPageLink, WebTriggerRequest } from '../../contract/share';
import { changeRequestKind, snapshotKind, type Snapshot } from '../../src/application/records/record-kinds';
import { deriveSnapshot } from '../../src/application/snapshot/derive-snapshot';
import { STORED_REPORT_FORMAT, toBuckets, toReportParts, writeGeneration } from '../../src/application/snapshot/project-cache';
import type { RecordStore } from '../../src/application/storage';
import type { ProjectData } from '../../src/domain/project-data';
import type { ProjectSettings } from '../../src/domain/settings';

export const ALL_SECTIONS: SectionName[] = [
  'health',
  'milestones',
  'completed',
  'next-up',
  'risks',
  'waiting-on-client',
  'change-requests',
  'feedback-form',
  'acceptance',
  'commitments',
];

export function aLink(overrides: Partial<SharedPageLink> = {}): SharedPageLink {
  return {
    id: 'link1',
    projectId: '1',
    scope: { kind: 'live' },
    lang: 'en',
    sections: ALL_SECTIONS,
    label: 'Client sponsor',
    ...overrides,
  };
}

/** The project's snapshot at `generation`, derived from `data` at `now` and written as a sync writes it; its change requests stored too. */
export async function givenSnapshot(
  records: RecordStore,
  data: ProjectData,
  settings: ProjectSettings,
  now: number,
  generation = 1,
): Promise<Snapshot> {
  const derived = deriveSnapshot(data, settings, now);
  const parts = toReportParts(derived.reports);
  const buckets = toBuckets(data.issues);
  await writeGeneration(records, data.project.id, generation, derived.head.asOf, buckets, parts);
  const snapshot: Snapshot = {
    ...derived.head,
    generation,
    syncedFrom: derived.head.asOf,
    settingsRevision: 0,
    reportFormat: STORED_REPORT_FORMAT,
    bucketCount: buckets.length,
    reportParts: parts.length,
  };
  const document = records.document(snapshotKind, data.project.id);
  await document.save(snapshot, (await document.get()).revision);
  await storeChangeRequests(records, data.project.id, data.changeRequests ?? []);
  return snapshot;
}

/** Stored as the use cases store them: the record's stored revision is the request's `revision`. */
export async function storeChangeRequests(records: RecordStore, projectId: string, requests: readonly ChangeRequestJson[]): Promise<void> {
  const collection = records.collection(changeRequestKind, projectId);
  for (const request of requests) {
    if ((await collection.getRevisioned(request.id)).revision > 0) continue;
    for (let revision = 0; revision < request.revision; revision += 1) await collection.save(request, revision);
  }
}

export function aView(query: Record<string, string> = {}, headers: Record<string, string> = {}): WebTriggerRequest {
  return {
    method: 'GET',
    path: '/s/token',
    userPath: '/s/token',
    headers: Object.fromEntries(Object.entries({ accept: 'text/html', ...headers }).map(([k, v]) => [k, [v]])),
    queryParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    body: null,
  };
}

export function aFormPost(
  fields: Record<string, string> | string,
  options: { contentType?: string; query?: Record<string, string>; method?: string } = {},
): WebTriggerRequest {
  return {
    method: options.method ?? 'POST',
    path: '/s/token',
    userPath: '/s/token',
    headers: { 'content-type': [options.contentType ?? 'application/x-www-form-urlencoded'] },
    queryParameters: Object.fromEntries(Object.entries(options.query ?? {}).map(([k, v]) => [k, [v]])),
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
  };
}

/** The hidden fields of the page's forms, read back from its HTML (as a browser would send them). */
export function hiddenField(html: string, name: string, near?: string): string {
  const from = near === undefined ? 0 : html.indexOf(near);
  const match = new RegExp(`name="${name}"\\s+value="([^"]*)"`, 'u').exec(html.slice(Math.max(0, from)));
  if (!match?.[1]) throw new Error(`no hidden field ${name}`);
  return match[1];
}
