/**
 * `node --expose-gc --trace-gc --import tsx bench/read-child.ts ORIGIN`: reads the SCALE
 * project from an emulator server with the full-read path (JiraProjectReader, as the CLI does)
 * and derives its report — and nothing else. Prints `RESULT {json}` with the peak RSS and the
 * live heap: sampled after a forced full GC once a page is parsed (at most every 250 ms and
 * under a tenth of the run's time), beside V8's own full GCs that the parent reads from
 * `--trace-gc`.
 */
import { JiraClient, RETRY_POLICIES } from '../src/adapters/jira/jira-client';
import { JiraProjectReader } from '../src/adapters/jira/jira-project-reader';
import { deriveFromRead } from '../src/application/build-status-report';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../src/domain/project-data';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { BENCH_NOW, BENCH_PROJECT_KEY } from './bench-settings';

const origin = process.argv[2] ?? '';
const gc = (globalThis as { gc?: () => void }).gc;
if (!origin || !gc) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/read-child.ts ORIGIN\n');
  process.exit(2);
}
const forceGc = gc;
let nextSampleAt = 0;
let liveHeapPeak = 0;
let samples = 0;
let gcMs = 0;
const sample = () => {
  const started = performance.now();
  if (started < nextSampleAt) return;
  forceGc();
  const ms = performance.now() - started;
  gcMs += ms;
  samples += 1;
  liveHeapPeak = Math.max(liveHeapPeak, process.memoryUsage().heapUsed);
  nextSampleAt = performance.now() + Math.max(250, 10 * ms);
};

/** Samples once the page is parsed: the moment a page and the issues mapped so far are both alive. */
function sampledResponse(text: string, init: ResponseInit): Response {
  const response = new Response(text, init);
  const parse = response.json.bind(response);
  // Why defineProperty: the fetch types declare `json` a readonly property, not a method to override.
  return Object.defineProperty(response, 'json', {
    value: async () => {
      const value: unknown = await parse();
      sample();
      return value;
    },
  });
}

forceGc();
const baselineHeap = process.memoryUsage().heapUsed;
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
let pages = 0;
const client = new JiraClient({
  transport: async (path, init = {}) => {
    const response = await fetch(new URL(path, origin), {
      method: init.method ?? 'GET',
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const text = await response.text();
    pages += 1;
    return sampledResponse(text, { status: response.status, headers: response.headers });
  },
  policy: RETRY_POLICIES.consumer,
});
const reader = new JiraProjectReader(client);
const read = await reader.readProject(BENCH_PROJECT_KEY, DEFAULT_PROJECT_SETTINGS);
nextSampleAt = 0;
sample();
const report = await deriveFromRead(
  {
    settings: DEFAULT_PROJECT_SETTINGS,
    records: {
      satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA),
      communication: () => Promise.resolve(NO_COMMUNICATION_DATA),
      changeRequests: () => Promise.resolve([]),
      registerRisks: () => Promise.resolve([]),
      engagement: () => Promise.resolve(undefined),
    },
  },
  read,
  { projectKey: BENCH_PROJECT_KEY, audience: 'internal', lang: 'en', now: BENCH_NOW },
);
nextSampleAt = 0;
sample();
process.stdout.write(
  `RESULT ${JSON.stringify({
    liveHeapPeak,
    baselineHeap,
    baselineRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    samples,
    gcMs,
    pages,
    issues: read.issues.length,
    risks: report.issueRisks.length,
    wallMs: performance.now() - started,
  })}\n`,
);
