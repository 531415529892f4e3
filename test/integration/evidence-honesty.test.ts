/**
 * Evidence is honest (DESIGN.md §5.3): for every measure of the report the CLI prints, the count
 * its sentence states is the number of issues behind it (`evidenceCount`), its key list is the
 * first of those (capped at 50), its JQL — run against the Jira emulator holding the same data —
 * finds exactly those issues, and a dimension's evidence is its deciding measure's, never a mix.
 * On the demo projects and on generated ones.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../../cli/run-cli';
import { statusReportSchema, type MeasureJson, type StatusReportJson } from '../../contract/report';
import type { Dataset } from '../../local/jira/dataset';
import { generateScaleDataset } from '../../local/jira/demo-generator';
import { JiraEmulator } from '../../local/jira/emulator';
import { DEMO_NOW, demoDatasets } from '../support/local-app';

const EVIDENCE_LIMIT = 50;
const searchPageSchema = z.object({
  issues: z.array(z.object({ key: z.string() })),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cf-evidence-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function reportOf(dataset: Dataset, name: string): Promise<StatusReportJson> {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(dataset));
  let out = '';
  let err = '';
  const args = ['report', '--dataset', file, '--now', DEMO_NOW.toISOString(), '--format', 'json'];
  const code = await runCli(args, {}, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  expect(err).toBe('');
  expect(code).toBe(0);
  return statusReportSchema.parse(JSON.parse(out));
}

/** Every key the emulator's search finds for `jql`, page by page. */
async function searchKeys(emulator: JiraEmulator, jql: string): Promise<Set<string>> {
  const keys = new Set<string>();
  let token: string | null | undefined = null;
  for (let page = 0; page < 100; page++) {
    const params = new URLSearchParams({ jql, fields: 'key', maxResults: '5000', ...(token ? { nextPageToken: token } : {}) });
    const response = await emulator.handle(new Request(`https://local.invalid/rest/api/3/search/jql?${params.toString()}`));
    expect(response.status, jql).toBe(200);
    const body = searchPageSchema.parse(await response.json());
    for (const issue of body.issues) keys.add(issue.key);
    token = body.nextPageToken;
    if (!token || body.isLast === true) break;
  }
  return keys;
}

/** The number of issues a measure's sentence states, when it states one. */
function statedCount(m: MeasureJson): number | null {
  const why = m.whyCode;
  switch (why.code) {
    case 'overdueShare':
      return why.params.overdue;
    case 'topBugs':
      return why.params.count;
    case 'reopenRate':
    case 'reopenNoCompletions':
      return why.params.reopened;
    case 'scopeCreep':
      return why.params.added;
    case 'slipOverdue':
    case 'slipNoThroughput':
    case 'slipBeyondHorizon':
      return why.params.unit === 'issues' ? why.params.remaining : null;
    default:
      return null;
  }
}

const DATASETS: { name: string; dataset: () => Dataset }[] = [
  { name: 'demo ACME', dataset: () => demoDatasets()[0] as Dataset },
  { name: 'demo Huazhi', dataset: () => demoDatasets()[1] as Dataset },
  { name: 'generated, seed 11', dataset: () => generateScaleDataset({ issues: 700, seed: 11, now: DEMO_NOW }) },
  { name: 'generated, seed 12', dataset: () => generateScaleDataset({ issues: 1500, seed: 12, now: DEMO_NOW }) },
];

describe('evidence: the count in the text is the count behind the link', () => {
  it.each(DATASETS)('$name', async ({ name, dataset }) => {
    const data = dataset();
    const report = await reportOf(data, name.replace(/\W+/gu, '-'));
    const emulator = new JiraEmulator({ datasets: [data], now: () => DEMO_NOW });
    let withJql = 0;
    let stated = 0;
    for (const d of Object.values(report.dimensions)) {
      for (const m of d.measures) {
        const count = m.evidenceCount ?? -1;
        expect(m.evidence, m.id).toHaveLength(Math.min(count, EVIDENCE_LIMIT));
        expect(new Set(m.evidence).size, m.id).toBe(m.evidence.length);
        const inText = statedCount(m);
        if (inText !== null) {
          stated += 1;
          expect(count, `${m.id}: ${m.why}`).toBe(inText);
        }
        if (m.evidenceJql != null) {
          withJql += 1;
          const found = await searchKeys(emulator, m.evidenceJql);
          expect(found.size, `${m.id}: ${m.evidenceJql}`).toBe(count);
          for (const key of m.evidence) expect(found.has(key), `${m.id}: ${key}`).toBe(true);
        }
      }
      // The dimension shows the evidence of the measure whose sentence it shows.
      const deciding = d.measures.find((m) => JSON.stringify(m.whyCode) === JSON.stringify(d.whyCode));
      if (deciding !== undefined) {
        expect(d.evidence).toEqual(deciding.evidence);
        expect(d.evidenceCount).toBe(deciding.evidenceCount);
        expect(d.evidenceJql).toBe(deciding.evidenceJql);
      }
    }
    // The overdue share always has JQL, and these projects have open dated issues.
    expect(withJql).toBeGreaterThanOrEqual(2);
    expect(stated).toBeGreaterThanOrEqual(3);
  });
});
