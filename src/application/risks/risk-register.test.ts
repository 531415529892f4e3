import { describe, expect, it } from 'vitest';
import { aRisk } from '../../../test/support/risk-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import type { IssueWriter, NewIssue } from '../ports';
import { CLAIM_LEASE_MS, toIssueMarker } from '../issues/create-issue-once';
import { issueClaimKind, registerRiskKind } from '../records/record-kinds';
import { createIssueFromRisk } from './create-issue-from-risk';
import { listRisks, readRiskMatrix, saveRisk } from './risk-register';

const PROJECT = '10000';
const NOW = new Date('2026-03-10T09:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('saving risks', () => {
  it('given a new risk, stores it at revision 1 with its creation time', async () => {
    const records = new InMemoryRecordStore();
    const saved = await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    expect(saved).toMatchObject({ id: 'vendor-api', revision: 1, createdAt: NOW.toISOString(), jiraIssueKey: null, promotedFrom: null });
    expect(await records.collection(registerRiskKind, PROJECT).get('vendor-api')).toEqual(saved);
  });

  it('given a creation whose id exists, answers CONFLICT and keeps the first', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    await expect(saveRisk(records, PROJECT, aRisk({ title: 'Other' }), 0, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await records.collection(registerRiskKind, PROJECT).get('vendor-api'))?.title).toBe('Vendor API may be late');
  });

  it('given two editors of the same revision, exactly one save wins and the other gets CONFLICT', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    const results = await Promise.allSettled([
      saveRisk(records, PROJECT, aRisk({ probability: 5 }), 1, later(1000)),
      saveRisk(records, PROJECT, aRisk({ impact: 1 }), 1, later(2000)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    const stored = await records.collection(registerRiskKind, PROJECT).get('vendor-api');
    expect(stored?.revision).toBe(2);
    expect([stored?.probability === 5, stored?.impact === 1]).toContain(true);
  });

  it('given an edit of a risk that is not stored, answers NOT_FOUND and stores nothing', async () => {
    const records = new InMemoryRecordStore();
    await expect(saveRisk(records, PROJECT, aRisk(), 3, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listRisks(records, PROJECT, {})).items).toEqual([]);
  });

  it('keeps the Jira key and the creation time of the stored risk whatever the editor sends', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    const stored = await records.collection(registerRiskKind, PROJECT).get('vendor-api');
    if (!stored) throw new Error('not stored');
    await records.collection(registerRiskKind, PROJECT).save({ ...stored, jiraIssueKey: 'ACME-99', revision: 2 }, 1);
    const saved = await saveRisk(records, PROJECT, aRisk({ status: 'mitigating' }), 2, later(5000));
    expect(saved).toMatchObject({
      jiraIssueKey: 'ACME-99',
      createdAt: NOW.toISOString(),
      updatedAt: later(5000).toISOString(),
      revision: 3,
    });
  });
});

describe('listing the register', () => {
  async function seed(records: InMemoryRecordStore) {
    const inputs = [
      aRisk({ id: 'r1', probability: 1, impact: 1 }),
      aRisk({ id: 'r2', probability: 5, impact: 5, clientVisible: true, clientWording: 'Launch at risk' }),
      aRisk({ id: 'r3', probability: 3, impact: 3, status: 'mitigating' }),
      aRisk({ id: 'r4', probability: 4, impact: 4, status: 'closed' }),
      aRisk({ id: 'r5', probability: 3, impact: 3 }),
    ];
    for (const [n, input] of inputs.entries()) await saveRisk(records, PROJECT, input, 0, later(n * 1000));
  }

  it.each([
    ['everything, newest first', {}, ['r5', 'r4', 'r3', 'r2', 'r1']],
    ['open and mitigating', { status: 'active' as const }, ['r5', 'r3', 'r2', 'r1']],
    ['closed', { status: 'closed' as const }, ['r4']],
    ['client-visible', { clientVisible: true }, ['r2']],
    ['score ≥ 9', { minScore: 9 }, ['r5', 'r4', 'r3', 'r2']],
    ['cell P3 × I3', { probability: 3, impact: 3 }, ['r5', 'r3']],
    ['open, score ≥ 9', { status: 'open' as const, minScore: 9 }, ['r5', 'r2']],
  ])('filters: %s', async (_name, filter, ids) => {
    const records = new InMemoryRecordStore();
    await seed(records);
    expect((await listRisks(records, PROJECT, { filter })).items.map((r) => r.id)).toEqual(ids);
  });

  it('pages with a cursor, each risk once', async () => {
    const records = new InMemoryRecordStore();
    await seed(records);
    const first = await listRisks(records, PROJECT, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual(['r5', 'r4']);
    const second = await listRisks(records, PROJECT, { limit: 2, cursor: first.cursor ?? '' });
    const third = await listRisks(records, PROJECT, { limit: 2, cursor: second.cursor ?? '' });
    expect([...second.items, ...third.items].map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(third.cursor).toBeNull();
  });

  it('counts open risks per matrix cell', async () => {
    const records = new InMemoryRecordStore();
    await seed(records);
    const matrix = await readRiskMatrix(records, PROJECT);
    expect(matrix.total).toBe(4);
    expect(matrix.truncated).toBe(false);
    expect(matrix.cells.find((c) => c.probability === 3 && c.impact === 3)?.count).toBe(2);
    expect(matrix.cells.find((c) => c.probability === 4 && c.impact === 4)?.count).toBe(0);
    expect((await readRiskMatrix(records, PROJECT, { clientVisible: true })).total).toBe(1);
  });
});

/** A Jira stand-in that answers after the test lets it, numbering the issues it creates. */
function aJira(options: { fail?: boolean } = {}) {
  const created: NewIssue[] = [];
  const writer: IssueWriter = {
    findIssueByLabel: () => Promise.resolve(null),
    async createIssue(issue) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.fail) throw Object.assign(new Error('Jira said no'), { code: 'JIRA_UNAVAILABLE' });
      created.push(issue);
      return { key: `ACME-${String(100 + created.length)}` };
    },
    notify: () => Promise.resolve(),
  };
  return { writer, created };
}

