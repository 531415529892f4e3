import path from 'node:path';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, statusReportSchema, type StatusReportJson } from '../../contract';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { frameOf } from '../support/frames';
import { projectPageContext } from '../support/contexts';
import { demoProject } from '../support/local-app';

const SHOTS = SCREENSHOTS_DIR;
const { datasets, demo } = demoProject();
const PAGE_MODULE = 'client-followup-project-page';

const host = useBrowserHost(datasets);

/** An issue key in page text, where it may run into the summary ("ACME-7Fix login") but not be the start of a longer key (ACME-70). */
const keyPattern = (key: string) => new RegExp(`${key}(?!\\d)`, 'u');

/** Opens every list the report folds and expands every one it shortens, so the text holds all of it. */
async function showAll(frame: Frame): Promise<void> {
  const scope = '[data-testid="report"]';
  for (const selector of [
    `${scope} [data-testid="fold-toggle"][aria-expanded="false"]`,
    `${scope} [data-testid="show-all"][aria-expanded="false"]`,
  ]) {
    const closed = frame.locator(selector);
    while ((await closed.count()) > 0) await closed.first().click();
  }
}

/** The report the resolver derives right now, straight from the runtime, as the oracle for what the page shows. */
async function resolverReport(audience: 'internal'): Promise<StatusReportJson> {
  const answer = await host.app.forge.invokeResolver(projectPageContext(demo.project), 'project/report', { audience });
  const parsed = statusReportSchema.safeParse((answer as { data?: unknown }).data);
  if (!parsed.success) throw new Error(`the resolver did not answer a report: ${JSON.stringify(answer).slice(0, 300)}`);
  return parsed.data;
}

describe('project page health and draft report', () => {
  it('shows the six dimensions with the RAG the resolver derived, and the overall status', async () => {
    const expected = await resolverReport('internal');
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}`);
    const frame = await frameOf(page, PAGE_MODULE);
    await frame.waitForSelector('[data-testid="health-tiles"]');
    for (const dimension of ['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication'] as const) {
      const tile = frame.locator(`[data-testid="health-tile-${dimension}"]`);
      expect(await tile.getAttribute('data-rag')).toBe(expected.dimensions[dimension].rag);
      expect(await tile.textContent()).toContain(expected.dimensions[dimension].label);
    }
    expect(((await frame.textContent('[data-testid="overall-status"]')) ?? '').toLowerCase()).toContain(expected.overall.computed);
    expect(await frame.textContent('[data-testid="report-headline"]')).toBe(expected.overall.headline);
    await page.screenshot({ path: path.join(SHOTS, 'health-and-report-internal.png'), fullPage: true });
    await page.close();
  });

  it('previews the client version: a banner, and no internal issue anywhere', async () => {
    const internal = await resolverReport('internal');
    const internalKeys = new Set(
      demo.issues
        .filter((i) => Array.isArray(i.fields['labels']) && (i.fields['labels'] as unknown[]).includes('internal'))
        .map((i) => i.key),
    );
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}`);
    const frame = await frameOf(page, PAGE_MODULE);
    await frame.waitForSelector('[data-testid="report"][data-audience="internal"]');
    await showAll(frame);
    const internalText = (await frame.textContent('[data-testid="report"]')) ?? '';
    const shownInternal = [...internalKeys].filter((key) => keyPattern(key).test(internalText));
    // The check below would prove nothing if the internal report showed no internal issue.
    expect(shownInternal.length).toBeGreaterThan(0);
    expect(internal.audience).toBe('internal');

    await frame.click('[data-testid="audience-client"]');
    await frame.waitForSelector('[data-testid="report"][data-audience="client"]');
    await showAll(frame);
    expect(await frame.textContent('[data-testid="client-preview-banner"]')).toContain('client');
    const clientText = (await frame.textContent('[data-testid="report"]')) ?? '';
    for (const key of shownInternal) expect(clientText).not.toMatch(keyPattern(key));
    // Keys are plain text for the client: no link into Jira, no risk score, no staleness.
    expect(await frame.locator('[data-testid="report"] a').count()).toBe(0);
    expect(clientText).not.toMatch(/Score|no update for|cycle time/iu);
    expect(await frame.textContent('[data-testid="client-visibility-counts"]')).toMatch(
      /^The client sees \d+ of \d+ issues: \d+ are internal and \d+ are not marked for the client\.$/u,
    );
    expect(await frame.locator('[data-testid="client-visibility-hint"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'report-client-preview.png'), fullPage: true });
    await page.close();
  });

  it('tells the PM how to show work when the client sees nothing', async () => {
    const call = (key: 'settings/get' | 'settings/save', payload: unknown) =>
      host.app.forge.invokeResolver(projectPageContext(demo.project), key, payload) as Promise<{
        data?: { revision: number; settings: unknown };
      }>;
    const before = (await call('settings/get', {})).data;
    if (!before) throw new Error('no settings');
    await call('settings/save', {
      settings: { ...DEFAULT_PROJECT_SETTINGS, clientVisibility: { mode: 'types', issueTypeIds: [] } },
      revision: before.revision,
    });
    const page = await host.browser.context.newPage();
    try {
      await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}`);
      const frame = await frameOf(page, PAGE_MODULE);
      await frame.waitForSelector('[data-testid="report"][data-audience="internal"]');
      await frame.click('[data-testid="audience-client"]');
      await frame.waitForSelector('[data-testid="report"][data-audience="client"]');
      expect(await frame.textContent('[data-testid="client-visibility-hint"]')).toBe(
        'Nothing is shown to the client yet: choose the issue types the client should see in Settings.',
      );
      expect(await frame.locator('[data-testid="report"] [data-testid="report-issue"]').count()).toBe(0);
    } finally {
      await page.close();
      const now = (await call('settings/get', {})).data;
      await call('settings/save', { settings: before.settings, revision: now?.revision ?? 0 });
    }
  });

  it('when Jira fails every call on a project never opened, shows a clear message with a retry button that works once Jira is back', async () => {
    // A project with no snapshot yet: once one exists, the Overview opens from it whatever Jira does.
    const fresh = datasets[1];
    if (!fresh) throw new Error('the demo has a second project');
    const faults = (jira: unknown) =>
      fetch(`${host.app.url ?? ''}/__local/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jira }),
      });
    await faults({ failAll: true });
    const page = await host.browser.context.newPage();
    try {
      await page.goto(`${host.app.url ?? ''}/projects/${fresh.project.key}/apps/${PAGE_MODULE}`);
      const frame = await frameOf(page, PAGE_MODULE);
      const message = frame.locator('[data-testid="error-message"]').first();
      await message.waitFor({ timeout: 60_000 });
      expect(await message.textContent()).toMatch(/Jira/u);
      await page.screenshot({ path: path.join(SHOTS, 'jira-unavailable.png'), fullPage: true });

      await faults(null);
      await frame.locator('[data-testid="retry-button"]').first().click();
      await frame.waitForSelector('[data-testid="health-tiles"]', { timeout: 60_000 });
      await frame.waitForSelector('[data-testid="count-done"]');
    } finally {
      await faults(null);
      await page.close();
    }
  });
});

