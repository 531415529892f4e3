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
 *    readProject + deriveFromRead, minus the CPU of the JSON.parse calls the transport makes
 *    (each measured around the synchronous call, so no other work is counted). What remains is
 *    mapping (zod checks, Jira JSON to Issue) and the domain derivation: no network, no emulator.
 * 3. Denominator of (a): CPU of JSON.parse over the same recorded page texts (search and
 *    changelog pages), parsed one after another outside the reader. Medians over a few runs.
 * (b) peak heap runs in a child (`read-child.ts`) reading from an emulator in a third process
 *    (`emulator-server.ts`); (d) is the ratio of the median derivation CPU at 100k and 10k.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JiraClient, RETRY_POLICIES, type JiraTransport } from '../src/adapters/jira/jira-client';
import { JiraProjectReader } from '../src/adapters/jira/jira-project-reader';
import { deriveFromRead } from '../src/application/build-status-report';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../src/domain/project-data';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import { generateScaleDataset } from '../local/jira/demo-generator';
import { BULK_CHANGELOG_MAX_ISSUES, JiraEmulator, SEARCH_MAX_RESULTS_WITH_FIELDS } from '../local/jira/emulator';
import { BENCH_NOW, BENCH_PROJECT_KEY, BENCH_SEED, BENCH_SIZES, MB } from './bench-settings';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(benchDir, '..');

interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: string;
}
const emit = (row: Row) => process.stdout.write(`ROW ${JSON.stringify(row)}\n`);
const benchStarted = performance.now();
const progress = (what: string) => process.stderr.write(`  bench: ${what} (${((performance.now() - benchStarted) / 1000).toFixed(0)} s)\n`);
const verdict = (ok: boolean) => (ok ? 'within' : 'OVER');

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
  issuesNeedingHistory: number;
  recordWallMs: number;
}

const requestKey = (path: string, init: { method?: string; body?: string } = {}) => `${init.method ?? 'GET'} ${path} ${init.body ?? ''}`;

const NO_RECORDS = {
  satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA),
  communication: () => Promise.resolve(NO_COMMUNICATION_DATA),
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
  const emulator = new JiraEmulator({
    datasets: [generateScaleDataset({ issues, seed: BENCH_SEED, now: BENCH_NOW })],
    now: () => BENCH_NOW,
  });
  const texts = new Map<string, string>();
  const pages: string[] = [];
  let searchPages = 0;
  const historyIds = new Set<string>();
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
    if (route === CHANGELOG_PATH && init.body !== undefined) {
      for (const id of (JSON.parse(init.body) as { issueIdsOrKeys: string[] }).issueIdsOrKeys) historyIds.add(id);
    }
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
    issuesNeedingHistory: historyIds.size,
    recordWallMs,
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** A response whose body is already parsed, so the client's `json()` costs nothing. */
function parsedResponse(value: unknown): Response {
  // Why defineProperty: the fetch types declare `json` a readonly property, not a method to override.
  return Object.defineProperty(new Response(null, { status: 200 }), 'json', { value: () => Promise.resolve(value) });
}

/** One timed replay: derivation CPU excluding the JSON.parse calls, in ms. */
async function timedReplay(recording: Recording): Promise<number> {
  let parseMs = 0;
  const transport: JiraTransport = (path, init = {}) => {
    const text = recording.texts.get(requestKey(path, init));
    if (text === undefined) return Promise.reject(new Error(`not recorded: ${requestKey(path, init).slice(0, 200)}`));
    const before = process.cpuUsage();
    const value: unknown = JSON.parse(text);
    parseMs += cpuMs(before);
    return Promise.resolve(parsedResponse(value));
  };
  const before = process.cpuUsage();
  await readAndDerive(transport);
  return cpuMs(before) - parseMs;
}

function timedParse(recording: Recording): number {
  const before = process.cpuUsage();
  let keep = 0;
  for (const text of recording.pages) keep += (JSON.parse(text) as { issues?: unknown[] }).issues?.length ?? 1;
  const ms = cpuMs(before);
  if (keep < 0) throw new Error('unreachable');
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

function runChild(args: string[], onLine: (line: string) => void): { done: Promise<number>; pid: number | undefined; kill: () => void } {
  const child = spawn(process.execPath, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'inherit'] });
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
    }
  });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return { done, pid: child.pid, kill: () => child.kill('SIGTERM') };
}

