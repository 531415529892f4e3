/**
 * The risk register on the real path (resolver -> storage kit -> KVS on SQLite, Jira emulator),
 * as each local account: given/when/then, asserting answers and what is stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { derivedSignalSchema, registerRiskSchema, type RegisterRiskJson } from '../../contract/risks';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { issueClaimKind, registerRiskKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { aRisk } from '../support/risk-builders';

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
const storedRisks = () => listAll(new KvsRecordStore().collection(registerRiskKind, acme.project.id));
const riskOf = (answer: Answer) => z.object({ risk: registerRiskSchema }).parse(answer.data).risk;
const projectIssues = () => app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues ?? [];

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('risks/save and risks/list', () => {
  it('given a new risk, stores it at revision 1 and lists it with canEdit', async () => {
    const saved = riskOf(await member('risks/save', { risk: aRisk(), revision: 0 }));
    expect(saved).toMatchObject({ id: 'vendor-api', revision: 1, jiraIssueKey: null, promotedFrom: null });
    expect(await storedRisks()).toEqual([saved]);
    expect(await pm('risks/list', {})).toEqual({ ok: true, data: { items: [saved], cursor: null, canEdit: true } });
  });

  it('given two editors of the same revision, one gets CONFLICT and the stored risk is the winner’s, whole', async () => {
    await pm('risks/save', { risk: aRisk(), revision: 0 });
    const [a, b] = await Promise.all([
      pm('risks/save', { risk: aRisk({ probability: 5, mitigation: 'Plan A' }), revision: 1 }),
      member('risks/save', { risk: aRisk({ impact: 1, mitigation: 'Plan B' }), revision: 1 }),
    ]);
    expect([a, b].filter((x) => x.ok)).toHaveLength(1);
    expect([a, b].filter((x) => !x.ok).map((x) => x.error?.code)).toEqual(['CONFLICT']);
    const winner = riskOf(a.ok ? a : b);
    expect(await storedRisks()).toEqual([winner]);
    expect(await pm('risks/save', { risk: aRisk({ title: 'Stale' }), revision: 1 })).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('refuses a client-visible risk without client wording beside its field, storing nothing', async () => {
    const answer = await pm('risks/save', { risk: aRisk({ clientVisible: true, clientWording: '' }), revision: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(answer.error?.fields?.map((f) => f.path)).toEqual(['risk.clientWording']);
    expect(await storedRisks()).toEqual([]);
  });

  it('pages 30 risks by 25 with a cursor, filters by status, client visibility and score, and counts the matrix', async () => {
    for (let n = 0; n < 30; n += 1) {
      const risk = aRisk({
        id: `r${String(n).padStart(2, '0')}`,
        probability: (n % 5) + 1,
        impact: 3,
        status: n % 10 === 0 ? 'closed' : 'open',
        clientVisible: n % 3 === 0,
        clientWording: n % 3 === 0 ? `Shared ${String(n)}` : '',
      });
      expect((await pm('risks/save', { risk, revision: 0 })).ok).toBe(true);
    }
    const page = z.object({ items: z.array(registerRiskSchema), cursor: z.string().nullable() });
    const first = page.parse((await pm('risks/list', { limit: 25 })).data);
    const second = page.parse((await pm('risks/list', { limit: 25, cursor: first.cursor })).data);
    expect(first.items).toHaveLength(25);
    expect(second.cursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(30);
    const active = page.parse((await pm('risks/list', { limit: 100, filter: { status: 'active' } })).data);
    expect(active.items).toHaveLength(27);
    const shared = page.parse((await pm('risks/list', { limit: 100, filter: { clientVisible: true, minScore: 12 } })).data);
    expect(shared.items.map((r) => r.id).sort()).toEqual(['r03', 'r09', 'r18', 'r24']);
    const matrix = z
      .object({ cells: z.array(z.object({ probability: z.number(), impact: z.number(), count: z.number() })), total: z.number() })
      .parse((await pm('risks/matrix', {})).data);
    expect(matrix.total).toBe(27);
    expect(matrix.cells.find((c) => c.probability === 1 && c.impact === 3)?.count).toBe(3);
  });
});

describe('export and delete', () => {
  it("exports the register and its issue claims with the project's data, and deletes them with it", async () => {
    await pm('risks/save', { risk: aRisk(), revision: 0 });
    await pm('risks/issue', { riskId: 'vendor-api' });
    const exported = z.object({ records: z.record(z.string(), z.array(z.unknown())) }).parse((await pm('project/export', {})).data);
    expect(exported.records['register-risk']).toHaveLength(1);
    expect(exported.records['issue-claim']).toHaveLength(1);
    expect((await pm('project/delete-data', { confirmProjectKey: acme.project.key })).ok).toBe(true);
    expect(await storedRisks()).toEqual([]);
    expect(await listAll(new KvsRecordStore().collection(issueClaimKind, acme.project.id))).toEqual([]);
  });
});

describe('permissions', () => {
  it('lets the viewer read (canEdit false) and refuses every write; the outsider gets nothing', async () => {
    await pm('risks/save', { risk: aRisk(), revision: 0 });
    const before = await storedRisks();
    const viewer = as('viewer');
    expect((await viewer('risks/list', {})).data).toMatchObject({ canEdit: false });
    expect((await viewer('risks/matrix', {})).ok).toBe(true);
    for (const [key, payload] of [
      ['risks/save', { risk: aRisk({ title: 'Changed' }), revision: 1 }],
      ['risks/save', { risk: aRisk({ id: 'new-one' }), revision: 0 }],
      ['risks/issue', { riskId: 'vendor-api' }],
      ['risks/promote', { issueKey: `${acme.project.key}-1` }],
    ] as const) {
      expect((await viewer(key, payload)).error?.code, key).toBe('FORBIDDEN');
    }
    const outsider = as('outsider');
    for (const key of ['risks/list', 'risks/matrix', 'risks/signals'] as const)
      expect((await outsider(key, {})).error?.code, key).toBe('FORBIDDEN');
    expect((await outsider('risks/issue', { riskId: 'vendor-api' })).error?.code).toBe('FORBIDDEN');
    expect(await storedRisks()).toEqual(before);
    expect(await listAll(new KvsRecordStore().collection(issueClaimKind, acme.project.id))).toEqual([]);
  });
});

describe('risks/issue', () => {
  it('creates the issue as the caller, linked back in ADF, records its key, and a double click creates one issue', async () => {
    await pm('risks/save', { risk: aRisk({ ownerAccountId: ACCOUNTS.member.accountId }), revision: 0 });
    const before = projectIssues().length;
    const clicks = await Promise.all([
      as('member', 'zh_CN')('risks/issue', { riskId: 'vendor-api' }),
      as('member', 'zh_CN')('risks/issue', { riskId: 'vendor-api' }),
    ]);
    expect(projectIssues().length).toBe(before + 1);
    const done = clicks.filter((c) => c.ok);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const c of clicks.filter((x) => !x.ok)) expect(c.error?.code).toBe('CONFLICT');
    const { issueKey } = z.object({ issueKey: z.string() }).parse(done[0]?.data);
    const created = projectIssues().find((i) => i.key === issueKey);
    const fields = z
      .looseObject({
        summary: z.string(),
        duedate: z.string().nullable(),
        reporter: z.looseObject({ accountId: z.string() }),
        assignee: z.looseObject({ accountId: z.string() }).nullable(),
        description: z.unknown(),
      })
      .parse(created?.fields);
    expect(fields).toMatchObject({ summary: 'Vendor API may be late', duedate: '2026-03-20' });
    expect(fields.reporter.accountId).toBe(ACCOUNTS.member.accountId);
    expect(fields.assignee?.accountId).toBe(ACCOUNTS.member.accountId);
    const description = JSON.stringify(fields.description);
    expect(description).toContain('可能性 3 × 影响 4 = 分数 12（中）。');
    expect(description).toMatch(/"type":"link","attrs":\{"href":"[^"]*#risks\/risk\/vendor-api"\}/u);
    expect((await storedRisks())[0]).toMatchObject({ jiraIssueKey: issueKey, revision: 2 });
    // Again later: the same key, no new issue.
    expect((await member('risks/issue', { riskId: 'vendor-api' })).data).toMatchObject({ issueKey });
    expect(projectIssues().length).toBe(before + 1);
  });

  it('answers NOT_FOUND for an unknown risk, creating nothing', async () => {
    const before = projectIssues().length;
    expect((await pm('risks/issue', { riskId: 'nope' })).error?.code).toBe('NOT_FOUND');
    expect(projectIssues().length).toBe(before);
  });
});

describe('risks/signals and risks/promote', () => {
  it('promotes a derived signal into a prefilled risk once; promoting it again answers the same risk', async () => {
    await pm('project/refresh', {});
    const signals = z
      .object({ signals: z.array(derivedSignalSchema), asOf: z.string() })
      .parse((await pm('risks/signals', {})).data).signals;
    const signal = signals[0];
    if (!signal) throw new Error('the demo has a blocked, flagged or high-risk issue');
    expect(signal.promotedRiskId).toBeNull();
    const first = await member('risks/promote', { issueKey: signal.issueKey });
    expect(first.data).toMatchObject({ created: true });
    const risk = riskOf(first);
    expect(risk).toMatchObject({
      id: `promoted-${signal.issueKey}`,
      linkedIssueKeys: [signal.issueKey],
      promotedFrom: signal.issueKey,
      clientVisible: false,
      status: 'open',
    });
    expect(risk.title.startsWith(`${signal.issueKey}: `)).toBe(true);
    expect(risk.trigger).not.toBe('');
    const again = await pm('risks/promote', { issueKey: signal.issueKey });
    expect(again.data).toEqual({ risk, created: false });
    expect(await storedRisks()).toEqual([risk]);
    const listed = z.object({ signals: z.array(derivedSignalSchema) }).parse((await pm('risks/signals', {})).data).signals;
    expect(listed.find((s) => s.issueKey === signal.issueKey)?.promotedRiskId).toBe(risk.id);
  });

  it('refuses an issue that is not a derived signal with NOT_FOUND, storing nothing', async () => {
    await pm('project/refresh', {});
    const signals = z.object({ signals: z.array(derivedSignalSchema) }).parse((await pm('risks/signals', {})).data).signals;
    const quiet = acme.issues.map((i) => i.key).find((key) => !signals.some((s) => s.issueKey === key));
    expect((await pm('risks/promote', { issueKey: quiet ?? 'ACME-99999' })).error?.code).toBe('NOT_FOUND');
    expect(await storedRisks()).toEqual([]);
  });
});

describe("the status report's register risks", () => {
  const sections = async (audience: 'internal' | 'client') => {
    const report = await pm('project/report', { audience });
    return z
      .object({ sections: z.object({ registerRisks: z.array(z.record(z.string(), z.unknown())) }).loose() })
      .loose()
      .parse(report.data).sections.registerRisks;
  };

  it('lists open risks for the team and only the client-visible ones, in client wording, for the client', async () => {
    await pm('risks/save', { risk: aRisk({ id: 'internal-one', title: 'Key developer may leave', probability: 2 }), revision: 0 });
    await pm('risks/save', {
      risk: aRisk({ id: 'shared', title: 'Vendor API late', clientVisible: true, clientWording: 'The payment provider may deliver late' }),
      revision: 0,
    });
    await pm('risks/save', { risk: aRisk({ id: 'closed', status: 'closed', clientVisible: true, clientWording: 'Gone' }), revision: 0 });
    const internal = await sections('internal');
    expect(internal.map((r) => r.title)).toEqual(['Vendor API late', 'Key developer may leave']);
    const client = await sections('client');
    expect(client).toEqual([{ id: 'shared', text: 'The payment provider may deliver late', level: 'medium', status: 'open' }]);
    expect(JSON.stringify(client)).not.toMatch(/Vendor API|Build against a mock|Pat Manager|Key developer/u);
  });
});

describe('with 10 % of storage writes rate-limited', () => {
  it('loses no acknowledged save, leaves no half-written risk, and converts each risk into one issue', async () => {
    const sent = new Map<string, RegisterRiskJson[]>();
    const acknowledged = new Map<string, RegisterRiskJson>();
    const codes: string[] = [];
    const injectedBefore = app.kvs.stats().faultsInjected;
    app.kvs.setFaults({ rateLimitShare: 0.1, seed: 7 });
    try {
      for (let n = 0; n < 25; n += 1) {
        const id = `fault-${String(n)}`;
        const answer = await pm('risks/save', { risk: aRisk({ id, title: `Risk ${String(n)}`, probability: (n % 5) + 1 }), revision: 0 });
        if (answer.ok) acknowledged.set(id, riskOf(answer));
        else codes.push(answer.error?.code ?? 'none');
      }
      for (const [id, risk] of [...acknowledged]) {
        const edit = await pm('risks/save', { risk: aRisk({ id, title: `${risk.title} edited`, impact: 5 }), revision: risk.revision });
        if (edit.ok) acknowledged.set(id, riskOf(edit));
        else codes.push(edit.error?.code ?? 'none');
        sent.set(id, [risk]);
      }
      // Converting under faults: a failed attempt is retried, and never makes a second issue.
      for (const id of [...acknowledged.keys()].slice(0, 8)) {
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const converted = await pm('risks/issue', { riskId: id });
          if (converted.ok) break;
          codes.push(converted.error?.code ?? 'none');
        }
      }
    } finally {
      app.kvs.setFaults(undefined);
    }
    expect(codes.filter((c) => !['RATE_LIMITED', 'STORAGE_UNAVAILABLE', 'CONFLICT'].includes(c))).toEqual([]);
    // Without faults, each converted risk answers one key, which is on the risk and is its only issue.
    for (const id of [...acknowledged.keys()].slice(0, 8)) {
      const answer = await pm('risks/issue', { riskId: id });
      expect(answer.error, id).toBeUndefined();
      const { issueKey, risk } = z.object({ issueKey: z.string(), risk: registerRiskSchema }).parse(answer.data);
      expect(risk.jiraIssueKey).toBe(issueKey);
      expect(projectIssues().filter((i) => (i.fields as { summary?: string }).summary === risk.title)).toHaveLength(1);
    }
    const stored = new Map((await storedRisks()).map((r) => [r.id, r]));
    // Every acknowledged write is there, as acknowledged or (a write whose answer was lost) newer.
    for (const [id, risk] of acknowledged) {
      const found = stored.get(id);
      expect(found, id).toBeDefined();
      expect(found?.revision ?? 0, id).toBeGreaterThanOrEqual(risk.revision);
    }
    // Every stored risk is whole: it parses, and it is one of the versions sent.
    for (const risk of stored.values()) {
      expect(registerRiskSchema.safeParse(risk).success).toBe(true);
      expect([`Risk ${risk.id.slice(6)}`, `Risk ${risk.id.slice(6)} edited`]).toContain(risk.title);
      expect(risk.impact === 5).toBe(risk.title.endsWith('edited'));
      expect(risk.revision).toBeLessThanOrEqual(3);
    }
    expect(acknowledged.size).toBeGreaterThan(0);
    // Faults were really injected (the adapter's bounded retries absorb most of them).
    expect(app.kvs.stats().faultsInjected - injectedBefore).toBeGreaterThan(5);
  });
});
