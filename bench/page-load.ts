/**
 * The client status page under load (issue 12): 50 clients at once, each sending its next request
 * when the last one answered, for a fixed time, on loopback against the local runtime in its own
 * process (`page-child.ts`). The page is compared with a minimal web trigger reading one KVS
 * value in the same run; the phases alternate (baseline, page, baseline, page) so a slower
 * moment of the shared machine falls on both.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { fmtMs, progress, verdict, type Row } from './bench-row';

const CLIENTS = 50;
const PHASE_MS = 5_000;
const WARM_UP_MS = 1_500;
const P95_RATIO_BUDGET = 2.0;
const HTML_BUDGET_BYTES = 60 * 1024;

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface PhaseResult {
  latencies: number[];
  errors: number;
}

function get(agent: http.Agent, url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'text/html' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * One request whose body is drained without being looked at: the load generator shares the
 * machine with the server, so it spends no time on bodies it does not need.
 */
function hit(agent: http.Agent, url: string, userAgent?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { accept: 'text/html', ...(userAgent === undefined ? {} : { 'user-agent': userAgent }) };
    const request = http.get(url, { agent, headers }, (response) => {
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
      response.resume();
    });
    request.on('error', reject);
  });
}

/**
 * Twelve browsers on six systems, as the access log tells them apart: clients sending these do
 * not look alike, so their views are logged apart (`coalesced` joins only identical ones).
 */
const MIXED_AGENTS = [
  ['Chrome/126.0 Safari/537.36', 'Windows NT 10.0; Win64; x64'],
  ['Chrome/126.0 Safari/537.36', 'Macintosh; Intel Mac OS X 14_5'],
  ['Chrome/126.0 Mobile Safari/537.36', 'Linux; Android 14; Pixel 8'],
  ['Chrome/126.0 Safari/537.36', 'X11; Linux x86_64'],
  ['Chrome/126.0 Safari/537.36', 'X11; CrOS x86_64 15917.71.0'],
  ['Version/17.5 Safari/605.1.15', 'Macintosh; Intel Mac OS X 14_5'],
  ['Version/17.5 Mobile/15E148 Safari/604.1', 'iPhone; CPU iPhone OS 17_5 like Mac OS X'],
  ['Firefox/127.0', 'Windows NT 10.0; Win64; x64; rv:127.0'],
  ['Firefox/127.0', 'X11; Linux x86_64; rv:127.0'],
  ['Chrome/126.0 Safari/537.36 Edg/126.0', 'Windows NT 10.0; Win64; x64'],
  ['Chrome/126.0 Safari/537.36 OPR/111.0', 'Windows NT 10.0; Win64; x64'],
  ['SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36', 'Linux; Android 14; SM-S918B'],
].map(([browser, os]) => `Mozilla/5.0 (${os ?? ''}) AppleWebKit/537.36 (KHTML, like Gecko) ${browser ?? ''}`);

/**
 * `CLIENTS` loops against `url` for `ms`; every answer but a 200 counts as an error. With
 * `mixedAgents`, client n sends the n-th of `MIXED_AGENTS` (in turn), else no user agent.
 */
async function load(url: string, ms: number, mixedAgents = false): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const result: PhaseResult = { latencies: [], errors: 0 };
  const end = performance.now() + ms;
  const client = async (n: number) => {
    const userAgent = mixedAgents ? MIXED_AGENTS[n % MIXED_AGENTS.length] : undefined;
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const status = await hit(agent, url, userAgent);
        if (status === 200) result.latencies.push(performance.now() - started);
        else result.errors += 1;
      } catch {
        result.errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  agent.destroy();
  return result;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const merge = (a: PhaseResult, b: PhaseResult): PhaseResult => ({
  latencies: [...a.latencies, ...b.latencies],
  errors: a.errors + b.errors,
});

interface ChildUrls {
  page: string;
  baseline: string;
  revoked: string;
  unknownBase: string;
}

function startChild(): Promise<{ urls: ChildUrls; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(rootDir, 'bench', 'page-child.ts')], {
    cwd: rootDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => child.kill('SIGTERM');
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`page-child: no READY line within 180 s:\n${out}`));
    }, 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (!line) return;
      clearTimeout(timer);
      const urls = z
        .object({ page: z.url(), baseline: z.url(), revoked: z.url(), unknownBase: z.url() })
        .parse(JSON.parse(line.slice('READY '.length)));
      resolve({ urls, stop });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`page-child exited ${String(code)} before READY:\n${out}`));
    });
  });
}

