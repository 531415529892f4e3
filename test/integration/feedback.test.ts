/**
 * Feedback and complaints on the real path (resolver -> storage kit -> KVS on SQLite, Jira
 * emulator), as each local account: given/when/then, asserting answers and what is stored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { feedbackEntrySchema, satisfactionSummarySchema } from '../../contract/feedback';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { feedbackKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aPlan } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { aFeedbackInput, aSurveyCsv } from '../support/feedback-builders';
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
const stored = () => listAll(new KvsRecordStore().collection(feedbackKind, acme.project.id), { order: 'newest' });
const page = z.object({ items: z.array(feedbackEntrySchema), cursor: z.string().nullable(), canEdit: z.boolean() });

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
  const { revision } = z.object({ revision: z.number() }).parse((await pm('comms/get', {})).data);
  expect((await pm('comms/save', { plan: aPlan(), revision })).ok).toBe(true);
});

describe('feedback/add and feedback/list', () => {
  it('stores a submission once, whatever the number of retries, and lists it', async () => {
    const first = await member('feedback/add', aFeedbackInput({ rating: 2 }));
    expect(first).toMatchObject({ ok: true, data: { created: true, entry: { id: 's1', rating: 2, complaint: { status: 'open' } } } });
    const retries = await Promise.all([
      member('feedback/add', aFeedbackInput({ rating: 2 })),
      pm('feedback/add', aFeedbackInput({ rating: 2 })),
    ]);
    expect(retries.map((r) => r.data)).toEqual([
      { created: false, entry: (first.data as { entry: unknown }).entry },
      { created: false, entry: (first.data as { entry: unknown }).entry },
    ]);
    expect(await stored()).toHaveLength(1);
    const listed = page.parse((await as('viewer')('feedback/list', {})).data);
    expect(listed.items.map((f) => f.id)).toEqual(['s1']);
    expect(listed.canEdit).toBe(false);
  });

  it('refuses an invalid payload beside its fields, storing nothing', async () => {
    const answer = await pm('feedback/add', { ...aFeedbackInput(), rating: 6, nps: 11, comment: 'x'.repeat(2001), source: 'fax' });
    expect(answer.error?.code).toBe('INVALID_PAYLOAD');
    expect(answer.error?.fields?.map((f) => f.path).sort()).toEqual(['comment', 'nps', 'rating', 'source']);
    expect(await stored()).toEqual([]);
  });

  it('pages through the list with its cursor', async () => {
    for (let i = 0; i < 5; i += 1) await pm('feedback/add', aFeedbackInput({ submissionId: `p${String(i)}`, rating: 4 }));
    const first = page.parse((await pm('feedback/list', { limit: 2 })).data);
    const second = page.parse((await pm('feedback/list', { limit: 2, cursor: first.cursor })).data);
    const third = page.parse((await pm('feedback/list', { limit: 2, cursor: second.cursor })).data);
    expect([...first.items, ...second.items, ...third.items].map((f) => f.id).sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(third.cursor).toBeNull();
  });
});

describe('permissions', () => {
  it('lets the viewer read and refuses every write; the outsider gets nothing', async () => {
    await pm('feedback/add', aFeedbackInput({ rating: 1 }));
    const before = JSON.stringify(await stored());
    const viewer = as('viewer');
    expect((await viewer('feedback/summary', {})).data).toMatchObject({ canEdit: false, unresolvedComplaints: 1 });
    expect((await viewer('complaint/list', {})).data).toMatchObject({ canEdit: false });
    const writes = [
      ['feedback/add', aFeedbackInput({ submissionId: 'v1' })],
      ['feedback/import', { csv: aSurveyCsv([['2026-11-01', 5, 9, 'ok']]) }],
      ['complaint/save', { feedbackId: 's1', ownerId: null, due: '2026-12-10', status: 'in-progress', resolutionNote: '' }],
      ['complaint/issue', { feedbackId: 's1' }],
    ] as const;
    for (const [key, payload] of writes) expect((await viewer(key, payload)).error?.code, key).toBe('FORBIDDEN');
    const outsider = as('outsider');
    for (const key of ['feedback/list', 'feedback/summary', 'complaint/list'] as const)
      expect((await outsider(key, {})).error?.code, key).toBe('FORBIDDEN');
    for (const [key, payload] of writes) expect((await outsider(key, payload)).error?.code, key).toBe('FORBIDDEN');
    expect(JSON.stringify(await stored())).toBe(before);
  });
});

describe('feedback/import', () => {
  it('answers per-row errors and imports nothing; a valid file imports once, even twice', async () => {
    const rejected = await pm('feedback/import', { csv: 'date,rating\n2026-11-01,5\n2026-13-01,5\n2026-11-02,0\n' });
    expect(rejected.data).toEqual({
      status: 'rejected',
      errors: [
        { row: 3, field: 'date', code: 'date' },
        { row: 4, field: 'rating', code: 'rating' },
      ],
    });
    expect(await stored()).toEqual([]);
    const csv = aSurveyCsv([
      ['2026-11-01', 5, 9, 'ok'],
      ['2026-11-02', 2, 4, 'slow'],
    ]);
    expect((await pm('feedback/import', { csv })).data).toEqual({ status: 'imported', created: 2, existing: 0, complaints: 1 });
    expect((await pm('feedback/import', { csv })).data).toEqual({ status: 'imported', created: 0, existing: 2, complaints: 0 });
    expect((await stored()).map((f) => f.source)).toEqual(['survey', 'survey']);
  });
});

describe('complaints', () => {
  it('follows a complaint up and creates one Jira issue from it as the caller, linked back', async () => {
    await pm('feedback/add', aFeedbackInput({ rating: 1, comment: 'The demo failed' }));
    const saved = await member('complaint/save', {
      feedbackId: 's1',
      ownerId: 'pm',
      due: '2026-12-10',
      status: 'in-progress',
      resolutionNote: '',
    });
    expect(saved.data).toMatchObject({ entry: { complaint: { ownerId: 'pm', status: 'in-progress', due: '2026-12-10' } } });
    const refused = await member('complaint/save', {
      feedbackId: 's1',
      ownerId: 'client',
      due: '2026-12-10',
      status: 'resolved',
      resolutionNote: ' ',
    });
    expect(refused.error?.fields?.map((f) => f.path)).toEqual(['resolutionNote', 'ownerId']);

    const dataset = app.emulator?.datasets.find((d) => d.project.key === acme.project.key);
    const before = dataset?.issues.length ?? 0;
    const created = await as('member', 'zh_CN')('complaint/issue', { feedbackId: 's1' });
    const { issueKey } = z.object({ issueKey: z.string() }).parse(created.data);
    expect((await member('complaint/issue', { feedbackId: 's1' })).data).toMatchObject({ issueKey });
    expect(dataset?.issues.length).toBe(before + 1);
    const issue = dataset?.issues.find((i) => i.key === issueKey);
    const description = JSON.stringify((issue as { fields?: { description?: unknown } } | undefined)?.fields?.description);
    expect(description).toContain('跟进到期日：2026-12-10');
    expect(description).toMatch(/#feedback\/complaint\/s1/u);
    expect((await stored())[0]?.complaint?.jiraIssueKey).toBe(issueKey);
    expect((await pm('complaint/issue', { feedbackId: 'nope' })).error?.code).toBe('NOT_FOUND');
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'treats a submission id such as %s as any other: its complaint becomes one Jira issue',
    async (id) => {
      expect((await pm('feedback/add', { ...aFeedbackInput(), rating: 1, submissionId: id })).ok).toBe(true);

      const created = await member('complaint/issue', { feedbackId: id });

      expect(created.error).toBeUndefined();
      const { issueKey } = z.object({ issueKey: z.string() }).parse(created.data);
      expect((await stored()).find((e) => e.id === id)?.complaint?.jiraIssueKey).toBe(issueKey);
    },
  );
});

describe('the satisfaction dimension', () => {
  const satisfaction = async () => {
    const report = await pm('project/report', {});
    return z
      .object({ dimensions: z.object({ satisfaction: z.object({ rag: z.string() }).loose() }) })
      .loose()
      .parse(report.data).dimensions.satisfaction;
  };

  it('is grey without feedback, green on good ratings, red once a complaint is overdue, and the summary agrees', async () => {
    await pm('project/refresh', {});
    expect((await satisfaction()).rag).toBe('grey');
    await pm('feedback/add', aFeedbackInput({ submissionId: 'good', rating: 5, nps: 10 }));
    expect((await satisfaction()).rag).toBe('green');
    await pm('feedback/add', aFeedbackInput({ submissionId: 'bad', rating: 2, nps: 2 }));
    // The complaint is due five days on; moved to the past, it is overdue.
    await pm('complaint/save', { feedbackId: 'bad', ownerId: 'pm', due: '2026-01-05', status: 'open', resolutionNote: '' });
    expect((await satisfaction()).rag).toBe('red');
    const summary = satisfactionSummarySchema.parse((await pm('feedback/summary', {})).data);
    expect(summary).toMatchObject({
      responses: 2,
      csat: 3.5,
      npsResponses: 2,
      nps: 0,
      unresolvedComplaints: 1,
      overdueComplaints: 1,
      canEdit: true,
    });
  });
});
