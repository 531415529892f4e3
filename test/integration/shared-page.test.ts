/**
 * The client status page (issue 12, DESIGN.md §5.1, §6) through `serveSharedPage` on the
 * in-memory record store: content selection over generated projects (no hidden issue, no
 * internal signal, no team-only change request in the HTML or the JSON; only the link's
 * sections), the report scope exactly as published, the JSON variant, both languages, and the
 * forms (feedback once per submission, a low rating's complaint, a change-request decision with
 * who and when, stale and double decisions, hostile and malformed forms: 4xx, nothing stored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract';
import type { ChangeRequestJson } from '../../contract/changes';
import { renderStatusReport } from '../../contract/i18n/render-status-report';
import type { Language } from '../../contract/language';
import type { SectionName } from '../../contract/share';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { listChangeRequests } from '../../src/application/changes/change-requests';
import { changeMarkerKind, feedbackKind, settingsKind } from '../../src/application/records/record-kinds';
import { draftRevisionOf, publishReport, readPublishedReport } from '../../src/application/reports/published-reports';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import type { SharedPageContent } from '../../src/application/share/shared-page-content';
import { readReports } from '../../src/application/snapshot/project-cache';
import { renderStoredReport } from '../../src/application/snapshot/read-snapshot';
import { listAll, type RecordStore } from '../../src/application/storage';
import type { Issue } from '../../src/domain/issue';
import type { ProjectData } from '../../src/domain/project-data';
import { aMilestone, anIssue, aProject, DAY_MS, settingsWith } from '../../src/domain/testing/builders';
import { aChangeRequest } from '../support/change-builders';
import { hostileValues } from '../support/hostile-payloads';
import { aFormPost, aLink, ALL_SECTIONS, aView, givenSnapshot, hiddenField } from '../support/shared-page-builders';

const NOW = new Date('2026-03-10T12:00:00Z');
const settings = settingsWith({});

/** A word no other text holds: finding it proves a leak. */
const sentinel = (n: number) => `Zq${String(n)}xHIDDEN`;

interface Spec {
  internal: boolean;
  subtask: boolean;
  waiting: boolean;
  flagged: boolean;
  done: boolean;
  due: number | null;
  stale: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  internal: fc.boolean(),
  subtask: fc.boolean(),
  waiting: fc.boolean(),
  flagged: fc.boolean(),
  done: fc.boolean(),
  due: fc.option(fc.integer({ min: -20, max: 20 })),
  stale: fc.boolean(),
});

/** Issues labelled `client` unless internal (the `internal` label, or a subtask, whose summary carries a sentinel). */
function buildIssues(specs: readonly Spec[]): { issues: Issue[]; hidden: Issue[] } {
  const issues = specs.map((s, n): Issue => {
    const key = `ACME-${String(n + 1)}`;
    const hidden = s.internal || s.subtask;
    const status = s.done
      ? { name: 'Done', category: 'done' as const }
      : s.waiting
        ? { name: 'Waiting for customer', category: 'indeterminate' as const }
        : { name: 'In Progress', category: 'indeterminate' as const };
    return anIssue({
      key,
      summary: hidden ? `Secret ${sentinel(n)}` : `Visible work ${String(n)}`,
      type: s.subtask ? { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 } : {},
      parentKey: s.subtask && n > 0 ? 'ACME-1' : null,
      status,
      resolution: s.done ? 'Done' : null,
      labels: s.internal ? ['internal', 'client'] : ['client'],
      due: s.due === null ? null : new Date(NOW.getTime() + s.due * DAY_MS).toISOString().slice(0, 10),
      flagged: s.flagged && !s.done,
      updated: NOW.getTime() - (s.stale ? 30 : 1) * DAY_MS,
      fixVersions: ['100'],
      assignee: { accountId: `a${String(n)}`, displayName: `Dev ${String(n)}` },
      history: {
        startedAt: NOW.getTime() - 40 * DAY_MS,
        completedAt: s.done ? NOW.getTime() - 2 * DAY_MS : null,
        reopenCount: 0,
      },
    });
  });
  return { issues, hidden: issues.filter((_, n) => specs[n]?.internal === true || specs[n]?.subtask === true) };
}

