/**
 * The project page as a PM and a client-facing reader meet it: the Overview reads like an executive
 * summary (headline and every measure first, then what needs attention, the milestones, and the
 * long lists folded with their counts), the app frame follows its content both ways, and every
 * page and panel is axe clean and fits a 375 px screen in both themes and both languages. One
 * browser and one app serve the whole file; the resolvers are the oracle for what the page shows.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ElementHandle, Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { statusReportSchema, type Language, type StatusReportJson } from '../../contract';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { axeResults, horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { demoDatasets } from '../support/local-app';

const PAGE_MODULE = 'client-followup-project-page';
const PANEL_MODULE = 'client-risk-context';
const datasets = demoDatasets();
const demo = datasets[0] ?? raise('the demo generator produced no project');
const host = useBrowserHost(datasets);

const SHOTS = path.join(SCREENSHOTS_DIR, 'pages');
type Theme = 'light' | 'dark';
/** The few DOM shapes the page-side functions use (the test code has no DOM types). */
interface Box {
  getBoundingClientRect(): { height: number };
}
interface Positioned {
  compareDocumentPosition(other: unknown): number;
}
type Win = { getComputedStyle(element: unknown): { color: string } };
type Doc = { document: { documentElement: { scrollHeight: number; clientHeight: number } } };
const colourOf = (element: unknown) => (globalThis as unknown as Win).getComputedStyle(element).color;

function raise(message: string): never {
  throw new Error(message);
}

async function resolverReport(lang: Language = 'en'): Promise<StatusReportJson> {
  const answer = await host.app.forge.invokeResolver(projectPageContext(demo.project), 'project/report', { audience: 'internal', lang });
  return statusReportSchema.parse((answer as { data?: unknown }).data);
}

function query(lang: Language, theme: Theme): string {
  return new URLSearchParams({ lang, theme, user: LOCAL_ACCOUNTS.pm.accountId }).toString();
}

async function openOverview(page: Page, lang: Language = 'en', theme: Theme = 'light'): Promise<Frame> {
  await page.goto(`${host.app.url ?? ''}/projects/${demo.project.key}/apps/${PAGE_MODULE}?${query(lang, theme)}`);
  const frame = await frameOf(page, PAGE_MODULE);
  await frame.waitForSelector(testId('report'), { timeout: 60_000 });
  await frame.waitForSelector(testId('kpi-trend'));
  await frame.waitForSelector(`${testId('burnup-plot')} svg, ${testId('burnups-empty')}`);
  return frame;
}

/** Opens every folded list and chart table, and every "Show all", so axe and the reader see all of it. */
async function unfoldAll(frame: Frame): Promise<void> {
  // Each click changes `aria-expanded`, so the next closed one is always the first left.
  for (const selector of [`${testId('fold-toggle')}[aria-expanded="false"]`, `${testId('show-all')}[aria-expanded="false"]`]) {
    const closed = frame.locator(selector);
    while ((await closed.count()) > 0) await closed.first().click();
  }
  for (const summary of await frame.locator('.cf-chart-data summary').all()) await summary.click();
}

