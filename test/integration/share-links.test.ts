/**
 * Share links (issue 12) on the real path: the resolvers through the local Forge runtime, and
 * the status page's web trigger over HTTP at its local URL (`/x1/client-status-page/s/<token>`,
 * `userPath` as Forge's v2 URL format passes it). Asserts answers, stored state and the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeRequestSchema } from '../../contract/changes';
import { clientStatusReportSchema } from '../../contract/client-report';
import { SECTION_NAMES, shareLinkViewSchema, type ShareLinkView } from '../../contract/share';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { shareAccessKind, shareLinkKind, shareTokenKind } from '../../src/application/records/record-kinds';
import { hashToken } from '../../src/application/share/share-secrets';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aChangeDraft } from '../support/change-builders';
import { hiddenField } from '../support/shared-page-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme, hz] = datasets;
if (!acme || !hz) throw new Error('the demo has two projects');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: { path: string }[] } };
type Key = Parameters<LocalApp['forge']['invokeResolver']>[1];
const as =
  (role: AccountRole, project = acme.project) =>
  (key: Key, payload: unknown) =>
    app.forge.invokeResolver(projectPageContext(project, 'en_US', ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
const store = new KvsRecordStore();

const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

async function create(payload: Record<string, unknown> = {}, caller = pm): Promise<{ id: string; url: string }> {
  const answer = await caller('share/create', {
    scope: { kind: 'live' },
    lang: 'en',
    label: 'Client board',
    expiresInDays: 30,
    ...payload,
  });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
  return answer.data as { id: string; url: string };
}
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const pageUrl = (token: string) => `${app.url ?? ''}/x1/client-status-page/s/${token}`;

async function snapshotOf(response: Response) {
  const headers = [...response.headers.entries()].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name));
  return { status: response.status, headers, body: await response.text() };
}
const get = (url: string, init: RequestInit = {}) => fetch(url, { redirect: 'manual', ...init });
const post = (url: string, form: Record<string, string>, init: RequestInit = {}) =>
  get(url, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    ...init,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(init.headers as Record<string, string> | undefined) },
  });
const accessLog = () => listAll(store.collection(shareAccessKind, acme.project.id));
const links = () => listAll(store.collection(shareLinkKind, acme.project.id));

/** Records the path of every KVS call the app makes until `stop`. */
function recordKvsCalls(): { calls: string[]; stop: () => void } {
  const kvs = app.kvs;
  const original = kvs.handle.bind(kvs);
  const calls: string[] = [];
  kvs.handle = (path, init) => {
    calls.push(path);
    return original(path, init);
  };
  return {
    calls,
    stop: () => {
      kvs.handle = original;
    },
  };
}

function caseChanged(token: string): string {
  const at = token.search(/[a-zA-Z]/u);
  const c = token[at] ?? 'a';
  return token.slice(0, at) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + token.slice(at + 1);
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
  await as('pm', hz.project)('project/delete-data', { confirmProjectKey: hz.project.key });
});

