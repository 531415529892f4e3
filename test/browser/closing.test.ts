/**
 * Closing a project end to end (issue 13): the real bridge, resolvers, storage and emulator
 * accounts. The PM records the lessons learned with the team and the client (errors beside the
 * fields first), previews the closing report for both audiences, publishes it after a
 * confirmation and the project closes; in Chinese and dark, the closing report is in the
 * Reports history with its label and reads in Chinese.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { engagementViewSchema } from '../../contract/engagement';
import { retroViewSchema } from '../../contract/closing';
import { CLOSING_MESSAGES } from '../../contract/i18n/closing-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { resolverCaller } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PROJECT_KEY = demo.project.key;
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);

const text = (lang: Language, key: keyof (typeof CLOSING_MESSAGES)['en']) => CLOSING_MESSAGES[lang][key];

const invokeAs = resolverCaller(() => host.app, demo.project);

async function open(
  page: Page,
  section: 'engagement' | 'reports',
  role: AccountRole,
  lang: Language,
  theme: 'light' | 'dark',
): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/${section}?${query.toString()}`);
  return frameOf(page, PAGE_MODULE);
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  // The project reaches support, with data read once (the preview publishes what was reviewed).
  expect((await invokeAs('pm', 'project/report', { audience: 'internal', lang: 'en' })).ok).toBe(true);
  let view = engagementViewSchema.parse((await invokeAs('pm', 'engagement/get', {})).data);
  for (const phase of ['delivery', 'acceptance', 'support'] as const) {
    const answer = await invokeAs('pm', 'engagement/save', {
      engagement: { ...view.engagement, clientName: 'Globex', phase },
      revision: view.revision,
    });
    view = engagementViewSchema.parse(answer.data);
  }
  expect((await invokeAs('pm', 'feedback/add', { rating: 4, source: 'pm', submissionId: 'b1', comment: 'Good demos' })).ok).toBe(true);
});

describe('closing the project', () => {
  it('the PM records the retro, previews both audiences, publishes and the project closes', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await open(page, 'engagement', 'pm', 'en', 'light');
    await frame.waitForSelector(testId('closing-retro-form'));
    await frame.waitForSelector(testId('closing-report'));

    // An empty line is refused beside its field; nothing is stored.
    await frame.click(testId('closing-add-wentWell'));
    await frame.click(testId('closing-retro-save'));
    await frame.waitForSelector(`#${await frame.getAttribute(testId('closing-wentWell-0'), 'aria-describedby')}`);
    expect(await frame.getAttribute(testId('closing-wentWell-0'), 'aria-invalid')).toBe('true');
    expect(retroViewSchema.parse((await invokeAs('pm', 'closing/retro-get', {})).data).retro.wentWell).toEqual([]);

    await frame.fill(testId('closing-wentWell-0'), 'Weekly demos <b>kept</b> everyone aligned');
    await frame.click(testId('closing-add-toChange'));
    await frame.fill(testId('closing-toChange-0'), 'Agree test data before the first sprint');
    await frame.click(testId('closing-add-participant'));
    await frame.fill(testId('closing-participant-0'), 'Pat Lead');
    await frame.click(testId('closing-add-participant'));
    await frame.fill(testId('closing-participant-1'), 'Gina Globex');
    await frame.selectOption(`${testId('closing-retro-participants-form')} li:nth-child(2) select`, 'client');
    await frame.click(testId('closing-add-action'));
    await frame.fill(testId('closing-action-0'), 'Write a test-data checklist');
    await frame.fill(testId('closing-action-owner-0'), 'Pat');
    await frame.fill(testId('closing-internal-note'), 'TEAM-ONLY budget was tight');
    await frame.click(testId('closing-retro-save'));
    await frame.waitForSelector(`${testId('closing-retro-saved')}:has-text("${text('en', 'closing.retro.saved')}")`);
    const stored = retroViewSchema.parse((await invokeAs('pm', 'closing/retro-get', {})).data).retro;
    expect(stored).toMatchObject({
      participants: [
        { name: 'Pat Lead', side: 'internal' },
        { name: 'Gina Globex', side: 'client' },
      ],
      wentWell: [{ text: 'Weekly demos <b>kept</b> everyone aligned' }],
      actions: [{ text: 'Write a test-data checklist', owner: 'Pat', jiraIssueKey: null }],
      internalNote: 'TEAM-ONLY budget was tight',
    });

    // A saved action becomes a Jira issue once; its key shows on the action.
    await frame.click(testId('closing-action-create-issue-0'));
    const created = await frame.waitForSelector(testId('closing-action-issue-0'));
    const key = /[A-Z][A-Z0-9_]*-\d+/u.exec((await created.textContent()) ?? '')?.[0];
    expect(key).toBeDefined();
    expect(retroViewSchema.parse((await invokeAs('pm', 'closing/retro-get', {})).data).retro.actions[0]?.jiraIssueKey).toBe(key);

    // The preview follows the save; the team's version has the note, the client's has not.
    await frame.waitForSelector(`${testId('closing-retro-went-well')}:has-text("Weekly demos <b>kept</b> everyone aligned")`);
    expect(await frame.textContent(testId('closing-retro-note'))).toContain('TEAM-ONLY');
    await frame.click(`${testId('closing-preview')} ${testId('audience-client')}`);
    await frame.waitForSelector(`${testId('closing-report')}[data-audience="client"]`);
    expect(await frame.textContent(testId('closing-report'))).not.toContain('TEAM-ONLY');
    expect(await frame.textContent(testId('closing-satisfaction'))).toContain('CSAT 4.0');

    await expectAxeClean(frame);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'closing-pm-en-light-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Publishing asks first, then closes the project.
    await frame.click(testId('closing-publish'));
    await frame.waitForSelector(testId('closing-publish-confirm'));
    const before = engagementViewSchema.parse((await invokeAs('pm', 'engagement/get', {})).data);
    expect(before.engagement.phase).toBe('support');
    await frame.click(testId('closing-publish-yes'));
    await frame.waitForSelector(testId('closing-published'));
    await frame.waitForSelector(`${testId('engagement-phase-current')}[data-phase="closed"]`);
    expect(engagementViewSchema.parse((await invokeAs('pm', 'engagement/get', {})).data).engagement.phase).toBe('closed');
    expect(await frame.$(testId('closing-publish'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('in %s and %s, the closing report is in the Reports history and reads in that language', async (lang, theme) => {
    const page = await host.browser.context.newPage();
    const frame = await open(page, 'reports', 'viewer', lang, theme);
    await frame.waitForSelector(testId('reports-history'));
    const row = testId('reports-row-1');
    expect(await frame.textContent(row)).toContain(text(lang, 'closing.report.label'));
    await frame.click(`${row} button`);
    await frame.waitForSelector(`${testId('reports-viewer')}[data-kind="closing"] ${testId('closing-report')}`);
    const body = await frame.textContent(testId('reports-viewer-body'));
    expect(body).toContain(text(lang, 'closing.kpis.heading'));
    expect(body).toContain(text(lang, 'closing.retro.wentWell'));
    expect(body).toContain('Weekly demos <b>kept</b> everyone aligned');
    expect(await frame.$('b')).toBeNull();
    await frame.click(`${testId('reports-viewer')} ${testId('audience-client')}`);
    await frame.waitForSelector(`${testId('closing-report')}[data-audience="client"]`);
    expect(await frame.textContent(testId('reports-viewer-body'))).not.toContain('TEAM-ONLY');
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `closing-report-${lang}-${theme}.png`), fullPage: true });
    await page.close();
  });
});
