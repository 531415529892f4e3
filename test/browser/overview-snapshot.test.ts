/**
 * The Overview on the project snapshot, end to end: the real bridge, resolvers, storage, sync
 * and emulator. It opens from the stored snapshot (no Jira call) and shows its age, counts the
 * changes Jira reported since, refreshes with progress and shows the new data, says what failed
 * when a refresh cannot finish, and for a large project shows the first read's progress instead
 * of an error, then the Overview. The resolvers are the oracle for what the page shows.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syncStatusSchema, type Language, type SyncStatus } from '../../contract';
import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { SYNC_MESSAGES } from '../../contract/i18n/sync-messages';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { Dataset } from '../../local/jira/dataset';
import { generateScaleDataset } from '../../local/jira/demo-generator';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { launchChromium } from '../support/chromium';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { DEMO_NOW, DEMO_SEED, demoDatasets } from '../support/local-app';

const PAGE_MODULE = 'client-followup-project-page';
/** Above the 1,500 issues a resolver syncs within its call: this one syncs in the background. */
const LARGE_ISSUES = 6_000;
const demos = demoDatasets();
const small = demos[0] ?? raise('the demo generator produced no project');
const large = generateScaleDataset({ issues: LARGE_ISSUES, now: DEMO_NOW, seed: DEMO_SEED });
const host = useBrowserHost([...demos, large]);

const sync = (lang: Language, key: keyof (typeof SYNC_MESSAGES)['en']) => SYNC_MESSAGES[lang][key];

function raise(message: string): never {
  throw new Error(message);
}

/** The snapshot's status straight from the resolver. */
async function syncStatus(project: Dataset['project']): Promise<SyncStatus> {
  const answer = await host.app.forge.invokeResolver(projectPageContext(project), 'project/sync-status', {});
  return syncStatusSchema.parse((answer as { data?: unknown }).data);
}

/** Makes sure the project has a snapshot (the first open syncs a small project within the call). */
async function ensureSnapshot(project: Dataset['project']): Promise<SyncStatus> {
  await host.app.forge.invokeResolver(projectPageContext(project), 'project/overview', {});
  const status = await syncStatus(project);
  expect(status.state).toBe('idle');
  return status;
}

function faults(jira: unknown): Promise<Response> {
  return fetch(`${host.app.url ?? ''}/__local/admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jira }),
  });
}

async function jiraCalls(): Promise<number> {
  const stats = (await (await fetch(`${host.app.url ?? ''}/__local/admin/jira-stats`)).json()) as { totalCalls: number };
  return stats.totalCalls;
}

/** Moves an issue to a done status in Jira as the PM (Jira then tells the app with an event). */
async function completeInJira(issueKey: string): Promise<void> {
  const emulator = host.app.emulator ?? raise('the local app runs without the emulator');
  const as = { accountId: LOCAL_ACCOUNTS.pm.accountId };
  const url = `https://jira.local/rest/api/3/issue/${issueKey}/transitions`;
  const list = (await (await emulator.handle(new Request(url), as)).json()) as {
    transitions: { id: string; to: { statusCategory: { key: string } } }[];
  };
  const done = list.transitions.find((transition) => transition.to.statusCategory.key === 'done') ?? raise(`${issueKey} cannot be done`);
  const response = await emulator.handle(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transition: { id: done.id } }),
    }),
    as,
  );
  expect(response.status).toBe(204);
}