export async function pageFigures(rows: Row[]): Promise<void> {
  progress('status page: starting the local runtime with the demo project');
  const { urls, stop } = await startChild();
  try {
    const agent = new http.Agent({ keepAlive: false });
    const first = await get(agent, urls.page);
    agent.destroy();
    if (first.status !== 200) throw new Error(`the status page answered ${String(first.status)}`);
    rows.push({
      measure: 'status page HTML, demo project',
      value: `${(first.bytes / 1024).toFixed(1)} KB`,
      budget: `≤ ${HTML_BUDGET_BYTES / 1024} KB`,
      verdict: verdict(first.bytes <= HTML_BUDGET_BYTES),
    });

    progress(`status page: ${CLIENTS} clients, 4 phases of ${PHASE_MS / 1000} s`);
    await load(urls.baseline, WARM_UP_MS);
    await load(urls.page, WARM_UP_MS);
    let baseline: PhaseResult = { latencies: [], errors: 0 };
    let page: PhaseResult = { latencies: [], errors: 0 };
    for (let round = 0; round < 2; round += 1) {
      baseline = merge(baseline, await load(urls.baseline, PHASE_MS));
      page = merge(page, await load(urls.page, PHASE_MS));
    }
    const describe = (r: PhaseResult) =>
      `p50 ${fmtMs(percentile(r.latencies, 50))}, p95 ${fmtMs(percentile(r.latencies, 95))}, ${String(r.latencies.length)} ok, ${String(r.errors)} errors`;
    rows.push({
      measure: `status page, ${String(CLIENTS)} clients`,
      value: describe(page),
      budget: '0 errors',
      verdict: verdict(page.errors === 0),
    });
    rows.push({
      measure: `minimal KVS web trigger, ${String(CLIENTS)} clients`,
      value: describe(baseline),
      budget: '0 errors',
      verdict: verdict(baseline.errors === 0),
    });
    const ratio = percentile(page.latencies, 95) / percentile(baseline.latencies, 95);
    rows.push({
      measure: 'status page p95 ÷ minimal trigger p95',
      value: ratio.toFixed(2),
      budget: `≤ ${P95_RATIO_BUDGET.toFixed(1)}`,
      verdict: verdict(ratio <= P95_RATIO_BUDGET),
    });
    // The same page to clients on a dozen different browsers: fewer of their views log alike.
    const mixedBaseline = await load(urls.baseline, PHASE_MS);
    const mixed = await load(urls.page, PHASE_MS, true);
    const mixedRatio = percentile(mixed.latencies, 95) / percentile(mixedBaseline.latencies, 95);
    rows.push({
      measure: `status page, ${String(CLIENTS)} clients on 12 browsers: p95 ÷ trigger p95`,
      value: `${mixedRatio.toFixed(2)} (${describe(mixed)})`,
      budget: '—',
      verdict: verdict(mixed.errors === 0),
    });
    await missFigures(rows, urls);
  } finally {
    stop();
  }
}

/**
 * One client at a time, alternating: a revoked link's token against unknown tokens. Both must be
 * the same 404 in the same time class (the gate does the same reads for both).
 */
async function missFigures(rows: Row[], urls: ChildUrls): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const revoked: number[] = [];
  const unknown: number[] = [];
  const timedGet = async (url: string, into: number[]) => {
    const started = performance.now();
    const { status } = await get(agent, url);
    if (status !== 404) throw new Error(`a refused token answered ${String(status)}`);
    into.push(performance.now() - started);
  };
  for (let i = 0; i < 400; i += 1) {
    await timedGet(urls.revoked, revoked);
    await timedGet(`${urls.unknownBase}${randomBytes(32).toString('base64url')}`, unknown);
  }
  agent.destroy();
  const ratio = percentile(revoked, 50) / percentile(unknown, 50);
  rows.push({
    measure: '404 time, revoked ÷ unknown token (medians of 400)',
    value: `${ratio.toFixed(2)} (${fmtMs(percentile(revoked, 50))} / ${fmtMs(percentile(unknown, 50))})`,
    budget: '0.8 – 1.25',
    verdict: verdict(ratio >= 0.8 && ratio <= 1.25),
  });
}
