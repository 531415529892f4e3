/**
 * The snapshot sync on the real read path (JiraSyncReader over the emulator, as the app) and
 * the in-memory storage kit: chunking, resuming after a failure, one sync at a time, and an
 * incremental refresh after edits equal to a full re-derivation.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';
import { JiraEmulator } from '../../local/jira/emulator';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { Dataset } from '../../local/jira/dataset';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { JiraClient, RETRY_POLICIES, type JiraTransport } from '../../src/adapters/jira/jira-client';
import { JiraSyncReader } from '../../src/adapters/jira/jira-sync-reader';
import { KvsRecordsSource } from '../../src/adapters/storage/kvs-records-source';
import {
  readCachedIssues,
  readReports,
  readSnapshot,
  STORED_REPORT_FORMAT,
  writeGeneration,
} from '../../src/application/snapshot/project-cache';
import { openSnapshot } from '../../src/application/snapshot/open-snapshot';
import { beginSync, runSync, SYNC_LEASE_MS, type SyncDeps } from '../../src/application/snapshot/sync-project';
import { takeDailySnapshots } from '../../src/application/take-daily-snapshots';
import { EMPTY_ENGAGEMENT } from '../../contract/engagement';
import {
  engagementKind,
  kpiHistoryKind,
  reportPartKind,
  snapshotKind,
  syncPageKind,
  syncStateKind,
} from '../../src/application/records/record-kinds';
import { trackProject } from '../../src/application/tracked-projects';
import { DEMO_NOW, demoDatasets } from '../support/local-app';

const silent = { warn: () => undefined };

interface World {
  emulator: JiraEmulator;
  dataset: Dataset;
  calls: { count: number; failAfter: number | null; bodies: { path: string; body: unknown }[] };
  clock: { at: number; now: () => Date };
  deps: (records: InMemoryRecordStore) => SyncDeps;
}

function world(): World {
  const datasets = demoDatasets();
  const dataset = datasets[0];
  if (!dataset) throw new Error('the demo has a project');
  const emulator = new JiraEmulator({ datasets, now: () => new Date(clock.at) });
  const calls = { count: 0, failAfter: null as number | null, bodies: [] as { path: string; body: unknown }[] };
  const transport: JiraTransport = (path, init) => {
    calls.count += 1;
    calls.bodies.push({ path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
    if (calls.failAfter !== null && calls.count > calls.failAfter) return Promise.resolve(new Response(null, { status: 503 }));
    return emulator.handle(new Request(`https://emulator.invalid${path}`, init));
  };
  const clock = { at: DEMO_NOW.getTime(), now: () => new Date(clock.at) };
  const jira = new JiraSyncReader(
    new JiraClient({ transport, policy: { ...RETRY_POLICIES.resolver, maxAttempts: 1 }, sleep: () => Promise.resolve() }),
  );
  return {
    emulator,
    dataset,
    calls,
    clock,
    deps: (records) => ({ records, jira, clock, recordsSource: new KvsRecordsSource(records), log: silent }),
  };
}

/** Runs the project's sync to its end in slices of `steps` (one page, history batch or derive each). */
async function syncToEnd(w: World, records: InMemoryRecordStore, options: { steps?: number; full?: boolean } = {}): Promise<number> {
  const project = { id: w.dataset.project.id, key: w.dataset.project.key };
  let slices = 0;
  for (;;) {
    const begun = await beginSync(w.deps(records), project, options.full ? { full: true } : {});
    if (!begun.owned) throw new Error('another sync holds the project');
    slices += 1;
    const done = await runSync(w.deps(records), project, DEFAULT_PROJECT_SETTINGS, begun.state, {
      deadline: Infinity,
      ...(options.steps === undefined ? {} : { maxSteps: options.steps }),
    });
    if (done) return slices;
  }
}

async function stored(records: InMemoryRecordStore, projectId: string) {
  const snapshot = (await readSnapshot(records, projectId)).value;
  if (!snapshot) throw new Error('no snapshot');
  const issues = (await readCachedIssues(records, snapshot)).sort((a, b) => a.id.localeCompare(b.id));
  return { reports: await readReports(records, snapshot), issues, counts: snapshot.counts, burnups: snapshot.burnups };
}

