/**
 * The engagement's budget and support phase on the real path (resolver -> storage kit -> KVS on
 * SQLite, the demo project in the Jira emulator): the cost dimension's cost performance, the
 * KPI history's burn, the report's support section for both audiences, and the communication
 * KPI counting only the series of the engagement's phase (issue 13).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_ENGAGEMENT, engagementViewSchema, type EngagementJson } from '../../contract/engagement';
import { clientStatusReportSchema } from '../../contract/client-report';
import { statusReportSchema } from '../../contract/report';
import { projectHistorySchema } from '../../contract/sync';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { ACCOUNTS } from '../support/accounts';
import { aPlan, aSeries } from '../support/comms-builders';
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

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const pm = (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', ACCOUNTS.pm.accountId), key, payload) as Promise<Answer>;

const internalReport = async (lang: 'en' | 'zh-CN' = 'en') =>
  statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang })).data);
const clientReport = async (lang: 'en' | 'zh-CN' = 'en') =>
  clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang })).data);

async function saveEngagement(engagement: EngagementJson): Promise<void> {
  const { revision } = engagementViewSchema.parse((await pm('engagement/get', {})).data);
  const answer = await pm('engagement/save', { engagement, revision });
  expect(answer.error).toBeUndefined();
}

/** Walks the lifecycle to `phase` (kick-off → delivery → acceptance → support). */
async function enterPhase(engagement: EngagementJson, phase: 'delivery' | 'support'): Promise<void> {
  const path = phase === 'delivery' ? (['delivery'] as const) : (['delivery', 'acceptance', 'support'] as const);
  for (const step of path) await saveEngagement({ ...engagement, phase: step });
}

/** Whether the demo issue, or its parent, carries the client label (the default `marked` visibility). */
function markedForClient(key: string): boolean {
  const byKey = new Map(acme?.issues.map((i) => [i.key, i]));
  const issue = byKey.get(key);
  const labelsOf = (i: typeof issue) => (i?.fields as { labels?: string[] } | undefined)?.labels ?? [];
  const parentKey = (issue?.fields as { parent?: { key?: string } } | undefined)?.parent?.key;
  const parent = parentKey === undefined ? undefined : byKey.get(parentKey);
  return !labelsOf(issue).includes('internal') && (labelsOf(issue).includes('client') || labelsOf(parent).includes('client'));
}

const SUPPORT = { responseHours: 8, resolutionHours: 72, clientLabel: 'client-reported', clientIssueTypeIds: [] };

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
  // The snapshot first: an engagement save re-derives health from it.
  await internalReport();
});

describe('the budget: cost performance in the cost dimension', () => {
  it('without a budget the measure is grey; with one it has a value, a sentence and the burn is kept in the KPI history', async () => {
    const before = (await internalReport()).dimensions.cost.measures.find((m) => m.id === 'costPerformance');
    expect(before).toMatchObject({ rag: 'grey', value: null, whyCode: { code: 'costNoBudget' } });

    await saveEngagement({ ...EMPTY_ENGAGEMENT, budget: { hours: 2000, money: null } });
    const cost = (await internalReport()).dimensions.cost;
    const measure = cost.measures.find((m) => m.id === 'costPerformance');
    expect(measure?.whyCode.code).toBe('costPerformance');
    expect(measure?.value).toBeGreaterThan(0);
    expect(measure?.why).toMatch(/of the 2,000 h budget for .* h spent \(cost performance [\d.]+\)\.$/u);
    expect(['green', 'amber', 'red']).toContain(measure?.rag);
    // The dimension is the worse of its measures.
    const severity = { grey: 0, green: 1, amber: 2, red: 3 } as const;
    expect(severity[cost.rag]).toBe(Math.max(...cost.measures.map((m) => severity[m.rag])));

    const zh = (await internalReport('zh-CN')).dimensions.cost.measures.find((m) => m.id === 'costPerformance');
    expect(zh?.why).toContain('小时预算中的');

    const history = projectHistorySchema.parse((await pm('project/history', { days: 30 })).data);
    const burn = history.kpi.at(-1)?.burn;
    expect(burn).toMatchObject({ budgetHours: 2000, rag: measure?.rag });
    expect(burn?.earnedHours).toBeGreaterThan(0);
  });

  it('the client sees the cost dimension’s colour only, never the measure or its figures', async () => {
    await saveEngagement({ ...EMPTY_ENGAGEMENT, budget: { hours: 2000, money: null } });
    const client = await clientReport();
    expect(JSON.stringify(client)).not.toContain('costPerformance');
    expect(JSON.stringify(client)).not.toContain('2,000 h');
  });
});

