/**
 * `npm run bench`: prints figures against their budgets. Nothing here asserts on time; the
 * figures are for people and for comparing runs on the same machine.
 * `npm run bench -- --only sync,open` runs some parts: bundle, start, derivation, sync, open, day, page.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Row } from './bench-row';
import { FULL_SYNC_ISSUES } from './bench-settings';
import { pageFigures } from './page-load';
import { dayFigures, openFigures, syncFigures } from './snapshot-figures';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const rows: Row[] = [];
const PARTS = ['bundle', 'start', 'derivation', 'sync', 'open', 'day', 'page'] as const;
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1])?.split(',') ?? [])
  : new Set<string>(PARTS);
for (const part of only)
  if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown part ${part}; parts: ${PARTS.join(', ')}`);

/** Gzip size of all JavaScript a Custom UI resource folder ships. */
function gzipJsBytes(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(m?js)$/u.test(entry.name)) total += gzipSync(readFileSync(full), { level: 9 }).length;
    }
  };
  walk(dir);
  return total;
}

function bundleSizes(): void {
  const budgets: Record<string, number> = { 'project-page': 350 * 1024, 'issue-context': 120 * 1024 };
  for (const [entry, budget] of Object.entries(budgets)) {
    const dir = path.join(rootDir, 'static', 'dist', entry);
    if (!existsSync(dir)) {
      rows.push({ measure: `gzip JS, ${entry}`, value: 'not built', budget: '', verdict: 'run npm run build:ui' });
      continue;
    }
    const bytes = gzipJsBytes(dir);
    rows.push({
      measure: `gzip JS, ${entry}`,
      value: `${(bytes / 1024).toFixed(1)} KB`,
      budget: `≤ ${budget / 1024} KB`,
      verdict: bytes <= budget ? 'within' : 'OVER',
    });
  }
}

/** Time from running `npm start` to its "ready" line, on a fresh state folder (the UI already built). */
function coldStartMs(): Promise<number> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-state-'));
  const started = performance.now();
  // Its own process group, so stopping it stops npm's child too.
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--state-dir', stateDir], {
    cwd: rootDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stop = () => {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ready line within 120 s:\n${out}`));
    }, 120_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/^\s*ready http/mu.test(out)) {
        const ms = performance.now() - started;
        clearTimeout(timer);
        stop();
        resolve(ms);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`npm start exited ${String(code)}:\n${out}`));
    });
  }).finally(() => {
    rmSync(stateDir, { recursive: true, force: true });
  });
}

async function startTimes(): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await coldStartMs());
  runs.sort((a, b) => a - b);
  const median = runs[1] ?? 0;
  rows.push({
    measure: 'cold npm start to ready (fresh state, UI built; median of 3)',
    value: `${(median / 1000).toFixed(2)} s`,
    budget: 'report',
    verdict: `runs ${runs.map((r) => (r / 1000).toFixed(2)).join(' / ')} s`,
  });
}

/**
 * The derivation figures (issue 3): `bench/derivation.ts` in its own process with room for the
 * 100k-issue recordings, so its heap and timings are not shared with this process.
 */
async function derivationFigures(): Promise<void> {
  const child = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', path.join(rootDir, 'bench', 'derivation.ts')], {
    cwd: rootDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (const line of out.split('\n')) {
    if (line.startsWith('ROW ')) rows.push(JSON.parse(line.slice(4)) as Row);
  }
  if (code !== 0)
    rows.push({ measure: 'derivation bench', value: 'failed', budget: '', verdict: `bench/derivation.ts exited ${String(code)}` });
}

function print(): void {
  const headers: Row = { measure: 'measure', value: 'value', budget: 'budget', verdict: 'verdict' };
  const all = [headers, ...rows];
  const width = (k: keyof Row) => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row) =>
    `${r.measure.padEnd(width('measure'))}  ${r.value.padStart(width('value'))}  ${r.budget.padEnd(width('budget'))}  ${r.verdict}`;
  process.stdout.write(`\n${line(headers)}\n${'-'.repeat(line(headers).length)}\n${rows.map(line).join('\n')}\n\n`);
}

const builtAt = existsSync(path.join(rootDir, 'static/dist/project-page/index.html'))
  ? statSync(path.join(rootDir, 'static/dist/project-page/index.html')).mtime
  : undefined;
process.stdout.write(`Client Follow-up bench — node ${process.version}, UI built ${builtAt?.toISOString() ?? 'never'}\n`);
if (only.has('bundle')) bundleSizes();
if (only.has('start')) await startTimes();
if (only.has('derivation')) await derivationFigures();
// The open figure reuses the full sync's snapshot of the large project.
const synced = only.has('sync') ? await syncFigures(rows) : undefined;
try {
  if (only.has('open')) await openFigures(rows, new Map(synced ? [[FULL_SYNC_ISSUES, synced.kvsFile]] : []));
} finally {
  if (synced) rmSync(synced.dir, { recursive: true, force: true });
}
if (only.has('day')) await dayFigures(rows);
if (only.has('page')) await pageFigures(rows);
print();