async function editAsPm(w: World, path: string, method: string, body?: unknown): Promise<Response> {
  const init: RequestInit = {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  return w.emulator.handle(new Request(`https://emulator.invalid${path}`, init), { accountId: LOCAL_ACCOUNTS.pm.accountId });
}

describe('a full sync', () => {
  it('split into one-step slices ends with the same snapshot as one run, and stores no page afterwards', async () => {
    const w = world();
    const whole = new InMemoryRecordStore();
    expect(await syncToEnd(w, whole)).toBe(1);
    const sliced = new InMemoryRecordStore();
    const slices = await syncToEnd(w, sliced, { steps: 1 });

    expect(slices).toBeGreaterThan(3);
    expect(await stored(sliced, w.dataset.project.id)).toEqual(await stored(whole, w.dataset.project.id));
    expect(sliced.records.get(`sync-page\u0000${w.dataset.project.id}`)?.size ?? 0).toBe(0);
  });

  it('leaves only its own generation: the replaced one and what a sync that died before its switch wrote are deleted', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    const project = { id: w.dataset.project.id, key: w.dataset.project.key };
    await syncToEnd(w, records);
    const first = (await readSnapshot(records, project.id)).value;
    if (!first) throw new Error('no snapshot');
    // A full sync that wrote its generation and a staged page, then died before switching to it.
    const died = await beginSync(w.deps(records), project, { full: true });
    if (!died.owned) throw new Error('the project is free');
    const orphan = died.state.value.generation;
    await writeGeneration(records, project.id, orphan, first.asOf, [await readCachedIssues(records, first)], ['{}']);
    await records.collection(syncPageKind, project.id).put({ generation: orphan, index: 0, at: first.asOf, issues: [], needsHistory: [] });
    w.clock.at += SYNC_LEASE_MS + 1;
    await syncToEnd(w, records, { full: true });

    const last = (await readSnapshot(records, project.id)).value;
    const generationsOf = (entity: string) => {
      const values = [...(records.records.get(`${entity}\u0000${project.id}`)?.values() ?? [])];
      return new Set(values.map((value) => z.object({ generation: z.number() }).parse(JSON.parse(value.json)).generation));
    };
    expect(last?.generation).toBeGreaterThan(orphan);
    expect(generationsOf('issue-bucket')).toEqual(new Set([last?.generation]));
    expect(generationsOf('report-part')).toEqual(new Set([last?.generation]));
    expect(records.records.get(`sync-page\u0000${project.id}`)?.size ?? 0).toBe(0);
  });

  it('killed half-way resumes from its cursor (no page read twice) and ends with the same result', async () => {
    const w = world();
    const reference = new InMemoryRecordStore();
    await syncToEnd(w, reference);
    const callsForOneSync = w.calls.count;

    w.calls.count = 0;
    w.calls.failAfter = 5;
    const records = new InMemoryRecordStore();
    const project = { id: w.dataset.project.id, key: w.dataset.project.key };
    const begun = await beginSync(w.deps(records), project);
    if (!begun.owned) throw new Error('expected to own the sync');
    await expect(runSync(w.deps(records), project, DEFAULT_PROJECT_SETTINGS, begun.state, { deadline: Infinity })).rejects.toMatchObject({
      code: 'JIRA_UNAVAILABLE',
    });
    const failedState = (await records.document(syncStateKind, project.id).get()).value;
    expect(failedState).toMatchObject({ state: 'failed', error: { code: 'JIRA_UNAVAILABLE' } });

    w.calls.failAfter = null;
    await syncToEnd(w, records);
    expect(await stored(records, project.id)).toEqual(await stored(reference, project.id));
    // The failed attempt's successful calls were not repeated: one failed call more than a clean sync at most,
    // plus the site lists and count asked again by the resumed slice.
    expect(w.calls.count).toBeLessThanOrEqual(callsForOneSync + 6);
  });

  it('runs one at a time: a second start joins the running sync, and takes over only once its lease has passed', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    const project = { id: w.dataset.project.id, key: w.dataset.project.key };
    const first = await beginSync(w.deps(records), project);
    expect(first.owned).toBe(true);
    const second = await beginSync(w.deps(records), project);
    expect(second.owned).toBe(false);
    const twice = await Promise.all([beginSync(w.deps(records), project), beginSync(w.deps(records), project)]);
    expect(twice.filter((b) => b.owned)).toHaveLength(0);

    w.clock.at += SYNC_LEASE_MS + 1;
    const racing = await Promise.all([beginSync(w.deps(records), project), beginSync(w.deps(records), project)]);
    expect(racing.filter((b) => b.owned)).toHaveLength(1);
  });
});

