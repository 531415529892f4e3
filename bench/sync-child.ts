/**
 * `node --expose-gc --trace-gc --import tsx bench/sync-child.ts ORIGIN KVS_FILE`: the full sync
 * of the scale project served by `emulator-server.ts` at ORIGIN, through the local runtime as
 * Forge runs it — the project page's first open hands a large project to the async consumer,
 * whose chunks run until the snapshot is written — into a SQLite KVS at KVS_FILE.
 * Jira lives in the other process, so this one's memory is the app's (and the local KVS's).
 *
 * Memory: the live heap is sampled after a forced full GC, at most every few seconds, at KVS
 * calls (the moments between the sync's steps, when what a step holds is alive), with the GC
 * time kept under a tenth of the run; the parent also reads `--trace-gc` for V8's own full GCs.
 * Peak RSS is the OS's high-water mark. Prints `RESULT {json}`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalApp } from '../local/runtime/create-local-app';
import { projectPageContext } from '../test/support/contexts';
import { BENCH_PROJECT_ID, BENCH_PROJECT_KEY } from './bench-settings';
import type { MeterReading } from './jira-meter';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [origin = '', kvsFile = ''] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!origin || !kvsFile || !gc) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/sync-child.ts ORIGIN KVS_FILE\n');
  process.exit(2);
}
const forceGc = gc;

const MIN_SAMPLE_GAP_MS = 250;
let nextSampleAt = 0;
let liveHeapPeak = 0;
let liveSamples = 0;
let gcMs = 0;
function sampleLiveHeap(): void {
  const started = performance.now();
  if (started < nextSampleAt) return;
  forceGc();
  const ms = performance.now() - started;
  gcMs += ms;
  liveSamples += 1;
  liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
  nextSampleAt = performance.now() + Math.max(MIN_SAMPLE_GAP_MS, 10 * ms);
}

const app = await createLocalApp({
  rootDir,
  kvsFile,
  jiraSite: { baseUrl: origin, email: 'bench@example.invalid', apiToken: 'bench' },
});
const kvsHandle = app.kvs.handle.bind(app.kvs);
// Why an own property: the Forge globals call `handle` on the instance at every KVS request.
Object.defineProperty(app.kvs, 'handle', {
  value: (requestPath: string, init: Parameters<typeof kvsHandle>[1]) => {
    sampleLiveHeap();
    return kvsHandle(requestPath, init);
  },
});

const context = projectPageContext({ id: BENCH_PROJECT_ID, key: BENCH_PROJECT_KEY });
await fetch(new URL('/__bench/reset', origin), { method: 'POST' });
forceGc();
const baselineHeap = process.memoryUsage().heapUsed;
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
// The first open of the project page starts the sync; a large project's goes to the consumer.
const firstOpen = await app.forge.invokeResolver(context, 'project/overview', {});
await app.forge.drainQueue();
const wallMs = performance.now() - started;
sampleLiveHeap();
const stats = (await (await fetch(new URL('/__bench/stats', origin))).json()) as {
  meter: MeterReading;
  emulator: { totalCalls: number; rateLimitPoints: number };
  dataset: { issues: number; needingHistory: number };
};
const status = (await app.forge.invokeResolver(context, 'project/sync-status', {})) as {
  ok: boolean;
  data?: { state: string; error: { code: string; message: string } | null };
};
const invocations = app.forge.invocations;
const chunks = invocations.filter((i) => i.kind === 'consumer').map((i) => ({ ms: i.ms, ok: i.ok, error: i.error ?? null }));
const resolverMs = invocations.find((i) => i.kind === 'resolver' && i.key === 'project/overview')?.ms ?? Number.NaN;
const kvsCalls = Object.values(app.kvs.stats().calls).reduce((a, b) => a + b, 0);
await app.close();
process.stdout.write(
  `RESULT ${JSON.stringify({
    firstOpenAnswer: firstOpen,
    state: status.data?.state ?? 'unknown',
    error: status.data?.error ?? null,
    meter: stats.meter,
    emulatorPoints: stats.emulator.rateLimitPoints,
    dataset: stats.dataset,
    chunks,
    resolverMs,
    wallMs,
    kvsCalls,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    liveHeapPeakBytes: liveHeapPeak,
    baselineHeapBytes: baselineHeap,
    baselineRssBytes: baselineRss,
    liveSamples,
    gcMs,
  })}\n`,
);