/** The rendered height of the app's frame on the host page. */
async function frameHeight(page: Page): Promise<number> {
  const handle = await page.waitForSelector(`iframe[data-module-key="${PAGE_MODULE}"]`);
  return handle.evaluate((element: unknown) => Math.round((element as Box).getBoundingClientRect().height));
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Whether `a` comes before `b` in the document. */
async function precedes(a: ElementHandle, b: ElementHandle): Promise<boolean> {
  return a.evaluate((first: unknown, second: unknown) => Boolean((first as Positioned).compareDocumentPosition(second) & 4), b);
}

async function expectClean(frame: Frame, label: string): Promise<void> {
  const { violations, passes } = await axeResults(frame);
  expect(passes, label).toBeGreaterThan(10);
  // The rule ids and targets in the message, so a failure says what to fix.
  expect(violations, `${label} ${JSON.stringify(violations)}`).toEqual([]);
  expect(await horizontalOverflow(frame), `${label}: horizontal scroll`).toBeLessThanOrEqual(0);
}

describe('the Overview as an executive summary', () => {
  it('reads top-down: headline, every measure of each tile, needs attention, milestones, then the long lists folded with counts', async () => {
    const report = await resolverReport();
    const page = await host.browser.context.newPage();
    const frame = await openOverview(page);

    // The order a reader meets things in.
    const order = ['health-headline', 'health-tiles', 'needs-attention', 'overview-milestones-section', 'overview-counts', 'draft-report'];
    const handles = await Promise.all(order.map(async (id) => (await frame.$(testId(id))) ?? raise(`no ${id}`)));
    for (let i = 1; i < handles.length; i += 1) {
      expect(
        await precedes(handles[i - 1] ?? raise('gap'), handles[i] ?? raise('gap')),
        `${order[i - 1] ?? ''} before ${order[i] ?? ''}`,
      ).toBe(true);
    }
    expect(await frame.textContent(testId('health-headline'))).toBe(report.overall.headline);

    // Each tile shows every measure of its dimension: schedule's slip and overdue share, quality's bugs and reopen rate.
    for (const [key, dimension] of Object.entries(report.dimensions)) {
      if (!dimension.enabled || dimension.measures.length === 0) continue;
      const tile = frame.locator(testId(`health-tile-${key}`));
      const text = (await tile.textContent()) ?? '';
      for (const measure of dimension.measures) expect(text, `${key}: ${measure.label}`).toContain(measure.display);
      expect(await tile.locator(testId('health-other-measure')).count(), key).toBe(dimension.measures.length - 1);
    }

    // Needs attention: the overdue count is the schedule measure's, each listed issue says by how much.
    const overdueMeasure = report.dimensions.schedule.measures.find((m) => m.id === 'overdueShare') ?? raise('no overdue measure');
    const overdueCount = overdueMeasure.whyCode.code === 'overdueShare' ? overdueMeasure.whyCode.params.overdue : raise('no count');
    expect(overdueCount).toBeGreaterThan(0);
    const overdueHeading = (await frame.locator(`${testId('attention-overdue')} h3`).textContent()) ?? '';
    expect(overdueHeading).toBe(`Overdue (${String(overdueCount)})`);
    const firstOverdue = frame.locator(`${testId('attention-overdue-list')} ${testId('report-issue')}`);
    expect(await firstOverdue.count()).toBe(Math.min(5, overdueCount));
    expect(await firstOverdue.first().locator(testId('overdue-mark')).textContent()).toMatch(/^overdue by \d+ days?$/u);
    const markColour = await firstOverdue.first().locator(testId('overdue-mark')).evaluate(colourOf);
    const textColour = await frame.locator('body').evaluate(colourOf);
    expect(markColour).not.toBe(textColour);
    expect(await frame.locator(`${testId('attention-blocked')} h3`).textContent()).toMatch(/^Blocked \(\d+\)$/u);

    // The milestones as a table, before the lists.
    const milestoneText = (await frame.textContent(testId('overview-milestones'))) ?? '';
    for (const milestone of report.sections.milestones) expect(milestoneText).toContain(milestone.name);

    // The long lists are folded, each with its count, and open on request.
    const folds = frame.locator(`${testId('draft-report')} ${testId('fold-toggle')}`);
    expect(await folds.count()).toBeGreaterThanOrEqual(5);
    for (const fold of await folds.all()) {
      expect(await fold.getAttribute('aria-expanded')).toBe('false');
      expect(await fold.textContent()).toMatch(/\(\d+\)$/u);
    }
    // A list the stored report cut short is counted by its whole (the demo has more issues in progress than it keeps).
    const totals = report.sections.totals ?? raise('the stored report has no list totals');
    expect(totals.inProgress).toBeGreaterThan(report.sections.inProgress.length);
    const inProgress = frame.locator(testId('report-in-progress'));
    expect(await inProgress.locator(testId('fold-toggle')).textContent()).toBe(`In progress (${String(totals.inProgress)})`);
    expect(await inProgress.locator(testId('fold-first-of')).textContent()).toContain(
      `first ${String(report.sections.inProgress.length)} of ${String(totals.inProgress)}`,
    );
    const nextUpToggle = frame.locator(`${testId('report-next-up')} ${testId('fold-toggle')}`);
    expect(await nextUpToggle.textContent()).toBe(`Next up (${String(new Set(report.sections.nextUp.map((i) => i.key)).size)})`);
    await shot(page, 'overview-summary-en-light-1440');

    // "Next up" items past their due date carry the marker.
    await nextUpToggle.click();
    expect(await nextUpToggle.getAttribute('aria-expanded')).toBe('true');
    const day = report.generatedAt.slice(0, 10);
    const lateInNextUp = report.sections.nextUp.filter((issue) => issue.due !== null && issue.due < day).map((issue) => issue.key);
    expect(lateInNextUp.length).toBeGreaterThan(0);
    for (const key of lateInNextUp.slice(0, 10)) {
      const line = frame.locator(`${testId('report-next-up-issues')} [data-issue-key="${key}"]`);
      if ((await line.count()) === 0) continue; // beyond the first ten shown
      expect(await line.locator(testId('overdue-mark')).textContent(), key).toMatch(/^overdue by \d+ days?$/u);
    }

    // Data to check names each issue once ("ACME-385 has…", not "ACME-385 ACME-385 has…").
    const notes = frame.locator(testId('data-quality-note'));
    expect(await notes.count()).toBeGreaterThan(0);
    for (const note of await notes.all()) {
      const text = (await note.textContent()) ?? '';
      expect(text).not.toMatch(/\b([A-Z][A-Z0-9]+-\d+)\s+\1\b/u);
    }
    await page.close();
  });

  it('speaks Chinese: 需要关注, 逾期 N 天, folded lists with counts', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openOverview(page, 'zh-CN');
    expect(await frame.locator(`${testId('needs-attention')} h2`).textContent()).toBe('需要关注');
    expect(
      await frame
        .locator(`${testId('attention-overdue-list')} ${testId('overdue-mark')}`)
        .first()
        .textContent(),
    ).toMatch(/^逾期 \d+ 天$/u);
    expect(await frame.locator(`${testId('report-next-up')} ${testId('fold-toggle')}`).textContent()).toMatch(/^接下来（\d+）$/u);
    await page.close();
  });
});