describe('an incremental refresh after edits', () => {
  it('gives the snapshot a full re-derivation gives: edited, created and deleted issues included', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    await syncToEnd(w, records);
    const key = w.dataset.project.key;
    const [a, b, c] = w.dataset.issues as { key: string }[];
    if (!a || !b || !c) throw new Error('the demo has issues');

    w.clock.at += 3_600_000;
    expect(
      (await editAsPm(w, `/rest/api/3/issue/${a.key}`, 'PUT', { fields: { summary: 'Renamed', labels: ['client', 'urgent'] } })).status,
    ).toBe(204);
    expect((await editAsPm(w, `/rest/api/3/issue/${b.key}`, 'PUT', { fields: { duedate: '2026-11-01' } })).status).toBe(204);
    expect((await editAsPm(w, `/rest/api/3/issue/${c.key}`, 'DELETE')).status).toBe(204);
    const created = await editAsPm(w, '/rest/api/3/issue', 'POST', {
      fields: { project: { key }, summary: 'A new request from the client', issuetype: { name: 'Task' } },
    });
    expect(created.status).toBe(201);

    w.clock.at += 60_000;
    await syncToEnd(w, records);
    const fresh = new InMemoryRecordStore();
    await syncToEnd(w, fresh);

    const incremental = await stored(records, w.dataset.project.id);
    expect(incremental.issues.map((i) => i.key)).not.toContain(c.key);
    expect(incremental.issues.find((i) => i.key === a.key)?.summary).toBe('Renamed');
    expect(incremental).toEqual(await stored(fresh, w.dataset.project.id));
  });
});

describe('an incremental refresh reads changelogs', () => {
  it('only of issues whose status, resolution, versions or blockers may have moved since the cache read them', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    await syncToEnd(w, records);
    const cached = (await stored(records, w.dataset.project.id)).issues;
    const waiting = new Set(DEFAULT_PROJECT_SETTINGS.waitingOnClientStatuses.map((name) => name.toLowerCase()));
    const inProgress = cached.filter(
      (issue) => issue.status.category === 'indeterminate' && issue.history.complete && !waiting.has(issue.status.name.toLowerCase()),
    );
    const [renamed, moved] = inProgress;
    if (!renamed || !moved) throw new Error('the demo has issues in progress');

    w.clock.at += 3_600_000;
    expect((await editAsPm(w, `/rest/api/3/issue/${renamed.key}`, 'PUT', { fields: { summary: 'Renamed in progress' } })).status).toBe(204);
    const listed = z
      .object({ transitions: z.array(z.object({ id: z.string(), to: z.object({ statusCategory: z.object({ key: z.string() }) }) })) })
      .parse(await (await editAsPm(w, `/rest/api/3/issue/${moved.key}/transitions`, 'GET')).json());
    const toDone = listed.transitions.find((t) => t.to.statusCategory.key === 'done');
    if (!toDone) throw new Error('the workflow has a done status');
    expect((await editAsPm(w, `/rest/api/3/issue/${moved.key}/transitions`, 'POST', { transition: { id: toDone.id } })).status).toBe(204);

    w.clock.at += 60_000;
    w.calls.bodies.length = 0;
    await syncToEnd(w, records);
    const changelogIds = w.calls.bodies
      .filter((call) => call.path.startsWith('/rest/api/3/changelog/bulkfetch'))
      .flatMap((call) => z.object({ issueIdsOrKeys: z.array(z.string()) }).parse(call.body).issueIdsOrKeys);
    expect(changelogIds).toContain(moved.id);
    expect(changelogIds).not.toContain(renamed.id);

    const fresh = new InMemoryRecordStore();
    await syncToEnd(w, fresh);
    const incremental = await stored(records, w.dataset.project.id);
    expect(incremental.issues.find((i) => i.id === renamed.id)?.summary).toBe('Renamed in progress');
    expect(incremental).toEqual(await stored(fresh, w.dataset.project.id));
  });
});

