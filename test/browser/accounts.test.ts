import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACCOUNTS } from '../support/accounts';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { demoDatasets } from '../support/local-app';

const datasets = demoDatasets();
const demo = datasets[0];
if (!demo) throw new Error('the demo generator produced no project');
const MODULE = 'client-followup-project-page';
const { pm, viewer, outsider } = ACCOUNTS;

const host = useBrowserHost(datasets);

type Bridge = { __bridge: { callBridge(name: string, payload?: unknown): Promise<unknown> } };
type WithStorage = { localStorage: { setItem(key: string, value: string): void; removeItem(key: string): void } };

/** The account in the context the frame's `view.getContext()` receives. */
async function contextAccount(frame: Frame): Promise<string> {
  const context = await frame.evaluate(() => (globalThis as unknown as Bridge).__bridge.callBridge('getContext'));
  return z.looseObject({ accountId: z.string() }).parse(context).accountId;
}

/** The account of the project-page frame currently on the page, once it has booted. */
async function frameAccount(page: Page): Promise<string> {
  const handle = await page.waitForSelector(`iframe[data-module-key="${MODULE}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForFunction(() => 'callBridge' in ((globalThis as unknown as Partial<Bridge>).__bridge ?? {}));
  return contextAccount(frame);
}

async function openProjectPage(query = ''): Promise<Page> {
  const page = await host.browser.context.newPage();
  await page.goto(`${host.app.url ?? ''}/`);
  await page.evaluate(() => {
    (globalThis as unknown as WithStorage).localStorage.removeItem('local-host-user');
  });
  await page.goto(`${host.app.url ?? ''}/projects/${demo?.project.key ?? ''}/apps/${MODULE}${query}`);
  return page;
}

const switcher = (page: Page) => page.getByTestId('account-switcher');

describe('the account switcher in the host top bar', () => {
  it('offers the four accounts, starts as the PM, and switching reloads the app as the chosen account', async () => {
    const page = await openProjectPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    const options = await switcher(page).locator('option').allTextContents();
    expect(options).toEqual([pm.displayName, ACCOUNTS.member.displayName, viewer.displayName, outsider.displayName]);
    expect(await frameAccount(page)).toBe(pm.accountId);

    await switcher(page).selectOption(viewer.accountId);
    await expect.poll(() => frameAccount(page), { timeout: 20_000 }).toBe(viewer.accountId);
    // The app's own calls now run as the viewer: the resolver invocations the frame makes say so.
    await expect
      .poll(() => host.app.forge.invocations.filter((r) => r.kind === 'resolver').at(-1)?.accountId, { timeout: 20_000 })
      .toBe(viewer.accountId);

    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'account-switcher-viewer.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the chosen account across reloads, like the language and theme', async () => {
    const page = await openProjectPage();
    await switcher(page).selectOption(outsider.accountId);
    await expect.poll(() => frameAccount(page), { timeout: 20_000 }).toBe(outsider.accountId);
    await page.reload();
    expect(await switcher(page).inputValue()).toBe(outsider.accountId);
    expect(await frameAccount(page)).toBe(outsider.accountId);
    await page.close();
  });

  it('takes the account from the host URL (?user=) and names the switcher in Chinese', async () => {
    const page = await openProjectPage(`?user=${encodeURIComponent(viewer.accountId)}&lang=zh-CN`);
    expect(await frameAccount(page)).toBe(viewer.accountId);
    expect(await switcher(page).getAttribute('aria-label')).toBe('账户（应用以此用户身份运行）');
    await page.close();
  });

  it('falls back to the PM for a remembered account the site no longer has', async () => {
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/`);
    await page.evaluate(() => {
      (globalThis as unknown as WithStorage).localStorage.setItem('local-host-user', '557058:gone');
    });
    await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${MODULE}`);
    expect(await frameAccount(page)).toBe(pm.accountId);
    expect(await switcher(page).inputValue()).toBe(pm.accountId);
    await page.close();
  });

  it('names the app in the host’s language, as the frame does (客户跟进), and again after switching language', async () => {
    const page = await openProjectPage('?lang=zh-CN');
    await page.locator('main h1').filter({ hasText: '客户跟进' }).waitFor();
    expect(await page.title()).toBe(`客户跟进 — ${demo.project.name}`);
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toBe('客户跟进');
    expect(await page.locator(`iframe[data-module-key="${MODULE}"]`).getAttribute('title')).toBe('客户跟进');
    await page.locator('#lang-select').selectOption('en');
    await page.locator('main h1').filter({ hasText: 'Client follow-up' }).waitFor();
    expect(await page.title()).toBe(`Client follow-up — ${demo.project.name}`);
    await page.close();
  });

  it('fits the top bar on a 375 px screen: every control, the whole account switcher, in both languages', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const page = await host.browser.context.newPage();
      await page.setViewportSize({ width: 375, height: 720 });
      await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${MODULE}?lang=${lang}`);
      await frameAccount(page);
      for (const control of ['.brand', '#lang-select', '#theme-toggle', '[data-testid="account-switcher"]']) {
        const box = await page.locator(control).boundingBox();
        expect(box, `${lang} ${control}`).not.toBeNull();
        if (box === null) continue;
        expect(box.x, `${lang} ${control}`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${lang} ${control}`).toBeLessThanOrEqual(375);
      }
      // The switcher is wide enough to read the account's name.
      expect((await switcher(page).boundingBox())?.width).toBeGreaterThan(200);
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
          .documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, lang).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `host-topbar-375-${lang}.png`) });
      await page.close();
    }
  });
});