describe('share/create and the page', () => {
  it('answers the URL once; the page opens at it; only the hash of the token is stored, and the list never shows it', async () => {
    const { id, url } = await create({ sections: ['milestones', 'health'] });
    expect(url.startsWith(`${app.url ?? ''}/x1/client-status-page/s/`)).toBe(true);
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/u);

    // The page shows the project's stored snapshot: the first open makes it.
    await pm('project/overview', {});
    await app.forge.drainQueue();
    const response = await get(url, { headers: { 'user-agent': CHROME_ANDROID } });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('<html lang="en"');
    expect(body).toContain(acme.project.name);

    const [stored] = await links();
    expect(stored).toMatchObject({ id, tokenHash: hashToken(token).toString('hex'), sections: ['health', 'milestones'], passcode: null });
    const everything = JSON.stringify({
      links: await links(),
      log: await accessLog(),
      index: await store.document(shareTokenKind, stored?.tokenHash ?? '').get(),
    });
    expect(everything).not.toContain(token);

    const list = await pm('share/list', {});
    expect(list.ok).toBe(true);
    expect(JSON.stringify(list.data)).not.toContain(token);
    expect(JSON.stringify(list.data)).not.toContain(stored?.tokenHash ?? 'x');
    const items = (list.data as { items: unknown[]; canManage: boolean }).items.map((i) => shareLinkViewSchema.parse(i));
    expect(items).toEqual([
      expect.objectContaining({ id, status: 'active', hasPasscode: false, label: 'Client board', createdBy: ACCOUNTS.pm.accountId }),
    ]);
    expect((list.data as { canManage: boolean }).canManage).toBe(true);

    const log = await pm('share/access-log', {});
    expect((log.data as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ linkId: id, kind: 'view', outcome: 'ok', agent: { browser: 'chrome', os: 'android' } }),
    ]);
    expect(JSON.stringify(log.data)).not.toContain('Pixel');
  });

  it('defaults to every section, expires after the days asked, and refuses more than the cap (180, or the setting)', async () => {
    const before = Date.now();
    await create({ expiresInDays: 180 });
    const [link] = await links();
    expect(link?.sections).toEqual([...SECTION_NAMES]);
    expect(Date.parse(link?.expiresAt ?? '') - before).toBeGreaterThanOrEqual(180 * 86_400_000 - 1000);

    const over = await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'x', expiresInDays: 181 });
    expect(over.error?.code).toBe('INVALID_PAYLOAD');
    const missing = await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'x' });
    expect(missing.error?.code).toBe('INVALID_PAYLOAD');

    expect((await pm('share/settings-save', { settings: { enabled: true, maxExpiryDays: 14 }, revision: 0 })).ok).toBe(true);
    const overSetting = await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'x', expiresInDays: 15 });
    expect(overSetting.error?.code).toBe('INVALID_PAYLOAD');
    expect(overSetting.error?.fields?.map((f) => f.path)).toEqual(['expiresInDays']);
    await create({ expiresInDays: 14 });
    expect(await links()).toHaveLength(2);
  });

  it('scopes a link to a published report of the same project only', async () => {
    const notPublished = await pm('share/create', {
      scope: { kind: 'report', reportId: 'g999' },
      lang: 'en',
      label: 'x',
      expiresInDays: 5,
    });
    expect(notPublished.error?.code).toBe('INVALID_PAYLOAD');
    expect(notPublished.error?.fields?.map((f) => f.path)).toEqual(['scope.reportId']);

    const draft = (await pm('project/report', {})).data as { draftRevision: string };
    const published = await as('pm', hz.project)('project/report', {});
    const hzRevision = (published.data as { draftRevision: string }).draftRevision;
    expect((await as('pm', hz.project)('report/publish', { draftRevision: hzRevision })).ok).toBe(true);
    if (hzRevision !== draft.draftRevision) {
      // HZ's report id names no report of ACME.
      const other = await pm('share/create', { scope: { kind: 'report', reportId: hzRevision }, lang: 'en', label: 'x', expiresInDays: 5 });
      expect(other.error?.code).toBe('INVALID_PAYLOAD');
    }
    expect((await pm('report/publish', { draftRevision: draft.draftRevision })).ok).toBe(true);
    const { url } = await create({ scope: { kind: 'report', reportId: draft.draftRevision }, lang: 'zh-CN' });
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html lang="zh-CN"');

    // The list names the report by its number, as the Reports section does; a live link has none.
    await create({ label: 'live' });
    const listed = ((await pm('share/list', {})).data as { items: unknown[] }).items.map((i) => shareLinkViewSchema.parse(i));
    expect(listed.find((l) => l.scope.kind === 'report')?.reportVersion).toBe(1);
    expect(listed.find((l) => l.scope.kind === 'live')?.reportVersion).toBeUndefined();
  });
});

describe('a page viewed again', () => {
  it('is served from memory: one stamp read and one log write, a fresh submission id, and the view logged', async () => {
    // The first open syncs the project and stores its snapshot: the page has something to show.
    await pm('project/overview', {});
    await app.forge.drainQueue();
    const { url } = await create();
    const first = await get(url);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    await app.forge.drainQueue();
    const kvs = recordKvsCalls();
    let again: string;
    try {
      again = await (await get(url)).text();
    } finally {
      kvs.stop();
    }
    expect(kvs.calls).toEqual(['/api/v1/entity/get', '/api/v1/batch/set']);
    expect(hiddenField(again, 'submissionId')).not.toBe(hiddenField(firstBody, 'submissionId'));
    expect((await accessLog()).filter((e) => e.kind === 'view')).toHaveLength(2);
    // A change the page shows is there on the next view.
    const settings = await pm('settings/get', {});
    const { revision } = settings.data as { revision: number };
    const saved = await pm('settings/save', {
      settings: { ...(settings.data as { settings: object }).settings, timeZone: 'Pacific/Auckland' },
      revision,
    });
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
    expect(await (await get(url)).text()).toContain('Pacific/Auckland');
  });
});