describe('a snapshot written by an older app', () => {
  it('whose report no longer reads is re-derived when opened, not answered with a storage error', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    const project = { id: w.dataset.project.id, key: w.dataset.project.key };
    await syncToEnd(w, records);
    const written = await records.document(snapshotKind, project.id).get();
    if (!written.value) throw new Error('no snapshot');
    // The older app's report shape: the parts hold what today's schema cannot read.
    for (let index = 0; index < written.value.reportParts; index += 1) {
      await records
        .collection(reportPartKind, project.id)
        .put({ generation: written.value.generation, index, at: written.value.asOf, text: index === 0 ? '{"internal":{}}' : '' });
    }
    await records.document(snapshotKind, project.id).save({ ...written.value, reportFormat: 0 }, written.revision);
    await expect(readReports(records, { ...written.value, reportFormat: 0 })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });

    w.clock.at += 60_000;
    const queue = { requestRefresh: () => Promise.resolve() };
    const opened = await openSnapshot(
      { ...w.deps(records), queue },
      project,
      { value: DEFAULT_PROJECT_SETTINGS, revision: 0 },
      { budgetMs: 60_000, wait: () => Promise.resolve() },
    );
    expect(opened.reportFormat).toBe(STORED_REPORT_FORMAT);
    expect(opened.generation).toBeGreaterThan(written.value.generation);
    expect((await readReports(records, opened)).internal.project.key).toBe(project.key);
  });
});

describe('the daily job', () => {
  it('run twice at once, and again later the same day, leaves one KPI point for the day', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    await trackProject(records, w.dataset.project, w.clock.now());
    await syncToEnd(w, records);
    const queue = { requested: 0, requestRefresh: () => ((queue.requested += 1), Promise.resolve()) };
    const run = () => takeDailySnapshots({ records, clock: w.clock, queue });

    await Promise.all([run(), run()]);
    w.clock.at += 3_600_000;
    await run();

    const points = (await records.collection(kpiHistoryKind, w.dataset.project.id).list({ limit: 100 })).items;
    expect(points.map((p) => p.day)).toEqual(['2026-11-27']);
    expect(queue.requested).toBe(0);
  });

  it('skips a project whose engagement is closed: no KPI point, no refresh even when stale', async () => {
    const w = world();
    const records = new InMemoryRecordStore();
    await trackProject(records, w.dataset.project, w.clock.now());
    await syncToEnd(w, records);
    const queue = { requested: 0, requestRefresh: () => ((queue.requested += 1), Promise.resolve()) };
    const engagement = records.document(engagementKind, w.dataset.project.id);
    await engagement.save({ ...EMPTY_ENGAGEMENT, phase: 'closed' }, 0);
    // Two days on: the snapshot is stale, which would queue a refresh for an open project.
    w.clock.at += 2 * 86_400_000;
    const points = () => records.collection(kpiHistoryKind, w.dataset.project.id).list({ limit: 100 });
    const before = await points();

    const run = await takeDailySnapshots({ records, clock: w.clock, queue });
    expect(run).toMatchObject({ closed: [w.dataset.project.key], taken: [], queued: [] });
    expect(queue.requested).toBe(0);
    expect(await points()).toEqual(before);

    // Open again (support): the same run refreshes it.
    await engagement.save({ ...EMPTY_ENGAGEMENT, phase: 'support' }, 1);
    expect(await takeDailySnapshots({ records, clock: w.clock, queue })).toMatchObject({ closed: [], queued: [w.dataset.project.key] });
  });
});
