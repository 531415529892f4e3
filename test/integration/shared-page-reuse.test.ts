/**
 * The status page kept between views (issue 12's load budget): `withSharedPageStamps`,
 * `SharedPageReuse` and the gate, on the in-memory record store with the real page. A kept page
 * is served only while its project's stamp holds, its link is active and (for a passcode link)
 * the session is valid; every view is still logged, each with a fresh submission id; and the
 * page reads nothing a write could change without stamping.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract';
import type { AccessLogEntryJson, WebTriggerRequest } from '../../contract/share';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import type { AnyRecordKind, CollectionKind, DocumentKind } from '../../src/application/records/record-kind';
import {
  feedbackKind,
  sharedPageStampKind,
  settingsKind,
  shareAccessKind,
  shareLinkKind,
  shareTokenKind,
} from '../../src/application/records/record-kinds';
import { draftRevisionOf, publishReport } from '../../src/application/reports/published-reports';
import {
  readSharedPageStamp,
  SHARED_PAGE_INPUT_KINDS,
  SHARED_PAGE_PARTS_OF,
  withSharedPageStamps,
} from '../../src/application/share/page-stamp';
import { SharedPageReuse } from '../../src/application/share/page-reuse';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import { handleShareRequest, SESSION_COOKIE, type GateDeps } from '../../src/application/share/share-gate';
import { createShareLink, getShareSettings, revokeShareLink, saveShareSettings } from '../../src/application/share/share-links';
import { signSession } from '../../src/application/share/share-secrets';
import { listAll, type Collection, type Document, type RecordStore } from '../../src/application/storage';
import { aMilestone, anIssue, aProject, DAY_MS, settingsWith } from '../../src/domain/testing/builders';
import { ALL_SECTIONS, givenSnapshot, hiddenField } from '../support/shared-page-builders';

const NOW = new Date('2026-03-10T12:00:00Z');
const PROJECT = '1';
const SITE_A = 'ari:cloud:jira::site/aaaa';
const SITE_B = 'ari:cloud:jira::site/bbbb';

/** A view's access log entry at NOW from an unnamed browser. */
const aViewEntry = (id: string): AccessLogEntryJson => ({
  id,
  linkId: 'l234567890123456',
  at: NOW.toISOString(),
  kind: 'view',
  outcome: 'ok',
  detail: null,
  agent: { browser: 'other', os: 'other' },
});

function projectData() {
  return aProject({
    issues: [
      anIssue({
        key: 'ACME-1',
        summary: 'Visible work',
        labels: ['client'],
        status: { name: 'Waiting for customer', category: 'indeterminate' },
      }),
      anIssue({
        key: 'ACME-2',
        summary: 'Shipped work',
        labels: ['client'],
        status: { name: 'Done', category: 'done' },
        resolution: 'Done',
      }),
    ],
    milestones: [aMilestone({ id: '100', name: 'Beta', releaseDate: '2026-03-20', startDate: '2026-01-10' })],
  });
}

async function givenProject(records: RecordStore) {
  const snapshot = await givenSnapshot(records, projectData(), settingsWith({}), NOW.getTime());
  await records.document(settingsKind, PROJECT).save({ ...DEFAULT_PROJECT_SETTINGS, timeZone: 'Asia/Shanghai' }, 0);
  return snapshot;
}

/** A stamped store with a project, a page server and a link; `view` counts the pages rendered. */
async function setUp(link: { passcode?: string; expiresInDays?: number } = {}) {
  const records = withSharedPageStamps(new InMemoryRecordStore());
  await givenProject(records);
  const reuse = new SharedPageReuse(records);
  const created = await createShareLink(
    { records, now: NOW },
    PROJECT,
    { scope: { kind: 'live' }, lang: 'en', label: 'Sponsor', expiresInDays: link.expiresInDays ?? 30, createdBy: 'pm', ...link },
    'https://example.invalid/x1/trigger',
  );
  const token = created.url.slice(created.url.lastIndexOf('/') + 1);
  let renders = 0;
  const serve: GateDeps['serve'] = (deps, page, request) => {
    renders += 1;
    return serveSharedPage(deps, page, request);
  };
  const view = async (
    options: { now?: Date; site?: string; query?: Record<string, string>; headers?: Record<string, string>; method?: string } = {},
  ) => {
    const request: WebTriggerRequest = {
      method: options.method ?? 'GET',
      path: `/x1/trigger/s/${token}`,
      userPath: `/s/${token}`,
      headers: Object.fromEntries(Object.entries({ accept: 'text/html', ...options.headers }).map(([k, v]) => [k, [v]])),
      queryParameters: Object.fromEntries(Object.entries(options.query ?? {}).map(([k, v]) => [k, [v]])),
      body: null,
    };
    return handleShareRequest({ records, now: options.now ?? NOW, serve, pages: { reuse, installation: options.site ?? SITE_A } }, request);
  };
  return { records, reuse, linkId: created.id, token, view, renders: () => renders };
}

