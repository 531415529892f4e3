/**
 * Closing a project (issue 13) on the real path (resolver -> storage kit -> KVS on SQLite), as
 * each local account: the retro saved with revisions, the closing report previewed for both
 * audiences, published with the status reports, exported, and the project closed with it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closingPreviewSchema, closingReportSchema, EMPTY_RETRO, retroViewSchema, type RetroJson } from '../../contract/closing';
import { EMPTY_ENGAGEMENT, engagementViewSchema, type EngagementPhase } from '../../contract/engagement';
import { publishedReportHeadSchema } from '../../contract/reports';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { changeRequestKind, engagementKind, kpiHistoryKind } from '../../src/application/records/record-kinds';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');
const PROJECT = acme.project;

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
const viewer = as('viewer');
const outsider = as('outsider');
const records = () => new KvsRecordStore();

const RETRO: RetroJson = {
  ...EMPTY_RETRO,
  heldOn: '2026-11-27',
  participants: [
    { id: 'p1', name: 'Pat Lead', side: 'internal' },
    { id: 'p2', name: 'Gina Globex', side: 'client' },
  ],
  wentWell: [{ id: 'w1', text: 'Weekly demos kept everyone aligned' }],
  toChange: [{ id: 'c1', text: 'Agree test data before the first sprint' }],
  actions: [{ id: 'a1', text: 'Write a test-data checklist', owner: 'Pat', due: '2026-12-15', jiraIssueKey: null }],
  internalNote: 'SECRET-TEAM-NOTE',
};

async function retroView(who = pm) {
  return retroViewSchema.parse((await who('closing/retro-get', {})).data);
}
/** Saves the retro at its current revision (a delete keeps counting revisions). */
async function saveRetro(retro: RetroJson, who = pm) {
  const answer = await who('closing/retro-save', { retro, revision: (await retroView()).revision });
  expect(answer.error).toBeUndefined();
  return retroViewSchema.parse(answer.data);
}
async function moveTo(phases: readonly EngagementPhase[]) {
  let view = engagementViewSchema.parse((await pm('engagement/get', {})).data);
  for (const phase of phases) {
    const answer = await pm('engagement/save', {
      engagement: { ...view.engagement, clientName: 'Globex', phase },
      revision: view.revision,
    });
    expect(answer.error).toBeUndefined();
    view = engagementViewSchema.parse(answer.data);
  }
}
async function draftRevision(): Promise<string> {
  const answer = await pm('project/report', { audience: 'internal', lang: 'en' });
  expect(answer.ok).toBe(true);
  return z.object({ draftRevision: z.string() }).parse(answer.data).draftRevision;
}
async function seedHistory() {
  const store = records();
  await store.collection(kpiHistoryKind, PROJECT.id).put({
    day: '2026-01-05',
    capturedAt: '2026-01-05T06:00:00.000Z',
    overall: 'amber',
    dimensions: {
      schedule: { rag: 'amber', value: 3 },
      scope: { rag: 'green', value: 0.05 },
      quality: { rag: 'green', value: 0 },
      cost: { rag: 'grey', value: null },
      satisfaction: { rag: 'grey', value: null },
      communication: { rag: 'green', value: 0 },
    },
    counts: { new: 1, indeterminate: 0, done: 0, undefined: 0 },
  });
  await store.collection(changeRequestKind, PROJECT.id).put({
    id: 'cr1',
    title: 'Single sign-on',
    description: 'Log in with the client directory',
    internalNote: 'SECRET-CR-NOTE',
    requester: 'Gina',
    impact: { scheduleDays: 5, effortHours: 40, cost: { amount: 4000, currency: 'EUR' }, scopeNote: '' },
    linkedIssueKeys: [`${PROJECT.key}-3`],
    milestone: null,
    status: 'approved',
    revision: 1,
    decision: { outcome: 'approved', by: 'Gina', at: '2026-03-01T10:00:00.000Z', reason: '' },
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    implementedAt: null,
  });
  expect((await pm('feedback/add', { rating: 5, source: 'pm', submissionId: 'f1', comment: 'great' })).ok).toBe(true);
  expect((await pm('feedback/add', { rating: 1, source: 'pm', submissionId: 'f2', comment: 'SECRET-COMPLAINT-WORDS' })).ok).toBe(true);
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('closing/retro-get and closing/retro-save', () => {
  it('saves at the current revision, refuses a stale one with CONFLICT, changing nothing', async () => {
    const empty = await retroView();
    expect(empty).toMatchObject({ retro: EMPTY_RETRO, canEdit: true });
    const saved = await saveRetro(RETRO, member);
    expect(saved.retro).toEqual(RETRO);
    expect(saved.revision).toBeGreaterThan(empty.revision);
    const stale = await member('closing/retro-save', { retro: { ...RETRO, wentWell: [] }, revision: empty.revision });
    expect(stale.error?.code).toBe('CONFLICT');
    expect((await retroView()).retro).toEqual(RETRO);
  });

  it('keeps the Jira key the server recorded whatever a save sends, and creates an action issue once', async () => {
    await saveRetro(RETRO);
    const [first, second] = await Promise.all([
      member('closing/retro-issue', { actionId: 'a1' }),
      member('closing/retro-issue', { actionId: 'a1' }),
    ]);
    const keyOf = (a: Answer) => z.object({ issueKey: z.string() }).parse(a.data).issueKey;
    expect(keyOf(first)).toMatch(new RegExp(`^${acme.project.key}-\\d+$`, 'u'));
    expect(keyOf(second)).toBe(keyOf(first));
    const { revision } = await retroView();
    const forged = { ...RETRO, actions: [{ ...RETRO.actions[0], jiraIssueKey: 'EVIL-1' }] };
    const saved = retroViewSchema.parse((await pm('closing/retro-save', { retro: forged, revision })).data);
    expect(saved.retro.actions[0]?.jiraIssueKey).toBe(keyOf(first));
    expect((await member('closing/retro-issue', { actionId: 'nope' })).error?.code).toBe('NOT_FOUND');
  });

  it('lets a viewer read but not write, and refuses an outsider everything', async () => {
    await saveRetro(RETRO);
    expect((await retroView(viewer)).canEdit).toBe(false);
    expect((await viewer('closing/retro-save', { retro: EMPTY_RETRO, revision: 1 })).error?.code).toBe('FORBIDDEN');
    expect((await viewer('closing/retro-issue', { actionId: 'a1' })).error?.code).toBe('FORBIDDEN');
    expect((await viewer('closing/publish', { draftRevision: 'g1' })).error?.code).toBe('FORBIDDEN');
    for (const [key, payload] of [
      ['closing/retro-get', {}],
      ['closing/retro-save', { retro: EMPTY_RETRO, revision: 1 }],
      ['closing/preview', {}],
      ['closing/get', {}],
      ['closing/publish', { draftRevision: 'g1' }],
    ] as const) {
      expect((await outsider(key, payload)).error?.code, key).toBe('FORBIDDEN');
    }
    expect((await retroView()).retro).toEqual(RETRO);
  });
});

describe('closing/preview and closing/publish', () => {
  it('previews both audiences; the client version has no Jira keys or internal notes', async () => {
    await seedHistory();
    await saveRetro(RETRO);
    await draftRevision();
    const internal = closingPreviewSchema.parse((await viewer('closing/preview', { audience: 'internal' })).data);
    const client = closingPreviewSchema.parse((await viewer('closing/preview', { audience: 'client' })).data);
    expect(internal.canPublish).toBe(false);
    expect(internal.report.changes.agreedImpact).toMatchObject({ count: 1, scheduleDays: 5, effortHours: 40 });
    expect(internal.report.complaints.items).toHaveLength(1);
    expect(internal.report.satisfaction.overall).toMatchObject({ responses: 2, csat: 3 });
    expect(internal.report.kpis.points).toBeGreaterThanOrEqual(1);
    expect(internal.report.kpis.from).toBe('2026-01-05');
    expect(internal.report.milestones.length).toBeGreaterThan(0);
    const internalText = JSON.stringify(internal.report);
    expect(internalText).toContain('SECRET-TEAM-NOTE');
    expect(internalText).toContain('SECRET-CR-NOTE');
    const clientText = JSON.stringify(client.report);
    for (const secret of ['SECRET-TEAM-NOTE', 'SECRET-CR-NOTE', 'SECRET-COMPLAINT-WORDS', `${acme.project.key}-3`])
      expect(clientText).not.toContain(secret);
    expect(client.report.retro.wentWell).toEqual(['Weekly demos kept everyone aligned']);
  });

  it('refuses to close from delivery with a typed error on the phase, changing nothing', async () => {
    await moveTo(['delivery']);
    const revision = await draftRevision();
    const preview = closingPreviewSchema.parse((await pm('closing/preview', {})).data);
    expect(preview).toMatchObject({ phase: 'delivery', canPublish: false, draftRevision: revision });
    const refused = await pm('closing/publish', { draftRevision: revision });
    expect(refused.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'phase' }] });
    const list = z.object({ items: z.array(z.unknown()) }).parse((await pm('report/list', {})).data);
    expect(list.items).toHaveLength(0);
    expect((await pm('closing/get', {})).error?.code).toBe('NOT_FOUND');
  });

  it('refuses a stale review with CONFLICT', async () => {
    await moveTo(['delivery', 'acceptance']);
    const revision = await draftRevision();
    expect((await pm('project/refresh', {})).ok).toBe(true);
    expect(await draftRevision()).not.toBe(revision);
    expect((await pm('closing/publish', { draftRevision: revision })).error?.code).toBe('CONFLICT');
  });

  it('publishes from support: the phase closes, the report is in the history and exports in both formats and languages', async () => {
    await seedHistory();
    await saveRetro(RETRO);
    await moveTo(['delivery', 'acceptance', 'support']);
    const revision = await draftRevision();
    expect(closingPreviewSchema.parse((await pm('closing/preview', {})).data).canPublish).toBe(true);
    const [first, second] = await Promise.all([
      member('closing/publish', { draftRevision: revision }),
      member('closing/publish', { draftRevision: revision }),
    ]);
    const head = publishedReportHeadSchema.parse(first.data);
    expect(second.data).toEqual(head);
    expect(head).toMatchObject({ id: 'closing', kind: 'closing', version: 1, publishedBy: ACCOUNTS.member.accountId });

    const stored = await records().document(engagementKind, acme.project.id).get();
    expect(stored.value?.phase).toBe('closed');
    expect(engagementViewSchema.parse((await pm('engagement/get', {})).data).engagement.phase).toBe('closed');

    const list = z.object({ items: z.array(publishedReportHeadSchema) }).parse((await viewer('report/list', {})).data);
    expect(list.items.map((h) => [h.id, h.kind])).toEqual([['closing', 'closing']]);

    const got = z
      .object({ head: publishedReportHeadSchema, report: closingReportSchema })
      .parse((await viewer('closing/get', { audience: 'client' })).data);
    expect(got.report.audience).toBe('client');
    expect(JSON.stringify(got.report)).not.toContain('SECRET');

    for (const lang of ['en', 'zh-CN'] as const) {
      const md = z
        .object({ filename: z.string(), text: z.string() })
        .parse((await viewer('report/export', { id: 'closing', audience: 'client', lang, format: 'markdown' })).data);
      expect(md.filename).toBe(`${acme.project.key}-closing-report-client-${lang}.md`);
      const headings = md.text.split('\n').filter((line) => line.startsWith('## '));
      expect(headings).toHaveLength(6);
      expect(md.text).toContain(lang === 'en' ? '## Change requests' : '## 变更请求');
      expect(md.text).not.toMatch(/SECRET|ACME-\d/u);

      const htmlAnswer = await viewer('report/export', { id: 'closing', audience: 'internal', lang, format: 'html' });
      const { text } = z.object({ text: z.string() }).parse(htmlAnswer.data);
      // No DOM parser in Node here: the structure by its markers (the browser test renders it in Chromium).
      expect(text).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`, 'u'));
      expect(text).toContain('data-report-kind="closing"');
      expect([...text.matchAll(/<section id="([a-z]+)"/gu)].map((m) => m[1])).toEqual([
        'kpis',
        'milestones',
        'changes',
        'satisfaction',
        'complaints',
        'retro',
      ]);
      expect(text).not.toMatch(/<script|<link|<img|<iframe|src=|href=/iu);
      expect(text).toMatch(/<table data-table="changes">[\s\S]*<tbody>\s*<tr>\s*<th scope="row">Single sign-on<\/th>/u);
      expect(text).toContain('SECRET-TEAM-NOTE');
    }
    const email = await viewer('report/email', { id: 'closing', lang: 'en' });
    expect(z.object({ filename: z.string(), text: z.string() }).parse(email.data).filename).toBe(
      `${acme.project.key}-closing-report-client-en.eml`,
    );

    // Closed is final: a second publish answers the one report; moving the phase is refused.
    expect((await pm('closing/publish', { draftRevision: revision })).data).toEqual(head);
    const engagement = engagementViewSchema.parse((await pm('engagement/get', {})).data);
    const reopen = await pm('engagement/save', {
      engagement: { ...engagement.engagement, phase: 'delivery' },
      revision: engagement.revision,
    });
    expect(reopen.error?.code).toBe('INVALID_PAYLOAD');
    expect((await viewer('report/get', { id: 'closing' })).error?.code).toBe('NOT_FOUND');
    // The status page shows status reports: no share link to the closing report.
    const link = await pm('share/create', {
      scope: { kind: 'report', reportId: 'closing' },
      lang: 'en',
      label: 'Closing',
      expiresInDays: 30,
    });
    expect(link.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'scope.reportId' }] });
  });

  it('an empty engagement (kick-off) cannot close', async () => {
    const revision = await draftRevision();
    expect((await pm('closing/publish', { draftRevision: revision })).error).toMatchObject({ code: 'INVALID_PAYLOAD' });
    expect(engagementViewSchema.parse((await pm('engagement/get', {})).data).engagement).toEqual(EMPTY_ENGAGEMENT);
  });
});