async function openOverview(
  page: Page,
  project: Dataset['project'],
  { lang = 'en', theme = 'light' }: { lang?: Language; theme?: 'light' | 'dark' } = {},
): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS.pm.accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${project.key}/apps/${PAGE_MODULE}?${query.toString()}`);
  return frameOf(page, PAGE_MODULE);
}

/** The `data-testid` of the element that has focus in the frame. */
function focusedTestId(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    type Doc = { activeElement: { getAttribute(name: string): string | null } | null };
    return (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-testid') ?? null;
  });
}

async function newPage(errors: string[] = []): Promise<Page> {
  const page = await host.browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

const SHOTS = path.join(SCREENSHOTS_DIR, 'overview');
const shot = (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

describe.each(['en', 'zh-CN'] as const)('the Overview in %s', (lang) => {
  it('opens from the stored snapshot without reading Jira, and shows its age (exact time in the title)', async () => {
    const status = await ensureSnapshot(small.project);
    const asOf = Date.parse(status.asOf ?? raise('no snapshot time'));
    // A browser of its own: a fixed clock holds for its whole context. It reads the page 12
    // minutes after the snapshot was taken.
    const own = await launchChromium();
    const page = await own.context.newPage();
    await page.clock.setFixedTime(new Date(asOf + 12 * 60_000));
    const before = await jiraCalls();
    const frame = await openOverview(page, small.project, { lang, theme: lang === 'en' ? 'light' : 'dark' });
    await frame.waitForSelector(testId('health-tiles'));
    await frame.waitForSelector(testId('count-done'));
    await frame.waitForSelector(testId('kpi-trend'));
    const updated = frame.locator(testId('freshness-updated'));
    expect(await updated.textContent()).toBe(lang === 'en' ? 'Updated 12 minutes ago' : '12分钟前更新');
    expect(await updated.getAttribute('datetime')).toBe(status.asOf);
    const exact = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(asOf);
    expect((await updated.getAttribute('title'))?.replace(/\s/gu, ' ')).toBe(
      sync(lang, 'sync.readAt').replace('{time}', exact).replace(/\s/gu, ' '),
    );
    expect(await frame.textContent(testId('refresh-button'))).toBe(sync(lang, 'sync.refresh'));
    // The Overview's data came from the snapshot: the page's resolvers made no Jira call.
    expect(await jiraCalls()).toBe(before);
    await shot(page, `from-snapshot-${lang}`);
    await own.close();
  });
});

describe('refresh', () => {
  it('counts the changes Jira reported, refreshes by keyboard while showing it works, then shows the new data', async () => {
    const before = await ensureSnapshot(small.project);
    const todo = small.issues.find(
      (issue) => (issue.fields['status'] as { statusCategory?: { key?: string } }).statusCategory?.key === 'new',
    );
    await completeInJira(todo?.key ?? raise('the demo has no to-do issue'));
    await host.app.forge.drainQueue();
    expect((await syncStatus(small.project)).pendingChanges).toBe(1);

    const errors: string[] = [];
    const page = await newPage(errors);
    const frame = await openOverview(page, small.project);
    await frame.waitForSelector(testId('count-done'));
    const doneBefore = Number((await frame.textContent(testId('count-done')))?.replace(/\D/gu, ''));
    expect(await frame.textContent(testId('freshness-pending'))).toBe(' · 1 change in Jira since');

    // Slow Jira down so the refresh is seen at work.
    await faults({ latencyMs: 400 });
    try {
      const refresh = frame.locator(testId('refresh-button'));
      await refresh.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => refresh.textContent()).toBe('Refreshing…');
      expect(await refresh.getAttribute('aria-disabled')).toBe('true');
      // Still focused: a keyboard user keeps their place while it cannot be used.
      expect(await focusedTestId(frame)).toBe('refresh-button');
      await frame
        .locator(testId('sync-announcement'))
        .filter({ hasText: sync('en', 'sync.done') })
        .waitFor({ timeout: 60_000 });
    } finally {
      await faults(null);
    }

    const after = await syncStatus(small.project);
    expect(after.state).toBe('idle');
    expect(Date.parse(after.asOf ?? '')).toBeGreaterThan(Date.parse(before.asOf ?? ''));
    expect(after.pendingChanges).toBe(0);
    // The page reloaded its data: the issue completed in Jira is counted, the pending count is gone.
    await expect
      .poll(async () => Number((await frame.textContent(testId('count-done')))?.replace(/\D/gu, '')), { timeout: 10_000 })
      .toBe(doneBefore + 1);
    expect(await frame.locator(testId('freshness-pending')).count()).toBe(0);
    expect(await frame.textContent(testId('freshness-updated'))).toBe('Updated just now');
    expect(await frame.textContent(testId('refresh-button'))).toBe('Refresh');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a refresh that cannot finish says what failed, from the error code, and Retry refreshes once Jira is back', async () => {
    await ensureSnapshot(small.project);
    const page = await newPage();
    const frame = await openOverview(page, small.project, { lang: 'zh-CN' });
    await frame.waitForSelector(testId('health-tiles'));
    await faults({ failAll: true });
    try {
      await frame.click(testId('refresh-button'));
      const failed = frame.locator(testId('sync-failed'));
      await failed.waitFor({ timeout: 90_000 });
      expect(await failed.getAttribute('role')).toBe('alert');
      const message = frame.locator(`${testId('sync-failed')} ${testId('sync-error-message')}`);
      const code = (await message.getAttribute('data-error-code')) as 'JIRA_UNAVAILABLE';
      expect(code).toBe('JIRA_UNAVAILABLE');
      expect(await message.textContent()).toBe(COMMON_MESSAGES['zh-CN']['error.JIRA_UNAVAILABLE']);
      expect(await failed.textContent()).toContain(sync('zh-CN', 'sync.failed'));
      // The snapshot read before still shows.
      expect(await frame.locator(testId('health-tiles')).count()).toBe(1);
      expect((await syncStatus(small.project)).state).toBe('failed');
      await shot(page, 'refresh-failed-zh-CN');
    } finally {
      await faults(null);
    }
    await frame.click(testId('sync-failed-retry'));
    await frame
      .locator(testId('sync-announcement'))
      .filter({ hasText: sync('zh-CN', 'sync.done') })
      .waitFor({ timeout: 60_000 });
    expect(await frame.locator(testId('sync-failed')).count()).toBe(0);
    expect((await syncStatus(small.project)).state).toBe('idle');
    await page.close();
  });
});

describe('a large project', () => {
  it('shows the first read’s progress instead of an error, then the Overview by itself', async () => {
    // Slow enough that the read outlasts a resolver's time and goes on in the background.
    await faults({ latencyMs: 300 });
    const errors: string[] = [];
    const page = await newPage(errors);
    try {
      const frame = await openOverview(page, large.project);
      const bar = frame.locator(`${testId('sync-progressbar')}[aria-valuenow]`).first();
      await bar.waitFor({ timeout: 60_000 });
      const readings: { now: number; max: number; text: string }[] = [];
      const read = async () => {
        const now = Number(await bar.getAttribute('aria-valuenow'));
        const max = Number(await bar.getAttribute('aria-valuemax'));
        readings.push({ now, max, text: (await bar.getAttribute('aria-valuetext')) ?? '' });
      };
      await read();
      // The page follows the read on its own (it polls): the count moves on.
      await expect.poll(async () => (await read(), readings.at(-1)?.text), { timeout: 30_000, interval: 500 }).not.toBe(readings[0]?.text);
      expect(readings[0]?.max).toBeGreaterThan(1_500);
      expect(readings[0]?.now).toBeLessThanOrEqual(readings[0]?.max ?? 0);
      expect(readings[0]?.text).toMatch(/^Reading (issues|change history): [\d,]+ of ~[\d,]+$/u);

      // The Overview's resolvers answer NOT_READY meanwhile: the page shows the read, not an error.
      const first = frame.locator(testId('first-sync'));
      await first.waitFor({ timeout: 60_000 });
      expect(await first.locator('h2').textContent()).toBe(sync('en', 'sync.first.heading'));
      expect(await frame.locator(testId('error-message')).count()).toBe(0);
      await shot(page, 'first-sync-progress');

      await frame.waitForSelector(testId('health-tiles'), { timeout: 150_000 });
      expect(await frame.locator(testId('first-sync')).count()).toBe(0);
      expect(await frame.textContent(testId('freshness-updated'))).toBe('Updated just now');
      const status = await syncStatus(large.project);
      expect(status.state).toBe('idle');
      expect(Number((await frame.textContent(testId('overview-total')))?.replace(/\D/gu, ''))).toBe(LARGE_ISSUES);
      expect(errors).toEqual([]);
    } finally {
      await faults(null);
      await page.close();
    }
  }, 240_000);
});

describe('accessibility', () => {
  it('is axe clean and fits a 375 px screen, light and dark, in both languages, with the data tables open', async () => {
    await ensureSnapshot(small.project);
    for (const [lang, theme, width] of [
      ['en', 'light', 375],
      ['zh-CN', 'dark', 375],
      ['en', 'dark', 1280],
      ['zh-CN', 'light', 1280],
    ] as const) {
      const page = await newPage();
      await page.setViewportSize({ width, height: 900 });
      const frame = await openOverview(page, small.project, { lang, theme });
      await frame.waitForSelector(testId('kpi-trend'));
      await frame.waitForSelector(`${testId('burnup-plot')} svg, ${testId('burnups-empty')}`);
      await frame.waitForSelector(testId('report'));
      for (const summary of await frame.locator('.cf-chart-data summary').all()) await summary.click();
      const { violations, passes } = await axeResults(frame);
      expect(passes, `${lang} ${theme} ${String(width)}`).toBeGreaterThan(10);
      expect(violations, `${lang} ${theme} ${String(width)}`).toEqual([]);
      expect(await horizontalOverflow(frame), `${lang} ${theme} ${String(width)}: horizontal scroll`).toBeLessThanOrEqual(0);
      await shot(page, `overview-${lang}-${theme}-${String(width)}`);
      await page.close();
    }
  });
});
