/**
 * Property: whatever users change in Jira — status transitions, new and deleted issues, fix
 * versions moved, due dates, labels, summaries, "Blocks" links made and removed — the snapshot
 * kept up by product events and
 * an incremental refresh equals the snapshot of a full re-derivation at the same instant.
 * Random edit sequences (fast-check, seeded, several runs), on the real read path (the
 * emulator through JiraSyncReader) and the in-memory storage kit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';
import { JiraEmulator } from '../../local/jira/emulator';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraIssueEventReader } from '../../src/adapters/jira/jira-issue-event-reader';
import { JiraSyncReader } from '../../src/adapters/jira/jira-sync-reader';
import { KvsRecordsSource } from '../../src/adapters/storage/kvs-records-source';
import { applyIssueEvent } from '../../src/application/snapshot/apply-issue-event';
import { applyIssueLinkEvent } from '../../src/application/snapshot/apply-issue-link-event';
import { linkedIssuesOf } from '../../src/entry/events/issue-link-changed';
import { readCachedIssue, readCachedIssues, readReports, readSnapshot } from '../../src/application/snapshot/project-cache';
import { beginSync, runSync, siteMetadata, type SyncDeps } from '../../src/application/snapshot/sync-project';
import { trackProject } from '../../src/application/tracked-projects';
import { DEMO_NOW, demoDatasets } from '../support/local-app';

type Edit =
  | { kind: 'summary'; pick: number; text: string }
  | { kind: 'due'; pick: number; days: number | null }
  | { kind: 'labels'; pick: number; labels: string[] }
  | { kind: 'version'; pick: number; version: number | null }
  | { kind: 'transition'; pick: number; to: number }
  | { kind: 'create'; summary: string; version: number | null }
  | { kind: 'delete'; pick: number }
  | { kind: 'link'; pick: number; other: number; unlink: boolean };

const pick = fc.nat({ max: 10_000 });
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('summary' as const),
    pick,
    text: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  }),
  fc.record({ kind: fc.constant('due' as const), pick, days: fc.option(fc.integer({ min: -60, max: 60 })) }),
  fc.record({ kind: fc.constant('labels' as const), pick, labels: fc.subarray(['client', 'internal', 'waiting-on-client', 'urgent']) }),
  fc.record({ kind: fc.constant('version' as const), pick, version: fc.option(fc.nat({ max: 5 })) }),
  fc.record({ kind: fc.constant('transition' as const), pick, to: fc.nat({ max: 20 }) }),
  fc.record({
    kind: fc.constant('create' as const),
    summary: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    version: fc.option(fc.nat({ max: 5 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
  { arbitrary: fc.record({ kind: fc.constant('link' as const), pick, other: pick, unlink: fc.boolean() }), weight: 3 },
);

const silent = { warn: () => undefined };
/** Link-event sides checked against Jira across all runs: the property must exercise links. */
let linkChecks = 0;

