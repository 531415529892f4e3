/**
 * `node --import tsx bench/page-child.ts`: serves the demo project on the local runtime (its own
 * process, so the load generator does not share its event loop) and prints
 * `READY {json}` with two URLs on loopback:
 * - `page`: the client status page of a live share link the PM created through `share/create`,
 *   after the first sync (so the page reads its stored snapshot, as on a real site);
 * - `baseline`: a minimal web trigger that reads one KVS value through the same platform
 *   globals and answers it, the floor the page's latency is compared with.
 * Runs until killed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import { generateDemoDatasets } from '../local/jira/demo-generator';
import { createLocalApp } from '../local/runtime/create-local-app';
import { projectPageContext } from '../test/support/contexts';
import { BENCH_NOW, BENCH_SEED } from './bench-settings';
import { invoke } from './bench-app';

const BASELINE_KEY = 'bench-baseline';

const datasets = generateDemoDatasets({ seed: BENCH_SEED, now: BENCH_NOW });
const project = datasets[0]?.project;
if (!project) throw new Error('the demo has no project');
const stateDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-page-'));
const app = await createLocalApp({
  rootDir: path.resolve(path.dirname(new URL(import.meta.url).pathname), '..'),
  kvsFile: path.join(stateDir, 'kvs.sqlite'),
  datasets,
  now: () => BENCH_NOW,
  serve: { port: 0, host: '127.0.0.1' },
});

await kvs.set(BASELINE_KEY, { ok: true, at: BENCH_NOW.toISOString() });
app.forge.addWebTrigger('bench-baseline', async () => {
  const value = await kvs.get(BASELINE_KEY);
  return { statusCode: 200, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(value) };
});

const context = projectPageContext(project);
// The first open syncs the project and stores its snapshot; the page reads only that.
await app.forge.invokeResolver(context, 'project/overview', {});
await app.forge.drainQueue();
await invoke(app, context, 'project/overview', {});
const link = (await invoke(app, context, 'share/create', {
  scope: { kind: 'live' },
  lang: 'en',
  label: 'Load bench',
  expiresInDays: 30,
})) as { id: string; url: string };
const tokenOf = (url: string): string => {
  const found = /\/s\/([A-Za-z0-9_-]+)/u.exec(url)?.[1];
  if (!found) throw new Error(`share/create answered an URL without a token: ${url}`);
  return found;
};
const token = tokenOf(link.url);
// A revoked link, for the time class of refused tokens against unknown ones.
const revoked = (await invoke(app, context, 'share/create', {
  scope: { kind: 'live' },
  lang: 'en',
  label: 'Revoked',
  expiresInDays: 30,
})) as { id: string; url: string };
await invoke(app, context, 'share/revoke', { id: revoked.id });
const base = app.url ?? '';
process.stdout.write(
  `READY ${JSON.stringify({
    page: `${base}/x1/client-status-page/s/${token}`,
    baseline: `${base}/x1/bench-baseline/`,
    revoked: `${base}/x1/client-status-page/s/${tokenOf(revoked.url)}`,
    unknownBase: `${base}/x1/client-status-page/s/`,
  })}\n`,
);

// Stop cleanly when the bench is done (so a `--cpu-prof` run writes its profile).
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
