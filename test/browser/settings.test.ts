/**
 * The Settings section end to end: the real bridge, resolvers, storage and emulator accounts.
 * Each test starts from a project without app data (deleted through the resolver as the PM), and
 * checks what is stored through the resolver, not only what the page shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, projectExportSchema, settingsViewSchema, type Language, type SettingsView } from '../../contract';
import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { SETTINGS_MESSAGES } from '../../contract/i18n/settings-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';
import { axeResults } from '../support/axe';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';

const host = useBrowserHost(datasets);

type Theme = 'light' | 'dark';
const field = (id: string) => testId(`setting-${id}`);
const text = (lang: Language, key: keyof (typeof SETTINGS_MESSAGES)['en']) => SETTINGS_MESSAGES[lang][key];

/** A resolver call as one of the emulator's accounts, straight through the runtime: the oracle. */
async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function storedSettings(): Promise<SettingsView> {
  const answer = (await invokeAs('pm', 'settings/get', {})) as { ok: boolean; data?: unknown };
  return settingsViewSchema.parse(answer.data);
}

/**
 * Opens the project page's Settings section as an account, in a language and theme, and waits
 * for the form. Every preference is in the URL: the host remembers the last ones otherwise.
 */
async function openSettings(
  page: Page,
  { role = 'pm', lang = 'en', theme = 'light' }: { role?: AccountRole; lang?: Language; theme?: Theme } = {},
): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/settings?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('settings-form'));
  return frame;
}

async function newPage(errors: string[]): Promise<Page> {
  const page = await host.browser.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** The axe violations in the frame; a clean result counts only if the rules ran on the form. */
async function axeViolations(frame: Frame): Promise<string[]> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  return violations;
}

/** The `data-testid` of the element that has focus in the frame. */
function focusedTestId(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    type Doc = { activeElement: { getAttribute(name: string): string | null } | null };
    return (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-testid') ?? null;
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS_DIR, `settings-${name}.png`), fullPage: true });

/** The settings revision once the project's data is deleted: every test counts from it. */
let base = 0;

beforeEach(async () => {
  // A project without app data: the settings are the defaults (revisions go on counting across a delete).
  const answer = await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY });
  expect(answer).toMatchObject({ ok: true });
  const cleared = await storedSettings();
  expect(cleared.settings).toEqual(DEFAULT_PROJECT_SETTINGS);
  base = cleared.revision;
});