const viewsLogged = async (records: RecordStore) =>
  (await listAll(records.collection(shareAccessKind, PROJECT))).filter((e) => e.kind === 'view' && e.outcome === 'ok');

describe('a page kept between views', () => {
  it('is served again without rendering, with a fresh submission id each time, and every view is logged', async () => {
    const { records, view, renders } = await setUp();
    const first = await view();
    const second = await view();
    const third = await view();
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([200, 200, 200]);
    expect(renders()).toBe(1);
    const ids = [first, second, third].map((r) => hiddenField(r.body, 'submissionId'));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/u);
    // The same page but for its submission id.
    expect(second.body.split(ids[1] ?? '?').join('ID')).toBe(first.body.split(ids[0] ?? '?').join('ID'));
    expect(second.headers).toEqual(first.headers);
    expect(await viewsLogged(records)).toHaveLength(3);
  });

  it('logs views arriving together as one entry with their count when they are alike, apart when not', async () => {
    const { records, view } = await setUp();
    await view();
    const chrome = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36' };
    const burst = await Promise.all([view(), view(), view(), view({ headers: chrome }), view({ query: { format: 'json' } })]);
    expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const views = await viewsLogged(records);
    expect(views.map((e) => [e.agent.browser, e.detail, e.count ?? 1]).sort()).toEqual(
      [
        ['other', null, 1],
        ['other', null, 3],
        ['chrome', null, 1],
        ['other', 'json', 1],
      ].sort(),
    );
    // Every view is counted.
    expect(views.reduce((sum, e) => sum + (e.count ?? 1), 0)).toBe(6);
  });

  it('keeps each language and format apart, and answers HEAD from it without a body', async () => {
    const { view, renders } = await setUp();
    const en = await view();
    const zh = await view({ query: { lang: 'zh-CN' } });
    const json = await view({ query: { format: 'json' } });
    expect(renders()).toBe(3);
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(json.headers['Content-Type']).toEqual(['application/json; charset=utf-8']);
    expect((await view({ query: { lang: 'zh-CN' } })).body).toContain('<html lang="zh-CN">');
    const idOf = (body: string) => (JSON.parse(body) as { feedbackForm: { submissionId: string } }).feedbackForm.submissionId;
    const again = idOf((await view({ query: { format: 'json' } })).body);
    expect(again).toMatch(/^[0-9a-f-]{36}$/u);
    expect(again).not.toBe(idOf(json.body));
    const head = await view({ method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(en.body).toContain('<html lang="en">');
    expect(renders()).toBe(3);
  });

  it('is built afresh after a write to anything the page shows, and kept across writes to anything else', async () => {
    const { records, view, renders } = await setUp();
    expect((await view()).body).toContain('Asia/Shanghai');
    await records.collection(feedbackKind, PROJECT).add({
      id: '11111111-1111-4111-8111-111111111111',
      rating: 5,
      nps: null,
      comment: '',
      source: 'status-page',
      stakeholderId: null,
      reference: null,
      createdAt: NOW.toISOString(),
      complaint: null,
    });
    await view();
    expect(renders()).toBe(1);
    const settings = records.document(settingsKind, PROJECT);
    await settings.save({ ...DEFAULT_PROJECT_SETTINGS, timeZone: 'Europe/Berlin' }, (await settings.get()).revision);
    const after = await view();
    expect(renders()).toBe(2);
    expect(after.body).toContain('Europe/Berlin');
    expect(after.body).not.toContain('Asia/Shanghai');
  });

  it('is refused at once when its link is revoked, its project switched off, or it expires', async () => {
    const kept = await setUp({ expiresInDays: 2 });
    expect((await kept.view()).statusCode).toBe(200);
    expect((await kept.view({ now: new Date(NOW.getTime() + DAY_MS) })).statusCode).toBe(200);
    expect((await kept.view({ now: new Date(NOW.getTime() + 3 * DAY_MS) })).statusCode).toBe(404);

    const revoked = await setUp();
    expect((await revoked.view()).statusCode).toBe(200);
    await revokeShareLink({ records: revoked.records, now: NOW }, PROJECT, revoked.linkId);
    expect((await revoked.view()).statusCode).toBe(404);

    const off = await setUp();
    expect((await off.view()).statusCode).toBe(200);
    const current = await getShareSettings(off.records, PROJECT);
    const saved = await saveShareSettings(off.records, PROJECT, { ...current.value, enabled: false }, current.revision);
    expect((await off.view()).statusCode).toBe(404);
    await saveShareSettings(off.records, PROJECT, { ...saved.value, enabled: true }, saved.revision);
    expect((await off.view()).statusCode).toBe(200);
  });

  it('is a revoked link’s 404 even when a failed first revoke left the stamp as it was', async () => {
    const { records, linkId, view } = await setUp();
    expect((await view()).statusCode).toBe(200);
    // The revoke was written but its stamp was not (put back as it was before).
    const links = records.collection(shareLinkKind, PROJECT);
    const stored = await links.getRevisioned(linkId);
    if (!stored.value) throw new Error('stored');
    const stamp = await readSharedPageStamp(records, PROJECT);
    await links.save({ ...stored.value, revokedAt: NOW.toISOString() }, stored.revision);
    const stampDoc = records.document(sharedPageStampKind, PROJECT);
    await stampDoc.save({ stamp: stamp ?? '' }, (await stampDoc.get()).revision);
    expect((await view()).statusCode).toBe(200);
    // Revoking again (the PM's retry) stamps, and the page is gone.
    await revokeShareLink({ records, now: NOW }, PROJECT, linkId);
    expect((await view()).statusCode).toBe(404);
  });

  it('is never served to another installation: the key holds the site', async () => {
    const { view, renders } = await setUp();
    await view({ site: SITE_A });
    await view({ site: SITE_A });
    expect(renders()).toBe(1);
    await view({ site: SITE_B });
    expect(renders()).toBe(2);
  });

  it('behind a passcode, is served only with a valid session', async () => {
    const { records, linkId, view, renders } = await setUp({ passcode: 'correct horse' });
    const link = await records.collection(shareLinkKind, PROJECT).get(linkId);
    if (!link) throw new Error('stored');
    const session = signSession(link.sessionKey, link.id, NOW.getTime() + DAY_MS);
    const cookie = { cookie: `${SESSION_COOKIE}=${session}` };
    expect((await view({ headers: cookie })).body).toContain('id="health"');
    expect((await view({ headers: cookie })).body).toContain('id="health"');
    expect(renders()).toBe(1);
    const without = await view();
    expect(without.body).toContain('name="passcode"');
    expect(without.body).not.toContain('id="health"');
    const forged = await view({ headers: { cookie: `${SESSION_COOKIE}=${session.slice(0, -2)}xx` } });
    expect(forged.body).not.toContain('id="health"');
  });

  it('is first kept once the project has a stamp: a store without one gets it on the first view', async () => {
    const { records, view, renders } = await setUp();
    await records.document(sharedPageStampKind, PROJECT).delete();
    await view();
    expect(await readSharedPageStamp(records, PROJECT)).toBeDefined();
    await view();
    await view();
    expect(renders()).toBe(2);
  });
});

describe('the shared-page stamp', () => {
  it('changes with every write to a page input, goes with a delete, and stays for other kinds', async () => {
    const records = withSharedPageStamps(new InMemoryRecordStore());
    const stamp = () => readSharedPageStamp(records, PROJECT);
    expect(await stamp()).toBeUndefined();
    const settings = records.document(settingsKind, PROJECT);
    await settings.save(DEFAULT_PROJECT_SETTINGS, 0);
    const first = await stamp();
    expect(first).toMatch(/^[0-9a-f-]{36}$/u);
    await records.collection(shareAccessKind, PROJECT).put(aViewEntry('a1'));
    expect(await stamp()).toBe(first);
    await settings.save(DEFAULT_PROJECT_SETTINGS, 1);
    const second = await stamp();
    expect(second).not.toBe(first);
    // Another project's writes leave this one's stamp alone.
    await records.document(settingsKind, '2').save(DEFAULT_PROJECT_SETTINGS, 0);
    expect(await stamp()).toBe(second);
    await settings.delete();
    expect(await stamp()).toBeUndefined();
  });

  it('covers every kind the page and its gate read (through a recording store), live and report links alike', async () => {
    const read = new Set<string>();
    const inner = withSharedPageStamps(new InMemoryRecordStore());
    const recording: RecordStore = {
      document<T>(kind: DocumentKind<T>, partition: string): Document<T> {
        const document = inner.document(kind, partition);
        return {
          get: () => (read.add(kind.name), document.get()),
          save: (value, revision) => document.save(value, revision),
          delete: () => document.delete(),
        };
      },
      collection<T>(kind: CollectionKind<T>, partition: string): Collection<T> {
        const collection = inner.collection(kind, partition);
        const note = <R>(run: () => Promise<R>) => (read.add(kind.name), run());
        return {
          get: (id) => note(() => collection.get(id)),
          getRevisioned: (id) => note(() => collection.getRevisioned(id)),
          list: (options) => note(() => collection.list(options)),
          put: (r) => collection.put(r),
          putMany: (r) => collection.putMany(r),
          add: (r) => collection.add(r),
          save: (r, revision) => collection.save(r, revision),
          delete: (id) => collection.delete(id),
          clear: () => collection.clear(),
        };
      },
    };
    const snapshot = await givenProject(inner);
    const head = await publishReport(inner, snapshot, { draftRevision: draftRevisionOf(snapshot), publishedBy: 'pm', now: NOW });
    const triggerUrl = 'https://example.invalid/x1/trigger';
    const links = await Promise.all(
      [{ kind: 'live' as const }, { kind: 'report' as const, reportId: head.id }].map((scope) =>
        createShareLink(
          { records: inner, now: NOW },
          PROJECT,
          { scope, lang: 'en', label: 'x', expiresInDays: 30, sections: ALL_SECTIONS, createdBy: 'pm' },
          triggerUrl,
        ),
      ),
    );
    read.clear();
    for (const { url } of links) {
      const token = url.slice(url.lastIndexOf('/') + 1);
      for (const query of [{}, { format: 'json' }, { lang: 'zh-CN' }]) {
        const response = await handleShareRequest(
          { records: recording, now: NOW, serve: serveSharedPage },
          {
            method: 'GET',
            path: `/x1/trigger/s/${token}`,
            userPath: `/s/${token}`,
            headers: {},
            queryParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
            body: null,
          },
        );
        expect(response.statusCode).toBe(200);
      }
    }
    const covered = new Set<string>([
      ...[...SHARED_PAGE_INPUT_KINDS].map((kind: AnyRecordKind) => kind.name),
      ...[...SHARED_PAGE_PARTS_OF.keys()].map((kind) => kind.name),
      sharedPageStampKind.name,
      shareTokenKind.name,
    ]);
    expect(read.size).toBeGreaterThan(5);
    expect([...read].filter((name) => !covered.has(name))).toEqual([]);
  });
});

describe('a write that does not finish', () => {
  it('leaves no stamp: a kept page is built afresh, then kept again', async () => {
    const { records, view, renders } = await setUp();
    await view();
    const current = await getShareSettings(records, PROJECT);
    await expect(saveShareSettings(records, PROJECT, { ...current.value, maxExpiryDays: 90 }, current.revision + 7)).rejects.toThrow();
    expect(await readSharedPageStamp(records, PROJECT)).toBeUndefined();
    await view();
    await view();
    await view();
    expect(renders()).toBe(3);
  });

  it('whose stamp is not written after its data leaves none either: the kill switch holds', async () => {
    const inner = new InMemoryRecordStore();
    let failStamps = false;
    // The store below the stamps refuses the stamp's save while `failStamps` is on.
    const flaky: RecordStore = {
      document<T>(kind: DocumentKind<T>, partition: string): Document<T> {
        const document = inner.document(kind, partition);
        if (kind !== (sharedPageStampKind as AnyRecordKind)) return document;
        return {
          get: () => document.get(),
          delete: () => document.delete(),
          save: (value, revision) => (failStamps ? Promise.reject(new Error('storage down')) : document.save(value, revision)),
        };
      },
      collection: (kind, partition) => inner.collection(kind, partition),
    };
    const records = withSharedPageStamps(flaky);
    await givenProject(records);
    const reuse = new SharedPageReuse(records);
    const created = await createShareLink(
      { records, now: NOW },
      PROJECT,
      { scope: { kind: 'live' }, lang: 'en', label: 'x', expiresInDays: 30, createdBy: 'pm' },
      'https://example.invalid/x1/trigger',
    );
    const token = created.url.slice(created.url.lastIndexOf('/') + 1);
    const view = () =>
      handleShareRequest(
        { records, now: NOW, serve: serveSharedPage, pages: { reuse, installation: SITE_A } },
        { method: 'GET', path: `/x1/trigger/s/${token}`, userPath: `/s/${token}`, headers: {}, queryParameters: {}, body: null },
      );
    expect((await view()).statusCode).toBe(200);
    expect((await view()).statusCode).toBe(200);
    failStamps = true;
    const current = await getShareSettings(records, PROJECT);
    await expect(saveShareSettings(records, PROJECT, { ...current.value, enabled: false }, current.revision)).rejects.toThrow(
      /storage down/u,
    );
    expect((await view()).statusCode).toBe(404);
  });
});

describe('views arriving together', () => {
  it('are flushed per installation: alike views of two sites are two log entries, not one', async () => {
    const records = withSharedPageStamps(new InMemoryRecordStore());
    await givenProject(records);
    const stamp = (await readSharedPageStamp(records, PROJECT)) ?? '';
    const reuse = new SharedPageReuse(records);
    const answers = await Promise.all([
      reuse.confirmView(SITE_A, PROJECT, stamp, aViewEntry('a1')),
      reuse.confirmView(SITE_B, PROJECT, stamp, aViewEntry('b1')),
      reuse.confirmView(SITE_A, PROJECT, stamp, aViewEntry('a2')),
    ]);
    expect(answers).toEqual([true, true, true]);
    const logged = await listAll(records.collection(shareAccessKind, PROJECT));
    expect(logged.map((e) => [e.id, e.count ?? 1]).sort()).toEqual([
      ['a1', 2],
      ['b1', 1],
    ]);
  });

  it('fail per project: one project’s storage failure does not fail another’s views', async () => {
    const inner = withSharedPageStamps(new InMemoryRecordStore());
    const records: RecordStore = {
      document: (kind, partition) => inner.document(kind, partition),
      collection<T>(kind: CollectionKind<T>, partition: string): Collection<T> {
        const collection = inner.collection(kind, partition);
        if (partition !== '2' || kind !== (shareAccessKind as AnyRecordKind)) return collection;
        return { ...collection, putMany: () => Promise.reject(new Error('project 2 storage down')) };
      },
    };
    await givenProject(records);
    await records.document(settingsKind, '2').save(DEFAULT_PROJECT_SETTINGS, 0);
    const reuse = new SharedPageReuse(records);
    const stampOf = async (projectId: string) => (await readSharedPageStamp(records, projectId)) ?? '';
    const stamps = [await stampOf(PROJECT), await stampOf('2')];
    // Submitted in one turn: one flush holds both projects.
    const [one, two] = await Promise.allSettled([
      reuse.confirmView(SITE_A, PROJECT, stamps[0] ?? '', aViewEntry('e1')),
      reuse.confirmView(SITE_A, '2', stamps[1] ?? '', aViewEntry('e2')),
    ]);
    expect(one).toEqual({ status: 'fulfilled', value: true });
    expect(two.status).toBe('rejected');
  });
});