describe('issue panel', () => {
  it('shows the risk level, score, reasons and blockers the resolver derived for a risky issue', async () => {
    const report = await resolverReport('internal');
    const risky =
      report.issueRisks.find((r) => r.level === 'high' && r.reasons.some((reason) => /Blocked by/u.test(reason))) ?? report.issueRisks[0];
    if (!risky) throw new Error('the demo has no open issue');
    const page = await host.browser.context.newPage();
    await page.goto(`${host.app.url ?? ''}/browse/${risky.key}`);
    const frame = await frameOf(page, 'client-risk-context');
    await frame.waitForSelector('[data-testid="risk-level"]');
    expect(await frame.textContent('[data-testid="issue-key"]')).toBe(risky.key);
    expect(((await frame.textContent('[data-testid="risk-level"]')) ?? '').toLowerCase()).toContain(risky.level);
    expect(await frame.textContent('[data-testid="risk-score"]')).toContain(String(risky.score));
    const reasons = (await frame.textContent('[data-testid="risk-reasons"]')) ?? '';
    for (const reason of risky.reasons) expect(reasons).toContain(reason);
    if (risky.reasons.some((reason) => /Blocked by/u.test(reason))) {
      // Links to Jira open like Forge's router.open: in a new tab.
      const [opened] = await Promise.all([
        host.browser.context.waitForEvent('page'),
        frame.locator('[data-testid="blocker-link"]').first().click(),
      ]);
      await opened.waitForLoadState();
      expect(new URL(opened.url()).pathname).toMatch(/^\/browse\/[A-Z]+-\d+$/u);
      expect(opened.url()).not.toMatch(new RegExp(`/${risky.key}$`, 'u'));
      await opened.close();
    }
    await page.screenshot({ path: path.join(SHOTS, 'issue-risk-panel.png'), fullPage: true });
    await page.close();
  });
});
