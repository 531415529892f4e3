/**
 * A published report of a big generated project, printed the way a PM does it (issue 11):
 *
 * - the self-contained HTML export rendered in Chromium, checked for its structure and for
 *   horizontal overflow at 375 px and at A4 width, with screenshots under test-results/;
 * - Chromium's print-to-PDF on A4 and Letter: several pages (counted from the PDF's page
 *   tree, read with zlib: no PDF library is installed), no table wider than its page (checked
 *   in the page with print media emulated, at each paper's printable width), and the Chinese
 *   export's text extracted from the PDF through its fonts' ToUnicode maps;
 * - the report viewer with print media emulated: only the report, every folded list open, no
 *   table cut off.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contract';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import { generateScaleDataset } from '../../local/jira/demo-generator';
import { horizontalOverflow } from '../support/axe';
import { SCREENSHOTS_DIR, useBrowserHost } from '../support/browser-host';
import { projectPageContext } from '../support/contexts';
import { frameOf, testId } from '../support/frames';
import { DEMO_NOW, DEMO_SEED } from '../support/local-app';
import { pdfPageCount, pdfText } from '../support/pdf-text';

/** Below the 1,500 issues a resolver syncs within its call. */
const ISSUES = 1_400;
const big = generateScaleDataset({ issues: ISSUES, now: DEMO_NOW, seed: DEMO_SEED });
const host = useBrowserHost([big]);
const PAGE_MODULE = 'client-followup-project-page';

/** Printable widths in CSS px (96 per inch) with the stylesheet's 12 mm side margins. */
const MM = 96 / 25.4;
const PAPERS = [
  { format: 'A4', width: Math.floor((210 - 24) * MM), pageWidth: Math.round(210 * MM) },
  { format: 'Letter', width: Math.floor(8.5 * 96 - 24 * MM), pageWidth: Math.round(8.5 * 96) },
] as const;

type Answer = { ok: boolean; data?: unknown; error?: unknown };
async function invoke(key: string, payload: unknown): Promise<unknown> {
  const context = { ...projectPageContext(big.project), accountId: LOCAL_ACCOUNTS.pm.accountId };
  const answer = (await host.app.forge.invokeResolver(context, key, payload)) as Answer;
  expect(answer.error).toBeUndefined();
  return answer.data;
}

let reportId = '';
let version = 0;
beforeAll(async () => {
  await invoke('project/refresh', {});
  const draft = (await invoke('project/report', { audience: 'internal', lang: 'en' })) as { draftRevision: string };
  const head = (await invoke('report/publish', { draftRevision: draft.draftRevision })) as { id: string; version: number };
  reportId = head.id;
  version = head.version;
});

async function exportHtml(audience: 'internal' | 'client', lang: Language): Promise<string> {
  const file = (await invoke('report/export', { id: reportId, audience, lang, format: 'html' })) as { text: string };
  return file.text;
}

/** Tables wider than the box that holds them, as `[index, scrollWidth, containerWidth]`. */
function clippedTables(target: Page | Frame, scope = 'body'): Promise<[number, number, number][]> {
  return target.evaluate((selector) => {
    interface El {
      scrollWidth: number;
      clientWidth: number;
      parentElement: El | null;
    }
    const doc = (globalThis as unknown as { document: { querySelectorAll: (s: string) => El[] } }).document;
    const out: [number, number, number][] = [];
    doc.querySelectorAll(`${selector} table`).forEach((table, index) => {
      const box = table.parentElement;
      if (box && table.scrollWidth > box.clientWidth) out.push([index, table.scrollWidth, box.clientWidth]);
    });
    return out;
  }, scope);
}

/** What the export is made of: headings, tables and the sections a reader looks for. */
function structure(page: Page) {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { querySelectorAll: (s: string) => { id: string; textContent: string | null }[]; documentElement: { lang: string } };
      }
    ).document;
    return {
      lang: doc.documentElement.lang,
      h1: doc.querySelectorAll('h1').length,
      h2: [...doc.querySelectorAll('h2')].map((h) => h.id),
      tables: doc.querySelectorAll('table').length,
      headerCells: doc.querySelectorAll('table thead th').length,
      scripts: doc.querySelectorAll('script').length,
    };
  });
}

