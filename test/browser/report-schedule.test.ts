/**
 * The Reports section's schedule and "since last report" (issue 11), in both languages and
 * themes at 375 px: the next status report's due time on its series' clock, what the reminder
 * does (the draft ready for review; nothing sent without the PM), and the draft's "since the
 * last report" section, which for a project with nothing published says it is the first.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { formatDueInZone, REPORT_SCHEDULE_MESSAGES } from '../../contract/i18n/report-schedule-messages';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { aPlan, aSeries, aStakeholder, aClientStakeholder } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoDatasets } from '../support/local-app';

const datasets = demoDatasets();
const demo = datasets[0] ?? raise('the demo generator produced no project');
const host = useBrowserHost(datasets);
const PAGE_MODULE = 'client-followup-project-page';

function raise(message: string): never {
  throw new Error(message);
}

async function invoke(key: string, payload: unknown): Promise<{ ok: boolean; data?: unknown }> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS.pm.accountId };
  return (await host.app.forge.invokeResolver(context, key, payload)) as { ok: boolean; data?: unknown };
}

async function openReports(page: Page, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS.pm.accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}/reports?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('reports-section'));
  return frame;
}

describe('the report schedule', () => {
  it.each([
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('shows the next report due on Friday 16:00 Berlin time and the reminder, in %s (%s)', async (lang, theme) => {
    expect(await invoke('project/delete-data', { confirmProjectKey: demo.project.key })).toMatchObject({ ok: true });
    const series = aSeries({
      id: 'report',
      title: 'Weekly status report',
      kind: 'status-report',
      cadence: { kind: 'weekly', weekday: 'friday' },
      localTime: '16:00',
      timeZone: 'Europe/Berlin',
      channel: 'email',
      startDate: '2026-01-02',
    });
    const plan = aPlan({
      stakeholders: [aStakeholder(), aClientStakeholder()],
      series: [series],
      reminders: { mode: 'notify', trackingIssueKey: `${demo.project.key}-1` },
    });
    const current = (await invoke('comms/get', {})).data as { revision: number };
    expect(await invoke('comms/save', { plan, revision: current.revision })).toMatchObject({ ok: true });
    const status = (await invoke('comms/status', {})).data as { series: { seriesId: string; upcoming: { at: string }[] }[] };
    const next = status.series.find((s) => s.seriesId === 'report')?.upcoming[0] ?? raise('the series has a next occurrence');
    // The next occurrence is on a Friday at 16:00 in Berlin, whatever the reader's zone.
    expect(formatDueInZone(next.at, 'Europe/Berlin', 'en')).toMatch(/^Fri, .* 16:00 \(Europe\/Berlin\)$/u);

    const page = await host.browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 900 });
    const frame = await openReports(page, lang, theme);
    const t = REPORT_SCHEDULE_MESSAGES[lang];
    await frame.waitForSelector(testId('schedule-report'));
    const text = (await frame.textContent(testId('schedule-report'))) ?? '';
    expect(text).toContain(
      t['schedule.next'].replace('{series}', 'Weekly status report').replace('{when}', formatDueInZone(next.at, 'Europe/Berlin', lang)),
    );
    expect(text).toContain(t['schedule.reminderOn'].replace('{owner}', aStakeholder().name));

    // The draft, reviewed: its "since the last report" section says nothing was published before.
    await frame.click(`${testId('reports-review')} summary`);
    await frame.waitForSelector(`${testId('reports-review')} ${testId('report-since-last')}[data-kind="first"]`);
    const intro = await frame.textContent(`${testId('reports-review')} ${testId('report-since-last-intro')}`);
    expect(intro).toBe(
      lang === 'en'
        ? 'This is the first published report: there is nothing to compare it with yet.'
        : '这是第一份发布的报告，尚无可比较的内容。',
    );

    expect(await horizontalOverflow(frame)).toBe(0);
    const { violations } = await axeResults(frame);
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `reports-schedule-${lang}-${theme}-375.png`), fullPage: true });
    await page.close();
  });

  it('tells the PM how to plan one when there is no status-report series', async () => {
    const current = (await invoke('comms/get', {})).data as { revision: number };
    expect(await invoke('comms/save', { plan: aPlan({ series: [] }), revision: current.revision })).toMatchObject({ ok: true });
    const page = await host.browser.context.newPage();
    const frame = await openReports(page, 'en', 'light');
    expect(await frame.textContent(testId('schedule-none'))).toBe(REPORT_SCHEDULE_MESSAGES.en['schedule.none']);
    await page.close();
  });
});
