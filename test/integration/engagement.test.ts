/**
 * The engagement record on the real path (resolver -> storage kit -> KVS on SQLite), as each
 * local account: revisioned saves, the phase lifecycle, "KPIs agreed" on the server's clock, and
 * the kick-off checklist from what the app holds.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ENGAGEMENT, engagementViewSchema, kickOffChecklistSchema, type EngagementJson } from '../../contract/engagement';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aPlan } from '../support/comms-builders';
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
const as = (role: AccountRole) => (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
const member = as('member');
const viewer = as('viewer');
const outsider = as('outsider');

const AGREED: EngagementJson = {
  ...EMPTY_ENGAGEMENT,
  clientName: 'Globex',
  scope: 'A customer portal with single sign-on.',
  deliverables: [{ id: 'd1', name: 'Portal MVP', description: '', milestoneIds: [], epicKeys: ['ACME-1'] }],
  budget: { hours: 1200, money: { amount: 150_000, currency: 'EUR' } },
  qualityStandards: [{ id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }],
  support: { responseHours: 8, resolutionHours: 72, clientLabel: 'client-reported', clientIssueTypeIds: [] },
};

async function get() {
  return engagementViewSchema.parse((await pm('engagement/get', {})).data);
}
async function save(engagement: EngagementJson, revision: number, who = member) {
  const answer = await who('engagement/save', { engagement, revision });
  expect(answer.error).toBeUndefined();
  return engagementViewSchema.parse(answer.data);
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('engagement/get and engagement/save', () => {
  it('given nothing saved, answers the empty engagement in kick-off', async () => {
    const view = await get();
    expect(view.engagement).toEqual(EMPTY_ENGAGEMENT);
    expect(view.canEdit).toBe(true);
  });

  it('saves at the current revision and refuses a stale one, changing nothing', async () => {
    const { revision } = await get();
    const saved = await save(AGREED, revision);
    expect(saved.engagement).toEqual(AGREED);
    expect(saved.revision).toBeGreaterThan(revision);
    const stale = await member('engagement/save', { engagement: { ...AGREED, clientName: 'Initech' }, revision });
    expect(stale.error?.code).toBe('CONFLICT');
    expect((await get()).engagement.clientName).toBe('Globex');
  });

  it('moves the phase only along the lifecycle', async () => {
    let view = await save(AGREED, (await get()).revision);
    const skip = await member('engagement/save', { engagement: { ...AGREED, phase: 'support' }, revision: view.revision });
    expect(skip.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'engagement.phase' }] });
    for (const phase of ['delivery', 'acceptance', 'delivery', 'acceptance', 'support', 'closed'] as const) {
      view = await save({ ...view.engagement, phase }, view.revision);
      expect(view.engagement.phase).toBe(phase);
    }
    const reopen = await member('engagement/save', { engagement: { ...view.engagement, phase: 'delivery' }, revision: view.revision });
    expect(reopen.error?.code).toBe('INVALID_PAYLOAD');
  });

  it("records 'KPIs agreed' at the server's time, keeps the first time, and clears it", async () => {
    const before = Date.now();
    let view = await save({ ...AGREED, kpisAgreedAt: '1999-01-01T00:00:00.000Z' }, (await get()).revision);
    const first = view.engagement.kpisAgreedAt;
    expect(first).not.toBe('1999-01-01T00:00:00.000Z');
    expect(Date.parse(first ?? '')).toBeGreaterThanOrEqual(before - 1000);
    view = await save({ ...view.engagement, kpisAgreedAt: '2030-01-01T00:00:00.000Z' }, view.revision);
    expect(view.engagement.kpisAgreedAt).toBe(first);
    view = await save({ ...view.engagement, kpisAgreedAt: null }, view.revision);
    expect(view.engagement.kpisAgreedAt).toBeNull();
  });

  it('lets a viewer read but not save, and refuses an outsider both', async () => {
    const { revision } = await get();
    expect(engagementViewSchema.parse((await viewer('engagement/get', {})).data).canEdit).toBe(false);
    expect((await viewer('engagement/save', { engagement: AGREED, revision })).error?.code).toBe('FORBIDDEN');
    expect((await outsider('engagement/get', {})).error?.code).toBe('FORBIDDEN');
    expect((await outsider('engagement/save', { engagement: AGREED, revision })).error?.code).toBe('FORBIDDEN');
    expect((await get()).engagement).toEqual(EMPTY_ENGAGEMENT);
  });
});

describe('engagement/checklist', () => {
  const done = async () =>
    Object.fromEntries(kickOffChecklistSchema.parse((await viewer('engagement/checklist', {})).data).items.map((i) => [i.item, i.done]));

  it('shows what the kick-off still lacks, and ticks items as the app learns them', async () => {
    expect(await done()).toEqual({
      'comms-plan-agreed': false,
      'kpis-agreed': false,
      'share-link-sent': false,
      'first-report-published': false,
    });
    await save({ ...AGREED, kpisAgreedAt: new Date().toISOString() }, (await get()).revision);
    const { revision } = (await pm('comms/get', {})).data as { revision: number };
    const saved = await member('comms/save', { plan: aPlan(), revision });
    expect(saved.error).toBeUndefined();
    const draft = (await pm('project/report', { audience: 'internal', lang: 'en' })).data as { draftRevision: string };
    expect((await member('report/publish', { draftRevision: draft.draftRevision })).error).toBeUndefined();
    expect(await done()).toMatchObject({ 'comms-plan-agreed': true, 'kpis-agreed': true, 'first-report-published': true });
  });
});