async function scenario(edits: readonly Edit[]) {
  const datasets = demoDatasets();
  const dataset = datasets[0];
  if (!dataset) throw new Error('the demo has a project');
  const clock = { at: DEMO_NOW.getTime(), now: () => new Date(clock.at) };
  const events: unknown[] = [];
  const linkEvents: unknown[] = [];
  const emulator = new JiraEmulator({
    datasets,
    now: () => clock.now(),
    perIssueWriteLimit: null,
    onIssueEvent: (event) => events.push(event),
    onIssueLinkEvent: (event) => linkEvents.push(event),
  });
  const client = new JiraClient({
    transport: (path, init) => emulator.handle(new Request(`https://emulator.invalid${path}`, init)),
    policy: RETRY_POLICIES.consumer,
    sleep: () => Promise.resolve(),
  });
  const jira = new JiraSyncReader(client);
  const project = { id: dataset.project.id, key: dataset.project.key };
  const deps = (records: InMemoryRecordStore): SyncDeps => ({
    records,
    jira,
    clock,
    recordsSource: new KvsRecordsSource(records),
    log: silent,
  });
  const syncToEnd = async (records: InMemoryRecordStore) => {
    const begun = await beginSync(deps(records), project);
    if (!begun.owned || !(await runSync(deps(records), project, DEFAULT_PROJECT_SETTINGS, begun.state, { deadline: Infinity }))) {
      throw new Error('the sync did not finish');
    }
  };
  const asPm = (path: string, method: string, body?: unknown) =>
    emulator.handle(
      new Request(`https://emulator.invalid${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { accountId: LOCAL_ACCOUNTS.pm.accountId },
    );

  const records = new InMemoryRecordStore();
  await trackProject(records, project, clock.now());
  await syncToEnd(records);

  const keys = (dataset.issues as { key: string }[]).map((issue) => issue.key);
  const linked = dataset.issues.filter((issue) => (issue.fields['issuelinks'] as unknown[] | undefined)?.length).map((issue) => issue.key);
  const versions = (dataset.versions ?? []).map((v) => v.id);
  const properties = { writeRisk: () => Promise.resolve(), deleteRisk: () => Promise.resolve() };
  const queue = { requestRefresh: () => Promise.resolve() };

  for (const edit of edits) {
    clock.at += 60_000;
    const key = keys[('pick' in edit ? edit.pick : 0) % Math.max(1, keys.length)] ?? '';
    let response: Response | undefined;
    switch (edit.kind) {
      case 'summary':
        response = await asPm(`/rest/api/3/issue/${key}`, 'PUT', { fields: { summary: edit.text } });
        break;
      case 'due': {
        const due = edit.days === null ? null : new Date(clock.at + edit.days * 86_400_000).toISOString().slice(0, 10);
        response = await asPm(`/rest/api/3/issue/${key}`, 'PUT', { fields: { duedate: due } });
        break;
      }
      case 'labels':
        response = await asPm(`/rest/api/3/issue/${key}`, 'PUT', { fields: { labels: edit.labels } });
        break;
      case 'version': {
        const version = edit.version === null ? undefined : versions[edit.version % Math.max(1, versions.length)];
        response = await asPm(`/rest/api/3/issue/${key}`, 'PUT', {
          fields: { fixVersions: version === undefined ? [] : [{ id: version }] },
        });
        break;
      }
      case 'transition': {
        const listed = (await (await asPm(`/rest/api/3/issue/${key}/transitions`, 'GET')).json()) as { transitions?: { id: string }[] };
        const transition = listed.transitions?.[edit.to % Math.max(1, listed.transitions.length)];
        if (transition) response = await asPm(`/rest/api/3/issue/${key}/transitions`, 'POST', { transition: { id: transition.id } });
        break;
      }
      case 'create': {
        const version = edit.version === null ? undefined : versions[edit.version % Math.max(1, versions.length)];
        response = await asPm('/rest/api/3/issue', 'POST', {
          fields: {
            project: { key: project.key },
            summary: edit.summary,
            issuetype: { name: 'Task' },
            ...(version === undefined ? {} : { fixVersions: [{ id: version }] }),
          },
        });
        if (response.ok) keys.push(((await response.clone().json()) as { key: string }).key);
        break;
      }
      case 'delete':
        response = await asPm(`/rest/api/3/issue/${key}`, 'DELETE');
        if (response.ok) keys.splice(keys.indexOf(key), 1);
        break;
      case 'link': {
        if (edit.unlink) {
          // Removes a link of an issue that has some (from the data or made before), if it still has one.
          const linkedKey = linked[edit.pick % Math.max(1, linked.length)] ?? key;
          const read = (await (await asPm(`/rest/api/3/issue/${linkedKey}?fields=issuelinks`, 'GET')).json()) as {
            fields?: { issuelinks?: { id: string }[] };
          };
          const links = read.fields?.issuelinks ?? [];
          const link = links[edit.other % Math.max(1, links.length)];
          if (link) response = await asPm(`/rest/api/3/issueLink/${link.id}`, 'DELETE');
        } else {
          const other = keys[edit.other % Math.max(1, keys.length)] ?? '';
          // Linking an issue to itself is a 400, as on Jira.
          response = await asPm('/rest/api/3/issueLink', 'POST', {
            type: { name: 'Blocks' },
            inwardIssue: { key: other },
            outwardIssue: { key },
          });
          if (response.ok) linked.push(key, other);
        }
        break;
      }
    }
    if (response && !response.ok && response.status !== 400) throw new Error(`${edit.kind} on ${key}: ${String(response.status)}`);
    // Jira delivers each event to the trigger; the app applies them in order.
    for (const event of events.splice(0)) {
      await applyIssueEvent(
        { records, jira, events: new JiraIssueEventReader(), properties, clock, queue, log: silent },
        event,
        project,
        DEFAULT_PROJECT_SETTINGS,
      );
    }
    // A link fires only its own event; the trigger refreshes both issues.
    for (const event of linkEvents.splice(0)) {
      for (const side of linkedIssuesOf(event) ?? []) {
        await applyIssueLinkEvent(
          { records, jira, events: new JiraIssueEventReader(), properties, clock, queue, log: silent },
          side,
          DEFAULT_PROJECT_SETTINGS,
        );
        // The event alone brings the cache up to date (the refresh below would hide a dropped event).
        const head = (await readSnapshot(records, project.id)).value;
        const fresh = await jira.readIssue(side.issueId, DEFAULT_PROJECT_SETTINGS, await siteMetadata({ records, jira, clock }));
        if (!head || !fresh) throw new Error(`linked issue ${side.issueId} is not readable`);
        expect((await readCachedIssue(records, head, fresh)).issue).toEqual(fresh);
        linkChecks += 1;
      }
    }
  }

  clock.at += 60_000;
  await syncToEnd(records);
  const fresh = new InMemoryRecordStore();
  await syncToEnd(fresh);
  return { kept: await stored(records, project.id), full: await stored(fresh, project.id) };
}

async function stored(records: InMemoryRecordStore, projectId: string) {
  const snapshot = (await readSnapshot(records, projectId)).value;
  if (!snapshot) throw new Error('no snapshot');
  const issues = (await readCachedIssues(records, snapshot)).sort((a, b) => a.id.localeCompare(b.id));
  return { reports: await readReports(records, snapshot), issues, counts: snapshot.counts, burnups: snapshot.burnups };
}

describe('events + incremental refresh = full re-derivation', () => {
  it('holds for random edit sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), async (edits) => {
        const { kept, full } = await scenario(edits);
        expect(kept).toEqual(full);
      }),
      { numRuns: 12, seed: 20_261_201 },
    );
    expect(linkChecks).toBeGreaterThan(4);
  }, 240_000);
});
