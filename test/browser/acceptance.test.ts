/**
 * Client acceptance end to end in Chromium (issue 13): the real bridge, resolvers, storage, the
 * status page's web trigger behind its gate. The PM previews a milestone's checklist in the
 * Engagement section, edits the release notes and submits it; the client, in a browser without
 * JavaScript, accepts it on the status page in English and rejects another in Chinese with what
 * to fix; the PM sees both decisions (Chinese, dark, 375 px) and opens a Jira issue from a fix item.
 */
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { acceptanceViewSchema } from '../../contract/acceptance';
import { ACCEPTANCE_MESSAGES } from '../../contract/i18n/acceptance-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { CHROMIUM_FLAGS } from '../support/chromium';
import { resolverCaller } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof ACCEPTANCE_MESSAGES)['en']) => ACCEPTANCE_MESSAGES[lang][key];

const invokeAs = resolverCaller(() => host.app, demo.project);
async function view() {
  return acceptanceViewSchema.parse((await invokeAs('pm', 'acceptance/list', {})).data);
}

async function openEngagement(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/engagement?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('acceptance-part'));
  await frame.waitForSelector(`${testId('acceptance-none')}, ${testId('acceptance-submission')}`);
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

/** A browser without JavaScript: the client's page must work without it. */
let noScript: Browser;
beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  expect(await invokeAs('pm', 'project/refresh', {})).toMatchObject({ ok: true });
  noScript = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
});
afterAll(async () => {
  await noScript.close();
});