describe('the app frame', () => {
  it('follows its content both ways: shrinks after the long Overview when a short section opens, and grows back', async () => {
    const page = await host.browser.context.newPage();
    const frame = await openOverview(page);
    await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeGreaterThan(2_000);
    const overview = await frameHeight(page);

    await frame.getByRole('tab', { name: 'Communication' }).click();
    await frame.waitForSelector(testId('section-communication'));
    await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeLessThan(overview / 2);
    const communication = await frameHeight(page);
    // Not below the content: the section is whole, with no scroll inside the frame.
    const inner = await frame.evaluate(() => {
      const root = (globalThis as unknown as Doc).document.documentElement;
      return root.scrollHeight - root.clientHeight;
    });
    expect(inner).toBeLessThanOrEqual(1);

    await frame.getByRole('tab', { name: 'Overview' }).click();
    await frame.waitForSelector(testId('report'));
    await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeGreaterThan(communication * 2);
    await page.close();
  });
});

describe('a slow first read', () => {
  it('says what is happening instead of a bare skeleton: the first read from Jira, then its phase and counts as the page follows it', async () => {
    const fresh = datasets[1] ?? raise('the demo has a second project');
    const faults = (jira: unknown) =>
      fetch(`${host.app.url ?? ''}/__local/admin/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jira }),
      });
    await faults({ latencyMs: 1000 });
    const page = await host.browser.context.newPage();
    try {
      await page.goto(`${host.app.url ?? ''}/projects/${fresh.project.key}/apps/${PAGE_MODULE}?${query('en', 'light')}`);
      const frame = await frameOf(page, PAGE_MODULE);
      const caption = frame.locator(testId('health-loading-caption'));
      await caption.waitFor({ timeout: 30_000 });
      const seen = new Set<string>();
      while ((await frame.locator(testId('health-tiles')).count()) === 0) {
        const text = await caption.textContent({ timeout: 1_000 }).catch(() => null);
        if (text !== null) seen.add(text);
        await page.waitForTimeout(150);
      }
      const captions = [...seen];
      expect(captions.length).toBeGreaterThan(0);
      for (const text of captions) {
        expect(text).toMatch(
          /^(Reading the project from Jira for the first time\.|(Reading issues|Reading change history|Working out health and risks)(: [\d,]+ (of ~[\d,]+|so far))?\.|Checking how up to date the data is…|Loading the snapshot read)/u,
        );
      }
      expect(captions.some((text) => text.startsWith('Reading'))).toBe(true);
    } finally {
      await faults(null);
      await page.close();
    }
  }, 120_000);
});

const COMBOS = [
  { lang: 'en', theme: 'light' },
  { lang: 'zh-CN', theme: 'dark' },
  { lang: 'en', theme: 'dark' },
  { lang: 'zh-CN', theme: 'light' },
] as const satisfies readonly { lang: Language; theme: Theme }[];
const OTHER_SECTIONS = ['reports', 'communication', 'feedback', 'changes', 'risks', 'share', 'engagement', 'settings'] as const;
/** What each section shows once it has loaded. */
const LOADED: Record<(typeof OTHER_SECTIONS)[number], string> = {
  reports: 'reports-draft',
  communication: 'comms-board',
  feedback: 'feedback-board',
  changes: 'changes-totals',
  risks: 'risks',
  share: 'share-form',
  engagement: 'engagement-checklist',
  settings: 'settings-form',
};

describe('accessibility', () => {
  it.each(COMBOS)(
    'every page and panel is axe clean in $lang, $theme, at 375 and 1280 px',
    async ({ lang, theme }) => {
      const issueKey = (await resolverReport(lang)).issueRisks[0]?.key ?? raise('no open issue');
      for (const width of [375, 1280]) {
        const label = `${lang} ${theme} ${String(width)}`;
        const page = await host.browser.context.newPage();
        await page.setViewportSize({ width, height: 900 });
        const frame = await openOverview(page, lang, theme);
        await unfoldAll(frame);
        await expectClean(frame, `${label} overview`);
        await shot(page, `overview-${lang}-${theme}-${String(width)}`);

        await frame.click(testId('audience-client'));
        await frame.waitForSelector(`${testId('report')}[data-audience="client"]`);
        await unfoldAll(frame);
        await expectClean(frame, `${label} client preview`);
        if (width === 375) await shot(page, `client-preview-${lang}-${theme}-375`);

        for (const section of OTHER_SECTIONS) {
          await frame.click(testId(`tab-${section}`));
          await frame.waitForSelector(testId(`section-${section}`));
          await frame.waitForSelector(testId(LOADED[section]));
          await expectClean(frame, `${label} ${section}`);
        }
        if (width === 375) await shot(page, `settings-${lang}-${theme}-375`);

        await page.goto(`${host.app.url ?? ''}/browse/${issueKey}?${query(lang, theme)}`);
        const panel = await frameOf(page, PANEL_MODULE);
        await panel.waitForSelector(testId('risk-level'));
        await expectClean(panel, `${label} issue panel`);
        if (width === 375) await shot(page, `issue-panel-${lang}-${theme}-375`);
        await page.close();
      }
    },
    240_000,
  );
});
