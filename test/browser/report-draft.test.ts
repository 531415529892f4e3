/**
 * The draft review in the Reports section (issue 11): the PM reads the narratives the app
 * drafted, writes the client's own, rewords one line and hides another from the client's
 * version, saves, and sees both audiences side by side (stacked at 375 px) as they will be
 * published; then resets the client's narrative to the drafted one. English in light, Chinese
 * in dark, axe-clean, no sideways scroll.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { NARRATIVE_MESSAGES } from '../../contract/i18n/narrative-messages';
import { reportDraftViewSchema } from '../../contract/reports';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { resolverCaller } from '../support/contexts';
import { aClientStakeholder, aPlan } from '../support/comms-builders';
import { frameOf, testId } from '../support/frames';
import { demoProject } from '../support/local-app';

const { datasets, demo } = demoProject();
const PAGE_MODULE = 'client-followup-project-page';
const host = useBrowserHost(datasets);
const text = (lang: Language, key: keyof (typeof NARRATIVE_MESSAGES)['en']) => NARRATIVE_MESSAGES[lang][key];

const invokeAs = resolverCaller(() => host.app, demo.project);

async function openReports(page: Page, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS.pm.accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}/reports?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('draft-editor'));
  return frame;
}

const box = async (frame: Frame, selector: string) => {
  const found = await (await frame.waitForSelector(selector)).boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return found;
};

beforeEach(async () => {
  // Each case starts from the app's draft: no texts of the PM.
  const view = reportDraftViewSchema.parse((await invokeAs('pm', 'report/draft-get', {})).data);
  expect((await invokeAs('pm', 'report/draft-save', { draft: { override: null }, revision: view.revision })).ok).toBe(true);
});

describe('the draft review', () => {
  it.each([
    ['en', 'light'],
    ['zh-CN', 'dark'],
  ] as const)('in %s (%s): the PM edits the narratives and the client’s lines and previews both audiences', async (lang, theme) => {
    // Client stakeholders who read each language: writing in one only draws a warning.
    const comms = (await invokeAs('pm', 'comms/get', {})).data as { revision: number };
    const stakeholders = [
      aClientStakeholder(),
      aClientStakeholder({ id: 'ana', name: 'Ana Díaz', email: 'ana@client.example', language: 'en' }),
    ];
    expect((await invokeAs('pm', 'comms/save', { plan: aPlan({ stakeholders, series: [] }), revision: comms.revision })).ok).toBe(true);
    const other: Language = lang === 'en' ? 'zh-CN' : 'en';
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    let frame = await openReports(page, lang, theme);

    // The app's drafts, marked as such.
    const draftedClient = await frame.inputValue(testId('draft-narrative-client'));
    expect(draftedClient.length).toBeGreaterThan(20);
    expect(await frame.inputValue(testId('draft-narrative-internal'))).not.toBe('');
    expect(await frame.textContent(testId('draft-narrative-client-state'))).toBe(text(lang, 'narrative.editor.isDrafted'));
    expect(await frame.isDisabled(testId('draft-narrative-client-reset'))).toBe(true);

    // The PM's own words for the client, a reworded line and a hidden one.
    const words = lang === 'en' ? 'We are on course for the launch.' : '我们正按计划推进上线。';
    expect(await frame.getAttribute(testId(`draft-language-${lang}`), 'aria-pressed')).toBe('true');
    expect(await frame.$(testId('draft-narrative-client-one-language'))).toBeNull();
    await frame.fill(testId('draft-narrative-client'), words);
    expect(await frame.textContent(testId('draft-narrative-client-state'))).toBe(text(lang, 'narrative.editor.isEdited'));
    expect(await frame.getAttribute(testId('draft-narrative-client-languages'), 'data-written')).toBe(lang);
    // Only one language written while clients read both: the editor says who reads the drafted text.
    await frame.waitForSelector(testId('draft-narrative-client-one-language'));
    // The other language keeps its own drafted narrative.
    await frame.click(testId(`draft-language-${other}`));
    expect(await frame.getAttribute(testId('draft-narrative-client-field'), 'data-lang')).toBe(other);
    expect(await frame.inputValue(testId('draft-narrative-client'))).not.toBe(words);
    expect(await frame.textContent(testId('draft-narrative-client-state'))).toBe(text(lang, 'narrative.editor.isDrafted'));
    await frame.click(testId(`draft-language-${lang}`));
    expect(await frame.inputValue(testId('draft-narrative-client'))).toBe(words);
    // The plan back as it was, so the rest of the case reads the demo's report.
    const planned = (await invokeAs('pm', 'comms/get', {})).data as { revision: number };
    expect((await invokeAs('pm', 'comms/save', { plan: aPlan({ stakeholders: [], series: [] }), revision: planned.revision })).ok).toBe(
      true,
    );
    await frame.click(`${testId('draft-lines')} summary`);
    const hiddenLine = (await frame.getAttribute(testId('draft-line-0'), 'data-line')) ?? '';
    expect(hiddenLine).toMatch(/^issue:/u);
    const hiddenKey = hiddenLine.slice('issue:'.length);
    await frame.click(testId('draft-line-hide-0'));
    expect(await frame.getAttribute(testId('draft-line-hide-0'), 'aria-pressed')).toBe('true');
    expect(await frame.textContent(testId('draft-line-hide-0'))).toBe(text(lang, 'narrative.editor.show'));
    await frame.waitForSelector(testId('draft-line-hidden-0'));
    const reworded = lang === 'en' ? 'A clearer name for the client' : '更清楚的客户措辞';
    await frame.fill(testId('draft-line-wording-1'), reworded);
    await frame.click(testId('draft-save'));
    await frame.waitForSelector(testId('draft-saved'));
    expect(await frame.textContent(testId('draft-saved'))).toBe(text(lang, 'narrative.editor.saved'));

    // Both audiences side by side, as they will be published.
    await frame.waitForSelector(testId('draft-editor'));
    await frame.click(`${testId('reports-review')} summary`);
    const client = `${testId('reports-preview-client')} ${testId('report-narrative')}`;
    await frame.waitForSelector(`${client}[data-source="pm"]`);
    const clientText = (await frame.textContent(testId('reports-preview-client'))) ?? '';
    expect(clientText).toContain(words);
    expect(clientText).toContain(reworded);
    expect(clientText).not.toMatch(new RegExp(`\\b${hiddenKey}\\b`, 'u'));
    // The other language's client version reads neither the PM's words nor the wording.
    const otherClient = JSON.stringify((await invokeAs('pm', 'project/report', { audience: 'client', lang: other })).data);
    expect(otherClient).not.toContain(words);
    expect(otherClient).not.toContain(reworded);
    await frame.waitForSelector(`${testId('reports-preview-internal')} ${testId('report-narrative')}[data-source="drafted"]`);
    expect(await frame.$(`${testId('reports-preview-internal')} ${testId('narrative-evidence')}`)).not.toBeNull();
    expect(await frame.$(`${testId('reports-preview-client')} ${testId('narrative-evidence')}`)).toBeNull();
    const [wideInternal, wideClient] = [
      await box(frame, testId('reports-preview-internal')),
      await box(frame, testId('reports-preview-client')),
    ];
    expect(wideClient.x).toBeGreaterThan(wideInternal.x + wideInternal.width - 1);
    expect(Math.abs(wideClient.y - wideInternal.y)).toBeLessThan(2);

    // At 375 px the previews stack, nothing scrolls sideways, and axe finds nothing.
    await page.setViewportSize({ width: 375, height: 900 });
    const [narrowInternal, narrowClient] = [
      await box(frame, testId('reports-preview-internal')),
      await box(frame, testId('reports-preview-client')),
    ];
    expect(narrowClient.y).toBeGreaterThanOrEqual(narrowInternal.y + narrowInternal.height - 1);
    await frame.click(`${testId('draft-lines')} summary`);
    expect(await horizontalOverflow(frame)).toBe(0);
    const { violations, passes } = await axeResults(frame);
    expect(violations).toEqual([]);
    expect(passes).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `report-draft-${lang}-${theme}-375.png`), fullPage: true });
    for (const part of ['draft-editor', 'reports-preview-internal', 'reports-preview-client'] as const) {
      await (await frame.waitForSelector(`${testId(part)} > :first-child`)).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `report-draft-${part}-${lang}-${theme}-375.png`) });
    }

    // Reset the client's narrative to the drafted one.
    await frame.click(testId('draft-narrative-client-reset'));
    expect(await frame.textContent(testId('draft-narrative-client-state'))).toBe(text(lang, 'narrative.editor.isDrafted'));
    expect(await frame.inputValue(testId('draft-narrative-client'))).not.toBe(words);
    await frame.click(testId('draft-save'));
    frame = await frameOf(page, PAGE_MODULE);
    await frame.waitForSelector(testId('reports-review'));
    await frame.click(`${testId('reports-review')} summary`);
    await frame.waitForSelector(`${client}[data-source="drafted"]`);
    expect(await frame.inputValue(testId('draft-narrative-client'))).not.toBe(words);
    expect(errors).toEqual([]);
    await page.close();
  });
});
