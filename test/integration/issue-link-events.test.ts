/**
 * Issue links made or removed in Jira reach the cache through `avi:jira:created|deleted:issuelink`
 * (Jira fires no issue event for them): both issues are re-read and stored as changed issues,
 * within the tracked projects only; on the local platform the emulator's link events reach the
 * manifest's link trigger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { JiraEmulator, type IssueLinkEvent } from '../../local/jira/emulator';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraIssueEventReader } from '../../src/adapters/jira/jira-issue-event-reader';
import { JiraSyncReader } from '../../src/adapters/jira/jira-sync-reader';
import { KvsRecordsSource } from '../../src/adapters/storage/kvs-records-source';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { issueDeltaKind } from '../../src/application/records/record-kinds';
import { applyIssueLinkEvent } from '../../src/application/snapshot/apply-issue-link-event';
import { readCachedIssue, readSnapshot } from '../../src/application/snapshot/project-cache';
import { beginSync, runSync } from '../../src/application/snapshot/sync-project';
import { trackProject } from '../../src/application/tracked-projects';
import { linkedIssuesOf } from '../../src/entry/events/issue-link-changed';
import { DEMO_NOW, demoDatasets, startLocalApp } from '../support/local-app';

const silent = { warn: () => undefined };
const pm = LOCAL_ACCOUNTS.pm.accountId;

/** Open (not done; or of one category) issue keys of a demo project, without links of their own. */
function openUnlinked(dataset: { issues: { key: string; fields: Record<string, unknown> }[] }, only?: 'new' | 'indeterminate'): string[] {
  const category = z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) });
  return dataset.issues
    .map((i) => ({ ...i, category: category.parse(i.fields['status']).statusCategory.key }))
    .filter((i) => (only === undefined ? i.category !== 'done' : i.category === only))
    .filter((i) => !(i.fields['issuelinks'] as unknown[] | undefined)?.length)
    .map((i) => i.key);
}

async function given() {
  const datasets = demoDatasets();
  const [acme, other] = datasets;
  if (!acme || !other) throw new Error('the demo has two projects');
  const clock = { at: DEMO_NOW.getTime(), now: () => new Date(clock.at) };
  const linkEvents: IssueLinkEvent[] = [];
  const emulator = new JiraEmulator({ datasets, now: () => clock.now(), onIssueLinkEvent: (event) => linkEvents.push(event) });
  const jira = new JiraSyncReader(
    new JiraClient({
      transport: (path, init) => emulator.handle(new Request(`https://emulator.invalid${path}`, init)),
      policy: RETRY_POLICIES.consumer,
      sleep: () => Promise.resolve(),
    }),
  );
  const records = new InMemoryRecordStore();
  const project = { id: acme.project.id, key: acme.project.key };
  await trackProject(records, project, clock.now());
  const syncDeps = { records, jira, clock, recordsSource: new KvsRecordsSource(records), log: silent };
  const begun = await beginSync(syncDeps, project);
  if (!begun.owned || !(await runSync(syncDeps, project, DEFAULT_PROJECT_SETTINGS, begun.state, { deadline: Infinity }))) {
    throw new Error('the sync did not finish');
  }
  const written: string[] = [];
  const deps = {
    records,
    jira,
    events: new JiraIssueEventReader(),
    properties: {
      writeRisk: (key: string) => Promise.resolve(void written.push(key)),
      deleteRisk: (key: string) => Promise.resolve(void written.push(key)),
    },
    clock,
    queue: { requestRefresh: () => Promise.resolve() },
    log: silent,
  };
  const link = async (body: unknown) =>
    emulator.handle(new Request('https://emulator.invalid/rest/api/3/issueLink', { method: 'POST', body: JSON.stringify(body) }), {
      accountId: pm,
    });
  const unlink = async (id: string) =>
    emulator.handle(new Request(`https://emulator.invalid/rest/api/3/issueLink/${id}`, { method: 'DELETE' }), { accountId: pm });
  const cached = async (key: string) => {
    const head = (await readSnapshot(records, project.id)).value;
    if (!head) throw new Error('no snapshot');
    return (await readCachedIssue(records, head, { key })).issue;
  };
  /** Delivers the link events so far as the trigger does: each issue of the link, in order. */
  const deliver = async () => {
    const outcomes: string[] = [];
    for (const event of linkEvents.splice(0)) {
      for (const side of linkedIssuesOf(event) ?? []) outcomes.push(await applyIssueLinkEvent(deps, side, DEFAULT_PROJECT_SETTINGS));
    }
    return outcomes;
  };
  return { acme, other, clock, emulator, records, project, link, unlink, cached, deliver, linkEvents, written };
}