describe('one identical 404', () => {
  it('for unknown, wrong, truncated, case-changed, expired, revoked, switched-off and another project’s links, after the same storage reads', async () => {
    const valid = tokenOf((await create({ label: 'kept' })).url);
    const revoked = await create({ label: 'revoked' });
    expect((await pm('share/revoke', { id: revoked.id })).ok).toBe(true);
    const expired = await create({ label: 'expired' });
    const expiredRecord = await store.collection(shareLinkKind, acme.project.id).getRevisioned(expired.id);
    if (!expiredRecord.value) throw new Error('stored');
    await store
      .collection(shareLinkKind, acme.project.id)
      .save({ ...expiredRecord.value, expiresAt: '2026-01-01T00:00:00.000Z' }, expiredRecord.revision);
    const hzLink = await create({ label: 'hz' }, as('pm', hz.project));
    // Another project's link: ACME's index entry and ACME's partition, but the record is HZ's.
    const hzRecord = (await listAll(store.collection(shareLinkKind, hz.project.id)))[0];
    if (!hzRecord) throw new Error('stored');
    const forged = tokenOf(hzLink.url);
    const index = store.document(shareTokenKind, hzRecord.tokenHash);
    await index.save({ projectId: acme.project.id, linkId: hzRecord.id }, (await index.get()).revision);
    await store.collection(shareLinkKind, acme.project.id).save(hzRecord, 0);

    const reference = await snapshotOf(await get(pageUrl('A'.repeat(43))));
    expect(reference.status).toBe(404);
    expect(reference.body).toContain('Link not found');
    expect(reference.body).toContain('链接不存在');

    const variants: Record<string, string> = {
      unknown: 'A'.repeat(43),
      random: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
      truncated: valid.slice(0, -1),
      extended: `${valid}x`,
      caseChanged: caseChanged(valid),
      empty: '',
      hostile: encodeURIComponent('<script>alert(1)</script>'),
      expired: tokenOf(expired.url),
      revoked: tokenOf(revoked.url),
      otherProject: forged,
    };
    const counts = new Map<string, string[]>();
    const kvs = recordKvsCalls();
    try {
      for (const [name, token] of Object.entries(variants)) {
        kvs.calls.length = 0;
        expect(await snapshotOf(await get(pageUrl(token))), name).toEqual(reference);
        counts.set(name, [...kvs.calls]);
      }
      expect(await snapshotOf(await get(`${app.url ?? ''}/x1/client-status-page/other/path`))).toEqual(reference);
      expect(await snapshotOf(await get(`${app.url ?? ''}/x1/client-status-page`))).toEqual(reference);

      // The kill switch: every ACME link is gone, HZ's are not; on again, they are back.
      const settings = await pm('share/settings-get', {});
      const revision = (settings.data as { revision: number }).revision;
      expect((await pm('share/settings-save', { settings: { enabled: false, maxExpiryDays: 180 }, revision })).ok).toBe(true);
      kvs.calls.length = 0;
      expect(await snapshotOf(await get(pageUrl(valid)))).toEqual(reference);
      counts.set('switchedOff', [...kvs.calls]);
      const hzOwn = await create({ label: 'hz own' }, as('pm', hz.project));
      expect((await get(hzOwn.url)).status).toBe(200);
      expect((await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'x', expiresInDays: 5 })).error?.code).toBe(
        'FORBIDDEN',
      );
      expect((await pm('share/settings-save', { settings: { enabled: true, maxExpiryDays: 180 }, revision: revision + 1 })).ok).toBe(true);
    } finally {
      kvs.stop();
    }
    expect((await get(pageUrl(valid))).status).toBe(200);

    // Every miss made the same storage calls as an unknown token: one index read, then the project's stamp, the link and the settings.
    const unknown = counts.get('unknown') ?? [];
    expect(unknown.length).toBeGreaterThanOrEqual(3);
    for (const [name, paths] of counts) expect([...paths].sort(), name).toEqual([...unknown].sort());
    // Nothing was logged for a refused link.
    expect((await accessLog()).filter((e) => e.outcome === 'refused')).toEqual([]);
  });
  // Their time class is measured by `npm run bench -- --only page` (no timed assertions in tests).
});