describe('the support phase: the report’s support section', () => {
  it('outside support there is none; in support both audiences have it, the client’s only what it sees', async () => {
    const engagement = { ...EMPTY_ENGAGEMENT, support: SUPPORT };
    await enterPhase(engagement, 'delivery');
    expect((await internalReport()).sections.support).toBeUndefined();

    await saveEngagement({ ...engagement, phase: 'acceptance' });
    await saveEngagement({ ...engagement, phase: 'support' });
    const internal = (await internalReport()).sections.support;
    const client = (await clientReport()).sections.support;
    expect(internal).toMatchObject({ responseHours: 8, resolutionHours: 72 });
    expect(internal?.total).toBeGreaterThan(0);
    const sum = (c: { met: number; breached: number; running: number; overdue: number }) => c.met + c.breached + c.running + c.overdue;
    expect(sum(internal?.response ?? { met: 0, breached: 0, running: 0, overdue: 0 })).toBe(internal?.total);
    // The demo marks about half of the client-reported issues for the client (label `client`, or its epic's).
    expect(client?.total).toBeGreaterThan(0);
    expect(client?.total).toBeLessThan(internal?.total ?? 0);
    expect(client?.overdue.length).toBeGreaterThan(0);
    const internalKeys = new Set(internal?.overdue.map((i) => i.key));
    for (const issue of client?.overdue ?? []) {
      expect(internalKeys.has(issue.key)).toBe(true);
      expect(markedForClient(issue.key)).toBe(true);
    }
    // In both languages the client's section is the same data.
    expect((await clientReport('zh-CN')).sections.support).toEqual(client);
  });
});

describe('the comms plan’s support cadence', () => {
  // A series started long before the demo's now and never logged: overdue in whatever phase it runs.
  const overdue = (id: string, title: string, activeIn: 'delivery' | 'support') =>
    aSeries({ id, title, activeIn, startDate: '2026-09-07', audience: ['pm', 'client'] });

  it('a support-only series is ignored during delivery and counts in support', async () => {
    const plan = aPlan({ series: [overdue('support-call', 'Support check-in', 'support')] });
    const saved = await pm('comms/save', { plan, revision: 0 });
    expect(saved.error).toBeUndefined();
    await enterPhase(EMPTY_ENGAGEMENT, 'delivery');
    expect((await internalReport()).dimensions.communication).toMatchObject({ rag: 'grey', whyCode: { code: 'commsNoTouchpoints' } });
    const activeOf = async () =>
      ((await pm('comms/status', {})).data as { series: { seriesId: string; active?: boolean; state: string }[] }).series.map((x) => [
        x.seriesId,
        x.active,
      ]);
    // The due list leaves it out: it is not active before support.
    expect(await activeOf()).toEqual([['support-call', false]]);

    await saveEngagement({ ...EMPTY_ENGAGEMENT, phase: 'acceptance' });
    await saveEngagement({ ...EMPTY_ENGAGEMENT, phase: 'support' });
    const inSupport = (await internalReport()).dimensions.communication;
    expect(inSupport.rag).toBe('red');
    expect(inSupport.why).toContain('Support check-in');
    expect(await activeOf()).toEqual([['support-call', true]]);
  });
});
