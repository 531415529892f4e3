/**
 * The Reports section end to end (issue 11): the PM publishes the draft they reviewed, after a
 * confirmation; the history lists it; the report opens as published for either audience and in
 * either language, and exports as Markdown. A Browse-only account reads and cannot publish.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { REPORTS_MESSAGES } from '../../contract/i18n/reports-messages';
import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import { LOCAL_POSTMARK_TOKEN } from '../../local/mail/postmark-relay';
import { aClientStakeholder, aPlan } from '../support/comms-builders';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);
const text = (lang: Language, key: keyof (typeof REPORTS_MESSAGES)['en']) => REPORTS_MESSAGES[lang][key];

async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function openReports(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}/reports?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('reports-section'));
  return frame;
}

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: demo.project.key })).toMatchObject({ ok: true });
});

describe('the Reports section', () => {
  it.each([
    ['en', 'light', 1],
    ['zh-CN', 'dark', 2],
  ] as const)('the PM publishes the reviewed draft in %s (%s), opens it for the client and exports it', async (lang, theme, version) => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 375, height: 900 });
    // After the first test's report, a refresh makes a new draft to publish.
    if (version === 2) expect(await invokeAs('pm', 'project/refresh', {})).toMatchObject({ ok: true });
    const frame = await openReports(page, 'pm', lang, theme);
    await frame.waitForSelector(testId('reports-draft'));
    if (version === 2) {
      await frame.waitForSelector(testId('reports-row-1'));
    } else {
      expect(await frame.textContent(testId('reports-empty'))).toBe(text(lang, 'reports.history.empty'));
    }

    await frame.click(testId('reports-publish'));
    expect(await frame.textContent(testId('reports-confirm'))).toContain(text(lang, 'reports.publish.confirmBody'));
    await frame.click(testId('reports-confirm-publish'));
    await frame.waitForSelector(testId(`reports-row-${String(version)}`));
    expect(await frame.textContent(testId('reports-published'))).toBe(
      text(lang, 'reports.publish.done').replace('{version}', String(version)),
    );
    expect(await horizontalOverflow(frame)).toBe(0);
    const { violations } = await axeResults(frame);
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `reports-${lang}-${theme}-375.png`), fullPage: true });

    await frame.click(`${testId(`reports-row-${String(version)}`)} button`);
    await frame.waitForSelector(testId('reports-viewer-body'));
    await frame.click(`${testId('audience-toggle')} button:nth-child(2)`);
    await frame.waitForSelector(`${testId('reports-viewer-body')} [data-testid="client-preview-banner"], ${testId('reports-viewer-body')}`);
    if (lang === 'en') {
      // The page is in English; the report shown in Chinese has Chinese labels too, as its export.
      await frame.selectOption(testId('reports-lang'), 'zh-CN');
      await frame.waitForFunction(
        (selector) =>
          (globalThis as unknown as { document: { querySelector: (s: string) => { textContent: string } | null } }).document
            .querySelector(selector)
            ?.textContent.includes('里程碑') ?? false,
        testId('reports-viewer-body'),
      );
      expect((await frame.textContent(testId('reports-viewer-body'))) ?? '').not.toMatch(/Milestones|Period/u);
      await frame.selectOption(testId('reports-lang'), 'en');
      await frame.waitForSelector(`${testId('reports-viewer-body')}[lang="en"]`);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click(testId('reports-export-markdown'))]);
    expect(download.suggestedFilename()).toBe(`${demo.project.key}-status-report-v${String(version)}-client-${lang}.md`);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain(demo.project.name);
    expect(markdown).not.toMatch(/⟦internal⟧/u);
    const [eml] = await Promise.all([page.waitForEvent('download'), frame.click(testId('reports-export-email'))]);
    expect(eml.suggestedFilename()).toBe(`${demo.project.key}-status-report-v${String(version)}-client-${lang}.eml`);
    expect(readFileSync(await eml.path(), 'utf8')).toMatch(/^X-Unsent: 1$/mu);
    await frame.waitForSelector(testId('reports-email-note'));
    // Copy as e-mail: whatever the browser allows, the PM is told what was copied, or offered the .eml.
    await frame.click(testId('reports-copy-email'));
    await frame.waitForSelector(testId('reports-copy-note'));
    const outcome = await frame.getAttribute(testId('reports-copy-note'), 'data-outcome');
    const note = (await frame.textContent(testId('reports-copy-note'))) ?? '';
    if (outcome === 'denied') {
      expect(note).toContain(text(lang, 'reports.viewer.copyDenied'));
      const [again] = await Promise.all([page.waitForEvent('download'), frame.click(testId('reports-copy-eml'))]);
      expect(again.suggestedFilename()).toMatch(/\.eml$/u);
    } else {
      expect(['copied', 'plainOnly']).toContain(outcome);
      expect(note).toContain(demo.project.name);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `reports-viewer-${lang}-${theme}-375.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the PM sets up e-mail delivery and sends a report: each stakeholder gets it once, in their language', async () => {
    const stakeholders = [
      aClientStakeholder(),
      aClientStakeholder({ id: 'gone', name: 'Old Contact', email: 'old@bounce.invalid', language: 'en' }),
    ];
    const current = (await invokeAs('pm', 'comms/get', {})) as { data: { revision: number } };
    expect(
      await invokeAs('pm', 'comms/save', { plan: aPlan({ stakeholders, series: [] }), revision: current.data.revision }),
    ).toMatchObject({
      ok: true,
    });
    host.app.mail.clear();
    const page = await host.browser.context.newPage();
    const frame = await openReports(page, 'pm', 'en', 'light');
    await frame.click(`${testId('mail-settings')} summary`);
    await frame.fill(testId('mail-name'), 'Pat Manager');
    await frame.fill(testId('mail-address'), 'pat@acme.example');
    await frame.fill(testId('mail-key'), LOCAL_POSTMARK_TOKEN);
    await frame.click(testId('mail-save'));
    await frame.waitForSelector(testId('mail-saved'));
    expect(await frame.inputValue(testId('mail-key'))).toBe('');

    await frame.click(`${testId('reports-row-1')} button`);
    await frame.click(testId('send'));
    // The confirmation says who it reaches before anything goes.
    await frame.waitForSelector(testId('send-recipients'));
    expect(await frame.textContent(testId('send-recipient-chen@client.example'))).toBe('Chen Li <chen@client.example> · Client, 简体中文');
    expect(await frame.$(testId('send-recipient-old@bounce.invalid'))).not.toBeNull();
    await frame.click(testId('send-go'));
    await frame.waitForSelector(testId('deliveries'));
    expect(await frame.getAttribute(testId('delivery-chen@client.example'), 'data-state')).toBe('sent');
    expect(await frame.getAttribute(testId('delivery-old@bounce.invalid'), 'data-state')).toBe('rejected');
    expect(host.app.mail.list().map((m) => [m.envelope.to[0], m.language])).toEqual([['chen@client.example', 'zh-CN']]);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'reports-delivery-en-light.png'), fullPage: true });

    // The button now offers to reach those not reached; doing so mails nobody twice.
    await frame.click(testId('send'));
    await frame.click(testId('send-go'));
    await frame.waitForSelector(testId('deliveries'));
    expect(host.app.mail.list()).toHaveLength(1);
    await page.close();
  });

  it('the PM reports another overall status, only with a reason, and the draft says both', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openReports(page, 'pm', 'en', 'dark');
    await frame.waitForSelector(testId('override-form'));
    const computed = (await frame.getAttribute(`${testId('reports-draft-rag')} [data-rag]`, 'data-rag')) ?? 'red';
    const other = computed === 'green' ? 'amber' : 'green';
    await frame.selectOption(testId('override-rag'), other);
    await frame.click(testId('override-apply'));
    expect(await frame.textContent(testId('override-error-reason'))).toBe(text('en', 'reports.override.reasonRequired'));
    await frame.fill(testId('override-reason'), 'The client agreed the new date');
    await frame.click(testId('override-apply'));
    await frame.waitForSelector(`${testId('reports-draft-rag')} [data-rag="${other}"]`);
    expect(await frame.textContent(testId('reports-draft'))).toContain('computed');
    expect(await frame.textContent(testId('reports-draft-override'))).toContain('Reason given: The client agreed the new date');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'reports-override-en-dark.png'), fullPage: true });
    await page.close();
  });

  it('lets a Browse-only account read the history but not publish', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openReports(page, 'viewer', 'en', 'light');
    await frame.waitForSelector(testId('reports-read-only'));
    expect(await frame.$(testId('reports-publish'))).toBeNull();
    await frame.waitForSelector(testId('reports-row-1'));
    await page.close();
  });
});
