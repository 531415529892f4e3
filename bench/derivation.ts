/**
 * The derivation figures of `npm run bench` (issue 3 "Performance"), run by `bench/run.ts` in
 * a process of its own with a large heap. Prints one `ROW {json}` line per figure.
 *
 * Method, per generated project (1k, 10k, 100k issues):
 * 1. Record: the real read path (JiraProjectReader over JiraClient) against the emulator
 *    in-process, keeping every response text by request. The emulator's counters give the Jira
 *    calls and bytes (c).
 * 2. Replay, timed: the same reader and the report derivation over a transport that answers
 *    from the recording. Derivation CPU = process.cpuUsage() (user + system) around
 *    readProject + deriveFromRead, minus the CPU of the JSON.parse calls made meanwhile (the
 *    client's, each measured around the synchronous call, so no other work is counted). What remains is
 *    mapping (zod checks, Jira JSON to Issue) and the domain derivation: no network, no emulator.
 * 3. Denominator of (a): CPU of JSON.parse over the same recorded page texts (search and
 *    changelog pages), parsed one after another outside the reader. Medians over a few runs.
 * (b) memory runs in a child (`read-child.ts`) reading from an emulator in a third process
 *    (`emulator-server.ts`), three times: the medians of its peak RSS and of its live heap after
 *    a full GC (forced samples and V8's own full GCs). (c)'s budget is a fixed formula over the
 *    generated data (`history-oracle.ts` counts the issues needing history), not over the run.
 *    (d) is the ratio of the median derivation CPU at 100k and 10k.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JiraClient, RETRY_POLICIES, type JiraTransport } from '../src/adapters/jira/jira-client';
import { JiraProjectReader } from '../src/adapters/jira/jira-project-reader';
import { deriveFromRead } from '../src/application/build-status-report';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../src/domain/project-data';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { generateScaleDataset } from '../local/jira/demo-generator';
import { BULK_CHANGELOG_MAX_ISSUES, JiraEmulator, SEARCH_MAX_RESULTS_WITH_FIELDS } from '../local/jira/emulator';
import { childResult, emitRow as emit, markCompactAfterMb, median, MB, runChild, verdict } from './bench-row';
import { BENCH_NOW, BENCH_PROJECT_KEY, BENCH_SEED, BENCH_SIZES } from './bench-settings';
import { countIssuesNeedingHistory } from './history-oracle';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(benchDir, '..');

const benchStarted = performance.now();
const progress = (what: string) => process.stderr.write(`  bench: ${what} (${((performance.now() - benchStarted) / 1000).toFixed(0)} s)\n`);
/** The full read's calls besides its pages: the project, its versions, `/field`, `/status`, `/priority`. */
const FULL_READ_FIXED_CALLS = 5;
/** Runs of the memory child, for medians. */
const MEMORY_RUNS = 3;

const SEARCH_PATH = '/rest/api/3/search/jql';
const CHANGELOG_PATH = '/rest/api/3/changelog/bulkfetch';

interface Recording {
  /** Response text by request (method, path, body). */
  texts: Map<string, string>;
  /** Search and changelog page texts, in the order received: the raw pages of (a). */
  pages: string[];
  searchPages: number;
  calls: number;
  bytes: number;
  searchCalls: number;
  changelogCalls: number;
  /** Issues needing history by the data (`history-oracle.ts`), for the budget. */
  needingHistory: number;
  recordWallMs: number;
}

const requestKey = (path: string, init: { method?: string; body?: string } = {}) => `${init.method ?? 'GET'} ${path} ${init.body ?? ''}`;

const NO_RECORDS = {
  satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA),
  communication: () => Promise.resolve(NO_COMMUNICATION_DATA),
  changeRequests: () => Promise.resolve([]),
  registerRisks: () => Promise.resolve([]),
  engagement: () => Promise.resolve(undefined),
};

async function readAndDerive(transport: JiraTransport) {
  const reader = new JiraProjectReader(new JiraClient({ transport, policy: RETRY_POLICIES.consumer }));
  const read = await reader.readProject(BENCH_PROJECT_KEY, DEFAULT_PROJECT_SETTINGS);
  return deriveFromRead({ settings: DEFAULT_PROJECT_SETTINGS, records: NO_RECORDS }, read, {
    projectKey: BENCH_PROJECT_KEY,
    audience: 'internal',
    lang: 'en',
    now: BENCH_NOW,
  });
}

