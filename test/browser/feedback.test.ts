/**
 * The Feedback section end to end: the real bridge, resolvers, storage and emulator accounts.
 * In each language the PM records a low rating from a meeting, sees the complaint it opened and
 * the satisfaction tile leave grey, follows the complaint up (refused without a resolution note,
 * then resolved), makes a Jira issue from it, and imports a survey file (refused with its row
 * errors, then imported). A viewer reads the same section without any way to change it.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { FEEDBACK_MESSAGES } from '../../contract/i18n/feedback-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { aPlan } from '../support/comms-builders';
import { resolverCaller } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof FEEDBACK_MESSAGES)['en']) => FEEDBACK_MESSAGES[lang][key];

const invokeAs = resolverCaller(() => host.app, demo.project);

async function open(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark', section: '' | 'feedback'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(
    `${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}${section === '' ? '' : `/${section}`}?${query.toString()}`,
  );
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId(section === '' ? 'health-tiles' : 'feedback-board'), { timeout: 60_000 });
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

const csvFile = (content: string) => ({ name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });

beforeEach(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  const plan = (await invokeAs('pm', 'comms/get', {})) as { data: { revision: number } };
  expect(await invokeAs('pm', 'comms/save', { plan: aPlan(), revision: plan.data.revision })).toMatchObject({ ok: true });
});

describe('the Feedback section', () => {
  it.each([
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('in %s (%s), a low rating opens a complaint, turns the satisfaction tile, and is followed up', async (lang, theme) => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));

    // The Overview first: the project's snapshot, with satisfaction grey (no feedback yet).
    let overview = await open(page, 'pm', lang, theme, '');
    expect(await overview.getAttribute(testId('health-tile-satisfaction'), 'data-rag')).toBe('grey');

    const frame = await open(page, 'pm', lang, theme, 'feedback');
    expect(await frame.textContent('#cf-feedback-heading')).toBe(text(lang, 'feedback.heading'));
    expect(await frame.textContent(testId('feedback-trend-empty'))).toBe(text(lang, 'feedback.trend.none'));
    expect(await frame.textContent(testId('feedback-complaints'))).toContain(text(lang, 'feedback.complaints.none'));

    // The PM's entry: no rating is refused beside the field, then a 1 from the client is saved.
    await frame.click(testId('feedback-add'));
    await frame.click(testId('feedback-save'));
    expect(await frame.textContent(testId('feedback-error-rating'))).toBe(text(lang, 'feedback.field.rating'));
    expect(await frame.getAttribute(testId('feedback-rating'), 'aria-invalid')).toBe('true');
    await frame.selectOption(testId('feedback-rating'), '1');
    await frame.fill(testId('feedback-nps'), '2');
    await frame.selectOption(testId('feedback-stakeholder'), 'client');
    await frame.fill(testId('feedback-comment'), 'The demo crashed twice.');
    await expectAxeClean(frame);
    await frame.click(testId('feedback-save'));
    await expect.poll(() => frame.textContent(testId('feedback-notice'))).toBe(text(lang, 'feedback.form.savedComplaint'));

    // The complaint it opened, the figures and the chart.
    const complaint = frame.locator('[data-testid^="feedback-complaint-"][data-status="open"]');
    await complaint.waitFor();
    expect(await complaint.textContent()).toContain('The demo crashed twice.');
    await expect.poll(() => frame.textContent(testId('feedback-csat'))).toContain('1.0 / 5');
    expect(await frame.textContent(testId('feedback-open-complaints'))).toContain('1');
    await frame.waitForSelector('.cf-csat-bar');
    const entry = frame.locator('[data-testid^="feedback-entry-"]');
    expect(await entry.count()).toBe(1);
    const feedbackId = ((await entry.getAttribute('data-testid')) ?? '').replace('feedback-entry-', '');

    // Resolving needs a note; with one it is saved, owned by the PM.
    await frame.selectOption(testId(`feedback-complaint-${feedbackId}-owner`), 'pm');
    await frame.selectOption(testId(`feedback-complaint-${feedbackId}-status`), 'resolved');
    await frame.click(testId(`feedback-complaint-save-${feedbackId}`));
    expect(await frame.textContent(testId(`feedback-error-complaint-${feedbackId}-note`))).toBe(
      text(lang, 'feedback.field.resolutionNote'),
    );
    await frame.fill(testId(`feedback-complaint-${feedbackId}-note`), 'Fixed and demoed again.');
    await frame.click(testId(`feedback-complaint-save-${feedbackId}`));
    await expect
      .poll(async () => {
        const listed = (await invokeAs('pm', 'complaint/list', { status: 'resolved' })) as {
          data: { items: { complaint: { ownerId: string } }[] };
        };
        return listed.data.items[0]?.complaint.ownerId;
      })
      .toBe('pm');

    // A Jira issue from it, as the PM, once.
    await frame.click(testId(`feedback-complaint-create-issue-${feedbackId}`));
    const issue = frame.locator(testId(`feedback-complaint-issue-${feedbackId}`));
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(new RegExp(`${PROJECT_KEY}-\\d+`, 'u'));

    // A survey file with a bad row is refused whole, row by row; fixed, it is imported.
    await frame.setInputFiles(testId('feedback-import-file'), csvFile('date,rating,nps\n2026-11-02,2,3\n2026-11-03,9,\n'));
    await frame.click(testId('feedback-import-run'));
    const rowError = frame.locator(testId('feedback-import-error-3'));
    await rowError.waitFor();
    expect(await rowError.textContent()).toContain(text(lang, 'feedback.import.err.rating'));
    await frame.setInputFiles(testId('feedback-import-file'), csvFile('date,rating,nps\n2026-11-02,2,3\n2026-11-03,3,\n'));
    await frame.click(testId('feedback-import-run'));
    await frame.waitForSelector(testId('feedback-import-done'));
    await expect.poll(() => frame.locator('[data-testid^="feedback-entry-"]').count()).toBe(3);

    // Filters: only the survey's answers.
    await frame.selectOption(testId('feedback-filter-source'), 'survey');
    await frame.click(testId('feedback-filters-apply'));
    await expect.poll(() => frame.locator('[data-testid^="feedback-entry-"]').count()).toBe(2);

    await expectAxeClean(frame);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `feedback-pm-${lang}-${theme}-375.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The satisfaction tile moved: ratings 1, 2 and 3 average 2, below amber.
    overview = await open(page, 'pm', lang, theme, '');
    expect(await overview.getAttribute(testId('health-tile-satisfaction'), 'data-rag')).toBe('red');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a viewer reads feedback in Chinese, dark, without any way to change it', async () => {
    expect(await invokeAs('pm', 'feedback/add', { rating: 2, source: 'meeting', submissionId: 'viewer-sees' })).toMatchObject({ ok: true });
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await open(page, 'viewer', 'zh-CN', 'dark', 'feedback');
    expect(await frame.getAttribute(testId('feedback-board'), 'data-can-edit')).toBe('false');
    expect(await frame.textContent(testId('feedback-read-only'))).toBe(text('zh-CN', 'feedback.readOnly'));
    await frame.waitForSelector(testId('feedback-complaint-viewer-sees'));
    for (const action of [
      'feedback-add',
      'feedback-import-file',
      'feedback-complaint-save-viewer-sees',
      'feedback-complaint-create-issue-viewer-sees',
    ]) {
      expect(await frame.locator(testId(action)).count(), action).toBe(0);
    }
    await expectAxeClean(frame);
    expect(errors).toEqual([]);
    await page.close();
  });
});
