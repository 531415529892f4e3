/**
 * The client status page in real Chromium (issue 12, DESIGN.md §6), served by a tiny local HTTP
 * server that answers with `serveSharedPage`'s status, headers and body:
 * - over 100 XSS vectors in every text the page shows (issue summaries, an epic, the milestone,
 *   the project name, change-request titles, descriptions and requesters, the client wording of
 *   risks, stakeholder names and action items, the engagement's quality standards) and in what the forms send (a decider's name, a
 *   feedback comment): no script runs (a binding and `alert` are watched), no dialog opens, no
 *   element or attribute from a payload appears — with the security headers, and again without
 *   the CSP, so escaping alone is what is tested;
 * - request interception: nothing leaves the page's origin, not even a favicon;
 * - without JavaScript, the language switch and both forms work and answer confirmation pages;
 * - at 375 px no horizontal overflow, in both languages (screenshots in test-results/).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRequestJson } from '../../contract/changes';
import type { SharedPageLink, WebTriggerRequest } from '../../contract/share';
import { withoutBidiControls } from '../../contract/text';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { feedbackKind } from '../../src/application/records/record-kinds';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import { listAll } from '../../src/application/storage';
import type { Issue } from '../../src/domain/issue';
import type { RegisterRiskEntry } from '../../src/domain/risk-register';
import { aMilestone, anIssue, aProject, DAY_MS, settingsWith } from '../../src/domain/testing/builders';
import { axeResults } from '../support/axe';
import { SCREENSHOTS_DIR } from '../support/browser-host';
import { aChangeRequest } from '../support/change-builders';
import { CHROMIUM_FLAGS } from '../support/chromium';
import { aLink, givenSnapshot } from '../support/shared-page-builders';
import { givenSubmissions, hostileSubmissions } from '../support/acceptance-builders';
import { acceptanceKind, engagementKind } from '../../src/application/records/record-kinds';
import { EMPTY_ENGAGEMENT, engagementSchema, type EngagementJson } from '../../contract/engagement';
import { XSS_VECTORS } from '../support/xss-vectors';

const NOW = new Date('2026-03-10T12:00:00Z');

/** The project with every vector in a text the page shows. */
function hostileProject(vectors: readonly string[]) {
  const v = (n: number) => vectors[n % vectors.length] ?? '';
  const epic = anIssue({ key: 'ACME-1', summary: v(0), type: { id: '10000', name: 'Epic', hierarchyLevel: 1 }, labels: ['client'] });
  const issues: Issue[] = vectors.map((summary, n) => {
    const kind = n % 4;
    return anIssue({
      key: `ACME-${String(n + 2)}`,
      summary,
      labels: ['client'],
      parentKey: kind === 2 ? 'ACME-1' : null,
      status:
        kind === 0
          ? { name: 'Waiting for customer', category: 'indeterminate' }
          : kind === 2
            ? { name: 'Done', category: 'done' }
            : { name: 'In Progress', category: 'indeterminate' },
      resolution: kind === 2 ? 'Done' : null,
      flagged: kind === 3,
      fixVersions: ['100'],
      due: '2026-03-12',
      updated: NOW.getTime() - DAY_MS,
      assignee: { accountId: `a${String(n)}`, displayName: v(n + 7) },
      history: { startedAt: NOW.getTime() - 20 * DAY_MS, completedAt: kind === 2 ? NOW.getTime() - DAY_MS : null, reopenCount: 0 },
    });
  });
  const changeRequests: ChangeRequestJson[] = Array.from({ length: 12 }, (_, n) =>
    aChangeRequest({
      id: `cr${String(n)}`,
      title: v(n * 3),
      description: v(n * 3 + 1),
      requester: v(n * 3 + 2),
      status: 'awaiting-client',
      revision: 3,
      impact: { scheduleDays: 2, effortHours: 8, cost: null, scopeNote: v(n + 50) },
    }),
  );
  const registerRisks: RegisterRiskEntry[] = Array.from({ length: 10 }, (_, n) => ({
    id: `r${String(n)}`,
    title: 'internal title',
    clientWording: v(n + 20),
    clientVisible: true,
    probability: 3,
    impact: 3,
    status: 'open',
    ownerName: 'Owner',
    mitigation: '',
    due: null,
    linkedIssueKeys: [],
    jiraIssueKey: null,
  }));
  return aProject({
    project: { id: '1', key: 'ACME', name: v(5) },
    issues: [epic, ...issues],
    milestones: [aMilestone({ id: '100', name: v(9), releaseDate: '2026-03-20', startDate: '2026-01-10' })],
    changeRequests,
    registerRisks,
    communication: {
      touchpoints: [],
      minutes: Array.from({ length: 10 }, (_, n) => ({
        date: '2026-03-09',
        seriesTitle: v(n + 30),
        withClient: true,
        decisions: [v(n + 40)],
        actionItems: [
          { text: v(n + 60), ownerSide: 'client' as const, ownerName: v(n + 70), due: null, status: 'open' as const, jiraIssueKey: null },
        ],
      })),
    },
  });
}