async function record(issues: number): Promise<Recording> {
  const dataset = generateScaleDataset({ issues, seed: BENCH_SEED, now: BENCH_NOW });
  const needingHistory = countIssuesNeedingHistory(dataset);
  const emulator = new JiraEmulator({ datasets: [dataset], now: () => BENCH_NOW });
  const texts = new Map<string, string>();
  const pages: string[] = [];
  let searchPages = 0;
  const started = performance.now();
  await readAndDerive(async (path, init = {}) => {
    const response = await emulator.handle(
      new Request(new URL(path, 'https://bench.invalid'), {
        method: init.method ?? 'GET',
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.body !== undefined ? { body: init.body } : {}),
      }),
    );
    const text = await response.text();
    if (response.ok) texts.set(requestKey(path, init), text);
    const route = path.split('?')[0];
    if (route === SEARCH_PATH) searchPages += 1;
    if (route === SEARCH_PATH || route === CHANGELOG_PATH) pages.push(text);
    return new Response(text, { status: response.status, headers: response.headers });
  });
  const recordWallMs = performance.now() - started;
  const stats = emulator.stats();
  const callsTo = (route: string) => stats.byEndpoint[`POST ${route}`]?.calls ?? 0;
  return {
    texts,
    pages,
    searchPages,
    calls: stats.totalCalls,
    bytes: stats.totalBytes,
    searchCalls: callsTo(SEARCH_PATH),
    changelogCalls: callsTo(CHANGELOG_PATH),
    needingHistory,
    recordWallMs,
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** A response whose body text is at hand, so reading it costs nothing (no bytes to decode). */
function textResponse(text: string): Response {
  // Why defineProperty: the fetch types declare `text` a readonly property, not a method to override.
  return Object.defineProperty(new Response(null, { status: 200 }), 'text', { value: () => Promise.resolve(text) });
}

/**
 * One timed replay: derivation CPU excluding the JSON.parse calls, in ms. The client parses the
 * response texts itself, so `JSON.parse` is wrapped for the replay and its CPU summed.
 */
async function timedReplay(recording: Recording): Promise<number> {
  let parseMs = 0;
  const transport: JiraTransport = (path, init = {}) => {
    const text = recording.texts.get(requestKey(path, init));
    if (text === undefined) return Promise.reject(new Error(`not recorded: ${requestKey(path, init).slice(0, 200)}`));
    return Promise.resolve(textResponse(text));
  };
  const parse = JSON.parse;
  JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]): unknown => {
    const before = process.cpuUsage();
    const value: unknown = parse(text, reviver);
    parseMs += cpuMs(before);
    return value;
  };
  try {
    const before = process.cpuUsage();
    await readAndDerive(transport);
    return cpuMs(before) - parseMs;
  } finally {
    JSON.parse = parse;
  }
}

function timedParse(recording: Recording): number {
  const before = process.cpuUsage();
  let keep = 0;
  for (const text of recording.pages) keep += (JSON.parse(text) as { issues?: unknown[] }).issues?.length ?? 1;
  const ms = cpuMs(before);
  if (keep < 0) throw new Error('unreachable');
  return ms;
}

interface MemoryRun {
  liveHeapPeak: number;
  baselineHeap: number;
  baselineRss: number;
  peakRss: number;
  samples: number;
  wallMs: number;
  /** The largest heap left by one of V8's own full GCs, in MB (from `--trace-gc`). */
  markCompactMb: number;
}

/** (b): emulator in one process, reader + derivation in another, `MEMORY_RUNS` times. */
async function memoryRuns(issues: number): Promise<MemoryRun[]> {
  let origin = '';
  let stopServer: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const server = runChild(
      ['--import', 'tsx', path.join(benchDir, 'emulator-server.ts'), String(issues)],
      (line) => {
        const m = /^READY (\S+)/u.exec(line);
        if (m?.[1]) {
          origin = m[1];
          resolve();
        }
      },
      rootDir,
    );
    stopServer = server.kill;
    void server.done.then((code) => reject(new Error(`emulator-server exited ${code}`)));
  });
  await ready;
  try {
    const runs: MemoryRun[] = [];
    for (let i = 0; i < MEMORY_RUNS; i += 1) {
      let markCompactMb = 0;
      const result = await childResult<Omit<MemoryRun, 'markCompactMb'>>(
        ['--expose-gc', '--trace-gc', '--import', 'tsx', path.join(benchDir, 'read-child.ts'), origin],
        rootDir,
        { onGc: (line) => (markCompactMb = Math.max(markCompactMb, markCompactAfterMb(line) ?? 0)) },
      );
      runs.push({ ...result, markCompactMb });
    }
    return runs;
  } finally {
    stopServer();
  }
}

