/**
 * Client acceptance (issue 13) on the real path: the resolvers through the local Forge runtime,
 * and the status page's web trigger over HTTP (`/x1/client-status-page/s/<token>`) behind its
 * gate. The PM submits milestones; a client accepts one and rejects another on the page; the PM
 * sees both in `acceptance/list`, opens a Jira issue from a fix item (once), the next report
 * shows the decisions (both audiences) and the access log records them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptancePreviewSchema, acceptanceViewSchema, type AcceptanceViewJson } from '../../contract/acceptance';
import { clientStatusReportSchema } from '../../contract/client-report';
import { statusReportSchema } from '../../contract/report';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { acceptanceKind, shareAccessKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: { path: string }[] } };
type Key = Parameters<LocalApp['forge']['invokeResolver']>[1];
const as = (role: AccountRole) => (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
const member = as('member');
const viewer = as('viewer');
const outsider = as('outsider');
const store = new KvsRecordStore();

const get = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
const post = (url: string, form: Record<string, string>) =>
  get(url, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

async function list(caller = member): Promise<AcceptanceViewJson> {
  const answer = await caller('acceptance/list', {});
  expect(answer.error).toBeUndefined();
  return acceptanceViewSchema.parse(answer.data);
}
async function shareLink(sections = ['health', 'acceptance']): Promise<string> {
  const answer = await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'Client board', expiresInDays: 30, sections });
  expect(answer.error).toBeUndefined();
  return (answer.data as { url: string }).url;
}
/** The two first milestones the snapshot knows. */
async function twoMilestones(): Promise<[string, string]> {
  const { milestones } = await list();
  const [a, b] = milestones;
  if (!a || !b) throw new Error('the demo has two milestones');
  return [a.id, b.id];
}
async function submit(milestoneId: string, releaseNotes?: string) {
  const preview = acceptancePreviewSchema.parse((await member('acceptance/preview', { milestoneId })).data);
  const { revision } = await list();
  const answer = await member('acceptance/submit', {
    milestoneId,
    releaseNotes: releaseNotes ?? preview.releaseNotes,
    override: !preview.checklist.ready,
    revision,
  });
  expect(answer.error).toBeUndefined();
  return { preview, view: acceptanceViewSchema.parse(answer.data) };
}

/** An instant the server took during this test (its clock, not one the request could name). */
let testStart = 0;
const isServerTimeNow = (iso: string | undefined) => iso !== undefined && Date.parse(iso) >= testStart && Date.parse(iso) <= Date.now();

beforeEach(async () => {
  testStart = Date.now() - 1000;
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
  await pm('project/refresh', {});
});

