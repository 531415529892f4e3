/**
 * `node --import tsx bench/open-child.ts ISSUES [KVS_FILE]`: opens the Overview and the issue
 * panel of a scale project from its snapshot, through the local runtime, and prints
 * `RESULT {json}` with Jira calls (metered) and latencies per open.
 *
 * The snapshot is KVS_FILE's (written by `sync-child.ts` for the same project), or built here
 * first. Jira then also holds one issue the snapshot has not seen (created since, its event not
 * delivered): the panel's one case that needs Jira.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateScaleDataset } from '../local/jira/demo-generator';
import type { DatasetIssue } from '../local/jira/dataset';
import { LOCAL_USER } from '../local/runtime/local-forge';
import { BENCH_NOW, BENCH_SEED } from './bench-settings';
import { expirePermissions, firstOpen, openOverview, startBenchApp, timed, viewIssue } from './bench-app';

const RUNS = 7;
const issues = Number(process.argv[2]);
const givenKvs = process.argv[3];
if (!Number.isInteger(issues) || issues <= 0) {
  process.stderr.write('usage: open-child.ts ISSUES [KVS_FILE]\n');
  process.exit(2);
}
const dataset = generateScaleDataset({ issues, seed: BENCH_SEED, now: BENCH_NOW });
const tempDir = givenKvs ? undefined : mkdtempSync(path.join(tmpdir(), 'cf-bench-open-'));
const kvsFile = givenKvs ?? path.join(tempDir ?? '', 'kvs.sqlite');

let buildMs: number | null = null;
if (!givenKvs) {
  const builder = await startBenchApp(dataset, kvsFile);
  buildMs = (await timed(() => firstOpen(builder))).ms;
  await builder.app.close();
}

// One issue Jira has and the snapshot does not: a copy of an untouched to-do issue under a new key.
const template = dataset.issues.find((i) => i.fields['updated'] === i.fields['created']) ?? dataset.issues[0];
if (!template) throw new Error('an empty dataset');
const unseenNumber = issues + 1;
const unseen: DatasetIssue = {
  ...structuredClone(template),
  id: String(100000 + unseenNumber),
  key: `SCALE-${unseenNumber}`,
};
dataset.issues.push(unseen);

const bench = await startBenchApp(dataset, kvsFile);
const { app, meter } = bench;
const calls = async (run: () => Promise<unknown>) => {
  const before = meter.read().calls;
  const { ms } = await timed(run);
  return { ms, calls: meter.read().calls - before };
};
const kvsCalls = () => Object.values(app.kvs.stats().calls).reduce((a, b) => a + b, 0);
const panelIssues = Array.from({ length: RUNS + 2 }, (_, i) => {
  const issue = dataset.issues[Math.floor(((i + 0.5) / (RUNS + 2)) * issues)];
  if (!issue) throw new Error('no such issue');
  return { id: issue.id, key: issue.key };
});

// Warm-up (module loading, JIT, the permission cache): not counted.
await openOverview(app);
await viewIssue(app, panelIssues[RUNS] ?? panelIssues[0] ?? unseen);
await openOverview(app);
await viewIssue(app, panelIssues[RUNS + 1] ?? panelIssues[0] ?? unseen);

const overview = { ms: [] as number[], calls: [] as number[], kvsCalls: [] as number[], reportChars: 0 };
for (let i = 0; i < RUNS; i += 1) {
  const kvsBefore = kvsCalls();
  const run = await calls(async () => {
    overview.reportChars = (await openOverview(app)).reportChars;
  });
  overview.ms.push(run.ms);
  overview.calls.push(run.calls);
  overview.kvsCalls.push(kvsCalls() - kvsBefore);
}
await expirePermissions(app, LOCAL_USER.accountId);
const coldOverview = await calls(() => openOverview(app));

const panel = { ms: [] as number[], calls: [] as number[], kvsCalls: [] as number[] };
for (const issue of panelIssues.slice(0, RUNS)) {
  const kvsBefore = kvsCalls();
  const run = await calls(() => viewIssue(app, issue));
  panel.ms.push(run.ms);
  panel.calls.push(run.calls);
  panel.kvsCalls.push(kvsCalls() - kvsBefore);
}
const unseenFirst = await calls(() => viewIssue(app, unseen));
const unseenAgain = await calls(() => viewIssue(app, unseen));
await expirePermissions(app, LOCAL_USER.accountId);
const coldPanel = await calls(() => viewIssue(app, panelIssues[0] ?? unseen));

await app.close();
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
process.stdout.write(
  `RESULT ${JSON.stringify({
    issues,
    buildMs,
    overview,
    coldOverviewCalls: coldOverview.calls,
    panel,
    unseen: { firstCalls: unseenFirst.calls, firstMs: unseenFirst.ms, againCalls: unseenAgain.calls, againMs: unseenAgain.ms },
    coldPanelCalls: coldPanel.calls,
  })}\n`,
);