describe('passcodes', () => {
  it('show a gate; a wrong passcode is refused, the fifth locks the link (429) even for the right one; other links are not locked', async () => {
    const { url } = await create({ passcode: 'open sesame', label: 'locked one' });
    const other = await create({ passcode: 'open sesame', label: 'other' });

    const gate = await get(url);
    expect(gate.status).toBe(200);
    const gateHtml = await gate.text();
    expect(gateHtml).toContain('<form method="post">');
    expect(gateHtml).toContain('name="passcode"');
    expect(gateHtml).not.toContain(acme.project.name);

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await post(url, { passcode: `guess ${String(attempt)}` });
      expect(wrong.status, `attempt ${String(attempt)}`).toBe(401);
      expect(await wrong.text()).toContain('That passcode is not right');
    }
    const fifth = await post(url, { passcode: 'guess 5' });
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await fifth.text()).toContain('Too many attempts');
    const right = await post(url, { passcode: 'open sesame' });
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();

    expect((await post(other.url, { passcode: 'open sesame' })).status).toBe(303);
    const log = await accessLog();
    expect(
      log
        .filter((e) => e.kind === 'passcode' && e.outcome === 'refused')
        .map((e) => e.detail)
        .sort(),
    ).toEqual(['locked', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong']);
  });

  it('a burst of parallel guesses gets no more than five passcodes checked', async () => {
    const { url } = await create({ passcode: 'open sesame', label: 'burst' });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(url, { passcode: `guess ${String(i)}` })));
    const checked = answers.filter((a) => a.status === 401).length;
    // Five slots: the fifth wrong guess answers the lock page (429) itself.
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(answers.filter((a) => a.status !== 401).every((a) => a.status === 429)).toBe(true);
    expect((await links()).find((l) => l.label === 'burst')?.passcodeFailures).toHaveLength(5);
  });

  it('the right passcode gives its slot back: it is no failure', async () => {
    const { url } = await create({ passcode: 'open sesame', label: 'right' });
    expect((await post(url, { passcode: 'wrong' })).status).toBe(401);
    expect((await post(url, { passcode: 'open sesame' })).status).toBe(303);
    expect((await links()).find((l) => l.label === 'right')?.passcodeFailures).toHaveLength(1);
  });

  it('the right passcode sets a session cookie scoped to the link (HttpOnly, Secure, SameSite=Lax) that opens the page', async () => {
    const { url } = await create({ passcode: 'open sesame', lang: 'zh-CN' });
    const token = tokenOf(url);
    const zhGate = await (await get(url)).text();
    expect(zhGate).toContain('需要访问码');

    const unlocked = await post(url, { passcode: 'open sesame' });
    expect(unlocked.status).toBe(303);
    expect(unlocked.headers.get('location')).toBe(`/x1/client-status-page/s/${token}`);
    const cookie = unlocked.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cf_share=\d+\.[A-Za-z0-9_-]{43}; /u);
    expect(cookie).toContain(`Path=/x1/client-status-page/s/${token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    const session = cookie.split(';')[0] ?? '';

    const page = await get(url, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    const opened = await page.text();
    expect(opened).toContain('<html lang="zh-CN"');
    expect(opened).not.toContain('需要访问码');
    const forged = session.replace(/.$/u, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await get(url, { headers: { cookie: forged } })).status).toBe(200);
    expect(await (await get(url, { headers: { cookie: forged } })).text()).toContain('需要访问码');

    // A session of one link opens no other link.
    const second = await create({ passcode: 'open sesame' });
    expect(await (await get(second.url, { headers: { cookie: session } })).text()).toContain('Passcode needed');
  });
});

describe('requests the page refuses', () => {
  it('rate-limits form posts per link: the 21st within an hour gets 429 and is not passed on', async () => {
    const { url } = await create();
    const other = await create({ label: 'other' });
    const feedback = (i: number) => ({ form: 'feedback', submissionId: `s${String(i)}`, rating: '5' });
    for (let i = 0; i < 20; i += 1) expect((await post(url, feedback(i))).status).toBe(200);
    const refused = await post(url, feedback(20));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('Too many submissions');
    expect((await post(other.url, feedback(21))).status).toBe(200);
    const log = await accessLog();
    expect(log.filter((e) => e.kind === 'feedback')).toHaveLength(21);
    expect(log.filter((e) => e.kind === 'form')).toEqual([expect.objectContaining({ outcome: 'refused', detail: 'rate-limited' })]);
  });

  it('takes the longest comment in Chinese (2,000 characters), and answers a body too large in the form’s language', async () => {
    const { url } = await create({ lang: 'zh-CN' });
    const long = await post(url, { form: 'feedback', lang: 'zh-CN', submissionId: 'long-zh', rating: '4', comment: '好'.repeat(2000) });
    expect(long.status).toBe(200);
    const tooLarge = await post(url, { form: 'feedback', lang: 'zh-CN', submissionId: 'huge', rating: '4', comment: '好'.repeat(9000) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain('<html lang="zh-CN"');
  });

  it('answers 413 to a body over 64 KB and 405 to other methods, storing nothing', async () => {
    const { url } = await create();
    const before = JSON.stringify({ links: await links(), log: await accessLog() });
    const large = await post(url, { comment: 'x'.repeat(65 * 1024) });
    expect(large.status).toBe(413);
    expect(large.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await get(url, { method, body: method === 'OPTIONS' ? null : 'x' });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    }
    const unknownLarge = await post(pageUrl('A'.repeat(43)), { comment: 'x'.repeat(65 * 1024) });
    expect(unknownLarge.status).toBe(413);
    expect(JSON.stringify({ links: await links(), log: await accessLog() })).toBe(before);

    const head = await get(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('a malformed form goes to the page as is (the page refuses it), counted and logged', async () => {
    const { url } = await create();
    const response = await get(url, { method: 'POST', body: '%%%&&==', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(400);
    expect((await links())[0]?.posts).toHaveLength(1);
  });
});

describe('what the client does reaches the draft', () => {
  it('a decision on the page queues a refresh: the next draft shows it without anyone pressing Refresh', async () => {
    await pm('project/overview', {});
    await app.forge.drainQueue();
    let request = changeRequestSchema.parse(
      (
        (await pm('changes/save', { request: aChangeDraft({ id: 'cr-live', title: 'Dark mode' }), revision: 0 })).data as {
          request: unknown;
        }
      ).request,
    );
    for (const to of ['assessing', 'awaiting-client']) {
      request = changeRequestSchema.parse(
        ((await pm('changes/transition', { id: request.id, revision: request.revision, to })).data as { request: unknown }).request,
      );
    }
    // The draft as it is now: the request awaits the client.
    await pm('project/refresh', {});
    await app.forge.drainQueue();
    const { url } = await create();
    const html = await (await get(url)).text();
    const revision = hiddenField(html, 'revision', 'data-change="cr-live"');
    const answer = await post(url, { form: 'decision', changeRequestId: 'cr-live', revision, decision: 'approved', name: 'Ana Souza' });
    expect(answer.status).toBe(200);
    await app.forge.drainQueue();
    const draft = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'en' })).data);
    expect(draft.sections.changeRequests?.items.find((c) => c.id === 'cr-live')?.decision).toMatchObject({ outcome: 'approved' });
  });
});

describe('who may do what', () => {
  it('refuses viewers and members the writes and the log, and outsiders everything; viewers read the list', async () => {
    const { id } = await create();
    const payloads: Record<string, unknown> = {
      'share/create': { scope: { kind: 'live' }, lang: 'en', label: 'x', expiresInDays: 5 },
      'share/revoke': { id },
      'share/settings-save': { settings: { enabled: false, maxExpiryDays: 10 }, revision: 0 },
      'share/access-log': {},
      'share/list': {},
      'share/settings-get': {},
    };
    const before = JSON.stringify(await links());
    for (const role of ['viewer', 'member'] as const) {
      for (const key of ['share/create', 'share/revoke', 'share/settings-save', 'share/access-log']) {
        expect((await as(role)(key, payloads[key])).error?.code, `${role} ${key}`).toBe('FORBIDDEN');
      }
      const list = await as(role)('share/list', {});
      expect(list.ok).toBe(true);
      expect((list.data as { canManage: boolean }).canManage).toBe(false);
      expect(((await as(role)('share/settings-get', {})).data as { canEdit: boolean }).canEdit).toBe(false);
    }
    for (const key of Object.keys(payloads)) {
      expect((await as('outsider')(key, payloads[key])).error?.code, `outsider ${key}`).toBe('FORBIDDEN');
    }
    expect(JSON.stringify(await links())).toBe(before);
    expect((await pm('share/settings-get', {})).data).toMatchObject({ settings: { enabled: true, maxExpiryDays: 180 } });
  });

  it('revokes at once; revoking again changes nothing; export and delete cover links and the log', async () => {
    const { id, url } = await create();
    expect((await get(url)).status).toBe(200);
    const revoked = await pm('share/revoke', { id });
    const view: ShareLinkView = shareLinkViewSchema.parse(revoked.data);
    expect(view.status).toBe('revoked');
    expect((await get(url)).status).toBe(404);
    expect(shareLinkViewSchema.parse((await pm('share/revoke', { id })).data).revokedAt).toBe(view.revokedAt);
    expect((await pm('share/revoke', { id: 'A'.repeat(22) })).error?.code).toBe('NOT_FOUND');

    const exported = (await pm('project/export', {})).data as { records: Record<string, unknown[]> };
    expect(exported.records['share-link']).toHaveLength(1);
    expect(exported.records['share-access']).toHaveLength(1);
    await pm('project/delete-data', { confirmProjectKey: acme.project.key });
    expect(await links()).toEqual([]);
    expect(await accessLog()).toEqual([]);
    expect((await get(url)).status).toBe(404);
  });
});