describe('acceptance/preview and acceptance/submit', () => {
  it('previews a milestone from the snapshot: its checklist and release notes drafted from done client-visible issues', async () => {
    const [first] = await twoMilestones();
    const preview = acceptancePreviewSchema.parse((await viewer('acceptance/preview', { milestoneId: first })).data);
    expect(preview.checklist.issuesTotal).toBeGreaterThan(0);
    expect(preview.checklist.issuesDone).toBeLessThanOrEqual(preview.checklist.issuesTotal);
    expect(preview.checklist.ready).toBe(preview.checklist.openIssues.length === 0);
    for (const line of preview.releaseNotes.split('\n').filter(Boolean)) expect(line).toMatch(/^- .+ \([A-Z]+-\d+\)$/u);
    expect((await viewer('acceptance/preview', { milestoneId: '999999' })).error?.code).toBe('NOT_FOUND');
  });

  it('refuses a checklist not met without the explicit override, a stale revision, and a second submission while it awaits the client', async () => {
    const [first] = await twoMilestones();
    const preview = acceptancePreviewSchema.parse((await member('acceptance/preview', { milestoneId: first })).data);
    const { revision } = await list();
    if (!preview.checklist.ready) {
      const refused = await member('acceptance/submit', { milestoneId: first, releaseNotes: 'x', revision });
      expect(refused.error).toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'override' }] });
    }
    const { view } = await submit(first, 'Edited notes');
    expect(view.submissions).toHaveLength(1);
    expect(view.submissions[0]).toMatchObject({
      milestone: { id: first },
      state: 'submitted',
      releaseNotes: 'Edited notes',
      submittedBy: ACCOUNTS.member.accountId,
      override: !preview.checklist.ready,
      checklist: preview.checklist,
    });
    const stale = await member('acceptance/submit', { milestoneId: first, releaseNotes: 'x', override: true, revision });
    expect(stale.error?.code).toBe('CONFLICT');
    const again = await member('acceptance/submit', { milestoneId: first, releaseNotes: 'x', override: true, revision: view.revision });
    expect(again.error?.code).toBe('CONFLICT');
    expect((await list()).submissions).toHaveLength(1);
    expect(isServerTimeNow(view.submissions[0]?.submittedAt)).toBe(true);
  });

  it('refuses the viewer’s writes and every outsider call, changing nothing', async () => {
    const [first] = await twoMilestones();
    const { revision } = await list();
    const write = { milestoneId: first, releaseNotes: 'x', override: true, revision };
    expect((await viewer('acceptance/submit', write)).error?.code).toBe('FORBIDDEN');
    expect((await viewer('acceptance/issue', { submissionId: 'a', fixItemId: 'fix-1' })).error?.code).toBe('FORBIDDEN');
    expect((await list(viewer)).canEdit).toBe(false);
    for (const [key, payload] of [
      ['acceptance/list', {}],
      ['acceptance/preview', { milestoneId: first }],
      ['acceptance/submit', write],
      ['acceptance/issue', { submissionId: 'a', fixItemId: 'fix-1' }],
    ] as const) {
      expect((await outsider(key, payload)).error?.code, key).toBe('FORBIDDEN');
    }
    expect((await store.document(acceptanceKind, acme.project.id).get()).value).toBeUndefined();
  });
});

