/**
 * Golden: every sentence of the demo's status report (with each measure's evidence and each
 * milestone's forecast method), for both audiences in both languages, as
 * the CLI renders it. The files were written by the report as it was before it became
 * language-neutral data rendered by one catalogue, so this test pins that the move changed no
 * word. The client's files list what the client is shown (DESIGN §5.1). A deliberate change to
 * a rule or a sentence updates them:
 * `npx vitest run test/integration/report-golden.test.ts -u`, then review the diff.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatForecastDetail } from '../../contract/i18n/forecast-sentences';
import { clientStatusReportSchema, type ClientStatusReportJson } from '../../contract/client-report';
import { statusReportSchema, type StatusReportJson } from '../../contract/report';
import { runCli } from '../../cli/run-cli';
import { DEMO_NOW, demoDatasets } from '../support/local-app';

/** The report's sentences, one per line: headline, dimensions and measures, risk reasons, data notes. */
function sentencesOf(report: StatusReportJson): string {
  const lines: string[] = [`headline: ${report.overall.headline}`];
  for (const [key, d] of Object.entries(report.dimensions)) {
    lines.push(`${key}: ${d.label} | ${d.why}`);
    for (const m of d.measures) {
      lines.push(`  ${m.id}: ${m.label} | ${m.display} | ${m.why}`);
      if (m.evidenceSummary) lines.push(`    evidence: ${m.evidenceSummary}${m.evidenceJql ? ` | ${m.evidenceJql}` : ''}`);
    }
  }
  for (const m of report.sections.milestones) {
    if (m.forecast) lines.push(`milestone ${m.name}: ${formatForecastDetail(m.forecast, report.lang)}`);
  }
  for (const r of report.issueRisks) if (r.reasons.length > 0) lines.push(`risk ${r.key}: ${r.reasons.join(' / ')}`);
  for (const n of report.dataQuality) lines.push(`data ${n.code} ${n.issueKey ?? '-'}: ${n.message}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The client's report, line by line: headline, the dimensions it sees, milestones, then every
 * issue it is shown by section (key and summary), so a change in what the client sees shows here.
 */
function clientLinesOf(report: ClientStatusReportJson): string {
  const lines: string[] = [`headline: ${report.overall.headline}`];
  for (const d of report.dimensions) {
    lines.push(`${d.id}: ${d.label} | ${d.rag} | ${d.why}`);
  }
  for (const m of report.sections.milestones)
    lines.push(`milestone ${m.name}: ${m.rag} ${m.forecastDate ?? '-'} ${m.progress.percentDone ?? '-'}%`);
  const { sections } = report;
  for (const group of sections.completed) {
    for (const i of group.issues)
      lines.push(`completed [${group.epic === null ? '-' : `${group.epic.key} ${group.epic.summary}`}] ${i.key} ${i.summary}`);
  }
  const lists = {
    inProgress: sections.inProgress,
    nextUp: sections.nextUp,
    flagged: sections.flagged,
    waitingOnClient: sections.waitingOnClient,
  };
  for (const [name, issues] of Object.entries(lists)) for (const i of issues) lines.push(`${name} ${i.key} ${i.summary}`);
  for (const b of sections.blocked)
    lines.push(`blocked ${b.issue.key} ${b.issue.summary} by ${b.blockedBy.join(', ') || '-'} + ${b.hiddenBlockers} internal`);
  for (const r of sections.registerRisks ?? []) lines.push(`register risk ${r.level} ${r.status} ${r.text}`);
  for (const d of sections.decisions ?? []) lines.push(`decision ${d.date} [${d.seriesTitle ?? '-'}] ${d.text}`);
  for (const a of sections.actionItems ?? [])
    lines.push(`action ${a.status}${a.overdue ? ' overdue' : ''} ${a.ownerSide} ${a.due ?? '-'} ${a.text}`);
  return `${lines.join('\n')}\n`;
}

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cf-golden-'));
  file = path.join(dir, 'acme.json');
  const [acme] = demoDatasets();
  writeFileSync(file, JSON.stringify(acme));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the demo report, sentence by sentence', () => {
  it.each([
    { audience: 'internal', lang: 'en' },
    { audience: 'internal', lang: 'zh-CN' },
    { audience: 'client', lang: 'en' },
    { audience: 'client', lang: 'zh-CN' },
  ])('$audience, $lang', async ({ audience, lang }) => {
    let out = '';
    let err = '';
    const args = ['report', '--dataset', file, '--now', DEMO_NOW.toISOString(), '--audience', audience, '--lang', lang];
    const code = await runCli(args, {}, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
    expect(err).toBe('');
    expect(code).toBe(0);
    const json: unknown = JSON.parse(out);
    const text = audience === 'client' ? clientLinesOf(clientStatusReportSchema.parse(json)) : sentencesOf(statusReportSchema.parse(json));
    await expect(text).toMatchFileSnapshot(`./__golden__/acme-${audience}-${lang}.txt`);
  });
});
