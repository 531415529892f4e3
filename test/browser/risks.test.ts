/**
 * The Risks section end to end: the real bridge, resolvers, storage and emulator accounts. The
 * PM adds a risk (errors beside the fields first), sees it in the matrix and filters by a cell,
 * promotes a derived signal, converts a risk into a Jira issue and finds only the client-visible
 * risk in the client's report; in Chinese, a risk is added and a viewer reads without any way to
 * change the register.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { RISK_REGISTER_MESSAGES } from '../../contract/i18n/risk-register-messages';
import { registerRiskSchema } from '../../contract/risks';
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

const text = (lang: Language, key: keyof (typeof RISK_REGISTER_MESSAGES)['en']) => RISK_REGISTER_MESSAGES[lang][key];

async function invokeAs(role: AccountRole, functionKey: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(demo.project), accountId: LOCAL_ACCOUNTS[role].accountId };
  return host.app.forge.invokeResolver(context, functionKey, payload);
}

async function storedRisks() {
  const answer = (await invokeAs('pm', 'risks/list', { limit: 100, filter: {} })) as { data: { items: unknown[] } };
  return answer.data.items.map((item) => registerRiskSchema.parse(item));
}

async function openRisks(page: Page, role: AccountRole, lang: Language, theme: 'light' | 'dark'): Promise<Frame> {
  const query = new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS[role].accountId });
  await page.goto(`${host.app.url ?? ''}/projects/${PROJECT_KEY}/apps/${PAGE_MODULE}/risks?${query.toString()}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(`${testId('risks-list')}, ${testId('risks-none')}`);
  await frame.waitForSelector(testId('risks-matrix'));
  return frame;
}

async function expectAxeClean(frame: Frame): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

const cellCount = (frame: Frame, probability: number, impact: number) =>
  frame.textContent(testId(`risks-cell-${String(probability)}-${String(impact)}`));

beforeAll(async () => {
  expect(await invokeAs('pm', 'project/delete-data', { confirmProjectKey: PROJECT_KEY })).toMatchObject({ ok: true });
  // The derived signals come from the project's snapshot.
  expect(await invokeAs('pm', 'project/refresh', {})).toMatchObject({ ok: true });
});

describe('the Risks section', () => {
  it('the PM adds a risk, filters the matrix, promotes a signal, makes a Jira issue; the client sees only the shared risk', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openRisks(page, 'pm', 'en', 'light');
    expect(await frame.textContent('#cf-risks-heading')).toBe(text('en', 'riskRegister.heading'));
    expect(await cellCount(frame, 4, 4)).toBe('0');

    // A risk: a blank title and a shared risk without client wording are refused beside their fields.
    await frame.click(testId('risks-add'));
    await frame.selectOption(testId('risk-probability'), '4');
    await frame.selectOption(testId('risk-impact'), '4');
    expect(await frame.textContent(testId('risk-editor-score'))).toBe('Score 16: High');
    await frame.check(testId('risk-clientVisible'));
    await frame.click(testId('risk-save'));
    expect(await frame.textContent(testId('risk-error-title'))).toBe(text('en', 'riskRegister.error.title'));
    expect(await frame.textContent(testId('risk-error-clientWording'))).toBe(text('en', 'riskRegister.error.clientWording'));
    expect(await frame.getAttribute(testId('risk-title'), 'aria-invalid')).toBe('true');
    await frame.fill(testId('risk-title'), 'Payment provider sandbox late');
    await frame.fill(testId('risk-clientWording'), 'The payment provider may deliver its test system late.');
    await frame.fill(testId('risk-mitigation'), 'Build against a mock of their API');
    await frame.fill(testId('risk-ownerName'), 'Pat PM');
    await frame.fill(testId('risk-due'), '2026-01-15');
    await frame.fill(testId('risk-description'), 'They ignored our last two e-mails.');
    await expectAxeClean(frame);
    await frame.click(testId('risk-save'));
    await frame.waitForSelector(testId('risk-editor'), { state: 'detached' });
    expect(await frame.textContent(testId('risks-notice'))).toBe(text('en', 'riskRegister.editor.saved'));
    let stored = await storedRisks();
    expect(stored).toMatchObject([{ title: 'Payment provider sandbox late', probability: 4, impact: 4, clientVisible: true }]);
    const sharedId = stored[0]?.id ?? '';
    expect(await frame.getAttribute(testId(`risk-due-${sharedId}`), 'data-overdue')).toBe('true');

    // The matrix counts it; choosing its cell filters the register to it, another cell to nothing.
    await expect.poll(() => cellCount(frame, 4, 4)).toBe('1');
    expect(await frame.getAttribute(testId('risks-cell-4-4'), 'aria-label')).toBe('Probability 4, impact 4: open risks 1');
    await frame.click(testId('risks-cell-1-1'));
    await frame.waitForSelector(testId('risks-none'));
    expect(await frame.getAttribute(testId('risks-cell-1-1'), 'aria-pressed')).toBe('true');
    await frame.click(testId('risks-cell-4-4'));
    await frame.waitForSelector(testId(`risk-${sharedId}`));
    await frame.click(testId('risks-clear-cell'));
    await frame.waitForSelector(testId(`risk-${sharedId}`));

    // A derived signal becomes a register risk in one step, linked to its issue, internal.
    const promote = frame.locator('[data-testid^="signal-promote-"]').first();
    await promote.waitFor();
    const issueKey = ((await promote.getAttribute('data-testid')) ?? '').replace('signal-promote-', '');
    await promote.click();
    await frame.waitForSelector(testId(`signal-promoted-${issueKey}`));
    await frame.waitForSelector(testId(`risk-promoted-${issueKey}`));
    stored = await storedRisks();
    expect(stored.find((r) => r.id === `promoted-${issueKey}`)).toMatchObject({ linkedIssueKeys: [issueKey], clientVisible: false });

    // The shared risk becomes a Jira issue; its key shows as a link, and a second click is not offered.
    await frame.click(testId(`risk-convert-${sharedId}`));
    const link = frame.locator(`${testId(`risk-jira-${sharedId}`)} a`);
    await link.waitFor();
    expect(await link.textContent()).toMatch(new RegExp(`^${PROJECT_KEY}-\\d+$`, 'u'));
    expect(await link.getAttribute('href')).toMatch(new RegExp(`/browse/${PROJECT_KEY}-\\d+`, 'u'));
    expect(await frame.locator(testId(`risk-convert-${sharedId}`)).count()).toBe(0);
    await expectAxeClean(frame);

    // The client's report lists the shared risk in its wording; the promoted one stays internal.
    const client = (await invokeAs('pm', 'project/report', { audience: 'client' })) as { data: { sections: { registerRisks: unknown[] } } };
    // Exactly one risk; it carries its record id too (the PM may reword or hide it).
    expect(client.data.sections.registerRisks).toMatchObject([
      { text: 'The payment provider may deliver its test system late.', level: 'high', status: 'open' },
    ]);
    expect(JSON.stringify(client.data)).not.toContain('ignored our last two');
    const internal = (await invokeAs('pm', 'project/report', {})) as { data: { sections: { registerRisks: { title: string }[] } } };
    expect(internal.data.sections.registerRisks.map((r) => r.title)).toContain('Payment provider sandbox late');
    expect(internal.data.sections.registerRisks.some((r) => r.title.startsWith(`${issueKey}: `))).toBe(true);

    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(frame)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'risks-pm-en-light-375.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in Chinese, dark: the PM adds a risk and sees it in the matrix; a viewer reads without any way to change it', async () => {
    const errors: string[] = [];
    const page = await host.browser.context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const frame = await openRisks(page, 'pm', 'zh-CN', 'dark');
    expect(await frame.textContent('#cf-risks-heading')).toBe(text('zh-CN', 'riskRegister.heading'));
    const before = await cellCount(frame, 2, 5);
    await frame.click(testId('risks-add'));
    await frame.fill(testId('risk-title'), '关键开发人员可能离职');
    await frame.selectOption(testId('risk-probability'), '2');
    await frame.selectOption(testId('risk-impact'), '5');
    expect(await frame.textContent(testId('risk-editor-score'))).toBe('分数 10：中');
    await frame.fill(testId('risk-linkedIssueKeys'), 'not a key');
    await frame.click(testId('risk-save'));
    expect(await frame.textContent(testId('risk-error-linkedIssueKeys'))).toBe(text('zh-CN', 'riskRegister.error.linkedKey'));
    await frame.fill(testId('risk-linkedIssueKeys'), `${PROJECT_KEY.toLowerCase()}-1`);
    await frame.click(testId('risk-save'));
    await frame.waitForSelector(testId('risk-editor'), { state: 'detached' });
    await expect.poll(() => cellCount(frame, 2, 5)).toBe(String(Number(before) + 1));
    const added = (await storedRisks()).find((r) => r.title === '关键开发人员可能离职');
    expect(added).toMatchObject({ probability: 2, impact: 5, linkedIssueKeys: [`${PROJECT_KEY}-1`], clientVisible: false });
    expect(await frame.textContent(testId(`risk-${added?.id ?? ''}`))).toContain('中');
    await expectAxeClean(frame);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'risks-pm-zh-CN-dark.png'), fullPage: true });
    await page.close();

    const viewerPage = await host.browser.context.newPage();
    viewerPage.on('pageerror', (error) => errors.push(error.message));
    const viewer = await openRisks(viewerPage, 'viewer', 'zh-CN', 'dark');
    expect(await viewer.textContent(testId('risks-read-only'))).toBe(text('zh-CN', 'riskRegister.readOnly'));
    await viewer.waitForSelector(testId(`risk-${added?.id ?? ''}`));
    expect(await viewer.locator(testId('risks-add')).count()).toBe(0);
    expect(
      await viewer.locator('[data-testid^="risk-edit-"], [data-testid^="risk-convert-"], [data-testid^="signal-promote-"]').count(),
    ).toBe(0);
    const snapshot = await storedRisks();
    const refused = await viewer.evaluate(
      async (risk) =>
        (globalThis as unknown as { __bridge: { callBridge(n: string, p: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', {
          functionKey: 'risks/save',
          payload: { risk: { ...risk, title: 'Changed by a viewer' }, revision: 1 },
        }),
      {
        id: added?.id ?? '',
        title: added?.title ?? '',
        description: '',
        probability: 2,
        impact: 5,
        ownerName: '',
        ownerAccountId: null,
        mitigation: '',
        trigger: '',
        due: null,
        status: 'open',
        linkedIssueKeys: [],
        clientVisible: false,
        clientWording: '',
      },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storedRisks()).toEqual(snapshot);
    await expectAxeClean(viewer);
    expect(errors).toEqual([]);
    await viewerPage.close();
  });
});
