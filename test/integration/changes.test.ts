/**
 * Change requests on the real path (resolver -> storage kit -> KVS on SQLite, Jira emulator), as
 * each local account: given/when/then, asserting answers, what is stored, and the re-baselining
 * the status report shows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeListSchema, changeRequestSchema, type ChangeDraftJson, type ChangeRequestJson } from '../../contract/changes';
import { statusReportSchema, type StatusReportJson } from '../../contract/report';
import { clientStatusReportSchema } from '../../contract/client-report';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { changeRequestKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aChangeDraft } from '../support/change-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: { path: string; message: string }[] } };
const as =
  (role: AccountRole, locale = 'en_US') =>
  (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
    app.forge.invokeResolver(projectPageContext(acme.project, locale, ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
const member = as('member');
const stored = () => listAll(new KvsRecordStore().collection(changeRequestKind, acme.project.id));

async function save(draft: ChangeDraftJson, revision = 0, who = member): Promise<ChangeRequestJson> {
  const answer = await who('changes/save', { request: draft, revision });
  expect(answer.error).toBeUndefined();
  return changeRequestSchema.parse((answer.data as { request: unknown }).request);
}
async function move(request: ChangeRequestJson, to: string, extra: object = {}): Promise<ChangeRequestJson> {
  const answer = await member('changes/transition', { id: request.id, revision: request.revision, to, ...extra });
  expect(answer.error).toBeUndefined();
  return changeRequestSchema.parse((answer.data as { request: unknown }).request);
}
async function report(): Promise<StatusReportJson> {
  return statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang: 'en' })).data);
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('changes/save and changes/list', () => {
  it('given a new request, stores it proposed at revision 1 and lists it with the totals per status', async () => {
    const created = await save(aChangeDraft());
    expect(created).toMatchObject({ id: 'cr1', status: 'proposed', revision: 1, decision: null, milestone: null });
    expect(await stored()).toEqual([created]);
    const list = changeListSchema.parse((await pm('changes/list', {})).data);
    expect(list.items).toEqual([created]);
    expect(list.cursor).toBeNull();
    expect(list.canEdit).toBe(true);
    expect(list.totals.byStatus.find((s) => s.status === 'proposed')?.totals).toEqual({
      count: 1,
      scheduleDays: 5,
      effortHours: 40,
      costs: [{ amount: 12000, currency: 'EUR' }],
    });
    expect(list.totals).toMatchObject({ counted: 1, complete: true });
  });

  it('given a stale edit, answers CONFLICT and keeps the first edit; a fresh one goes through', async () => {
    const created = await save(aChangeDraft());
    await save(aChangeDraft({ title: 'First edit' }), created.revision);
    const stale = await pm('changes/save', { request: aChangeDraft({ title: 'Stale edit' }), revision: created.revision });
    expect(stale.error?.code).toBe('CONFLICT');
    expect((await stored())[0]).toMatchObject({ title: 'First edit', revision: 2 });
    const again = await pm('changes/save', { request: aChangeDraft({ id: 'cr1', title: 'Taken id' }), revision: 0 });
    expect(again.error?.code).toBe('CONFLICT');
  });

  it('pages through the requests with a cursor and filters by status', async () => {
    for (let i = 0; i < 5; i += 1) await save(aChangeDraft({ id: `cr${String(i)}`, title: `Request ${String(i)}` }));
    const moved = await move((await stored()).find((r) => r.id === 'cr2') as ChangeRequestJson, 'assessing');
    const first = changeListSchema.parse((await pm('changes/list', { limit: 2 })).data);
    expect(first.items).toHaveLength(2);
    expect(first.cursor).not.toBeNull();
    const ids = [...first.items.map((r) => r.id)];
    let cursor = first.cursor;
    while (cursor !== null) {
      const page = changeListSchema.parse((await pm('changes/list', { limit: 2, cursor })).data);
      ids.push(...page.items.map((r) => r.id));
      cursor = page.cursor;
    }
    expect(ids.sort()).toEqual(['cr0', 'cr1', 'cr2', 'cr3', 'cr4']);
    const assessing = changeListSchema.parse((await pm('changes/list', { status: 'assessing' })).data);
    expect(assessing.items).toEqual([moved]);
    expect((await pm('changes/list', { cursor: 'not-a-cursor' })).error?.code).toBe('INVALID_PAYLOAD');
  });

  it('refuses an invalid request beside its fields and a milestone the project does not have', async () => {
    const bad = await member('changes/save', {
      request: { ...aChangeDraft(), title: '', impact: { ...aChangeDraft().impact, cost: { amount: 1.234, currency: 'euro' } } },
      revision: 0,
    });
    expect(bad.error?.code).toBe('INVALID_PAYLOAD');
    expect(bad.error?.fields?.map((f) => f.path).sort()).toEqual([
      'request.impact.cost.amount',
      'request.impact.cost.currency',
      'request.title',
    ]);
    const ghost = await member('changes/save', { request: aChangeDraft({ milestone: { id: '999999', newTarget: null } }), revision: 0 });
    expect(ghost.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'request.milestone.id' }] });
    expect(await stored()).toEqual([]);
  });
});

describe('changes/transition', () => {
  it('walks the lifecycle, records the decision with the server time, and refuses moves the lifecycle does not allow', async () => {
    const created = await save(aChangeDraft());
    const skipped = await member('changes/transition', { id: 'cr1', revision: 1, to: 'approved', decider: 'Li Na' });
    expect(skipped.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'to' }] });
    const awaiting = await move(await move(created, 'assessing'), 'awaiting-client');
    const noReason = await member('changes/transition', { id: 'cr1', revision: awaiting.revision, to: 'rejected', decider: 'Li Na' });
    expect(noReason.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'reason' }] });
    const before = Date.now();
    const rejected = await move(awaiting, 'rejected', { decider: 'Li Na', reason: 'Too costly this quarter' });
    expect(rejected.decision).toMatchObject({ outcome: 'rejected', by: 'Li Na', reason: 'Too costly this quarter' });
    expect(Date.parse(rejected.decision?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect((await member('changes/transition', { id: 'cr1', revision: rejected.revision, to: 'implemented' })).error?.code).toBe(
      'INVALID_PAYLOAD',
    );
    expect((await member('changes/save', { request: aChangeDraft(), revision: rejected.revision })).error).toMatchObject({
      code: 'INVALID_PAYLOAD',
      fields: [{ path: 'request' }],
    });
    expect((await member('changes/transition', { id: 'cr1', revision: 1, to: 'assessing' })).error?.code).toBe('CONFLICT');
    expect((await member('changes/transition', { id: 'nope', revision: 1, to: 'assessing' })).error?.code).toBe('NOT_FOUND');
    expect(await stored()).toEqual([rejected]);
  });

  it('re-baselines on approval: linked issues leave scope creep, the milestone shows both targets, the report lists the request', async () => {
    await pm('project/refresh', {});
    const before = await report();
    const creep = before.dimensions.scope.measures.find((m) => m.id === 'scopeCreep');
    const added = creep?.evidence ?? [];
    expect(added.length).toBeGreaterThan(0);
    const next = before.sections.milestones.find((m) => !m.released && m.releaseDate !== null);
    if (!next?.releaseDate) throw new Error('the demo has a dated milestone');
    const newTarget = `${String(Number(next.releaseDate.slice(0, 4)) + 1)}${next.releaseDate.slice(4)}`;

    const created = await save(aChangeDraft({ linkedIssueKeys: added.slice(0, 50), milestone: { id: next.id, newTarget } }));
    expect(created.milestone).toMatchObject({ id: next.id, name: next.name, originalTarget: next.releaseDate, newTarget });
    const awaiting = await move(await move(created, 'assessing'), 'awaiting-client');
    const pending = await report();
    expect(pending.dimensions.scope.measures.find((m) => m.id === 'scopeCreep')?.evidence).toEqual(added);
    expect(pending.sections.changeRequests?.items.map((i) => [i.id, i.status])).toEqual([['cr1', 'awaiting-client']]);

    await move(awaiting, 'approved', { decider: 'Li Na' });
    const after = await report();
    const creepAfter = after.dimensions.scope.measures.find((m) => m.id === 'scopeCreep');
    expect(creepAfter?.evidence.filter((key) => added.slice(0, 50).includes(key))).toEqual([]);
    expect(after.sections.milestones.find((m) => m.id === next.id)).toMatchObject({
      releaseDate: newTarget,
      originalReleaseDate: next.releaseDate,
    });
    expect(after.sections.changeRequests?.totals.approved).toMatchObject({ count: 1, scheduleDays: 5 });
    expect(after.sections.changeRequests?.items[0]).toMatchObject({
      id: 'cr1',
      status: 'approved',
      decidedInPeriod: true,
      decision: { by: 'Li Na' },
    });

    const client = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'zh-CN' })).data);
    expect(client.sections.changeRequests?.items.map((i) => i.id)).toEqual(['cr1']);
    expect(JSON.stringify(client.sections.changeRequests)).not.toContain('platform team');
    expect(JSON.stringify(client.sections.changeRequests)).not.toContain('linkedIssueKeys');
  });
});

describe('permissions', () => {
  it('lets the viewer read (canEdit false) and refuses every write; the outsider gets nothing; nothing changes', async () => {
    const created = await save(aChangeDraft());
    const viewer = as('viewer');
    const outsider = as('outsider');
    expect((await viewer('changes/list', {})).data).toMatchObject({ canEdit: false, items: [created] });
    for (const who of [viewer, outsider]) {
      expect((await who('changes/save', { request: aChangeDraft({ title: 'Hijack' }), revision: 1 })).error?.code).toBe('FORBIDDEN');
      expect((await who('changes/save', { request: aChangeDraft({ id: 'cr9' }), revision: 0 })).error?.code).toBe('FORBIDDEN');
      expect((await who('changes/transition', { id: 'cr1', revision: 1, to: 'assessing' })).error?.code).toBe('FORBIDDEN');
    }
    expect((await outsider('changes/list', {})).error?.code).toBe('FORBIDDEN');
    expect(await stored()).toEqual([created]);
  });
});