describe.each(['en', 'zh-CN'] as const)('the Settings section in %s', (lang) => {
  it('a project admin saves a changed threshold; it is stored and shown again after a reload', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    const frame = await openSettings(page, { lang, theme: lang === 'en' ? 'light' : 'dark' });
    expect(await frame.textContent('h2#cf-settings-heading')).toBe(text(lang, 'settings.heading'));
    expect(await frame.inputValue(field('thresholds.overdueAmber'))).toBe('15');
    expect(await frame.isDisabled(testId('settings-save'))).toBe(true);

    await frame.fill(field('thresholds.overdueAmber'), '25');
    expect(await frame.textContent(testId('settings-status'))).toBe(text(lang, 'settings.status.unsaved'));
    await frame.click(testId('settings-save'));
    await frame
      .locator(testId('settings-status'))
      .filter({ hasText: text(lang, 'settings.status.saved') })
      .waitFor();
    // Focus is on the status that says so, not lost to the page (Save is disabled now).
    await expect.poll(() => focusedTestId(frame)).toBe('settings-status');
    // The product's flag confirms it too.
    await page
      .getByRole('status')
      .filter({ hasText: text(lang, 'settings.flag.saved') })
      .waitFor();

    const stored = await storedSettings();
    expect(stored.revision).toBe(base + 1);
    expect(stored.settings.thresholds.overdueAmber).toBe(0.25);
    expect(await frame.getAttribute(testId('settings-form'), 'data-revision')).toBe(String(base + 1));

    await page.reload();
    const reloaded = await frameOf(page, PAGE_MODULE);
    await reloaded.waitForSelector(testId('settings-form'));
    expect(await reloaded.inputValue(field('thresholds.overdueAmber'))).toBe('25');
    expect(await reloaded.getAttribute(testId('settings-form'), 'data-revision')).toBe(String(base + 1));
    await shot(page, `saved-${lang}-${lang === 'en' ? 'light' : 'dark'}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two tabs: the second save is refused as a conflict that names the other change; re-applying keeps both', async () => {
    const errors: string[] = [];
    const first = await newPage(errors);
    const second = await newPage(errors);
    // The Chinese run is on a phone: the notice and its buttons must work at 375 px too.
    if (lang === 'zh-CN') await second.setViewportSize({ width: 375, height: 800 });
    const firstFrame = await openSettings(first, { lang });
    const secondFrame = await openSettings(second, { lang });

    await firstFrame.fill(field('cadenceDays'), '14');
    await firstFrame.click(testId('settings-save'));
    await firstFrame
      .locator(testId('settings-status'))
      .filter({ hasText: text(lang, 'settings.status.saved') })
      .waitFor();

    await secondFrame.fill(field('thresholds.overdueGreen'), '8');
    await secondFrame.click(testId('settings-save'));
    const conflict = secondFrame.locator(testId('settings-conflict'));
    await conflict.waitFor();
    expect(await conflict.getAttribute('role')).toBe('alert');
    expect(await conflict.textContent()).toContain(text(lang, 'settings.conflict.title'));
    // Focus moves to the message, which names what the other person changed.
    await expect.poll(() => focusedTestId(secondFrame)).toBe('settings-conflict');
    const theirs = secondFrame.locator(`${testId('conflict-their-fields')} li`);
    await theirs.first().waitFor();
    expect(await theirs.allTextContents()).toEqual([text(lang, 'settings.reports.cadence')]);
    expect(await secondFrame.inputValue(field('thresholds.overdueGreen'))).toBe('8');
    expect(await secondFrame.inputValue(field('cadenceDays'))).toBe('7');
    expect(await secondFrame.isDisabled(testId('settings-save'))).toBe(true);
    // Save is off, and the status line says why rather than "unsaved changes".
    expect(await secondFrame.textContent(testId('settings-status'))).toBe(text(lang, 'settings.status.conflict'));
    // Nothing of the refused save was stored.
    expect((await storedSettings()).settings).toMatchObject({ cadenceDays: 14, thresholds: { overdueGreen: 0.05 } });
    await shot(second, `conflict-${lang}`);
    await second.screenshot({ path: path.join(SCREENSHOTS_DIR, `settings-conflict-view-${lang}.png`) });

    // Their version comes in with this PM's change on top, unsaved, for review.
    await secondFrame.click(testId('settings-reapply'));
    await conflict.waitFor({ state: 'detached' });
    const reapplied = secondFrame.locator(testId('settings-reapplied'));
    await reapplied.waitFor();
    await expect.poll(() => focusedTestId(secondFrame)).toBe('settings-reapplied');
    expect(await secondFrame.inputValue(field('cadenceDays'))).toBe('14');
    expect(await secondFrame.inputValue(field('thresholds.overdueGreen'))).toBe('8');
    expect(await secondFrame.textContent(testId('settings-status'))).toBe(text(lang, 'settings.status.unsaved'));
    expect((await storedSettings()).settings.thresholds.overdueGreen).toBe(0.05);
    await shot(second, `reapplied-${lang}`);
    await second.screenshot({ path: path.join(SCREENSHOTS_DIR, `settings-reapplied-view-${lang}.png`) });
    // Each listed field leads to its input.
    await secondFrame.click(testId('reapplied-thresholds.overdueGreen'));
    await expect.poll(() => focusedTestId(secondFrame)).toBe('setting-thresholds.overdueGreen');

    await secondFrame.click(testId('settings-save'));
    await secondFrame
      .locator(testId('settings-status'))
      .filter({ hasText: text(lang, 'settings.status.saved') })
      .waitFor();
    const stored = await storedSettings();
    expect(stored.revision).toBe(base + 2);
    expect(stored.settings).toMatchObject({ cadenceDays: 14, thresholds: { overdueGreen: 0.08 } });
    expect(errors).toEqual([]);
    await first.close();
    await second.close();
  });

  it('a viewer sees the same settings read-only, is told who can change them, and cannot save through the bridge', async () => {
    await invokeAs('pm', 'settings/save', {
      settings: { ...(await storedSettings()).settings, cadenceDays: 10 },
      revision: base,
    });
    const errors: string[] = [];
    const page = await newPage(errors);
    const frame = await openSettings(page, { role: 'viewer', lang, theme: 'dark' });
    expect(await frame.getAttribute(testId('settings-form'), 'data-can-edit')).toBe('false');
    expect(await frame.textContent(testId('settings-read-only'))).toContain(text(lang, 'settings.readOnly.body'));
    expect(await frame.inputValue(field('cadenceDays'))).toBe('10');
    expect(await frame.getAttribute(field('cadenceDays'), 'readonly')).not.toBeNull();
    expect(await frame.isDisabled(testId('visibility-marked'))).toBe(true);
    for (const action of ['settings-save', 'settings-reset', 'project-data', 'export-data', 'delete-data']) {
      expect(await frame.locator(testId(action)).count(), action).toBe(0);
    }
    // Typing changes nothing, and the resolver refuses a save even when asked directly.
    await frame.locator(field('cadenceDays')).press('1');
    expect(await frame.inputValue(field('cadenceDays'))).toBe('10');
    // (`base` lives in the test, not the page: it goes in with the settings.)
    const refused = await frame.evaluate(
      async ({ settings, revision }) =>
        (globalThis as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', {
          functionKey: 'settings/save',
          payload: { settings, revision },
        }),
      { settings: (await storedSettings()).settings, revision: base + 1 },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await storedSettings()).revision).toBe(base + 1);

    expect(await axeViolations(frame)).toEqual([]);
    await shot(page, `viewer-${lang}-dark`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an invalid value shows its problem next to the field, in the reader’s language, and blocks Save', async () => {
    const page = await newPage([]);
    const frame = await openSettings(page, { lang });
    await frame.fill(field('thresholds.creepAmber'), '150');
    const error = frame.locator(testId('error-thresholds.creepAmber'));
    expect(await error.textContent()).toBe(text(lang, 'settings.error.max').replace('{limit}', '100'));
    expect(await frame.getAttribute(field('thresholds.creepAmber'), 'aria-invalid')).toBe('true');
    expect(await frame.getAttribute(field('thresholds.creepAmber'), 'aria-describedby')).toContain(
      (await error.getAttribute('id')) ?? 'none',
    );
    expect(await frame.isDisabled(testId('settings-save'))).toBe(true);
    // From Save, the PM is taken to the problem.
    await frame.click(testId('settings-first-problem'));
    await expect.poll(() => focusedTestId(frame)).toBe('setting-thresholds.creepAmber');

    // Amber below green is refused on the amber field.
    await frame.fill(field('thresholds.creepAmber'), '20');
    await frame.fill(field('thresholds.overdueAmber'), '4');
    expect(await frame.textContent(testId('error-thresholds.overdueAmber'))).toBe(text(lang, 'settings.error.amberBelowGreen'));
    expect(await frame.locator(testId('error-thresholds.creepAmber')).count()).toBe(0);
    expect(await frame.isDisabled(testId('settings-save'))).toBe(true);
    await shot(page, `invalid-${lang}`);

    await frame.fill(field('thresholds.overdueAmber'), '16');
    expect(await frame.isDisabled(testId('settings-save'))).toBe(false);
    expect((await storedSettings()).revision).toBe(base);
    await page.close();
  });
});

describe('the Settings section for other accounts and actions', () => {
  it('a team member (Browse and Edit, not admin) gets the form read-only too', async () => {
    const page = await newPage([]);
    const frame = await openSettings(page, { role: 'member' });
    expect(await frame.getAttribute(testId('settings-form'), 'data-can-edit')).toBe('false');
    await frame.waitForSelector(testId('settings-read-only'));
    expect(await frame.locator(testId('settings-save')).count()).toBe(0);
    await page.close();
  });

  it('Reset to defaults asks first, fills the form with the defaults and leaves saving to the PM', async () => {
    await invokeAs('pm', 'settings/save', {
      settings: { ...(await storedSettings()).settings, cadenceDays: 21, clientLabel: 'external' },
      revision: base,
    });
    const page = await newPage([]);
    const frame = await openSettings(page);
    expect(await frame.inputValue(field('cadenceDays'))).toBe('21');
    await frame.click(testId('settings-reset'));
    await frame.waitForSelector(testId('reset-confirm'));
    // Focus starts on Cancel, the safe choice; Escape closes without a change.
    await expect.poll(() => focusedTestId(frame)).toBe('reset-confirm-cancel');
    await frame.press(testId('reset-confirm'), 'Escape');
    await frame.locator(testId('reset-confirm')).waitFor({ state: 'detached' });
    expect(await frame.inputValue(field('cadenceDays'))).toBe('21');

    await frame.click(testId('settings-reset'));
    await frame.click(testId('reset-confirm-confirm'));
    expect(await frame.inputValue(field('cadenceDays'))).toBe('7');
    expect(await frame.inputValue(field('clientLabel'))).toBe('client');
    expect((await storedSettings()).settings.cadenceDays).toBe(21);
    await frame.click(testId('settings-save'));
    await frame.locator(testId('settings-status')).filter({ hasText: 'Settings saved.' }).waitFor();
    expect((await storedSettings()).settings).toMatchObject({ cadenceDays: 7, clientLabel: 'client' });
    await page.close();
  });

  it('a list is edited and the form saved from the keyboard', async () => {
    const page = await newPage([]);
    const frame = await openSettings(page);
    await frame.focus(field('waitingOnClientStatuses'));
    await page.keyboard.type('Blocked by client');
    await page.keyboard.press('Enter');
    const items = frame.locator(`${testId('list-waitingOnClientStatuses')} ${testId('list-item')} > span`);
    expect(await items.allTextContents()).toContain('Blocked by client');
    // Adding the same name again, in other capitals, is refused with a message.
    await page.keyboard.type('waiting FOR customer');
    await page.keyboard.press('Enter');
    expect(await items.count()).toBe(4);
    expect(await frame.textContent(testId('list-duplicate'))).toBe('“Waiting for customer” is already in the list.');
    // Remove the first entry with its button, then save with Enter from a text field.
    await frame.focus(`${testId('list-waitingOnClientStatuses')} button[aria-label]`);
    await page.keyboard.press('Enter');
    await frame.focus(field('cadenceDays'));
    await page.keyboard.press('Enter');
    await frame.locator(testId('settings-status')).filter({ hasText: 'Settings saved.' }).waitFor();
    expect((await storedSettings()).settings.waitingOnClientStatuses).toEqual([
      'Waiting for client',
      'Waiting on client',
      'Blocked by client',
    ]);
    await page.close();
  });

  it('chooses a Jira field from /field and a client issue type from the project', async () => {
    const page = await newPage([]);
    const frame = await openSettings(page);
    const sprintOptions = await frame.locator(`${field('fieldOverrides.sprint')} option`).allTextContents();
    expect(sprintOptions[0]).toBe('Discover automatically');
    expect(sprintOptions).toContain('Sprint (customfield_10020)');
    await frame.selectOption(field('fieldOverrides.sprint'), 'customfield_10020');
    await frame.check(testId('visibility-types'));
    const storyType = frame.locator(`${testId('list-clientVisibility.issueTypeIds')} input[type="checkbox"]`).first();
    await storyType.check();
    const typeId = ((await storyType.getAttribute('data-testid')) ?? '').replace('issue-type-', '');
    await frame.click(testId('settings-save'));
    await frame.locator(testId('settings-status')).filter({ hasText: 'Settings saved.' }).waitFor();
    const stored = (await storedSettings()).settings;
    expect(stored.fieldOverrides.sprint).toBe('customfield_10020');
    expect(stored.clientVisibility).toEqual({ mode: 'types', issueTypeIds: [typeId] });
    expect(typeId).toMatch(/^\d+$/u);
    await page.close();
  });

  it('a project admin exports the project’s data as one JSON file', async () => {
    await invokeAs('pm', 'settings/save', { settings: { ...(await storedSettings()).settings, cadenceDays: 12 }, revision: base });
    const page = await newPage([]);
    const frame = await openSettings(page);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click(testId('export-data'))]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^client-followup-${PROJECT_KEY}-\\d{4}-\\d{2}-\\d{2}\\.json$`, 'u'));
    const file = projectExportSchema.parse(JSON.parse(readFileSync(await download.path(), 'utf8')));
    expect(file.project.key).toBe(PROJECT_KEY);
    expect(file.records['settings']).toEqual([expect.objectContaining({ cadenceDays: 12 })]);
    expect(await frame.textContent(testId('export-status'))).toContain(download.suggestedFilename());
    await page.close();
  });

  it('a project admin deletes all app data after typing the project key, and is told how many records went', async () => {
    await invokeAs('pm', 'settings/save', { settings: { ...(await storedSettings()).settings, cadenceDays: 30 }, revision: base });
    const errors: string[] = [];
    const page = await newPage(errors);
    const frame = await openSettings(page, { lang: 'zh-CN' });
    expect(await frame.inputValue(field('cadenceDays'))).toBe('30');
    await frame.click(testId('delete-data'));
    const confirm = testId('delete-confirm-confirm');
    expect(await frame.isDisabled(confirm)).toBe(true);
    await frame.fill(testId('delete-confirm-key'), 'WRONG');
    expect(await frame.isDisabled(confirm)).toBe(true);
    await frame.fill(testId('delete-confirm-key'), PROJECT_KEY);
    await shot(page, 'delete-confirm-zh-CN');
    await frame.click(confirm);
    const status = frame.locator(testId('delete-status'));
    await status.filter({ hasText: '已删除' }).waitFor();
    expect(await status.textContent()).toMatch(/已删除 \d+ 条记录/u);
    await expect.poll(() => frame.inputValue(field('cadenceDays'))).toBe('7');
    expect((await storedSettings()).settings).toEqual(DEFAULT_PROJECT_SETTINGS);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a delete that stops part way says some data may be gone, offers Delete again, and shows what is stored now', async () => {
    await invokeAs('pm', 'settings/save', { settings: { ...(await storedSettings()).settings, cadenceDays: 30 }, revision: base });
    const errors: string[] = [];
    const page = await newPage(errors);
    // The delete runs for real, then storage fails on the way out: the worst case for the message.
    await page.route('**/__local/bridge/*/invoke', async (route) => {
      const body = route.request().postDataJSON() as { functionKey?: string };
      if (body.functionKey !== 'project/delete-data') return route.continue();
      await route.fetch();
      return route.fulfill({
        json: { result: { ok: false, error: { code: 'STORAGE_UNAVAILABLE', message: 'KVS 503 after retries' } } },
      });
    });
    const frame = await openSettings(page);
    expect(await frame.inputValue(field('cadenceDays'))).toBe('30');
    await frame.click(testId('delete-data'));
    await frame.fill(testId('delete-confirm-key'), PROJECT_KEY);
    await frame.click(testId('delete-confirm-confirm'));
    const error = frame.locator(testId('delete-error'));
    await error.waitFor();
    expect(await error.textContent()).toBe(text('en', 'settings.data.deleteStopped'));
    expect(await error.textContent()).not.toContain('Nothing');
    // The settings went with the data: the form shows the defaults now stored, not the 30 it had.
    await expect.poll(() => frame.inputValue(field('cadenceDays'))).toBe('7');
    expect((await storedSettings()).settings).toEqual(DEFAULT_PROJECT_SETTINGS);
    await expect.poll(() => focusedTestId(frame)).toBe('delete-data');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a conflict, "discard my changes and reload" shows the other save and nothing of the PM’s', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    const frame = await openSettings(page);
    await invokeAs('pm', 'settings/save', { settings: { ...(await storedSettings()).settings, clientLabel: 'external' }, revision: base });
    await frame.fill(field('cadenceDays'), '9');
    await frame.click(testId('settings-save'));
    await frame.locator(testId('settings-conflict')).waitFor();
    await frame.locator(testId('conflict-their-fields')).filter({ hasText: 'Client label' }).waitFor();
    await frame.click(testId('settings-reload'));
    await frame.locator(testId('settings-conflict')).waitFor({ state: 'detached' });
    expect(await frame.inputValue(field('clientLabel'))).toBe('external');
    expect(await frame.inputValue(field('cadenceDays'))).toBe('7');
    expect(await frame.isDisabled(testId('settings-save'))).toBe(true);
    expect(await frame.textContent(testId('settings-status'))).toBe('Showing the latest saved settings.');
    // Focus is not lost to the page when the message goes.
    await expect.poll(() => focusedTestId(frame)).toBe('settings-status');
    expect((await storedSettings()).settings).toMatchObject({ clientLabel: 'external', cadenceDays: 7 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps Save and Discard at the bottom of the screen while there are changes, and saves from there without scrolling', async () => {
    for (const [lang, width, theme] of [
      ['en', 375, 'light'],
      ['zh-CN', 375, 'dark'],
      ['en', 1280, 'light'],
    ] as const) {
      const errors: string[] = [];
      const page = await newPage(errors);
      const height = 720;
      await page.setViewportSize({ width, height });
      const frame = await openSettings(page, { lang, theme });
      const bar = frame.locator(testId('settings-actions'));
      const save = frame.locator(testId('settings-save'));
      const inView = async () => {
        const box = await save.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width;
      };
      // Nothing to save: the bar stays where the form ends, far below.
      expect(await bar.getAttribute('data-floating')).toBeNull();
      expect(await inView()).toBe(false);

      await frame.fill(field('clientLabel'), 'client-facing');
      await expect.poll(() => bar.getAttribute('data-floating')).toBe('true');
      await expect.poll(inView).toBe(true);
      expect(await frame.textContent(testId('settings-status'))).toBe(text(lang, 'settings.status.unsaved'));
      // A field reached with Tab is not left under the bar (Chromium centres what it focuses).
      await page.evaluate(() => {
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 1500);
      });
      await expect.poll(inView).toBe(true);
      const inputs = await frame.locator('input[data-testid^="setting-thresholds."]').all();
      let index = 0;
      for (const [i, input] of inputs.entries()) {
        const box = await input.boundingBox();
        if (i > 0 && box !== null && box.y > height) {
          index = i;
          break;
        }
      }
      const below = inputs[index] ?? frame.locator('none');
      expect(index).toBeGreaterThan(0);
      await inputs[index - 1]?.focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedTestId(frame)).toBe(await below.getAttribute('data-testid'));
      await expect
        .poll(async () => {
          const [fieldBox, barBox] = await Promise.all([below.boundingBox(), bar.boundingBox()]);
          return fieldBox !== null && barBox !== null && fieldBox.y + fieldBox.height <= barBox.y && fieldBox.y >= 0;
        })
        .toBe(true);
      // It follows the screen down the form.
      for (const y of [1500, 3000]) {
        await page.evaluate((top) => {
          (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, top);
        }, y);
        await expect.poll(inView, { message: `${lang} ${String(width)} at ${String(y)}` }).toBe(true);
      }
      const horizontal = await frame.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
          .documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(horizontal, `${lang} ${String(width)}: horizontal scroll`).toBeLessThanOrEqual(0);
      expect(await axeViolations(frame), `${lang} ${String(width)}`).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `settings-floating-bar-${lang}-${String(width)}.png`) });

      // Saved from where the PM is: no scrolling, focus on the status that says so.
      const scrolled = await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY);
      const box = await save.boundingBox();
      if (box === null) throw new Error('Save has no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await frame
        .locator(testId('settings-status'))
        .filter({ hasText: text(lang, 'settings.status.saved') })
        .waitFor();
      await expect.poll(() => focusedTestId(frame)).toBe('settings-status');
      expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(scrolled);
      expect((await storedSettings()).settings.clientLabel).toBe('client-facing');
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `settings-floating-saved-${lang}-${String(width)}.png`) });

      // At the end of the form the bar is back in its place.
      await frame.fill(field('thresholds.commsLateAmberDays'), '3');
      await frame.locator(testId('settings-reset')).scrollIntoViewIfNeeded();
      await expect.poll(() => bar.getAttribute('data-floating')).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
      await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY });
    }
  });

  it('is accessible (axe) and fits a 375 px screen, light and dark, in both languages', async () => {
    for (const [lang, theme] of [
      ['en', 'light'],
      ['zh-CN', 'dark'],
    ] as const) {
      const page = await newPage([]);
      await page.setViewportSize({ width: 375, height: 800 });
      const frame = await openSettings(page, { lang, theme });
      await frame.fill(field('thresholds.overdueAmber'), '1');
      expect(await axeViolations(frame), `${lang} ${theme}`).toEqual([]);
      const overflow = await frame.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
          .documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, `${lang} ${theme}: horizontal scroll`).toBeLessThanOrEqual(0);
      await shot(page, `375-${lang}-${theme}`);
      await page.close();
    }
  });

  it('tells an outsider they have no access to the project, without a Retry that could only fail again', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const page = await newPage([]);
      const query = new URLSearchParams({ lang, theme: 'light', user: LOCAL_ACCOUNTS.outsider.accountId });
      await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/settings?${query.toString()}`);
      const frame = await frameOf(page, PAGE_MODULE);
      const message = frame.locator(`${testId('settings')} ${testId('error-message')}`);
      await message.waitFor();
      expect(await message.getAttribute('data-error-code')).toBe('FORBIDDEN');
      expect(await message.textContent()).toBe(COMMON_MESSAGES[lang]['error.FORBIDDEN']);
      expect(await frame.textContent(`${testId('settings')} ${testId('error-heading')}`)).toBe(
        COMMON_MESSAGES[lang]['error.heading.FORBIDDEN'],
      );
      expect(await frame.locator(testId('retry-button')).count()).toBe(0);
      await shot(page, `outsider-${lang}`);
      await page.close();
    }
  });
});
