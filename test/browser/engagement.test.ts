/**
 * The Engagement section end to end: the real bridge, resolvers, storage and emulator accounts.
 * The PM records what was agreed (errors beside the fields first), ticks "KPIs agreed" and sees
 * the kick-off checklist follow, moves the phase along its lifecycle (closing asks first); in
 * Chinese and dark, a viewer reads it without any way to change it.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { engagementViewSchema } from '../../contract/engagement';
import { ENGAGEMENT_MESSAGES } from '../../contract/i18n/engagement-messages';
import { COMMITMENT_MESSAGES } from '../../contract/i18n/commitment-messages';
import { describeCommitments } from '../../contract/i18n/commitment-sentences';
import { settingsViewSchema } from '../../contract/settings';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { aPlan } from '../support/comms-builders';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof ENGAGEMENT_MESSAGES)['en']) => ENGAGEMENT_MESSAGES[lang][key];

async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function stored() {
  const answer = (await invokeAs('pm', 'engagement/get', {})) as { data: unknown };
  return engagementViewSchema.parse(answer.data).engagement;
}

async function openEngagement(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/engagement?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('engagement-form'));
  await frame.waitForSelector(testId('engagement-checklist'));
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

/** The commitments the section lists, and what `describeCommitments` makes of the stored settings and engagement. */
async function commitments(frame: Frame, lang: Language) {
  const shown = await frame.locator(`${testId('engagement-commitments')} li`).allTextContents();
  const settings = settingsViewSchema.parse(((await invokeAs('pm', 'settings/get', {})) as { data: unknown }).data).settings;
  return { shown, expected: describeCommitments(settings, await stored(), lang).map((c) => c.text) };
}

const done = (frame: Frame, item: string) => frame.getAttribute(testId(`engagement-checklist-${item}`), 'data-done');

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  // The contacts come from the communication plan.
  const plan = (await invokeAs('pm', 'comms/get', {})) as { data: { revision: number } };
  expect(await invokeAs('pm', 'comms/save', { plan: aPlan(), revision: plan.data.revision })).toMatchObject({ ok: true });
});