describe('client acceptance', () => {
  it('the PM submits, the client accepts (English) and rejects (Chinese) on the status page, the PM sees both and opens a fix issue', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    // The PM previews the first milestone and submits it with edited release notes.
    let frame = await openEngagement(page, 'pm', 'en', 'light');
    const milestones = (await view()).milestones;
    const [first, second] = milestones;
    if (!first || !second) throw new Error('the demo has two milestones');
    await frame.selectOption(testId('acceptance-milestone'), first.id);
    await frame.waitForSelector(testId('acceptance-preview'));
    const ready = (await frame.getAttribute(testId('acceptance-preview'), 'data-ready')) === 'true';
    expect(await frame.textContent(testId('acceptance-readiness'))).toBe(text('en', ready ? 'acceptance.ready' : 'acceptance.notReady'));
    await frame.fill(testId('acceptance-notes'), '- Single sign-on for every employee (ACME-1)');
    if (!ready) {
      // Not met: refused beside the box until the PM ticks it.
      await frame.click(testId('acceptance-submit'));
      expect(await frame.textContent(testId('acceptance-error-override'))).toBe(text('en', 'acceptance.notReadyError'));
      expect((await view()).submissions).toEqual([]);
      await frame.check(testId('acceptance-override'));
    }
    await frame.click(testId('acceptance-submit'));
    await frame.waitForSelector(testId('acceptance-submitted'));
    expect(await frame.getAttribute(testId('acceptance-submission'), 'data-state')).toBe('submitted');
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'acceptance-pm-en-light.png'), fullPage: true });
    // The second milestone through the resolver (the form was shown above).
    const submitted = await invokeAs('pm', 'acceptance/submit', {
      milestoneId: second.id,
      releaseNotes: '- 导出为 CSV (ACME-2)',
      override: true,
      revision: (await view()).revision,
    });
    expect(submitted.ok).toBe(true);
    const ids = Object.fromEntries((await view()).submissions.map((s) => [s.milestone.id, s.id]));

    // The client's status page, in a browser without JavaScript.
    const link = await invokeAs('pm', 'share/create', {
      scope: { kind: 'live' },
      lang: 'en',
      label: 'Client sponsor',
      expiresInDays: 30,
      sections: ['health', 'milestones', 'acceptance', 'feedback-form'],
    });
    const url = (link.data as { url: string }).url;
    const client = await noScript.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const clientPage = await client.newPage();
    for (const lang of ['en', 'zh-CN'] as const) {
      await clientPage.goto(`${url}?lang=${lang}`);
      expect(await clientPage.locator('h2#acceptance').textContent()).toBe(text(lang, 'acceptancePage.title'));
      expect(await clientPage.locator('[data-acceptance]').count()).toBe(2);
      expect(await clientPage.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
        0,
      );
      await clientPage.screenshot({ path: path.join(SCREENSHOTS_DIR, `acceptance-status-page-375-${lang}.png`), fullPage: true });
    }
    await clientPage.goto(`${url}?lang=en`);
    const firstCard = clientPage.locator(`[data-acceptance="${ids[first.id] ?? ''}"]`);
    expect(await firstCard.textContent()).toContain('- Single sign-on for every employee (ACME-1)');
    await firstCard.locator('input[name=name]').fill('Ana Souza');
    await firstCard.getByRole('button', { name: 'Accept' }).click();
    expect(await clientPage.locator('h1').textContent()).toBe(`You accepted ${first.name}`);

    await clientPage.goto(`${url}?lang=zh-CN`);
    const secondCard = clientPage.locator(`[data-acceptance="${ids[second.id] ?? ''}"]`);
    await secondCard.locator('input[name=name]').fill('王芳');
    // Rejecting without a comment is refused, naming the field, and nothing is stored.
    await secondCard.getByRole('button', { name: '拒绝' }).click();
    expect(clientPage.url()).toContain('/s/');
    expect(await clientPage.locator('main').textContent()).toContain(text('zh-CN', 'acceptancePage.field.comment'));
    expect((await view()).submissions.find((s) => s.id === ids[second.id])?.state).toBe('submitted');
    await clientPage.goto(`${url}?lang=zh-CN`);
    const again = clientPage.locator(`[data-acceptance="${ids[second.id] ?? ''}"]`);
    await again.locator('input[name=name]').fill('王芳');
    await again.locator('textarea[name=comment]').fill('导出还不能用');
    await again.locator('textarea[name=fixItems]').fill('CSV 缺少表头\n登录超时');
    await again.getByRole('button', { name: '拒绝' }).click();
    expect(await clientPage.locator('h1').textContent()).toBe(`你已拒绝 ${second.name}`);
    await clientPage.goto(`${url}?lang=en`);
    expect(await clientPage.locator('[data-acceptance-form]').count()).toBe(0);
    expect(await clientPage.locator('[data-acceptance-decision]').allTextContents()).toHaveLength(2);
    await client.close();

    // The PM, in Chinese and dark at 375 px, sees both decisions and opens an issue from a fix item.
    await page.setViewportSize({ width: 375, height: 800 });
    frame = await openEngagement(page, 'pm', 'zh-CN', 'dark');
    const rejected = frame.locator(`${testId('acceptance-submission')}[data-state="rejected"]`);
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('王芳 (client via status page)');
    expect(await rejected.locator(testId('acceptance-fix-item')).allTextContents()).toEqual([
      expect.stringContaining('CSV 缺少表头'),
      expect.stringContaining('登录超时'),
    ]);
    expect(await frame.locator(`${testId('acceptance-submission')}[data-state="accepted"]`).textContent()).toContain(
      'Ana Souza (client via status page)',
    );
    await rejected.locator(testId('acceptance-create-issue')).first().click();
    await rejected.locator(testId('acceptance-fix-item')).first().locator('a').waitFor();
    const key = await rejected.locator(testId('acceptance-fix-item')).first().locator('a').textContent();
    expect(key).toMatch(new RegExp(`^${PROJECT_KEY}-\\d+$`, 'u'));
    expect((await view()).submissions.find((s) => s.id === ids[second.id])?.decision?.fixItems[0]?.jiraIssueKey).toBe(key);
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'acceptance-pm-zh-CN-dark-375.png'), fullPage: true });

    // The draft report on the Overview lists both decisions under their own heading.
    expect(await invokeAs('pm', 'project/refresh', {})).toMatchObject({ ok: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const query = new URLSearchParams({ lang: 'en', theme: 'light', user: LOCAL_ACCOUNTS.pm.accountId });
    await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/overview?${query.toString()}`);
    const overview = await frameOf(page, PAGE_MODULE);
    const section = overview.locator(testId('report-acceptance')).first();
    await section.waitFor();
    if ((await overview.locator(testId('report-acceptance-list')).count()) === 0) await section.locator('button').first().click();
    const items = overview.locator(`${testId('report-acceptance-list')} li`);
    expect(await items.count()).toBe(2);
    expect(await Promise.all([0, 1].map((n) => items.nth(n).getAttribute('data-state')))).toEqual(['accepted', 'rejected']);
    expect(await items.nth(1).textContent()).toContain('CSV 缺少表头');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a viewer reads the decisions without any way to submit', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openEngagement(page, 'viewer', 'en', 'light');
    expect(await frame.textContent(testId('acceptance-read-only'))).toBe(text('en', 'acceptance.readOnly'));
    expect(await frame.locator(testId('acceptance-form')).count()).toBe(0);
    expect(await frame.locator(testId('acceptance-create-issue')).count()).toBe(0);
    await page.close();
  });
});