describe('the HTML export of a big project', () => {
  it.each([
    ['internal', 'en'],
    ['client', 'zh-CN'],
    ['internal', 'zh-CN'],
  ] as const)(
    'renders the %s report in %s with every section and no horizontal overflow at 375 px and A4 width',
    async (audience, lang) => {
      const html = await exportHtml(audience, lang);
      const page = await host.browser.context.newPage();
      await page.setContent(html, { waitUntil: 'load' });

      const shape = await structure(page);
      expect(shape.lang).toBe(lang);
      expect(shape.h1).toBe(1);
      expect(shape.h2).toEqual(expect.arrayContaining(['overall', 'since-last', 'completed', 'milestones', 'risks']));
      if (audience === 'internal') expect(shape.h2).toEqual(expect.arrayContaining(['dimensions', 'issue-risks', 'data-quality']));
      expect(shape.tables).toBeGreaterThanOrEqual(audience === 'internal' ? 3 : 2);
      expect(shape.headerCells).toBeGreaterThan(0);
      expect(shape.scripts).toBe(0);

      for (const width of [375, PAPERS[0].pageWidth]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await horizontalOverflow(page.mainFrame())).toBe(0);
        expect(await clippedTables(page)).toEqual([]);
        await page.screenshot({
          path: path.join(SCREENSHOTS_DIR, `report-export-${audience}-${lang}-${String(width)}.png`),
          fullPage: true,
        });
      }
      await page.close();
    },
  );
});

describe('print to PDF', () => {
  it.each([
    ['internal', 'en'],
    ['client', 'zh-CN'],
  ] as const)('prints the %s report in %s on A4 and Letter: several pages, no clipped table', async (audience, lang) => {
    const html = await exportHtml(audience, lang);
    const page = await host.browser.context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    for (const paper of PAPERS) {
      // The page laid out as the paper's printable width: no table may be wider than its box.
      await page.setViewportSize({ width: paper.width, height: 1000 });
      expect(await clippedTables(page)).toEqual([]);
      expect(await horizontalOverflow(page.mainFrame())).toBe(0);

      const pdf = await page.pdf({ format: paper.format, printBackground: true });
      writeFileSync(path.join(SCREENSHOTS_DIR, `report-${audience}-${lang}-${paper.format}.pdf`), pdf);
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThan(40);

      const text = pdfText(pdf);
      expect(text).toContain(big.project.name);
      if (lang === 'zh-CN') {
        // CJK text, as a reader copies it out of the PDF: the section titles of the Chinese report.
        for (const words of ['状态报告', '里程碑', '自上次报告以来']) expect(text).toContain(words);
      } else {
        for (const words of ['Status report', 'Milestones', 'Since the last report']) expect(text).toContain(words);
      }
    }
    await page.close();
  });
});

describe('the report viewer, printed', () => {
  it('prints only the report, with folded lists open and no table cut off', async () => {
    const page = await host.browser.context.newPage();
    await page.setViewportSize({ width: PAPERS[0].width, height: 1000 });
    const query = new URLSearchParams({ lang: 'zh-CN', theme: 'dark', user: LOCAL_ACCOUNTS.pm.accountId });
    await page.goto(`${host.app.url ?? ''}/projects/${big.project.key}/apps/${PAGE_MODULE}/reports?${query.toString()}`);
    const frame = await frameOf(page, PAGE_MODULE);
    await frame.click(`${testId(`reports-row-${String(version)}`)} button`);
    await frame.waitForSelector(`${testId('reports-viewer-body')} ${testId('report')}`);
    const hiddenOnScreen = await frame.$$eval(`${testId('reports-viewer-body')} [hidden]`, (els) => els.length);
    expect(hiddenOnScreen).toBeGreaterThan(0);

    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      frame.$$eval(selector, (els) =>
        els.map((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } }).getComputedStyle(el).display),
      );
    expect(await shown('.cf-reports-toolbar')).toEqual(['none']);
    expect(await shown('.cf-tablist')).toEqual(['none']);
    expect((await shown(`${testId('reports-viewer-body')} [hidden]`)).every((display) => display !== 'none')).toBe(true);
    expect(await clippedTables(frame, testId('reports-viewer-body'))).toEqual([]);
    expect(await frame.textContent(testId('report-since-last'))).toContain('自上次报告以来');
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'report-viewer-print-zh-CN.png'), fullPage: true });
    await page.close();
  });
});