/** Requests the team has not put to the client (titles with a sentinel), one awaiting, one approved. */
function changeRequests(): ChangeRequestJson[] {
  return [
    aChangeRequest({ id: 'cr-team', title: `Team idea ${sentinel(900)}`, status: 'assessing', internalNote: `note ${sentinel(901)}` }),
    aChangeRequest({
      id: 'cr-wait',
      title: 'Add SSO login',
      status: 'awaiting-client',
      revision: 3,
      internalNote: `note ${sentinel(902)}`,
    }),
    aChangeRequest({
      id: 'cr-done',
      title: 'Export to CSV',
      status: 'approved',
      revision: 4,
      internalNote: `note ${sentinel(903)}`,
      decision: { outcome: 'approved', by: 'Li Na', at: '2026-03-09T10:00:00.000Z', reason: '' },
      updatedAt: '2026-03-09T10:00:00.000Z',
    }),
  ];
}

function projectOf(issues: Issue[], requests: ChangeRequestJson[] = changeRequests()): ProjectData {
  return aProject({
    issues,
    milestones: [aMilestone({ id: '100', name: 'Beta', releaseDate: '2026-03-20', startDate: '2026-01-10' })],
    changeRequests: requests,
  });
}

async function page(records: RecordStore, link = aLink(), request = aView()) {
  return serveSharedPage({ records, now: NOW }, link, request);
}

async function json(records: RecordStore, link = aLink(), query: Record<string, string> = {}): Promise<SharedPageContent> {
  const answer = await page(records, link, aView({ ...query, format: 'json' }));
  expect(answer.response.headers['Content-Type']).toEqual(['application/json; charset=utf-8']);
  return JSON.parse(answer.response.body) as SharedPageContent;
}

/** HTML section ids of the page, by link section. */
const SECTION_IDS: Record<SectionName, string> = {
  health: 'health',
  milestones: 'milestones',
  completed: 'completed',
  'next-up': 'next',
  risks: 'risks',
  'waiting-on-client': 'waiting',
  'change-requests': 'changes',
  'feedback-form': 'feedback',
  acceptance: 'acceptance',
  commitments: 'commitments',
};
const JSON_KEYS: Record<SectionName, keyof SharedPageContent> = {
  health: 'health',
  milestones: 'milestones',
  completed: 'completed',
  'next-up': 'nextUp',
  risks: 'risks',
  'waiting-on-client': 'waitingOnClient',
  'change-requests': 'changeRequests',
  'feedback-form': 'feedbackForm',
  acceptance: 'acceptance',
  commitments: 'commitments',
};

/** What no client output may hold: links, e-mails, internal fields and jargon. */
const ALWAYS_FORBIDDEN =
  /\/browse\/|https?:|\w@\w|"(score|signals|reasons|issueRisks|dataQuality|evidence|computed|overrideReason|internalNote|linkedIssueKeys)":|no update for|cycle time|没有更新|周期时间/iu;

describe('content selection over generated projects', () => {
  it('never shows a hidden issue, an internal signal or a team-only change request, and shows only the link sections', async () => {
    const seen = { hidden: 0, reasons: 0, partial: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(specArb, { minLength: 1, maxLength: 25 }),
        fc.subarray(ALL_SECTIONS, { minLength: 1 }),
        fc.constantFrom<Language>('en', 'zh-CN'),
        async (specs, sections, lang) => {
          const records = new InMemoryRecordStore();
          const { issues, hidden } = buildIssues(specs);
          const snapshot = await givenSnapshot(records, projectOf(issues), settings, NOW.getTime());
          const internal = renderStatusReport((await readReports(records, snapshot)).internal, lang);
          const reasons = internal.issueRisks.flatMap((r) => r.reasons);
          if (hidden.length > 0) seen.hidden += 1;
          if (reasons.length > 0) seen.reasons += 1;
          if (sections.length < ALL_SECTIONS.length) seen.partial += 1;
          const link = aLink({ sections, lang });
          const html = (await page(records, link)).response.body;
          const content = await json(records, link);
          const text = JSON.stringify(content);
          for (const [name, out] of Object.entries({ html, json: text })) {
            for (const issue of hidden) {
              expect(out, `${name}: ${issue.key}`).not.toMatch(new RegExp(`\\b${issue.key}\\b`, 'u'));
              expect(out, name).not.toContain(issue.summary);
            }
            for (const reason of reasons) expect(out, `${name}: ${reason}`).not.toContain(reason);
            expect(out, name).not.toMatch(/HIDDEN/u);
            expect(out, name).not.toMatch(ALWAYS_FORBIDDEN);
          }
          for (const section of ALL_SECTIONS) {
            const shown = sections.includes(section);
            expect(html.includes(`id="${SECTION_IDS[section]}"`), `html ${section}`).toBe(shown);
            expect(JSON_KEYS[section] in content, `json ${section}`).toBe(shown);
          }
          expect(content.lang).toBe(lang);
        },
      ),
      { numRuns: 150, seed: 20261212 },
    );
    expect(seen.hidden).toBeGreaterThan(20);
    expect(seen.reasons).toBeGreaterThan(20);
    expect(seen.partial).toBeGreaterThan(20);
  }, 120_000);
});

