/**
 * The engagement on the Overview end to end (issue 13): with an hours budget, the budget burn
 * chart (its sentence, its drawing and its table); in the support phase, the support panel with
 * the counts per target and the overdue client-reported issues linked into Jira. In English and
 * light, and in Chinese and dark, at 375 px: axe clean and no sideways scrolling.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusReportSchema, type Language } from '../../contract';
import { EMPTY_ENGAGEMENT, engagementViewSchema, type EngagementJson } from '../../contract/engagement';
import { BURN_MESSAGES } from '../../contract/i18n/burn-messages';
import { SUPPORT_MESSAGES } from '../../contract/i18n/support-messages';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

async function invoke(functionKey: string, payload: unknown): Promise<{ ok?: boolean; data?: unknown; error?: unknown }> {
  return (await host.app.forge.invokeResolver(projectPageContext(demo.project), functionKey, payload)) as { data?: unknown };
}

async function saveEngagement(engagement: EngagementJson): Promise<void> {
  const { revision } = engagementViewSchema.parse((await invoke('engagement/get', {})).data);
  const answer = await invoke('engagement/save', { engagement, revision });
  expect(answer.error).toBeUndefined();
}

async function openOverview(page: Page, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS.pm.accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('report'), { timeout: 60_000 });
  await frame.waitForSelector(`${testId('budget-burn-plot')} svg`);
  await frame.waitForSelector(testId('support-panel'));
  return frame;
}

beforeAll(async () => {
  expect(await invoke('project/delete-data', { confirmProjectKey: demo.project.key })).toMatchObject({ ok: true });
  // The snapshot first; each engagement save re-derives it (and today's KPI point, with its burn).
  await invoke('project/report', { audience: 'internal', lang: 'en' });
  const engagement: EngagementJson = {
    ...EMPTY_ENGAGEMENT,
    clientName: 'Globex',
    budget: { hours: 2000, money: null },
    support: { responseHours: 8, resolutionHours: 72, clientLabel: 'client-reported', clientIssueTypeIds: [] },
  };
  for (const phase of ['delivery', 'acceptance', 'support'] as const) await saveEngagement({ ...engagement, phase });
});

describe('the engagement on the Overview', () => {
  it.each([
    { lang: 'en' as const, theme: 'light' as const },
    { lang: 'zh-CN' as const, theme: 'dark' as const },
  ])('in $lang and $theme at 375 px: the burn chart and the support panel', async ({ lang, theme }) => {
    const report = statusReportSchema.parse((await invoke('project/report', { audience: 'internal', lang })).data);
    const support = report.sections.support;
    if (support === undefined) throw new Error('the project is in support');
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 375, height: 900 });
    const frame = await openOverview(page, lang, theme);

    // The burn chart: its heading, a sentence with the budget, lines drawn, and its data as a table.
    const burn = frame.locator(testId('budget-burn'));
    expect(await burn.locator('h3').textContent()).toBe(BURN_MESSAGES[lang]['burn.heading']);
    const summary = (await frame.textContent(testId('budget-burn-summary'))) ?? '';
    expect(summary).toContain(lang === 'en' ? '2,000 h budget' : '预算 2,000 小时');
    expect(await frame.locator(`${testId('budget-burn-plot')} .cf-series-spent path`).count()).toBeGreaterThan(0);
    await burn.locator('.cf-chart-data summary').click();
    expect(await frame.locator(`${testId('budget-burn-table')} tbody tr`).count()).toBeGreaterThan(0);

    // The support panel: what the report's section holds, the overdue issues linked into Jira.
    const panel = frame.locator(testId('support-panel'));
    expect(await panel.locator('h2').textContent()).toBe(SUPPORT_MESSAGES[lang]['support.heading']);
    const responseCells = await panel.locator(`${testId('support-target-response')} td`).allTextContents();
    expect(responseCells).toEqual(
      [support.response.met, support.response.breached, support.response.running, support.response.overdue].map((n) =>
        n.toLocaleString(lang),
      ),
    );
    const overdue = panel.locator(testId('support-overdue-issue'));
    expect(await overdue.count()).toBe(Math.min(5, support.overdue.length));
    if (support.overdueTotal > 5) expect(await panel.locator(testId('support-more')).count()).toBe(1);
    const first = support.overdue[0];
    if (first === undefined) throw new Error('the demo has overdue client-reported issues');
    expect(await overdue.first().getAttribute('data-issue-key')).toBe(first.key);
    expect(await overdue.first().locator('a').getAttribute('href')).toContain(first.key);

    // The cost tile carries the measure's figure among its measures.
    expect(await frame.locator(testId('health')).textContent()).toContain(lang === 'en' ? 'Cost performance' : '成本绩效');

    const { violations, passes } = await axeResults(frame);
    expect(passes).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `engagement-overview-${lang}-${theme}-375.png`), fullPage: true });
    await burn.screenshot({ path: path.join(SCREENSHOTS_DIR, `budget-burn-${lang}-${theme}-375.png`) });
    await panel.screenshot({ path: path.join(SCREENSHOTS_DIR, `support-panel-${lang}-${theme}-375.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