describe('link events keep the cache up to date', () => {
  it('a link made and removed: both issues are re-read, blockedBy and blocks follow, dated by the Link entry', async () => {
    const t = await given();
    const [blocker = ''] = openUnlinked(t.acme, 'new');
    // In progress: its history is read, which dates the link.
    const [blocked = ''] = openUnlinked(t.acme, 'indeterminate');
    t.clock.at += 3_600_000;
    expect((await t.link({ type: { name: 'Blocks' }, outwardIssue: { key: blocker }, inwardIssue: { key: blocked } })).status).toBe(201);
    const [event] = t.linkEvents;
    expect(await t.deliver()).toEqual(['applied', 'applied']);
    expect((await t.cached(blocked))?.blockedBy).toEqual([expect.objectContaining({ key: blocker, since: t.clock.at })]);
    expect((await t.cached(blocker))?.blocks).toEqual([blocked]);
    const deltas = t.records.collection(issueDeltaKind, t.project.id);
    expect((await deltas.get(event?.destinationIssueId ?? ''))?.key).toBe(blocked);

    t.clock.at += 3_600_000;
    expect((await t.unlink(event?.id ?? '')).status).toBe(204);
    expect(await t.deliver()).toEqual(['applied', 'applied']);
    expect((await t.cached(blocked))?.blockedBy).toEqual([]);
    expect((await t.cached(blocker))?.blocks).toEqual([]);
  });

  it('only issues of a tracked project count: the other side of a link across projects is ignored without a Jira read', async () => {
    const t = await given();
    const [acmeKey = ''] = openUnlinked(t.acme);
    const [otherKey = ''] = openUnlinked(t.other);
    expect((await t.link({ type: { name: 'Blocks' }, outwardIssue: { key: otherKey }, inwardIssue: { key: acmeKey } })).status).toBe(201);
    t.emulator.resetStats();
    expect(await t.deliver()).toEqual(['ignored', 'applied']);
    // One search: the tracked project's issue; the other project's is never asked for.
    expect(t.emulator.stats().byEndpoint['POST /rest/api/3/search/jql']?.calls).toBe(1);
    expect((await t.cached(acmeKey))?.blockedBy.map((b) => b.key)).toEqual([otherKey]);
  });

  it('an issue the event places in the tracked project but Jira shows elsewhere, or no longer has, is ignored', async () => {
    const t = await given();
    const otherIssue = t.other.issues[0];
    if (!otherIssue) throw new Error('no issue');
    t.linkEvents.push({
      eventType: 'avi:jira:created:issuelink',
      id: '1',
      sourceIssueId: otherIssue.id,
      sourceProjectId: t.project.id,
      destinationIssueId: '99999999',
      destinationProjectId: t.project.id,
      issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    });
    expect(await t.deliver()).toEqual(['ignored', 'ignored']);
    expect(t.written).toEqual([]);
    expect(await t.records.collection(issueDeltaKind, t.project.id).get(otherIssue.id)).toBeUndefined();
  });

  it('an event that does not read as a link event is dropped', () => {
    expect(linkedIssuesOf({ eventType: 'avi:jira:created:issuelink', id: '1', sourceIssueId: '10001' })).toBeNull();
    expect(
      linkedIssuesOf({
        eventType: 'avi:jira:updated:issue',
        id: '1',
        sourceIssueId: '1',
        destinationIssueId: '2',
        sourceProjectId: '3',
        destinationProjectId: '3',
      }),
    ).toBeNull();
    expect(linkedIssuesOf(null)).toBeNull();
    expect(
      linkedIssuesOf({
        eventType: 'avi:jira:deleted:issuelink',
        id: 7,
        sourceIssueId: 10001,
        destinationIssueId: '10002',
        sourceProjectId: 10000,
        destinationProjectId: '10010',
      }),
    ).toEqual([
      { issueId: '10001', projectId: '10000' },
      { issueId: '10002', projectId: '10010' },
    ]);
  });
});

describe('on the local platform', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ datasets: demoDatasets() });
  });
  afterAll(async () => {
    await app.close();
  });

  it("a user's link reaches the link trigger with the link's ids; the app's own links do not", async () => {
    const acme = demoDatasets()[0];
    if (!acme) throw new Error('no demo project');
    const [a = '', b = '', c = ''] = openUnlinked(acme);
    const post = (body: unknown, accountId?: string) =>
      app.product(
        new Request('https://local.atlassian.invalid/rest/api/3/issueLink', { method: 'POST', body: JSON.stringify(body) }),
        accountId === undefined
          ? { type: 'fpp', remote: 'jira', provider: 'app' }
          : { type: 'fpp', remote: 'jira', provider: 'user', accountId },
      );
    const delivered = app.forge.deliveredEvents.length;
    expect((await post({ type: { name: 'Blocks' }, outwardIssue: { key: a }, inwardIssue: { key: b } }, pm)).status).toBe(201);
    expect((await post({ type: { name: 'Blocks' }, outwardIssue: { key: a }, inwardIssue: { key: c } })).status).toBe(201);
    await app.forge.drainQueue();
    const got = app.forge.deliveredEvents.slice(delivered);
    expect(got.map((d) => [d.triggerKey, d.event.eventType])).toEqual([['issue-link-changed-trigger', 'avi:jira:created:issuelink']]);
    expect(linkedIssuesOf(got[0]?.event)?.map((s) => s.projectId)).toEqual([acme.project.id, acme.project.id]);
    expect(app.forge.invocations.filter((r) => r.key === 'issue-link-changed-trigger').map((r) => r.ok)).toEqual([true]);
  });
});