describe('the page for a live link', () => {
  async function given(): Promise<InMemoryRecordStore> {
    const records = new InMemoryRecordStore();
    const { issues } = buildIssues([
      { internal: false, subtask: false, waiting: true, flagged: false, done: false, due: null, stale: false },
      { internal: false, subtask: false, waiting: false, flagged: true, done: false, due: 3, stale: false },
      { internal: false, subtask: false, waiting: false, flagged: false, done: true, due: null, stale: false },
      { internal: true, subtask: false, waiting: false, flagged: false, done: false, due: 1, stale: true },
    ]);
    await givenSnapshot(records, projectOf(issues), settings, NOW.getTime());
    await records.document(settingsKind, '1').save({ ...DEFAULT_PROJECT_SETTINGS, timeZone: 'Asia/Shanghai' }, 0);
    return records;
  }

  it('serves self-contained HTML with the security headers, the status at a glance first, as-of time and zone', async () => {
    const records = await given();
    const { response, event } = await page(records);
    expect(event).toEqual({ kind: 'view', outcome: 'ok' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['Content-Type']).toEqual(['text/html; charset=utf-8']);
    expect(response.headers['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    expect(response.headers['Cache-Control']).toEqual(['no-store']);
    const html = response.body;
    expect(html).toMatch(/<link rel="icon" href="data:," ?\/?>/u);
    expect(html).not.toMatch(/<script|<img|<iframe|<link rel="stylesheet"|@import|url\(|src=|https?:\/\//iu);
    expect(html.indexOf('id="health"')).toBeLessThan(html.indexOf('id="milestones"'));
    expect(html.indexOf('id="milestones"')).toBeLessThan(html.indexOf('id="waiting"'));
    expect(html).toContain('Asia/Shanghai');
    expect(html).toMatch(/As of Mar 10, 2026, \d+:\d+ [AP]M Asia\/Shanghai/u);
    expect(html).toContain('class="waiting"');
    expect(html).toMatch(/Waiting (at least )?\d+ day/u);
    expect(html).toContain('@media print');
    expect(html).toMatch(/prefers-color-scheme: ?dark/u);
  });

  it('speaks the link language by default, the ?lang= one when asked, with relative switch links', async () => {
    const records = await given();
    const zh = (await page(records, aLink({ lang: 'zh-CN' }))).response.body;
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('状态概览');
    expect(zh).toContain('等待您处理');
    expect(zh).toMatch(/截至 2026年3月10日/u);
    const en = (await page(records, aLink({ lang: 'zh-CN' }), aView({ lang: 'en' }))).response.body;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Status at a glance');
    expect(en).toContain('href="?lang=zh-CN"');
    expect(en).toContain('href="?lang=en"');
    // An unknown language falls back to the link's.
    expect((await page(records, aLink({ lang: 'zh-CN' }), aView({ lang: 'fr' }))).response.body).toContain('<html lang="zh-CN">');
  });

  it('answers the same content as JSON for Accept: application/json and ?format=json, with the same headers', async () => {
    const records = await given();
    const byAccept = await page(records, aLink(), aView({}, { accept: 'application/json' }));
    const byQuery = await page(records, aLink(), aView({ format: 'json' }));
    expect(byAccept.response.headers['Content-Type']).toEqual(['application/json; charset=utf-8']);
    expect(byAccept.response.headers['Content-Security-Policy']).toEqual(byQuery.response.headers['Content-Security-Policy']);
    const a = JSON.parse(byAccept.response.body) as SharedPageContent;
    const b = JSON.parse(byQuery.response.body) as SharedPageContent;
    // The submission id is fresh per rendering; everything else is the same.
    expect({ ...a, feedbackForm: null }).toEqual({ ...b, feedbackForm: null });
    const html = (await page(records)).response.body;
    for (const ref of [...(a.waitingOnClient?.issues ?? []), ...(a.risks?.flagged ?? [])]) {
      expect(html).toContain(ref.key);
      expect(html).toContain(ref.summary);
    }
    for (const m of a.milestones ?? []) expect(html).toContain(m.name);
    expect(a.health?.headline && html.includes(a.health.headline.replace(/&/gu, '&amp;'))).toBe(true);
    expect(a.changeRequests?.awaiting.map((c) => c.id)).toEqual(['cr-wait']);
  });

  it('says the status is being prepared when the project has no snapshot yet', async () => {
    const { response, event } = await page(new InMemoryRecordStore());
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('The status is being prepared');
    expect(event.outcome).toBe('ok');
  });
});

describe('the page for a report link', () => {
  it('shows the report exactly as published, not the live data that moved on', async () => {
    const records = new InMemoryRecordStore();
    const { issues } = buildIssues([
      { internal: false, subtask: false, waiting: true, flagged: false, done: false, due: 2, stale: false },
      { internal: false, subtask: false, waiting: false, flagged: false, done: true, due: null, stale: false },
    ]);
    const first = await givenSnapshot(records, projectOf(issues), settings, NOW.getTime(), 1);
    const head = await publishReport(records, first, { draftRevision: draftRevisionOf(first), publishedBy: 'pm', now: NOW });
    const moved = issues.map((i) => ({ ...i, summary: `${i.summary} renamed later` }));
    await givenSnapshot(records, projectOf(moved), settings, NOW.getTime() + DAY_MS, 2);

    const link = aLink({ scope: { kind: 'report', reportId: head.id } });
    const content = await json(records, link);
    const published = renderStoredReport((await readPublishedReport(records, '1', head.id)).content, 'client', 'en');
    if (published.audience !== 'client') throw new Error('client report expected');
    expect(content.scope).toEqual({ kind: 'report', version: head.version, publishedAt: head.publishedAt });
    expect(content.asOf).toBe(head.asOf);
    expect(content.milestones).toEqual(published.sections.milestones);
    expect(content.completed).toEqual(published.sections.completed);
    expect(content.waitingOnClient?.issues).toEqual(published.sections.waitingOnClient);
    expect(content.health?.headline).toBe(published.overall.headline);
    const html = (await page(records, link)).response.body;
    expect(html).not.toContain('renamed later');
    expect(html).toContain('Status report no. 1');
    // Read-only: no decision form on a published report.
    expect(html).not.toContain('name="changeRequestId"');
    expect((await page(records, aLink())).response.body).toContain('renamed later');
  });
});

async function givenLive(): Promise<InMemoryRecordStore> {
  const records = new InMemoryRecordStore();
  const { issues } = buildIssues([
    { internal: false, subtask: false, waiting: true, flagged: false, done: false, due: null, stale: false },
  ]);
  await givenSnapshot(records, projectOf(issues), settings, NOW.getTime());
  return records;
}

const feedbackOf = (records: RecordStore) => listAll(records.collection(feedbackKind, '1'));
const requestOf = async (records: RecordStore, id: string) => (await listChangeRequests(records, '1', {})).items.find((r) => r.id === id);

describe('the feedback form', () => {
  it('stores one entry for a double submit, from the status page, and thanks the client in the page language', async () => {
    const records = await givenLive();
    const html = (await page(records, aLink({ lang: 'zh-CN' }))).response.body;
    const fields = {
      form: 'feedback',
      lang: hiddenField(html, 'lang'),
      submissionId: hiddenField(html, 'submissionId'),
      rating: '4',
      nps: '9',
      comment: 'Great work',
    };
    const first = await page(records, aLink({ lang: 'zh-CN' }), aFormPost(fields));
    const second = await page(records, aLink({ lang: 'zh-CN' }), aFormPost(fields));
    expect(first.response.statusCode).toBe(200);
    expect(second.response.statusCode).toBe(200);
    expect(first.response.body).toContain('感谢您的评价');
    expect(first.event).toEqual({ kind: 'feedback', outcome: 'ok', detail: 'created' });
    expect(second.event).toEqual({ kind: 'feedback', outcome: 'ok', detail: 'duplicate' });
    const stored = await feedbackOf(records);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rating: 4, nps: 9, comment: 'Great work', source: 'status-page', complaint: null });
    // The satisfaction it moves is derived again at the next refresh: the project is marked changed, once.
    expect((await records.document(changeMarkerKind, '1').get()).value?.changes).toBe(1);
  });

  it('opens a complaint for a low rating; the NPS and comment are optional', async () => {
    const records = await givenLive();
    const answer = await page(records, aLink(), aFormPost({ form: 'feedback', submissionId: 'sub-low', rating: '1', nps: '' }));
    expect(answer.response.statusCode).toBe(200);
    const [entry] = await feedbackOf(records);
    expect(entry?.nps).toBeNull();
    expect(entry?.complaint).toMatchObject({ status: 'open' });
  });

  it('refuses the form on a link without the feedback section', async () => {
    const records = await givenLive();
    const answer = await page(records, aLink({ sections: ['health'] }), aFormPost({ form: 'feedback', submissionId: 's1', rating: '5' }));
    expect(answer.response.statusCode).toBe(403);
    expect(answer.event).toMatchObject({ kind: 'feedback', outcome: 'refused' });
    expect(await feedbackOf(records)).toHaveLength(0);
  });
});

describe('change-request decisions', () => {
  it('records the approval with the client name, "client via status page", the time and a new revision', async () => {
    const records = await givenLive();
    const html = (await page(records)).response.body;
    expect(hiddenField(html, 'changeRequestId', 'data-change="cr-wait"')).toBe('cr-wait');
    const revision = hiddenField(html, 'revision', 'data-change="cr-wait"');
    const answer = await page(
      records,
      aLink(),
      aFormPost({
        form: 'decision',
        lang: 'en',
        changeRequestId: 'cr-wait',
        revision,
        decision: 'approved',
        name: 'Ana Souza',
        comment: 'Go ahead',
      }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(answer.response.body).toContain('You approved “Add SSO login”');
    expect(answer.event).toEqual({ kind: 'decision', outcome: 'ok', detail: 'approved' });
    const stored = await requestOf(records, 'cr-wait');
    expect(stored).toMatchObject({
      status: 'approved',
      revision: 4,
      decision: { outcome: 'approved', by: 'Ana Souza (client via status page)', at: NOW.toISOString(), reason: 'Go ahead' },
    });
    // The page no longer offers it; the same decision again is refused clearly.
    expect((await page(records)).response.body).not.toContain('data-change="cr-wait"');
    const again = await page(
      records,
      aLink(),
      aFormPost({ form: 'decision', changeRequestId: 'cr-wait', revision, decision: 'approved', name: 'Ana Souza' }),
    );
    expect(again.response.statusCode).toBe(409);
    expect(again.event).toMatchObject({ kind: 'decision', outcome: 'refused' });
  });

  it('refuses a stale revision, a rejection without a reason, a request not put to the client, and a report link', async () => {
    const records = await givenLive();
    const before = await listChangeRequests(records, '1', {});
    const post = (fields: Record<string, string>, link = aLink()) =>
      page(records, link, aFormPost({ form: 'decision', decision: 'approved', name: 'Ana', ...fields }));
    expect((await post({ changeRequestId: 'cr-wait', revision: '2' })).response.statusCode).toBe(409);
    const noReason = await post({ changeRequestId: 'cr-wait', revision: '3', decision: 'rejected' });
    expect(noReason.response.statusCode).toBe(400);
    expect(noReason.response.body).toContain('a comment saying why you reject it');
    expect((await post({ changeRequestId: 'cr-team', revision: '1' })).response.statusCode).toBe(404);
    expect((await post({ changeRequestId: 'cr-none', revision: '1' })).response.statusCode).toBe(404);
    expect((await post({ changeRequestId: 'cr-done', revision: '4' })).response.statusCode).toBe(409);
    expect((await post({ changeRequestId: 'cr-wait', revision: '3' }, aLink({ sections: ['health'] }))).response.statusCode).toBe(403);
    expect(
      (await post({ changeRequestId: 'cr-wait', revision: '3' }, aLink({ scope: { kind: 'report', reportId: 'g1' } }))).response.statusCode,
    ).toBe(403);
    expect(await listChangeRequests(records, '1', {})).toEqual(before);
  });

  it('records a rejection with its reason', async () => {
    const records = await givenLive();
    const answer = await page(
      records,
      aLink({ lang: 'zh-CN' }),
      aFormPost({ form: 'decision', changeRequestId: 'cr-wait', revision: '3', decision: 'rejected', name: '王芳', comment: '预算不足' }),
    );
    expect(answer.response.statusCode).toBe(200);
    expect(answer.response.body).toContain('您已拒绝“Add SSO login”');
    expect((await requestOf(records, 'cr-wait'))?.decision).toMatchObject({
      outcome: 'rejected',
      by: '王芳 (client via status page)',
      reason: '预算不足',
    });
  });
});

describe('malformed and hostile requests', () => {
  const validFeedback = { form: 'feedback', submissionId: 'sub-1', rating: '5', nps: '10', comment: 'ok' };
  const validDecision = { form: 'decision', changeRequestId: 'cr-wait', revision: '3', decision: 'approved', name: 'Ana', comment: '' };

  async function storeState(records: RecordStore): Promise<string> {
    return JSON.stringify([await feedbackOf(records), (await listChangeRequests(records, '1', {})).items]);
  }

  it('answers 415 for another content type, 405 for another method, 413 for a body over the limit, 400 for repeated fields', async () => {
    const records = await givenLive();
    const before = await storeState(records);
    const json415 = await page(records, aLink(), aFormPost(JSON.stringify(validFeedback), { contentType: 'application/json' }));
    expect(json415.response.statusCode).toBe(415);
    expect(json415.event).toMatchObject({ kind: 'invalid', outcome: 'refused' });
    expect(
      (await page(records, aLink(), aFormPost(validFeedback, { contentType: 'multipart/form-data; boundary=x' }))).response.statusCode,
    ).toBe(415);
    const head = await page(records, aLink(), aView());
    expect((await page(records, aLink(), { ...aView(), method: 'HEAD' })).response.statusCode).toBe(head.response.statusCode);
    const put = await page(records, aLink(), aFormPost(validFeedback, { method: 'PUT' }));
    expect(put.response.statusCode).toBe(405);
    expect(put.response.headers.Allow).toEqual(['GET, POST']);
    expect((await page(records, aLink(), aFormPost({ ...validFeedback, comment: 'x'.repeat(70_000) }))).response.statusCode).toBe(413);
    expect((await page(records, aLink(), aFormPost('form=feedback&submissionId=a&rating=5&rating=1'))).response.statusCode).toBe(400);
    expect((await page(records, aLink(), aFormPost({ ...validFeedback, comment: 'x'.repeat(2001) }))).response.statusCode).toBe(400);
    expect(await storeState(records)).toBe(before);
  });

  it('any field of either form replaced by a hostile value: a 4xx page that echoes nothing, or a valid entry; never a 5xx', async () => {
    const records = await givenLive();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(validFeedback, validDecision),
        fc.string({ minLength: 1, maxLength: 20 }),
        hostileValues(['<img src=x onerror=alert(1)>', '0', '6', '-1', '11', '1.5', ' 5', '١', 'approved\u0000', 'HIDDEN-ECHO']),
        fc.boolean(),
        async (form, extraKey, hostile, replace) => {
          const fields: Record<string, string> = { ...form };
          const keys = Object.keys(fields);
          const target = replace ? (keys[extraKey.length % keys.length] ?? 'form') : extraKey;
          // JSON.stringify answers undefined for undefined and functions, whatever its type says.
          const value = typeof hostile === 'string' ? hostile : ((JSON.stringify(hostile) as string | undefined) ?? 'undefined');
          fields[target] = value;
          const before = await storeState(records);
          const answer = await page(records, aLink(), aFormPost(fields));
          expect(answer.response.statusCode).toBeLessThan(500);
          if (answer.response.statusCode >= 400) {
            expect(answer.event.outcome).toBe('refused');
            expect(await storeState(records)).toBe(before);
            if (value.length > 3 && !/^[\w\s.-]*$/u.test(value)) {
              expect(answer.response.body).not.toContain(value);
            }
          }
          expect(answer.response.body).not.toMatch(/<img src=x/u);
        },
      ),
      { numRuns: 150, seed: 1212 },
    );
  }, 120_000);
});