describe('the client decides on the status page', () => {
  it('accepts one milestone and rejects another with fix items; the PM sees both, opens an issue once; the report and the access log show them', async () => {
    const [first, second] = await twoMilestones();
    await submit(first, '- Sign in (ACME-1)');
    const submitted = (await submit(second)).view;
    const url = await shareLink();

    const page = await (await get(url)).text();
    const ids = submitted.submissions.map((s) => s.id);
    for (const id of ids) expect(page).toContain(`data-acceptance="${id}"`);
    expect(page).toContain('- Sign in (ACME-1)');
    const idOf = (milestoneId: string) => submitted.submissions.find((s) => s.milestone.id === milestoneId)?.id ?? '';

    const accepted = await post(url, {
      form: 'acceptance',
      lang: 'en',
      submissionId: idOf(first),
      decision: 'accepted',
      name: 'Ana Souza',
    });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain('You accepted');
    const noComment = await post(url, { form: 'acceptance', lang: 'en', submissionId: idOf(second), decision: 'rejected', name: 'Li Na' });
    expect(noComment.status).toBe(400);
    const rejected = await post(url, {
      form: 'acceptance',
      lang: 'zh-CN',
      submissionId: idOf(second),
      decision: 'rejected',
      name: 'Li Na',
      comment: 'Not yet',
      fixItems: 'CSV export has no header\n\n  Login times out  \n',
    });
    expect(rejected.status).toBe(200);
    expect(await rejected.text()).toContain('你已拒绝');
    const twice = await post(url, {
      form: 'acceptance',
      lang: 'en',
      submissionId: idOf(first),
      decision: 'rejected',
      name: 'X',
      comment: 'y',
    });
    expect(twice.status).toBe(409);
    const unknown = await post(url, { form: 'acceptance', lang: 'en', submissionId: 'nope', decision: 'accepted', name: 'X' });
    expect(unknown.status).toBe(404);

    const view = await list();
    expect(view.submissions.find((s) => s.id === idOf(first))).toMatchObject({
      state: 'accepted',
      decision: { by: 'Ana Souza (client via status page)', comment: '', fixItems: [] },
    });
    expect(isServerTimeNow(view.submissions.find((s) => s.id === idOf(first))?.decision?.at)).toBe(true);
    const rejection = view.submissions.find((s) => s.id === idOf(second));
    expect(rejection).toMatchObject({
      state: 'rejected',
      decision: {
        by: 'Li Na (client via status page)',
        comment: 'Not yet',
        fixItems: [
          { id: 'fix-1', text: 'CSV export has no header', jiraIssueKey: null },
          { id: 'fix-2', text: 'Login times out', jiraIssueKey: null },
        ],
      },
    });

    // A fix item becomes a Jira issue once, whatever the clicks.
    const first1 = await member('acceptance/issue', { submissionId: idOf(second), fixItemId: 'fix-1' });
    expect(first1.error).toBeUndefined();
    const key = (first1.data as { issueKey: string }).issueKey;
    expect(key).toMatch(/^ACME-\d+$/u);
    const second1 = await member('acceptance/issue', { submissionId: idOf(second), fixItemId: 'fix-1' });
    expect((second1.data as { issueKey: string }).issueKey).toBe(key);
    expect((await list()).submissions.find((s) => s.id === idOf(second))?.decision?.fixItems[0]?.jiraIssueKey).toBe(key);
    expect((await member('acceptance/issue', { submissionId: idOf(second), fixItemId: 'fix-9' })).error?.code).toBe('NOT_FOUND');

    // After a rejection the milestone may be submitted again; the accepted one may not.
    const { revision } = await list();
    expect((await member('acceptance/submit', { milestoneId: first, releaseNotes: 'x', override: true, revision })).error?.code).toBe(
      'CONFLICT',
    );
    const resubmitted = await member('acceptance/submit', { milestoneId: second, releaseNotes: 'Fixed', override: true, revision });
    expect(resubmitted.error).toBeUndefined();
    expect(acceptanceViewSchema.parse(resubmitted.data).submissions.filter((s) => s.milestone.id === second)).toHaveLength(2);

    // The next report shows the decisions, to both audiences.
    await pm('project/refresh', {});
    const client = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'en' })).data);
    const internal = statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang: 'en' })).data);
    for (const report of [client, internal]) {
      expect(report.sections.acceptance?.map((d) => [d.state, d.by])).toEqual([
        ['accepted', 'Ana Souza (client via status page)'],
        ['rejected', 'Li Na (client via status page)'],
      ]);
      expect(report.sections.acceptance?.[1]?.fixItems).toEqual(['CSV export has no header', 'Login times out']);
    }

    // The access log records each decision and each refusal.
    const log = await listAll(store.collection(shareAccessKind, acme.project.id), { order: 'oldest' });
    expect(log.filter((e) => e.kind === 'decision').map((e) => [e.outcome, e.detail])).toEqual([
      ['ok', 'acceptance-accepted'],
      ['refused', 'acceptance-bad-form'],
      ['ok', 'acceptance-rejected'],
      ['refused', 'acceptance-decided'],
      ['refused', 'acceptance-not-awaiting'],
    ]);
  });

  it('offers no decision to a link without the Acceptance section', async () => {
    const [first] = await twoMilestones();
    const { view } = await submit(first);
    const url = await shareLink(['health']);
    const page = await (await get(url)).text();
    expect(page).not.toContain('data-acceptance');
    const answer = await post(url, { form: 'acceptance', submissionId: view.submissions[0]?.id ?? '', decision: 'accepted', name: 'A' });
    expect(answer.status).toBe(403);
    expect((await list()).submissions[0]?.state).toBe('submitted');
  });
});