/** The engagement with vectors in its quality standards (texts and priority names), which the commitments section shows. */
function hostileEngagement(vectors: readonly string[]): EngagementJson {
  const v = (n: number) => (vectors[n % vectors.length] ?? '').slice(0, 100) || 'x';
  return engagementSchema.parse({
    ...EMPTY_ENGAGEMENT,
    qualityStandards: [
      ...Array.from({ length: 16 }, (_, n) => ({ id: `qt${String(n)}`, kind: 'text', text: v(n + 110) })),
      ...Array.from({ length: 4 }, (_, n) => ({ id: `qp${String(n)}`, kind: 'no-open-bugs-at-priority', priorities: [v(n + 130)] })),
    ],
    support: { responseHours: 8, resolutionHours: 48, clientLabel: null, clientIssueTypeIds: [] },
  });
}

/** A local server answering every request to /s/token with the page, and 404 to anything else (a favicon fetch would show here). */
class PageServer {
  readonly paths: string[] = [];
  withCsp = true;
  private server: Server | undefined;
  constructor(
    readonly records: InMemoryRecordStore,
    readonly link: SharedPageLink,
  ) {}
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        this.paths.push(`${req.method ?? ''} ${url.pathname}`);
        if (url.pathname !== '/s/token') {
          res.writeHead(404).end();
          return;
        }
        const request: WebTriggerRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          userPath: url.pathname,
          headers: Object.fromEntries(Object.entries(req.headers).map(([k, value]) => [k, Array.isArray(value) ? value : [value ?? '']])),
          queryParameters: Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])),
          body: Buffer.concat(chunks).toString('utf8'),
        };
        serveSharedPage({ records: this.records, now: NOW }, this.link, request).then(
          ({ response }) => {
            const headers = Object.fromEntries(Object.entries(response.headers).map(([k, values]) => [k, values.join(', ')]));
            if (!this.withCsp) delete headers['Content-Security-Policy'];
            res.writeHead(response.statusCode, headers).end(response.body);
          },
          (error: unknown) => {
            res.writeHead(500).end(String(error));
          },
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}`;
  }

  get url(): string {
    return `${this.origin}/s/token`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The tags the page itself writes: anything else came from data. */
const PAGE_TAGS = [
  'html',
  'head',
  'meta',
  'link',
  'title',
  'style',
  'body',
  'div',
  'header',
  'nav',
  'a',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'main',
  'section',
  'span',
  'ul',
  'li',
  'dl',
  'dt',
  'dd',
  'form',
  'input',
  'label',
  'textarea',
  'select',
  'option',
  'button',
  'fieldset',
  'legend',
  'footer',
  'strong',
];

/** Runs in the page (a string, so no DOM types are needed here): what the page holds beyond its own markup. */
const INSPECT = `(() => {
  const allowed = new Set(${JSON.stringify(PAGE_TAGS)});
  const all = [...document.querySelectorAll('*')];
  return {
    unexpectedTags: [...new Set(all.map((e) => e.localName).filter((t) => !allowed.has(t)))],
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => e.localName + '[' + a.name + ']')),
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => !/^\\?lang=(en|zh-CN)$/.test(h ?? '')),
    styleElements: document.querySelectorAll('style').length,
    styled: all.filter((e) => e.hasAttribute('style') && !(e.localName === 'span' && e.parentElement && e.parentElement.classList.contains('bar'))).length,
    iconHref: document.querySelector('link[rel=icon]')?.getAttribute('href') ?? null,
    otherLinks: document.querySelectorAll('link:not([rel=icon])').length,
    formActions: [...document.querySelectorAll('form')].map((f) => f.getAttribute('action')).filter((a) => a !== null),
    text: document.body.textContent,
  };
})()`;

interface Inspection {
  unexpectedTags: string[];
  handlers: string[];
  links: (string | null)[];
  styleElements: number;
  styled: number;
  iconHref: string | null;
  otherLinks: number;
  formActions: string[];
  text: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});
afterAll(async () => {
  await browser.close();
});

/** A page that counts what would mean a payload ran: binding calls, dialogs, page errors. */
async function watchedPage(javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const ran = { calls: 0, dialogs: [] as string[], requests: [] as string[] };
  if (javaScriptEnabled) {
    await page.exposeBinding('__xss', () => {
      ran.calls += 1;
    });
  }
  page.on('dialog', (dialog) => {
    ran.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await context.route('**/*', (route) => {
    ran.requests.push(route.request().url());
    return route.continue();
  });
  return { page, ran, close: () => context.close() };
}

async function inspect(page: Page): Promise<Inspection> {
  return page.evaluate<Inspection>(INSPECT);
}

function expectOnlyOwnMarkup(found: Inspection, label: string): void {
  expect(found.unexpectedTags, label).toEqual([]);
  expect(found.handlers, label).toEqual([]);
  expect(found.links, label).toEqual([]);
  expect(found.styleElements, label).toBe(1);
  expect(found.otherLinks, label).toBe(0);
  expect(found.iconHref, label).toBe('data:,');
  expect(found.formActions, label).toEqual([]);
}

describe('XSS vectors in everything the page shows', () => {
  expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(100);
  const records = new InMemoryRecordStore();
  const server = new PageServer(records, aLink());
  beforeAll(async () => {
    await givenSnapshot(records, hostileProject(XSS_VECTORS), settingsWith({}), NOW.getTime());
    await givenSubmissions(records, '1', hostileSubmissions(XSS_VECTORS));
    await records.document(engagementKind, '1').save(hostileEngagement(XSS_VECTORS), 0);
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['with the security headers', true],
    ['without the CSP (escaping alone)', false],
  ])('%s: nothing runs, no dialog, no element from a payload, every vector shown as text', async (_, withCsp) => {
    server.withCsp = withCsp;
    for (const lang of ['en', 'zh-CN']) {
      const { page, ran, close } = await watchedPage();
      await page.goto(`${server.url}?lang=${lang}`, { waitUntil: 'load' });
      // Give timers, autofocus, animations and media errors a moment to fire.
      await page.mouse.move(200, 200);
      await page.keyboard.press('Tab');
      await page.waitForTimeout(300);
      const found = await inspect(page);
      expectOnlyOwnMarkup(found, lang);
      expect(ran.calls, lang).toBe(0);
      expect(ran.dialogs, lang).toEqual([]);
      const shown = XSS_VECTORS.filter((vector) => found.text.includes(withoutBidiControls(vector)));
      expect(shown.length, lang).toBeGreaterThanOrEqual(100);
      // The quality standards reach the page through the commitments section, as text.
      for (const standard of hostileEngagement(XSS_VECTORS).qualityStandards) {
        if (standard.kind === 'text') expect(found.text, lang).toContain(standard.text);
      }
      expect(new Set(ran.requests.map((u) => new URL(u).origin)), lang).toEqual(new Set([server.origin]));
      await close();
    }
  });

  it('a decision signed with a vector and feedback commented with one answer confirmation pages that run nothing', async () => {
    server.withCsp = false;
    for (const [n, vector] of XSS_VECTORS.slice(0, 12).entries()) {
      const { page, ran, close } = await watchedPage();
      await page.goto(server.url);
      const card = page.locator(`[data-change="cr${String(n)}"]`);
      await card.locator('input[name=name]').fill(vector);
      await card.locator('textarea[name=comment]').fill(vector);
      await card.getByRole('button', { name: 'Reject' }).click();
      await page.waitForLoadState('load');
      let found = await inspect(page);
      expect(found.text).toContain('You rejected');
      expect(found.unexpectedTags).toEqual([]);
      expect(found.handlers).toEqual([]);
      await page.goto(server.url);
      await page.locator('input[name=rating][value="2"]').check();
      await page.locator('#fb-comment').fill(vector);
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.waitForLoadState('load');
      found = await inspect(page);
      expect(found.text).toContain('Thank you for your feedback');
      expect(found.unexpectedTags).toEqual([]);
      expect(ran.calls).toBe(0);
      expect(ran.dialogs).toEqual([]);
      await close();
    }
    const comments = (await listAll(records.collection(feedbackKind, '1'))).map((e) => e.comment);
    expect(comments).toHaveLength(12);
    server.withCsp = true;
  });

  it('acceptance decisions signed, commented and listing fixes with vectors answer pages that run nothing, and are stored as text', async () => {
    server.withCsp = false;
    for (const [n, decision] of (['accepted', 'rejected', 'rejected', 'accepted', 'rejected'] as const).entries()) {
      const vector = XSS_VECTORS[n + 20] ?? '';
      const { page, ran, close } = await watchedPage();
      await page.goto(server.url);
      const card = page.locator(`[data-acceptance="acc-${String(n)}"]`);
      await card.locator('input[name=name]').fill(vector);
      await card.locator('textarea[name=comment]').fill(vector);
      await card.locator('textarea[name=fixItems]').fill(`${vector}\n${XSS_VECTORS[n + 40] ?? ''}`);
      await card.getByRole('button', { name: decision === 'accepted' ? 'Accept' : 'Reject' }).click();
      await page.waitForLoadState('load');
      let found = await inspect(page);
      expect(found.text).toContain(decision === 'accepted' ? 'You accepted' : 'You rejected');
      expect(found.unexpectedTags).toEqual([]);
      expect(found.handlers).toEqual([]);
      // The page again, now listing the decision with the vector as the decider's name.
      await page.goto(server.url);
      found = await inspect(page);
      expectOnlyOwnMarkup(found, `after ${String(n)}`);
      expect(found.text).toContain(withoutBidiControls(vector).trim());
      expect(ran.calls).toBe(0);
      expect(ran.dialogs).toEqual([]);
      await close();
    }
    const stored = (await records.document(acceptanceKind, '1').get()).value?.submissions ?? [];
    const decided = stored.filter((s) => /^acc-\d$/u.test(s.id) && s.decision !== null);
    expect(decided).toHaveLength(5);
    expect(decided.filter((s) => s.state === 'rejected').every((s) => (s.decision?.fixItems.length ?? 0) > 0)).toBe(true);
    server.withCsp = true;
  });
});

describe('the page in Chromium', () => {
  const records = new InMemoryRecordStore();
  const server = new PageServer(records, aLink({ lang: 'zh-CN' }));
  beforeAll(async () => {
    const issues = Array.from({ length: 30 }, (_, n) =>
      anIssue({
        key: `ACME-${String(n + 1)}`,
        summary: n % 3 === 0 ? `A rather long summary without spaces: https-like-${'x'.repeat(60)}` : `支付页面的多语言支持 ${String(n)}`,
        labels: ['client'],
        status:
          n % 3 === 0 ? { name: 'Waiting for customer', category: 'indeterminate' } : { name: 'In Progress', category: 'indeterminate' },
        fixVersions: ['100'],
        due: '2026-03-12',
        flagged: n % 5 === 0,
        history: { startedAt: NOW.getTime() - 20 * DAY_MS, completedAt: null, reopenCount: 0 },
      }),
    );
    await givenSnapshot(
      records,
      aProject({
        issues,
        milestones: [aMilestone({ id: '100', name: 'Beta 发布', releaseDate: '2026-03-20', startDate: '2026-01-10' })],
        changeRequests: [aChangeRequest({ id: 'cr1', status: 'awaiting-client', revision: 3 })],
      }),
      settingsWith({}),
      NOW.getTime(),
    );
    await server.start();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['zh-CN', 'en'] as const)('%s at 375 px: no horizontal overflow, nothing requested beyond the page origin', async (lang) => {
    const { page, ran, close } = await watchedPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}?lang=${lang}`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `status-page-375-${lang}.png`), fullPage: true });
    const accessibility = await axeResults(page.mainFrame());
    expect(accessibility.violations).toEqual([]);
    expect(accessibility.passes).toBeGreaterThan(10);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `status-page-375-${lang}-dark.png`) });
    expect((await axeResults(page.mainFrame())).violations).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form').first().isVisible()).toBe(false);
    expect(ran.requests.length).toBeGreaterThan(0);
    for (const url of ran.requests) expect(new URL(url).origin).toBe(server.origin);
    expect(server.paths.filter((p) => !p.endsWith(' /s/token'))).toEqual([]);
    await close();
  });

  it('without JavaScript: switches language, sends feedback and a decision, each answered by a page in the page language', async () => {
    const { page, ran, close } = await watchedPage(false);
    await page.goto(server.url);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(page.url()).toBe(`${server.url}?lang=en`);
    await page.locator('input[name=rating][value="5"]').check();
    await page.locator('#fb-nps').selectOption('9');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    expect(await page.locator('h1').textContent()).toBe('Thank you for your feedback');
    await page.getByRole('link', { name: 'Back to the status page' }).click();
    await page.goto(`${server.url}?lang=zh-CN`);
    const card = page.locator('[data-change="cr1"]');
    await card.locator('input[name=name]').fill('王芳');
    await card.getByRole('button', { name: '批准' }).click();
    expect(await page.locator('h1').textContent()).toBe('您已批准“Add SSO login”');
    await page.goBack();
    await page.reload();
    expect(await page.locator('[data-change="cr1"]').count()).toBe(0);
    for (const url of ran.requests) expect(new URL(url).origin).toBe(server.origin);
    const entries = await listAll(records.collection(feedbackKind, '1'));
    expect(entries.map((e) => [e.rating, e.nps, e.source])).toEqual([[5, 9, 'status-page']]);
    await close();
  });
});
