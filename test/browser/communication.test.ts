/**
 * The Communication section end to end: the real bridge, resolvers, storage and emulator
 * accounts. The PM builds a plan (a stakeholder, a weekly series), sees the series overdue,
 * logs a touchpoint with an action item, turns the item into a Jira issue and downloads the
 * series' calendar file; a viewer reads the same plan and cannot change it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { commsViewSchema } from '../../contract/comms';
import { COMMS_MESSAGES } from '../../contract/i18n/comms-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof COMMS_MESSAGES)['en']) => COMMS_MESSAGES[lang][key];

async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function storedPlan() {
  const answer = (await invokeAs('pm', 'comms/get', {})) as { ok: boolean; data?: unknown };
  return commsViewSchema.parse(answer.data);
}

async function openCommunication(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/communication?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('comms-board'));
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

/** A UTC calendar day `days` from now. */
function utcDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
});

describe('the Communication section', () => {
  it('the PM builds a plan, sees the series overdue, logs a touchpoint, makes a Jira issue and downloads the calendar', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openCommunication(page, 'pm', 'en', 'light');
    expect(await frame.textContent('#cf-comms-heading')).toBe(text('en', 'comms.heading'));

    // A stakeholder: a blank name is refused beside the field, then saved.
    await frame.click(testId('comms-add-stakeholder'));
    await frame.fill(testId('comms-stakeholder-email'), 'not-an-email');
    await frame.click(testId('comms-stakeholder-save'));
    expect(await frame.textContent(testId('comms-error-stakeholder-name'))).toBe(text('en', 'comms.error.required'));
    expect(await frame.textContent(testId('comms-error-stakeholder-email'))).toBe(text('en', 'comms.error.email'));
    expect(await frame.getAttribute(testId('comms-stakeholder-email'), 'aria-invalid')).toBe('true');
    await frame.fill(testId('comms-stakeholder-name'), 'Ana Client');
    await frame.fill(testId('comms-stakeholder-role'), 'Sponsor');
    await frame.fill(testId('comms-stakeholder-email'), 'ana@example.com');
    await frame.fill(testId('comms-stakeholder-timeZone'), 'Europe/Berlin');
    await frame.click(testId('comms-stakeholder-save'));
    await frame.waitForSelector(testId('comms-stakeholders'));
    let stored = await storedPlan();
    expect(stored.plan.stakeholders).toMatchObject([
      { name: 'Ana Client', side: 'client', email: 'ana@example.com', timeZone: 'Europe/Berlin' },
    ]);
    const stakeholderId = stored.plan.stakeholders[0]?.id ?? '';

    // Someone else adds a stakeholder meanwhile: the PM's edit is refused as a conflict, kept,
    // and "reload and re-apply" saves it on the newer plan, so neither change is lost.
    const other = { ...stored.plan.stakeholders[0], id: 'pat-internal', name: 'Pat PM', side: 'internal', email: null };
    expect(
      await invokeAs('pm', 'comms/save', {
        plan: { ...stored.plan, stakeholders: [...stored.plan.stakeholders, other] },
        revision: stored.revision,
      }),
    ).toMatchObject({ ok: true });
    await frame.click(testId(`comms-edit-stakeholder-${stakeholderId}`));
    await frame.fill(testId('comms-stakeholder-role'), 'Executive sponsor');
    await frame.click(testId('comms-stakeholder-save'));
    await frame.waitForSelector(testId('comms-stakeholder-conflict'));
    expect(await frame.inputValue(testId('comms-stakeholder-role'))).toBe('Executive sponsor');
    await frame.click(testId('comms-stakeholder-reapply'));
    await frame.waitForSelector(testId('comms-stakeholder-editor'), { state: 'detached' });
    stored = await storedPlan();
    expect(stored.plan.stakeholders.map((s) => [s.name, s.role])).toEqual([
      ['Ana Client', 'Executive sponsor'],
      ['Pat PM', 'Sponsor'],
    ]);
    expect(await frame.textContent(testId('comms-stakeholders'))).toContain('Pat PM');

    // A weekly series whose last meeting was three days ago, in UTC, with one day of grace.
    const weekday = WEEKDAYS[new Date(`${utcDay(-3)}T00:00:00Z`).getUTCDay()] ?? 'monday';
    await frame.click(testId('comms-add-series'));
    await frame.fill(testId('comms-series-title'), 'Weekly sync');
    await frame.selectOption(testId('comms-series-weekday'), weekday);
    await frame.fill(testId('comms-series-time'), '09:00');
    await frame.fill(testId('comms-series-timeZone'), 'UTC');
    await frame.fill(testId('comms-series-start'), utcDay(-17));
    await frame.fill(testId('comms-series-grace'), '1');
    // The live preview follows the typing: five dates on the chosen weekday at 09:00 UTC, before any save.
    const previewRows = frame.locator(`${testId('comms-series-preview')} tbody tr`);
    await expect.poll(() => previewRows.count()).toBe(5);
    const previewAt = await Promise.all((await previewRows.all()).map(async (row) => (await row.getAttribute('data-at')) ?? ''));
    expect(previewAt.every((at) => at.endsWith('T09:00:00.000Z') && WEEKDAYS[new Date(at).getUTCDay()] === weekday)).toBe(true);
    expect(await frame.textContent(`${testId('comms-series-preview')} caption`)).toBe(text('en', 'comms.series.preview'));
    // An impossible time: its typed error beside the field, and no dates.
    await frame.fill(testId('comms-series-time'), '25:00');
    expect(await frame.textContent(testId('comms-error-series-time'))).toBe(text('en', 'comms.error.time'));
    expect(await frame.textContent(testId('comms-series-preview-invalid'))).toBe(text('en', 'comms.series.previewInvalid'));
    expect(await frame.locator(testId('comms-series-preview')).count()).toBe(0);
    await frame.fill(testId('comms-series-time'), '10:15');
    await expect.poll(() => previewRows.first().getAttribute('data-at')).toMatch(/T10:15:00\.000Z$/u);
    await frame.fill(testId('comms-series-time'), '09:00');
    await frame.check(testId(`comms-series-audience-${stakeholderId}`));
    // The delivery cadence: it runs until the project enters support (issue 13).
    await frame.selectOption(testId('comms-series-active-in'), 'delivery');
    await expectAxeClean(frame);
    await frame.click(testId('comms-series-save'));
    await frame.waitForSelector(testId('comms-series'));
    stored = await storedPlan();
    const series = stored.plan.series[0];
    expect(series).toMatchObject({
      title: 'Weekly sync',
      cadence: { kind: 'weekly', weekday },
      timeZone: 'UTC',
      audience: [stakeholderId],
      activeIn: 'delivery',
    });
    const seriesId = series?.id ?? '';
    expect(await frame.textContent(testId(`comms-series-${seriesId}`))).toContain(text('en', 'comms.activeIn.delivery'));

    // Its next five dates, and the due list says it is overdue.
    await frame.waitForSelector(`${testId(`comms-next-${seriesId}`)} tbody tr:nth-child(5)`);
    const due = frame.locator(testId(`comms-due-${seriesId}`));
    expect(await due.getAttribute('data-state')).toBe('overdue');
    expect(await due.textContent()).toContain('Weekly sync: overdue since');

    // The calendar file: RFC 5545 with the weekly rule.
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click(testId(`comms-calendar-${seriesId}`))]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/u);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY/u);

    // A touchpoint with a decision and an action item.
    await frame.click(testId('comms-log-touchpoint'));
    await frame.fill(testId('comms-touchpoint-date'), utcDay(-3));
    await frame.fill(testId('comms-touchpoint-attendees'), 'Ana Client\nPat PM');
    await frame.fill(testId('comms-touchpoint-decisions'), 'Ship in January');
    await frame.click(testId('comms-add-action'));
    await frame.fill(testId('comms-action-1-text'), 'Send the test plan');
    await frame.fill(testId('comms-action-1-owner'), 'Pat PM');
    await frame.fill(testId('comms-action-1-due'), utcDay(7));
    await expectAxeClean(frame);
    await frame.click(testId('comms-touchpoint-save'));
    await frame.waitForSelector('[data-testid^="comms-item-create-"]');
    const log = (await invokeAs('pm', 'comms/touchpoints', {})) as {
      data: { touchpoints: { id: string; seriesId: string; actionItems: { id: string; text: string }[] }[] };
    };
    const touchpoint = log.data.touchpoints[0];
    expect(touchpoint).toMatchObject({ seriesId, actionItems: [{ text: 'Send the test plan' }] });
    const itemId = touchpoint?.actionItems[0]?.id ?? '';

    // The action item becomes a Jira issue; its key shows as a link.
    await frame.click(testId(`comms-item-create-${itemId}`));
    const link = frame.locator(testId(`comms-item-issue-${itemId}`));
    await link.waitFor();
    expect(await link.textContent()).toMatch(new RegExp(`^Jira issue ${PROJECT_KEY}-\\d+`, 'u'));
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/browse/${PROJECT_KEY}-\\d+`, 'u'));

    // The agenda for the next touchpoint carries the open item.
    await frame.click(testId(`comms-agenda-${seriesId}`));
    await frame.waitForSelector(testId(`comms-agenda-view-${seriesId}`));
    expect(await frame.textContent(testId('comms-agenda-open'))).toContain('Send the test plan');

    await expectAxeClean(frame);

    // Done: the touchpoint is logged again with the item's new status.
    await frame.selectOption(testId(`comms-item-status-${itemId}`), 'done');
    await expect
      .poll(async () => {
        const after = (await invokeAs('pm', 'comms/touchpoints', {})) as { data: { touchpoints: { actionItems: { status: string }[] }[] } };
        return after.data.touchpoints[0]?.actionItems[0]?.status;
      })
      .toBe('done');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'communication-pm-en-light-375.png'), fullPage: true });

    // A second series with nothing logged yet is overdue: the Overview says so at its top, and
    // the communication tile reads the plan (no longer grey).
    const latest = await storedPlan();
    const steering = { ...series, id: 'steering', title: 'Steering call' };
    expect(
      await invokeAs('pm', 'comms/save', {
        plan: { ...latest.plan, series: [...latest.plan.series, steering] },
        revision: latest.revision,
      }),
    ).toMatchObject({ ok: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    const overviewQuery = new URLSearchParams({ lang: 'en', theme: 'light', user: LOCAL_ACCOUNTS.pm.accountId });
    await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}?${overviewQuery.toString()}`);
    const overview = await frameOf(page, PAGE_MODULE);
    await overview.waitForSelector(testId('health-tiles'), { timeout: 60_000 });
    const overviewDue = overview.locator(testId('comms-due-steering'));
    await overviewDue.waitFor();
    expect(await overviewDue.textContent()).toContain('Steering call: overdue since');
    const dueTop = await overview.locator(testId('comms-due')).boundingBox();
    const healthTop = await overview.locator(testId('health')).boundingBox();
    expect(dueTop?.y ?? Infinity).toBeLessThan(healthTop?.y ?? 0);
    expect(await overview.getAttribute(testId('health-tile-communication'), 'data-rag')).not.toBe('grey');
    // The first read ran within the report's call: the bar then says how fresh it is, not "never".
    await overview.waitForSelector(testId('freshness-updated'));
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'overview-touchpoints-due.png') });
    await expectAxeClean(overview);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a viewer reads the plan in Chinese, dark, without any way to change it; the bridge refuses a save', async () => {
    const before = await storedPlan();
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openCommunication(page, 'viewer', 'zh-CN', 'dark');
    expect(await frame.getAttribute(testId('comms-board'), 'data-can-edit')).toBe('false');
    expect(await frame.textContent(testId('comms-read-only'))).toBe(text('zh-CN', 'comms.readOnly'));
    expect(await frame.textContent(testId('comms-stakeholders'))).toContain('Ana Client');
    for (const action of ['comms-add-stakeholder', 'comms-add-series', 'comms-log-touchpoint']) {
      expect(await frame.locator(testId(action)).count(), action).toBe(0);
    }
    expect(await frame.locator('[data-testid^="comms-item-create-"]').count()).toBe(0);
    const refused = await frame.evaluate(
      async ({ plan, revision }) =>
        (globalThis as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', {
          functionKey: 'comms/save',
          payload: { plan: { ...plan, stakeholders: [], series: [] }, revision },
        }),
      { plan: before.plan, revision: before.revision },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storedPlan()).toEqual(before);
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'communication-viewer-zh-CN-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the PM, in Chinese and dark, previews a series as typed, edits the agenda, and edits a touchpoint re-applied after a conflict', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openCommunication(page, 'pm', 'zh-CN', 'dark');
    const plan = await storedPlan();
    const series = plan.plan.series.find((s) => s.title === 'Weekly sync');
    const seriesId = series?.id ?? '';

    // The series editor previews in Chinese and follows the typing; a bad time shows its error instead.
    await frame.click(testId(`comms-edit-series-${seriesId}`));
    expect(await frame.textContent(`${testId('comms-series-preview')} caption`)).toBe(text('zh-CN', 'comms.series.preview'));
    await frame.fill(testId('comms-series-time'), '9:7');
    expect(await frame.textContent(testId('comms-error-series-time'))).toBe(text('zh-CN', 'comms.error.time'));
    expect(await frame.textContent(testId('comms-series-preview-invalid'))).toBe(text('zh-CN', 'comms.series.previewInvalid'));
    await frame.fill(testId('comms-series-time'), '18:45');
    await expect
      .poll(() =>
        frame
          .locator(`${testId('comms-series-preview')} tbody tr`)
          .first()
          .getAttribute('data-at'),
      )
      .toMatch(/T18:45:00\.000Z$/u);
    await frame.click(`${testId('comms-series-editor')} button.cf-button-subtle`);

    // An internal stakeholder's Jira account: a malformed id is refused beside the field, and the picker finds the right one.
    const pat = plan.plan.stakeholders.find((st) => st.name === 'Pat PM');
    await frame.click(testId(`comms-edit-stakeholder-${pat?.id ?? ''}`));
    await frame.selectOption(testId('comms-stakeholder-side'), 'internal');
    await frame.fill(testId('comms-stakeholder-accountId'), 'Pat PM');
    await frame.click(testId('comms-stakeholder-save'));
    expect(await frame.textContent(testId('comms-error-stakeholder-accountId'))).toBe(text('zh-CN', 'comms.error.accountId'));
    // Jira's user picker, as the PM: a name prefix finds the account, picking it fills the field.
    await frame.fill(testId('comms-account-search'), 'pat');
    await frame.press(testId('comms-account-search'), 'Enter');
    await frame.click(testId(`comms-account-pick-${LOCAL_ACCOUNTS.pm.accountId}`));
    expect(await frame.inputValue(testId('comms-stakeholder-accountId'))).toBe(LOCAL_ACCOUNTS.pm.accountId);
    await expectAxeClean(frame);
    await frame.click(testId('comms-stakeholder-save'));
    await frame.waitForSelector(testId('comms-stakeholder-editor'), { state: 'detached' });
    await expect
      .poll(async () => (await storedPlan()).plan.stakeholders.find((st) => st.id === pat?.id)?.accountId)
      .toBe(LOCAL_ACCOUNTS.pm.accountId);

    // Reminders: notifications need a tracking issue key, refused beside the field until valid.
    expect(await frame.textContent(testId('comms-reminders-current'))).toBe(text('zh-CN', 'comms.reminders.mode.none'));
    await frame.click(testId('comms-edit-reminders'));
    await frame.selectOption(testId('comms-reminders-mode'), 'notify');
    await frame.click(testId('comms-reminders-save'));
    expect(await frame.textContent(testId('comms-error-reminders-tracking'))).toBe(text('zh-CN', 'comms.error.issueKey'));
    await frame.fill(testId('comms-reminders-tracking'), `${PROJECT_KEY}-1`);
    await expectAxeClean(frame);
    await frame.click(testId('comms-reminders-save'));
    await frame.waitForSelector(testId('comms-reminders-editor'), { state: 'detached' });
    expect((await storedPlan()).plan.reminders).toEqual({ mode: 'notify', trackingIssueKey: `${PROJECT_KEY}-1` });
    expect(await frame.getAttribute(testId('comms-reminders-current'), 'data-mode')).toBe('notify');

    // The agenda: the draft becomes editable lines; a new line is added, moved to the top and saved.
    await frame.click(testId(`comms-agenda-${seriesId}`));
    await frame.click(testId(`comms-agenda-edit-${seriesId}`));
    await frame.waitForSelector(testId('comms-agenda-editor'));
    const drafted = await frame.locator('[data-testid^="comms-agenda-item-"]').count();
    expect(drafted).toBeGreaterThan(1);
    const firstDrafted = await frame.inputValue(testId('comms-agenda-line-1'));
    const secondDrafted = await frame.inputValue(testId('comms-agenda-line-2'));
    await frame.click(testId('comms-agenda-add'));
    const added = String(drafted + 1);
    await frame.fill(testId(`comms-agenda-line-${added}`), '预算');
    await frame.click(testId(`comms-agenda-up-${added}`));
    await frame.click(testId(`comms-agenda-up-${String(drafted)}`));
    await frame.click(testId('comms-agenda-remove-1'));
    await frame.fill(testId('comms-agenda-line-1'), `${secondDrafted} (改写)`);
    await expectAxeClean(frame);
    await frame.click(testId('comms-agenda-save'));
    const saved = frame.locator(testId('comms-agenda-saved'));
    await saved.waitFor();
    const savedLines = await saved.locator('li').allTextContents();
    expect(savedLines).toHaveLength(drafted);
    expect(savedLines[0]).toBe(`${secondDrafted} (改写)`);
    expect(savedLines).not.toContain(firstDrafted);
    expect(savedLines.at(-3)).toBe('预算');

    // A logged touchpoint: the PM edits its decisions while a colleague adds an attendee.
    const listed = (await invokeAs('pm', 'comms/touchpoints', {})) as { data: { touchpoints: { id: string; attendees: string[] }[] } };
    const touchpointId = listed.data.touchpoints[0]?.id ?? '';
    await frame.click(testId(`comms-touchpoint-edit-${touchpointId}`));
    await frame.waitForSelector(testId('comms-edit-touchpoint-form'));
    const theirs = (await invokeAs('member', 'comms/touchpoint', { touchpointId })) as {
      data: { touchpoint: { attendees: string[] }; revision: number };
    };
    expect(
      await invokeAs('member', 'comms/log-touchpoint', {
        touchpoint: { ...theirs.data.touchpoint, attendees: [...theirs.data.touchpoint.attendees, 'Lee'] },
        revision: theirs.data.revision,
      }),
    ).toMatchObject({ ok: true });
    await frame.fill(testId('comms-edit-touchpoint-decisions'), '一月发布\n先做演示');
    await frame.click(testId('comms-edit-touchpoint-save'));
    await frame.waitForSelector(testId('comms-edit-touchpoint-conflict'));
    expect(await frame.textContent(`${testId('comms-edit-touchpoint-conflict')} p`)).toBe(text('zh-CN', 'comms.conflict.touchpoint'));
    await expectAxeClean(frame);
    await frame.click(testId('comms-edit-touchpoint-reapply'));
    await frame.waitForSelector(testId('comms-edit-touchpoint-form'), { state: 'detached' });
    const after = (await invokeAs('pm', 'comms/touchpoint', { touchpointId })) as {
      data: { touchpoint: { attendees: string[]; decisions: string[] } };
    };
    expect(after.data.touchpoint.decisions).toEqual(['一月发布', '先做演示']);
    expect(after.data.touchpoint.attendees).toContain('Lee');
    await expect.poll(() => frame.textContent(testId(`comms-decisions-${touchpointId}`))).toContain('先做演示');

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'communication-pm-zh-CN-dark-375.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
