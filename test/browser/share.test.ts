/**
 * The Share section end to end: the real bridge, resolvers, storage and emulator accounts. The
 * PM is refused an over-long expiry beside its field, creates a link, sees its URL once, opens it
 * (the web trigger answers), revokes it and reads the access log; in Chinese and dark, a link with
 * a passcode is created and the kill switch flipped; a viewer reads the list without any way to
 * change it. Axe-clean, and no horizontal overflow at 375 px.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { SHARE_MESSAGES } from '../../contract/i18n/share-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { shareAccessKind } from '../../src/application/records/record-kinds';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { resolverCaller } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof SHARE_MESSAGES)['en'], params: Record<string, string> = {}) =>
  Object.entries(params).reduce((out, [k, v]) => out.replace(`{${k}}`, v), SHARE_MESSAGES[lang][key]);

const invokeAs = resolverCaller(() => host.app, demo.project);

async function storedLinks() {
  const answer = await invokeAs('pm', 'share/list', { limit: 50 });
  return (answer.data as { items: { id: string; label: string; status: string; hasPasscode: boolean; lang: string; sections: string[] }[] })
    .items;
}

async function openShare(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/share?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(`${testId('share-list')}, ${testId('share-empty')}`);
  await frame.waitForSelector(testId('share-settings'));
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
});

describe('the Share section', () => {
  it('the PM creates a link (errors beside the field first), copies the URL shown once, opens it, revokes it, reads the log', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openShare(page, 'pm', 'en', 'light');
    expect(await frame.textContent('h2')).toBe(text('en', 'share.heading'));
    await frame.waitForSelector(testId('share-form'));

    await frame.fill(testId('share-days'), '181');
    await frame.click(testId('share-create'));
    await frame.waitForSelector('.cf-error-text');
    expect(await frame.textContent('.cf-share-form')).toContain(text('en', 'share.error.expiresInDays', { max: '180' }));
    expect(await frame.getAttribute(testId('share-days'), 'aria-invalid')).toBe('true');
    expect(await frame.textContent('.cf-share-form')).toContain(text('en', 'share.error.label'));
    expect(await storedLinks()).toEqual([]);

    await frame.fill(testId('share-days'), '30');
    await frame.fill(testId('share-label'), 'Acme steering group');
    await frame.uncheck(testId('share-section-risks'));
    await expectAxeClean(frame);
    await frame.click(testId('share-create'));
    await frame.waitForSelector(testId('share-created'));
    const url = await frame.inputValue(testId('share-created-url'));
    expect(url).toMatch(/\/x1\/client-status-page\/s\/[A-Za-z0-9_-]{43}$/u);
    expect(await frame.textContent(testId('share-created'))).toContain(text('en', 'share.created.once'));
    await frame.click(testId('share-copy'));
    await expect.poll(() => frame.textContent(testId('share-copy'))).toBe(text('en', 'share.created.copied'));
    await expectAxeClean(frame);

    const [stored] = await storedLinks();
    expect(stored).toMatchObject({ label: 'Acme steering group', status: 'active', hasPasscode: false, lang: 'en' });
    expect(stored?.sections).not.toContain('risks');

    // The URL opens the page; it is never shown again, the list has the link without it.
    const opened = await host.browser.context.newPage();
    const response = await opened.goto(url);
    expect(response?.status()).toBe(200);
    await opened.close();
    await frame.click(testId('share-created-done'));
    await frame.waitForSelector(testId(`share-row-${stored?.id ?? ''}`));
    expect(await frame.content()).not.toContain(url.slice(url.lastIndexOf('/') + 1));

    // The log shows the view with a coarse browser; revoking stops the link at once.
    await frame.click(testId('share-log-refresh'));
    await frame.waitForSelector(testId('share-log-row'));
    expect(await frame.textContent(testId('share-log-row'))).toContain(text('en', 'share.log.kind.view'));
    // Identical views stored together (a burst the status page coalesced) read as one line with their count.
    await new KvsRecordStore().collection(shareAccessKind, demo.project.id).put({
      id: `${Date.now().toString(36)}-burst`,
      linkId: stored?.id ?? '',
      at: new Date().toISOString(),
      kind: 'view',
      outcome: 'ok',
      detail: null,
      agent: { browser: 'chrome', os: 'windows' },
      count: 3,
    });
    await frame.click(testId('share-log-refresh'));
    const burst = text('en', 'share.log.times', { what: text('en', 'share.log.kind.view'), count: '3' });
    await expect.poll(() => frame.textContent(testId('share-log'))).toContain(burst);
    await frame.click(testId('share-revoke'));
    await frame.click(testId('share-revoke-confirm'));
    await expect.poll(() => frame.getAttribute(testId(`share-row-${stored?.id ?? ''}`), 'data-status')).toBe('revoked');
    const again = await host.browser.context.newPage();
    expect((await again.goto(url))?.status()).toBe(404);
    await again.close();
    await expectAxeClean(frame);

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'share-pm-en-light-375.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese, dark: a link with a passcode, the kill switch off and on; a viewer reads the list only', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openShare(page, 'pm', 'zh-CN', 'dark');
    expect(await frame.textContent('h2')).toBe(text('zh-CN', 'share.heading'));
    await frame.waitForSelector(testId('share-form'));
    expect(await frame.inputValue(testId('share-lang'))).toBe('zh-CN');
    await frame.fill(testId('share-label'), '华智项目组');
    await frame.fill(testId('share-passcode'), 'abc');
    await frame.click(testId('share-create'));
    expect(await frame.textContent('.cf-share-form')).toContain(text('zh-CN', 'share.error.passcode'));
    await frame.fill(testId('share-passcode'), 'open sesame');
    await frame.click(testId('share-create'));
    await frame.waitForSelector(testId('share-created'));
    const url = await frame.inputValue(testId('share-created-url'));
    await frame.click(testId('share-created-done'));
    expect((await storedLinks()).find((l) => l.label === '华智项目组')).toMatchObject({
      hasPasscode: true,
      lang: 'zh-CN',
      status: 'active',
    });

    // The passcode gate, in the link's language.
    const client = await host.browser.context.newPage();
    await client.goto(url);
    expect(await client.textContent('h1')).toBe(text('zh-CN', 'sharePage.gate.title'));
    await client.fill('#passcode', 'open sesame');
    await client.click('button[type="submit"]');
    await client.waitForLoadState();
    const opened = await client.content();
    expect(opened).toContain('<html lang="zh-CN"');
    expect(await client.$('#passcode')).toBeNull();
    await client.close();

    // The kill switch.
    await frame.click(testId('share-toggle'));
    await expect.poll(() => frame.getAttribute(testId('share-enabled'), 'data-enabled')).toBe('false');
    expect(await frame.textContent(testId('share-enabled'))).toContain(text('zh-CN', 'share.settings.disabled'));
    const off = await host.browser.context.newPage();
    expect((await off.goto(url))?.status()).toBe(404);
    await off.close();
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'share-pm-zh-CN-dark.png'), fullPage: true });
    await frame.click(testId('share-toggle'));
    await expect.poll(() => frame.getAttribute(testId('share-enabled'), 'data-enabled')).toBe('true');
    await page.close();

    const viewerPage = await host.browser.context.newPage();
    viewerPage.on('pageerror', (error) => errors.push(error.message));
    const viewer = await openShare(viewerPage, 'viewer', 'zh-CN', 'dark');
    expect(await viewer.textContent(testId('share-read-only'))).toBe(text('zh-CN', 'share.readOnly'));
    expect(
      await viewer.locator(`${testId('share-form')}, ${testId('share-revoke')}, ${testId('share-toggle')}, ${testId('share-log')}`).count(),
    ).toBe(0);
    const refused = await viewer.evaluate(async () =>
      (globalThis as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', {
        functionKey: 'share/create',
        payload: { scope: { kind: 'live' }, lang: 'en', label: 'by a viewer', expiresInDays: 5 },
      }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expectAxeClean(viewer);
    await viewerPage.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(viewer)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await viewerPage.close();
  });
});