/** Issue-creation deps on a virtual clock that a wait moves on (so a held claim's wait ends). */
function depsOf(records: InMemoryRecordStore, issues: IssueWriter, start = NOW) {
  let t = start.getTime();
  return {
    records,
    issues,
    clock: { now: () => new Date(t) },
    sleep: (ms: number) => {
      t += ms;
      return new Promise<void>((resolve) => setTimeout(resolve, 1));
    },
  };
}

const MARKER = toIssueMarker(PROJECT, 'risk/vendor-api');
const aClaim = (claimedAt: Date, issueKey: string | null) => ({
  id: MARKER.claimId,
  subject: 'risk/vendor-api',
  claimedAt: claimedAt.toISOString(),
  attempt: 1,
  label: MARKER.label,
  issueKey,
});

describe('converting a risk into a Jira issue', () => {
  const project = { id: PROJECT, key: 'ACME' };
  const request = { riskId: 'vendor-api', link: 'https://site/app#risks/risk/vendor-api', lang: 'en' as const };

  it('creates one issue with a link back and its marker label, records its key on the risk, and answers it again on a second call', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk({ ownerAccountId: 'acc-1' }), 0, NOW);
    const jira = aJira();
    const first = await createIssueFromRisk(depsOf(records, jira.writer), project, request);
    expect(first.issueKey).toBe('ACME-101');
    expect(first.risk).toMatchObject({ jiraIssueKey: 'ACME-101', revision: 2 });
    expect(jira.created).toHaveLength(1);
    expect(jira.created[0]).toMatchObject({
      projectKey: 'ACME',
      summary: 'Vendor API may be late',
      assigneeAccountId: 'acc-1',
      dueDate: '2026-03-20',
      labels: [MARKER.label],
    });
    expect(JSON.stringify(jira.created[0]?.description)).toContain('https://site/app#risks/risk/vendor-api');
    expect(JSON.stringify(jira.created[0]?.description)).toContain('Probability 3 × impact 4 = score 12 (Medium).');
    const again = await createIssueFromRisk(depsOf(records, jira.writer), project, request);
    expect(again.issueKey).toBe('ACME-101');
    expect(jira.created).toHaveLength(1);
  });

  it('given a double click, creates one issue: the second click waits for the first and answers its key', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    const jira = aJira();
    const results = await Promise.all([
      createIssueFromRisk(depsOf(records, jira.writer), project, request),
      createIssueFromRisk(depsOf(records, jira.writer), project, request),
    ]);
    expect(jira.created).toHaveLength(1);
    expect(results.map((r) => r.issueKey)).toEqual(['ACME-101', 'ACME-101']);
    expect((await records.collection(registerRiskKind, PROJECT).get('vendor-api'))?.jiraIssueKey).toBe('ACME-101');
  });

  it('given Jira fails, lets the claim lapse so that a retry creates the issue at once', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    await expect(createIssueFromRisk(depsOf(records, aJira({ fail: true }).writer), project, request)).rejects.toThrow('Jira said no');
    expect((await records.collection(issueClaimKind, PROJECT).get(MARKER.claimId))?.claimedAt).toBe(new Date(0).toISOString());
    const jira = aJira();
    expect((await createIssueFromRisk(depsOf(records, jira.writer), project, request)).issueKey).toBe('ACME-101');
  });

  it('given a claim left by a conversion that died, answers CONFLICT until its lease ends, then takes it over', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    await records.collection(issueClaimKind, PROJECT).save(aClaim(NOW, null), 0);
    const jira = aJira();
    await expect(createIssueFromRisk(depsOf(records, jira.writer, later(1000)), project, request)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const taken = await createIssueFromRisk(depsOf(records, jira.writer, later(CLAIM_LEASE_MS + 1)), project, request);
    expect(taken.issueKey).toBe('ACME-101');
    expect(jira.created).toHaveLength(1);
  });

  it('given a key on the claim but not on the risk, records it without asking Jira', async () => {
    const records = new InMemoryRecordStore();
    await saveRisk(records, PROJECT, aRisk(), 0, NOW);
    await records.collection(issueClaimKind, PROJECT).save(aClaim(NOW, 'ACME-7'), 0);
    const jira = aJira();
    expect((await createIssueFromRisk(depsOf(records, jira.writer), project, request)).risk.jiraIssueKey).toBe('ACME-7');
    expect(jira.created).toHaveLength(0);
  });

  it('given no such risk, answers NOT_FOUND and asks nothing of Jira', async () => {
    const jira = aJira();
    await expect(createIssueFromRisk(depsOf(new InMemoryRecordStore(), jira.writer), project, request)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(jira.created).toHaveLength(0);
  });
});