describe('the Engagement section', () => {
  it('the PM records the engagement, the checklist follows, and the phase moves along its lifecycle', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openEngagement(page, 'pm', 'en', 'light');
    expect(await frame.getAttribute(testId('engagement-phase-current'), 'data-phase')).toBe('kick-off');
    // The contacts are the plan's stakeholders, the client's first.
    await frame.waitForSelector(testId('engagement-contact-client'));
    const contacts = frame.locator('[data-testid^="engagement-contact-"]');
    expect(await contacts.count()).toBe(2);
    expect(await contacts.nth(0).getAttribute('data-side')).toBe('client');
    expect(await contacts.nth(1).getAttribute('data-side')).toBe('internal');
    expect(await frame.textContent(testId('engagement-contact-client'))).toContain('Chen Li');
    expect(await done(frame, 'kpis-agreed')).toBe('false');

    // Bad values are refused beside their fields; nothing is stored.
    await frame.fill(testId('engagement-clientName'), 'Globex Corporation');
    await frame.fill(testId('engagement-budgetHours'), 'lots');
    await frame.fill(testId('engagement-budgetAmount'), '150,000');
    await frame.fill(testId('engagement-currency'), 'euro');
    await frame.click(testId('engagement-save'));
    expect(await frame.textContent(testId('engagement-error-budgetHours'))).toBe(text('en', 'engagement.error.hours'));
    expect(await frame.textContent(testId('engagement-error-currency'))).toBe(text('en', 'engagement.error.currency'));
    expect((await stored()).clientName).toBe('');

    await frame.fill(testId('engagement-budgetHours'), '1,200');
    await frame.fill(testId('engagement-currency'), 'eur');
    await frame.fill(testId('engagement-scope'), 'A customer portal with single sign-on.');
    await frame.click(testId('engagement-deliverable-add'));
    await frame.fill(testId('engagement-deliverables.0-name'), 'Portal MVP');
    await frame.fill(testId('engagement-deliverables.0-epics'), 'acme-1');
    await frame.click(testId('engagement-standard-add'));
    await frame.fill(testId('engagement-standard-0-priorities'), 'Highest, High');
    await frame.check(testId('engagement-supportOn'));
    await frame.fill(testId('engagement-clientLabel'), 'client-reported');
    await frame.check(testId('engagement-kpisAgreed'));
    await frame.click(testId('engagement-save'));
    await frame.waitForSelector(`${testId('engagement-saved')}:has-text("${text('en', 'engagement.saved')}")`);
    const saved = await stored();
    expect(saved).toMatchObject({
      clientName: 'Globex Corporation',
      budget: { hours: 1200, money: { amount: 150000, currency: 'EUR' } },
      deliverables: [{ name: 'Portal MVP', epicKeys: ['ACME-1'] }],
      qualityStandards: [{ kind: 'no-open-bugs-at-priority', priorities: ['Highest', 'High'] }],
      support: { responseHours: 8, resolutionHours: 72, clientLabel: 'client-reported' },
    });
    expect(saved.kpisAgreedAt).not.toBeNull();
    await frame.waitForSelector(`${testId('engagement-checklist-kpis-agreed')}[data-done="true"]`);

    // The commitments to the client follow the saved standards and support targets, and the settings' thresholds.
    await frame.waitForSelector(`${testId('engagement-commitments-support')} li[data-source="response"]`);
    const listed = await commitments(frame, 'en');
    expect(listed.shown).toEqual(listed.expected);
    expect(listed.shown).toContain('No open bug at priority Highest, High at acceptance');
    expect(listed.shown).toContain('First response to issues you report within 8 hours');
    expect(await frame.textContent(testId('engagement-commitments-note'))).toBe(COMMITMENT_MESSAGES.en['commitments.settingsNote']);

    // The phase: kick-off → delivery → acceptance; closing asks first.
    await frame.click(testId('engagement-move-delivery'));
    await frame.waitForSelector(`${testId('engagement-phase-current')}[data-phase="delivery"]`);
    await frame.click(testId('engagement-move-acceptance'));
    await frame.waitForSelector(`${testId('engagement-phase-current')}[data-phase="acceptance"]`);
    await frame.click(testId('engagement-move-closed'));
    await frame.waitForSelector(testId('engagement-close-confirm'));
    expect((await stored()).phase).toBe('acceptance');
    // The form still saves after the phase moved (its revision follows).
    await frame.fill(testId('engagement-clientName'), 'Globex Corp.');
    await frame.click(testId('engagement-save'));
    await frame.waitForSelector(`${testId('engagement-saved')}:has-text("${text('en', 'engagement.saved')}")`);
    expect(await stored()).toMatchObject({ clientName: 'Globex Corp.', phase: 'acceptance' });

    await expectAxeClean(frame);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'engagement-pm-en-light-375.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese and dark, a viewer reads the engagement without any way to change it', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openEngagement(page, 'viewer', 'zh-CN', 'dark');
    expect(await frame.textContent('h2')).toBe(text('zh-CN', 'engagement.heading'));
    expect(await frame.textContent(testId('engagement-read-only'))).toBe(text('zh-CN', 'engagement.readOnly'));
    expect(await frame.isDisabled(testId('engagement-clientName'))).toBe(true);
    expect(await frame.$(testId('engagement-save'))).toBeNull();
    expect(await frame.$(testId('engagement-move-closed'))).toBeNull();
    await frame.waitForSelector(`${testId('engagement-commitments')} li`);
    const listed = await commitments(frame, 'zh-CN');
    expect(listed.shown).toEqual(listed.expected);
    expect(listed.shown).toContain('您报告的事务在 8 小时内首次响应');
    expect(await frame.textContent('#cf-commitments-heading')).toBe(COMMITMENT_MESSAGES['zh-CN']['commitments.heading']);
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'engagement-viewer-zh-CN-dark.png'), fullPage: true });
    await page.close();
  });
});