/** (b): emulator in one process, reader + derivation in another with --trace-gc. */
async function peakHeap(issues: number): Promise<{ peakMb: number; sampledMb: number; baselineMb: number; gcs: number; wallMs: number }> {
  let origin = '';
  let stopServer: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    const server = runChild(['--import', 'tsx', path.join(benchDir, 'emulator-server.ts'), String(issues)], (line) => {
      const m = /^READY (\S+)/u.exec(line);
      if (m?.[1]) {
        origin = m[1];
        resolve();
      }
    });
    stopServer = server.kill;
    process.once('exit', server.kill);
    void server.done.then((code) => reject(new Error(`emulator-server exited ${code}`)));
  });
  await ready;
  try {
    let result: { peak: number; baseline: number; wallMs: number } | undefined;
    let gcPeakMb = 0;
    let gcs = 0;
    const child = runChild(['--trace-gc', '--import', 'tsx', path.join(benchDir, 'read-child.ts'), origin], (line) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7)) as typeof result;
      // "... ms: Mark-Compact 120.3 (131.0) -> 98.2 (130.5) MB, ...": the first figure is the heap used before the GC.
      const gc = /ms: [A-Za-z -]+?(?:\([a-z ]+\) )?([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/u.exec(line);
      if (gc?.[1]) {
        gcs += 1;
        gcPeakMb = Math.max(gcPeakMb, Number(gc[1]));
      }
    });
    const code = await child.done;
    if (code !== 0 || !result) throw new Error(`read-child exited ${code}`);
    const sampledMb = result.peak / MB;
    return { peakMb: Math.max(sampledMb, gcPeakMb), sampledMb, baselineMb: result.baseline / MB, gcs, wallMs: result.wallMs };
  } finally {
    stopServer();
  }
}

const largest = BENCH_SIZES[BENCH_SIZES.length - 1] ?? 100_000;
// (b) runs beside the recordings (untimed work); the timed replays wait for it.
const heap = peakHeap(largest);
const recordings = new Map<number, Recording>();
for (const issues of BENCH_SIZES) {
  progress(`recording the read of ${issues} issues`);
  recordings.set(issues, await record(issues));
}
progress('waiting for the peak-heap child');
const heapResult = await heap.catch((error: unknown) => error as Error);

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
  const budget = floor + Math.ceil(r.issuesNeedingHistory / BULK_CHANGELOG_MAX_ISSUES) + 5;
  emit({
    measure: `(c) Jira calls for a full read, ${issues.toLocaleString('en')} issues`,
    value: `${r.calls} calls, ${(r.bytes / MB).toFixed(1)} MB`,
    budget: `≤ ${budget}`,
    verdict: `${verdict(r.calls <= budget)} (search ${r.searchCalls}, floor ${floor}; changelog ${r.changelogCalls} for ${r.issuesNeedingHistory} issues; other ${r.calls - r.searchCalls - r.changelogCalls})`,
  });
}
if (heapResult instanceof Error) {
  emit({
    measure: `(b) peak heap, ${largest.toLocaleString('en')} issues`,
    value: 'failed',
    budget: '≤ 256 MB',
    verdict: heapResult.message,
  });
} else {
  emit({
    measure: `(b) peak heap, raw pages to report, ${largest.toLocaleString('en')} issues`,
    value: `${heapResult.peakMb.toFixed(0)} MB`,
    budget: '≤ 256 MB',
    verdict: `${verdict(heapResult.peakMb <= 256)} (sampled ${heapResult.sampledMb.toFixed(0)} MB, before-GC max of ${heapResult.gcs} GCs, baseline ${heapResult.baselineMb.toFixed(0)} MB, ${(heapResult.wallMs / 1000).toFixed(1)} s)`,
  });
}
const big = derivationMs.get(100_000);
const mid = derivationMs.get(10_000);
if (big !== undefined && mid !== undefined) {
  const ratio = big / mid;
  emit({ measure: '(d) scaling, derivation CPU 100k / 10k', value: ratio.toFixed(2), budget: '≤ 11', verdict: verdict(ratio <= 11) });
}
