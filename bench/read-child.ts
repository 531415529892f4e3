/**
 * `tsx bench/read-child.ts ORIGIN`: reads the SCALE project from an emulator server and derives
 * its report — and nothing else — sampling the heap every 5 ms and after every page. Prints
 * `RESULT {json}`. Run it with `--trace-gc` so the parent also sees the heap size before each GC,
 * which catches peaks inside long synchronous steps that no timer can interrupt.
 */
import { JiraClient, RETRY_POLICIES } from '../src/adapters/jira/jira-client';
import { JiraProjectReader } from '../src/adapters/jira/jira-project-reader';
import { deriveFromRead } from '../src/application/build-status-report';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../src/domain/project-data';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { BENCH_NOW, BENCH_PROJECT_KEY } from './bench-settings';

const origin = process.argv[2] ?? '';
let peak = 0;
let samples = 0;
const sample = () => {
  samples += 1;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
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

const baseline = process.memoryUsage().heapUsed;
const timer = setInterval(sample, 5);
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
    sample();
    return sampledResponse(text, { status: response.status, headers: response.headers });
  },
  policy: RETRY_POLICIES.consumer,
});
const reader = new JiraProjectReader(client);
const read = await reader.readProject(BENCH_PROJECT_KEY, DEFAULT_PROJECT_SETTINGS);
sample();
const report = await deriveFromRead(
  {
    settings: DEFAULT_PROJECT_SETTINGS,
    records: { satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA), communication: () => Promise.resolve(NO_COMMUNICATION_DATA) },
  },
  read,
  { projectKey: BENCH_PROJECT_KEY, audience: 'internal', lang: 'en', now: BENCH_NOW },
);
sample();
clearInterval(timer);
process.stdout.write(
  `RESULT ${JSON.stringify({ peak, baseline, samples, pages, issues: read.issues.length, risks: report.issueRisks.length, wallMs: performance.now() - started })}\n`,
);
