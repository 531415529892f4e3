/**
 * The Changes section end to end, in English and Chinese: the real bridge, resolvers, storage
 * and emulator accounts. The PM raises a change request linking the issues that joined the next
 * milestone after its baseline, sends it to the client and records the client's approval; the
 * table's totals follow, the Overview's scope tile re-baselines, and the report shows the
 * milestone's original and new targets. A Browse-only viewer reads the same table and cannot
 * change it.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { CHANGE_MESSAGES } from '../../contract/i18n/change-messages';
import { statusReportSchema, type StatusReportJson } from '../../contract/report';
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

const text = (lang: Language, key: keyof (typeof CHANGE_MESSAGES)['en']) => CHANGE_MESSAGES[lang][key];

async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function internalReport(): Promise<StatusReportJson> {
  const answer = (await invokeAs('pm', 'project/report', { audience: 'internal', lang: 'en' })) as { data: unknown };
  return statusReportSchema.parse(answer.data);
}

async function open(page: Page, role: AccountRole, lang: Language, section: string, ready: string): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme: lang === 'en' ? 'light' : 'dark', user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}${section}?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId(ready), { timeout: 60_000 });
  return frame;
}

async function scopeTile(page: Page, lang: Language): Promise<{ rag: string | null; text: string }> {
  const overview = await open(page, 'pm', lang, '', 'health-tiles');
  const tile = overview.locator(testId('health-tile-scope'));
  return { rag: await tile.getAttribute('data-rag'), text: (await tile.textContent()) ?? '' };
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

beforeEach(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  expect(await invokeAs('pm', 'project/refresh', {})).toMatchObject({ ok: true });
});

describe('the Changes section', () => {
  it.each(['en', 'zh-CN'] as const)(
    '(%s) the PM raises a request, sends it to the client, records the approval; totals, scope tile and report follow',
    async (lang) => {
      const errors: string[] = [];
      const page = await host.browser.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));

      const before = await internalReport();
      const added = before.dimensions.scope.measures.find((m) => m.id === 'scopeCreep')?.evidence ?? [];
      expect(added.length).toBeGreaterThan(0);
      const next = before.sections.milestones.find((m) => !m.released && m.releaseDate !== null);
      if (!next?.releaseDate) throw new Error('the demo has a dated milestone');
      const newTarget = `${String(Number(next.releaseDate.slice(0, 4)) + 1)}${next.releaseDate.slice(4)}`;
      const tileBefore = await scopeTile(page, lang);

      const frame = await open(page, 'pm', lang, '/changes', 'changes-board');
      expect(await frame.textContent('#cf-changes-heading')).toBe(text(lang, 'changes.heading'));
      expect(await frame.textContent(testId('changes-empty'))).toBe(text(lang, 'changes.empty'));

      // A blank title and a bad currency are refused beside their fields.
      await frame.click(testId('changes-add'));
      await frame.fill(testId('changes-costAmount'), '1000');
      await frame.fill(testId('changes-currency'), 'euros');
      await frame.click(testId('changes-save'));
      expect(await frame.textContent(testId('changes-error-title'))).toBe(text(lang, 'changes.error.required'));
      expect(await frame.textContent(testId('changes-error-currency'))).toBe(text(lang, 'changes.error.currency'));
      expect(await frame.getAttribute(testId('changes-title'), 'aria-invalid')).toBe('true');

      await frame.fill(testId('changes-title'), 'Single sign-on');
      await frame.fill(testId('changes-requester'), 'Li Na');
      await frame.fill(testId('changes-description'), 'Log in with the client’s identity provider.');
      await frame.fill(testId('changes-internalNote'), 'Needs the platform team.');
      await frame.fill(testId('changes-scheduleDays'), '5');
      await frame.fill(testId('changes-effortHours'), '40');
      await frame.fill(testId('changes-currency'), 'EUR');
      await frame.fill(testId('changes-linkedIssues'), added.slice(0, 50).join(', '));
      await frame.selectOption(testId('changes-milestoneId'), next.id);
      await frame.fill(testId('changes-newTarget'), newTarget);
      await expectAxeClean(frame);
      await frame.click(testId('changes-save'));
      await frame.waitForSelector(testId('changes-table'));
      expect(await frame.getAttribute(testId('changes-total-proposed'), 'data-count')).toBe('1');

      const rowId = async () =>
        ((await frame.getAttribute('[data-testid^="changes-row-"]', 'data-testid')) ?? '').replace('changes-row-', '');
      const id = await rowId();
      const row = () => frame.locator(testId(`changes-row-${id}`));
      await frame.click(testId(`changes-move-${id}-assessing`));
      await expect.poll(() => row().getAttribute('data-status')).toBe('assessing');
      await frame.click(testId(`changes-move-${id}-awaiting-client`));
      await expect.poll(() => row().getAttribute('data-status')).toBe('awaiting-client');
      expect(await frame.getAttribute(testId('changes-total-awaiting-client'), 'data-count')).toBe('1');

      // The approval needs the client's name; the form starts from the requester's.
      await frame.click(testId(`changes-move-${id}-approved`));
      await frame.fill(testId('changes-decider'), '');
      await frame.click(testId('changes-decide-confirm'));
      expect(await frame.textContent(testId('changes-error-decider'))).toBe(text(lang, 'changes.error.decider'));
      await frame.fill(testId('changes-decider'), 'Wang Fang');
      await expectAxeClean(frame);
      await frame.click(testId('changes-decide-confirm'));
      await expect.poll(() => row().getAttribute('data-status')).toBe('approved');
      expect(await frame.getAttribute(testId('changes-total-approved'), 'data-count')).toBe('1');
      expect(await frame.getAttribute(testId('changes-total-awaiting-client'), 'data-count')).toBe('0');
      const approvedTotals = (await frame.textContent(testId('changes-total-approved'))) ?? '';
      expect(approvedTotals).toContain(text(lang, 'changes.impact.days').replace('{days}', '+5'));
      expect(approvedTotals).toContain('1,000.00');
      expect(await row().textContent()).toContain(text(lang, 'changes.status.approved'));
      await page.setViewportSize({ width: 375, height: 800 });
      expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `changes-pm-${lang}-375.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Re-baselined: the linked issues are no longer scope creep, the milestone moved with its original kept.
      const after = await internalReport();
      const creepAfter = after.dimensions.scope.measures.find((m) => m.id === 'scopeCreep');
      expect(creepAfter?.evidence.filter((key) => added.slice(0, 50).includes(key))).toEqual([]);
      expect(after.sections.milestones.find((m) => m.id === next.id)).toMatchObject({
        releaseDate: newTarget,
        originalReleaseDate: next.releaseDate,
      });
      expect(after.sections.changeRequests?.items[0]).toMatchObject({ status: 'approved', decision: { by: 'Wang Fang' } });
      const tileAfter = await scopeTile(page, lang);
      expect(tileAfter.text).not.toBe(tileBefore.text);

      // The draft report on the Overview lists the request under its own heading.
      const overview = await frameOf(page, PAGE_MODULE);
      const draftChanges = overview.locator(testId('report-change'));
      if ((await draftChanges.count()) === 0) await overview.locator(testId('report-changes')).locator('button').first().click();
      expect(await overview.locator(testId('report-change')).first().textContent()).toContain('Single sign-on');

      // A Browse-only viewer reads the table and cannot change it.
      const viewer = await open(page, 'viewer', lang, '/changes', 'changes-board');
      expect(await viewer.getAttribute(testId('changes-board'), 'data-can-edit')).toBe('false');
      expect(await viewer.textContent(testId('changes-read-only'))).toBe(text(lang, 'changes.readOnly'));
      expect(await viewer.locator(testId('changes-add')).count()).toBe(0);
      expect(await viewer.locator(`[data-testid^="changes-move-"]`).count()).toBe(0);
      await expectAxeClean(viewer);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