const largest = BENCH_SIZES[BENCH_SIZES.length - 1] ?? 100_000;
// (b) runs beside the recordings (untimed work); the timed replays wait for it.
const memory = memoryRuns(largest);
const recordings = new Map<number, Recording>();
for (const issues of BENCH_SIZES) {
  progress(`recording the read of ${issues} issues`);
  recordings.set(issues, await record(issues));
}
progress('waiting for the memory children');
const memoryResult = await memory.catch((error: unknown) => error as Error);

progress('timing derivation');
const derivationMs = new Map<number, number>();
const warmup = recordings.get(BENCH_SIZES[0]);
if (warmup) for (let i = 0; i < 3; i++) await timedReplay(warmup);
for (const issues of BENCH_SIZES) {
  const recording = recordings.get(issues);
  if (!recording) continue;
  const runs = issues >= 100_000 ? 3 : 9;
  const derive: number[] = [];
  const parse: number[] = [];
  for (let i = 0; i < runs; i++) {
    derive.push(await timedReplay(recording));
    parse.push(timedParse(recording));
  }
  const d = median(derive);
  const p = median(parse);
  derivationMs.set(issues, d);
  const ratio = d / p;
  emit({
    measure: `(a) derivation CPU / JSON.parse, ${issues.toLocaleString('en')} issues`,
    value: ratio.toFixed(2),
    budget: '≤ 1.0',
    verdict: `${verdict(ratio <= 1)} (${d.toFixed(0)} / ${p.toFixed(0)} ms, ${recording.pages.length} pages, median of ${runs})`,
  });
}
for (const issues of BENCH_SIZES) {
  const r = recordings.get(issues);
  if (!r) continue;
  const floor = Math.ceil(issues / SEARCH_MAX_RESULTS_WITH_FIELDS);
  const batches = Math.ceil(r.needingHistory / BULK_CHANGELOG_MAX_ISSUES);
  const budget = floor + batches + FULL_READ_FIXED_CALLS;
  emit({
    measure: `(c) Jira calls for a full read (CLI), ${issues.toLocaleString('en')} issues`,
    value: `${r.calls} calls, ${(r.bytes / MB).toFixed(1)} MB`,
    budget: `≤ ${budget} (⌈N/100⌉ + ⌈H/1000⌉ + ${FULL_READ_FIXED_CALLS})`,
    verdict: `${verdict(r.calls <= budget)} (search ${r.searchCalls} of ${floor}; changelog ${r.changelogCalls} of ${batches}, H = ${r.needingHistory.toLocaleString('en')} by the data; other ${r.calls - r.searchCalls - r.changelogCalls})`,
  });
}
if (memoryResult instanceof Error) {
  emit({
    measure: `(b) memory, raw pages to report, ${largest.toLocaleString('en')} issues`,
    value: 'failed',
    budget: '',
    verdict: memoryResult.message,
  });
} else {
  const rss = median(memoryResult.map((r) => r.peakRss)) / MB;
  const live = median(memoryResult.map((r) => Math.max(r.liveHeapPeak / MB, r.markCompactMb)));
  const baseline = median(memoryResult.map((r) => r.baselineRss)) / MB;
  emit({
    measure: `(b) peak RSS, full read to report (CLI path), ${largest.toLocaleString('en')} issues (median of ${MEMORY_RUNS})`,
    value: `${rss.toFixed(0)} MB`,
    budget: '≤ 512 MB',
    verdict: `${verdict(rss <= 512)} (runs ${memoryResult.map((r) => (r.peakRss / MB).toFixed(0)).join(' / ')} MB; ${baseline.toFixed(0)} MB before reading)`,
  });
  emit({
    measure: `(b) live heap after full GC, same read (median of ${MEMORY_RUNS})`,
    value: `${live.toFixed(0)} MB`,
    budget: '≤ 256 MB',
    verdict: `${verdict(live <= 256)} (runs ${memoryResult.map((r) => Math.max(r.liveHeapPeak / MB, r.markCompactMb).toFixed(0)).join(' / ')} MB: the larger of forced-GC samples and V8's own full GCs)`,
  });
}
const big = derivationMs.get(100_000);
const mid = derivationMs.get(10_000);
if (big !== undefined && mid !== undefined) {
  const ratio = big / mid;
  emit({ measure: '(d) scaling, derivation CPU 100k / 10k', value: ratio.toFixed(2), budget: '≤ 11', verdict: verdict(ratio <= 11) });
}
