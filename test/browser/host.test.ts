import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { frameOf } from '../support/frames';
import { expectedCategoryCounts, expectedOpenMilestoneNames, rawIssue } from '../support/dataset-oracle';
import { demoDatasets } from '../support/local-app';

const SHOTS = SCREENSHOTS_DIR;
const datasets = demoDatasets();
const demo = datasets[0];
if (!demo) throw new Error('the demo generator produced no project');
const projectKey = demo.project.key;

const host = useBrowserHost(datasets);

const LANGS = [
  { lang: 'en', projectPageLink: 'Client follow-up', issuesLink: 'Issues' },
  { lang: 'zh-CN', projectPageLink: '客户跟进', issuesLink: '事务' },
] as const;

describe.each(LANGS)('the local host in $lang', ({ lang, projectPageLink, issuesLink }) => {
  it('opens the demo project page and shows the issue counts and open milestones', async () => {
    const page = await host.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${host.app.url ?? ''}/?lang=${lang}`);
    await page.getByRole('link', { name: demo.project.name }).click();
    await page.getByRole('link', { name: projectPageLink }).click();

    const frame = await frameOf(page, 'client-followup-project-page');
    const expected = expectedCategoryCounts(demo);
    await frame.waitForSelector('[data-testid="count-done"]');
    const total = expected.new + expected.indeterminate + expected.done + expected.undefined;
    expect(await frame.textContent('[data-testid="overview-total"]')).toContain(total.toLocaleString(lang));
    expect(await frame.textContent('[data-testid="count-new"]')).toContain(expected.new.toLocaleString(lang));
    expect(await frame.textContent('[data-testid="count-indeterminate"]')).toContain(expected.indeterminate.toLocaleString(lang));
    expect(await frame.textContent('[data-testid="count-done"]')).toContain(expected.done.toLocaleString(lang));
    // The Overview shows the milestones as the report's table (the plain list only stands in without a report).
    await frame.waitForSelector('[data-testid="overview-milestones"]');
    const milestoneText = (await frame.textContent('[data-testid="overview-milestones"]')) ?? '';
    for (const name of expectedOpenMilestoneNames(demo)) expect(milestoneText).toContain(name);
    expect(await frame.getAttribute('html', 'lang')).toMatch(new RegExp(`^${lang.split('-')[0] ?? lang}`, 'u'));
    // The app's own words are in the host's language (the Overview tab).
    expect(await frame.getByRole('tab', { selected: true }).textContent()).toBe(lang === 'en' ? 'Overview' : '概览');

    await page.screenshot({ path: path.join(SHOTS, `project-page-${lang}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an issue and shows its key, status and due date in the context panel', async () => {
    const page = await host.browser.context.newPage();
    const issue = rawIssue(demo, (i) => i.dueDate !== null);
    await page.goto(`${host.app.url ?? ''}/projects/${projectKey}/issues?lang=${lang}`);
    await page.getByRole('link', { name: issuesLink, exact: true }).waitFor();
    await page.goto(`${host.app.url ?? ''}/browse/${issue.key}?lang=${lang}`);

    const frame = await frameOf(page, 'client-risk-context');
    await frame.waitForSelector('[data-testid="issue-key"]');
    expect(await frame.textContent('[data-testid="issue-key"]')).toBe(issue.key);
    expect(((await frame.textContent('[data-testid="issue-status"]')) ?? '').toLowerCase()).toContain(issue.statusName.toLowerCase());
    const due = (await frame.textContent('[data-testid="issue-due"]')) ?? '';
    const [y, m, d] = (issue.dueDate ?? '').split('-').map(Number);
    const formatted = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1),
    );
    expect(due).toContain(formatted);

    await page.screenshot({ path: path.join(SHOTS, `issue-view-${lang}.png`), fullPage: true });
    await page.close();
  });
});

describe('the trust rule through the real bridge', () => {
  it('refuses a payload naming another project than the frame context', async () => {
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/projects/${projectKey}/apps/client-followup-project-page`);
    const frame = await frameOf(page, 'client-followup-project-page');
    await frame.waitForSelector('[data-testid="count-done"]');
    const other = datasets[1]?.project.key ?? 'OTHER';
    const answer = await frame.evaluate(
      async (key) =>
        (globalThis as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', {
          functionKey: 'project/overview',
          payload: { projectKey: key },
        }),
      other,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await page.close();
  });
});

describe('the local bridge', () => {
  it('keeps the project page route in the host URL (view.createHistory), so a section survives a reload', async () => {
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/projects/${projectKey}/apps/client-followup-project-page`);
    const frame = await frameOf(page, 'client-followup-project-page');
    await frame.getByRole('tab', { name: 'Risks' }).click();
    await page.waitForURL(/\/apps\/client-followup-project-page\/risks$/u);
    await page.reload();
    const reloaded = await frameOf(page, 'client-followup-project-page');
    await reloaded.waitForSelector('[data-testid="section-risks"]');
    expect(await reloaded.getByRole('tab', { selected: true }).textContent()).toBe('Risks');
    await page.close();
  });

  it('answers requestJira (fetchProduct), router navigation and flags like the product', async () => {
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/projects/${projectKey}/apps/client-followup-project-page`);
    const frame = await frameOf(page, 'client-followup-project-page');
    await frame.waitForSelector('[data-testid="count-done"]');
    const issueKey = demo.issues[0]?.key ?? '';
    type Bridge = { __bridge: { callBridge(name: string, payload?: unknown): Promise<unknown> } };

    const fetched = await frame.evaluate(
      (key) =>
        (globalThis as unknown as Bridge).__bridge.callBridge('fetchProduct', {
          product: 'jira',
          restPath: `/rest/api/3/issue/${key}?fields=summary`,
          fetchRequestInit: { method: 'GET', body: null, headers: [['accept', 'application/json']] },
          isMultipartFormData: false,
        }),
      issueKey,
    );
    expect(fetched).toMatchObject({ status: 200 });
    expect(JSON.parse((fetched as { body: string }).body)).toMatchObject({ key: issueKey });

    await frame.evaluate(() =>
      (globalThis as unknown as Bridge).__bridge.callBridge('showFlag', {
        id: 'saved',
        title: 'Saved',
        type: 'success',
        isAutoDismiss: false,
      }),
    );
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    await frame.evaluate(
      (key) => (globalThis as unknown as Bridge).__bridge.callBridge('navigate', { target: 'issue', issueKey: key, type: 'same-tab' }),
      issueKey,
    );
    await page.waitForURL(new RegExp(`/browse/${issueKey}$`, 'u'));
    await page.close();
  });
});
