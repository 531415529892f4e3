/**
 * The snapshot figures of `npm run bench` (issue 7 "Performance"), each from child processes:
 * - `syncFigures`: a full sync of 100k issues in the consumer (`sync-child.ts`, Jira in
 *   `emulator-server.ts`), three runs: calls against the fixed formula, time per chunk, peak RSS
 *   and live heap after a full GC (medians). Leaves the last run's KVS file for `openFigures`.
 * - `openFigures`: the Overview and the issue panel opened from the snapshot at 1k and 100k
 *   issues (`open-child.ts`): Jira calls and latency medians, and their 100k / 1k ratios.
 * - `dayFigures`: 50 changed issues and a day of use in a 20k project (`day-child.ts`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childResult, fmtInt, fmtMs, markCompactAfterMb, MB, median, progress, runChild, verdict, type Row } from './bench-row';
import { DAY_PROJECT_ISSUES, FULL_SYNC_ISSUES, FULL_SYNC_RUNS, OPEN_SIZES } from './bench-settings';
import { FULL_SYNC_FIXED, FULL_SYNC_FIXED_CALLS, FULL_SYNC_FORMULA, fullSyncCallBudget } from './jira-budget';
import { endpointSummary, type MeterReading } from './jira-meter';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(benchDir, '..');
const tsx = (script: string, ...args: string[]) => ['--import', 'tsx', path.join(benchDir, script), ...args];

/** A 512 MB Forge function: V8's heap capped so it collects as it would there (the rest is code, buffers, the local SQLite). */
const FUNCTION_MB = 512;
const HEAP_CAP_MB = 448;
const CHUNK_LIMIT_MS = 900_000;
/** For the projection of a chunk onto Forge: the issue's 300 ms per Jira call, and an assumed 20 ms per KVS call. */
const JIRA_CALL_MS = 300;
const KVS_CALL_MS = 20;

interface SyncRun {
  state: string;
  error: { code: string; message: string } | null;
  meter: MeterReading;
  emulatorPoints: number;
  dataset: { issues: number; needingHistory: number };
  chunks: { ms: number; ok: boolean; error: string | null }[];
  resolverMs: number;
  wallMs: number;
  kvsCalls: number;
  peakRssBytes: number;
  baselineRssBytes: number;
  liveHeapPeakBytes: number;
  liveSamples: number;
  gcMs: number;
  markCompactMb: number;
}

async function withEmulatorServer<T>(issues: number, run: (origin: string) => Promise<T>): Promise<T> {
  let origin = '';
  let server: ReturnType<typeof runChild> | undefined;
  await new Promise<void>((resolve, reject) => {
    server = runChild(
      tsx('emulator-server.ts', String(issues)),
      (line) => {
        const m = /^READY (\S+)/u.exec(line);
        if (m?.[1]) {
          origin = m[1];
          resolve();
        }
      },
      rootDir,
    );
    void server.done.then((code) => reject(new Error(`emulator-server exited ${code}`)));
  });
  try {
    return await run(origin);
  } finally {
    server?.kill();
  }
}

/** Figure 3. Answers the KVS file holding the last run's snapshot (the caller removes `dir`). */
export async function syncFigures(rows: Row[]): Promise<{ kvsFile: string; dir: string } | undefined> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cf-bench-sync-'));
  const runs: SyncRun[] = [];
  try {
    await withEmulatorServer(FULL_SYNC_ISSUES, async (origin) => {
      for (let i = 0; i < FULL_SYNC_RUNS; i += 1) {
        progress(`full sync of ${fmtInt(FULL_SYNC_ISSUES)} issues, run ${i + 1} of ${FULL_SYNC_RUNS}`);
        const kvsFile = path.join(dir, `run-${i}.sqlite`);
        let markCompactMb = 0;
        const result = await childResult<Omit<SyncRun, 'markCompactMb'>>(
          [`--max-old-space-size=${HEAP_CAP_MB}`, '--expose-gc', '--trace-gc', ...tsx('sync-child.ts', origin, kvsFile)],
          rootDir,
          { onGc: (line) => (markCompactMb = Math.max(markCompactMb, markCompactAfterMb(line) ?? 0)) },
        );
        runs.push({ ...result, markCompactMb });
        if (i < FULL_SYNC_RUNS - 1) rmSync(kvsFile, { force: true });
      }
    });
  } catch (error) {
    rows.push({ measure: `full sync, ${fmtInt(FULL_SYNC_ISSUES)} issues`, value: 'failed', budget: '', verdict: String(error) });
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const last = runs[runs.length - 1];
  if (!last) return undefined;
  const failed = runs.find((r) => r.state !== 'idle');
  if (failed) {
    rows.push({
      measure: `full sync, ${fmtInt(FULL_SYNC_ISSUES)} issues`,
      value: `ended ${failed.state}`,
      budget: 'idle',
      verdict: `OVER: ${failed.error?.code ?? ''} ${failed.error?.message ?? ''}`,
    });
  }
  const { issues, needingHistory } = last.dataset;
  const budget = fullSyncCallBudget(issues, needingHistory);
  const permissionChecks = last.meter.byEndpoint['GET /rest/api/3/mypermissions']?.calls ?? 0;
  const syncCalls = last.meter.calls - permissionChecks;
  const sameCalls = runs.every((r) => r.meter.calls === last.meter.calls);
  rows.push({
    measure: `Jira calls, full sync in the consumer, ${fmtInt(issues)} issues`,
    value: fmtInt(syncCalls),
    budget: `≤ ${fmtInt(budget)} = ${FULL_SYNC_FORMULA}`,
    verdict:
      `${verdict(syncCalls <= budget)} (H = ${fmtInt(needingHistory)} by the data; ${endpointSummary(last.meter)}; ` +
      `fixed ${FULL_SYNC_FIXED}: ${Object.keys(FULL_SYNC_FIXED_CALLS).join(', ')}; ` +
      `+ ${permissionChecks} permission check of the opening user${sameCalls ? '' : '; runs differ!'}; ` +
      `${fmtInt(last.meter.points)} points, emulator's estimate ${fmtInt(last.emulatorPoints)})`,
  });
  const chunkMs = runs.map((r) => Math.max(...r.chunks.map((c) => c.ms)) - r.gcMs);
  const chunks = last.chunks.length;
  const projected = median(chunkMs) + last.meter.calls * JIRA_CALL_MS + last.kvsCalls * KVS_CALL_MS;
  rows.push({
    measure: `wall time per consumer chunk, ${fmtInt(issues)} issues (median of ${runs.length})`,
    value: fmtMs(median(chunkMs)),
    budget: `≤ ${CHUNK_LIMIT_MS / 1000} s`,
    verdict:
      `${verdict(Math.max(...chunkMs) <= CHUNK_LIMIT_MS)} (${chunks} chunk${chunks === 1 ? '' : 's'}; runs ${chunkMs.map(fmtMs).join(' / ')}, ` +
      `forced GCs excluded; on Forge with ${JIRA_CALL_MS} ms a Jira call and ${KVS_CALL_MS} ms a KVS call (${fmtInt(last.kvsCalls)}) ≈ ${fmtMs(projected)}; ` +
      `the resolver that handed it over ${fmtMs(last.resolverMs)})`,
  });
  const rss = runs.map((r) => r.peakRssBytes / MB);
  const live = runs.map((r) => Math.max(r.liveHeapPeakBytes / MB, r.markCompactMb));
  rows.push({
    measure: `peak RSS, full sync of ${fmtInt(issues)} (own process, heap capped at ${HEAP_CAP_MB} MB; median of ${runs.length})`,
    value: `${median(rss).toFixed(0)} MB`,
    budget: `≤ ${FUNCTION_MB} MB`,
    verdict: `${verdict(median(rss) <= FUNCTION_MB)} (runs ${rss.map((v) => v.toFixed(0)).join(' / ')} MB; ${(median(runs.map((r) => r.baselineRssBytes)) / MB).toFixed(0)} MB before the sync: Node, tsx, the local runtime and SQLite)`,
  });
  rows.push({
    measure: `live heap after full GC, same sync (median of ${runs.length})`,
    value: `${median(live).toFixed(0)} MB`,
    budget: `≤ ${FUNCTION_MB} MB`,
    verdict: `${verdict(median(live) <= FUNCTION_MB)} (runs ${live.map((v) => v.toFixed(0)).join(' / ')} MB: the larger of ${last.liveSamples} forced-GC samples and V8's own full GCs)`,
  });
  return { kvsFile: path.join(dir, `run-${FULL_SYNC_RUNS - 1}.sqlite`), dir };
}

interface OpenRun {
  issues: number;
  buildMs: number | null;
  overview: { ms: number[]; calls: number[]; kvsCalls: number[]; reportChars: number };
  coldOverviewCalls: number;
  panel: { ms: number[]; calls: number[]; kvsCalls: number[] };
  unseen: { firstCalls: number; firstMs: number; againCalls: number; againMs: number };
  coldPanelCalls: number;
}

/** Figure 1: `snapshots` maps a size to a KVS file that already holds its snapshot. */
export async function openFigures(rows: Row[], snapshots: ReadonlyMap<number, string>): Promise<void> {
  const results = new Map<number, OpenRun>();
  for (const issues of OPEN_SIZES) {
    progress(`Overview and issue panel, ${fmtInt(issues)} issues`);
    const kvsFile = snapshots.get(issues);
    try {
      results.set(issues, await childResult<OpenRun>(tsx('open-child.ts', String(issues), ...(kvsFile ? [kvsFile] : [])), rootDir));
    } catch (error) {
      rows.push({ measure: `Overview and issue panel, ${fmtInt(issues)} issues`, value: 'failed', budget: '', verdict: String(error) });
    }
  }
  for (const [issues, r] of results) {
    const overviewCalls = Math.max(...r.overview.calls);
    rows.push({
      measure: `Jira calls, Overview open from the snapshot, ${fmtInt(issues)} issues`,
      value: String(overviewCalls),
      budget: '0',
      verdict: `${verdict(overviewCalls === 0)} (overview + report + history; ${r.coldOverviewCalls} permission checks when the 5-minute cache is cold, one per resolver; ${median(r.overview.kvsCalls)} KVS calls; report ${(r.overview.reportChars / 1024).toFixed(0)} KB)`,
    });
    const panelCalls = Math.max(...r.panel.calls, r.unseen.firstCalls);
    rows.push({
      measure: `Jira calls, issue panel from the snapshot, ${fmtInt(issues)} issues`,
      value: `${Math.max(...r.panel.calls)} cached / ${r.unseen.firstCalls} unseen`,
      budget: '≤ 1',
      verdict: `${verdict(panelCalls <= 1)} (an issue created since, its event not seen: ${r.unseen.firstCalls} then ${r.unseen.againCalls}; +${r.coldPanelCalls} permission check when cold; ${median(r.panel.kvsCalls)} KVS calls)`,
    });
  }
  const small = results.get(OPEN_SIZES[0]);
  const large = results.get(OPEN_SIZES[1]);
  for (const [what, of] of [
    ['Overview open', (r: OpenRun) => r.overview.ms],
    ['issue panel', (r: OpenRun) => r.panel.ms],
  ] as const) {
    for (const r of [small, large]) {
      if (!r) continue;
      rows.push({
        measure: `latency, ${what}, ${fmtInt(r.issues)} issues (local runtime, median of ${of(r).length})`,
        value: fmtMs(median(of(r))),
        budget: 'report',
        verdict: `runs ${of(r)
          .map((ms) => ms.toFixed(0))
          .join(' / ')} ms`,
      });
    }
    if (small && large) {
      const ratio = median(of(large)) / median(of(small));
      rows.push({
        measure: `latency ratio, ${what}, ${fmtInt(large.issues)} / ${fmtInt(small.issues)}`,
        value: ratio.toFixed(2),
        budget: '≤ 1.5',
        verdict: verdict(ratio <= 1.5),
      });
    }
  }
}

interface DayRun {
  issues: number;
  full: { calls: number; bytes: number; points: number; ms: number };
  changes: { issues: number; calls: number; bytes: number; points: number; ms: number; byEndpoint: MeterReading['byEndpoint'] };
  day: {
    changes: number;
    creates: number;
    deletes: number;
    opens: number;
    views: number;
    ms: number;
    total: { calls: number; bytes: number; points: number };
    byActivity: Record<string, { calls: number; bytes: number; points: number }>;
    byEndpoint: Record<string, number>;
    emulatorAppPoints: number;
  };
}

/** Figures 2 and 4. */
export async function dayFigures(rows: Row[]): Promise<void> {
  progress(`changes and a day of use, ${fmtInt(DAY_PROJECT_ISSUES)} issues`);
  let r: DayRun;
  try {
    r = await childResult<DayRun>(tsx('day-child.ts', String(DAY_PROJECT_ISSUES)), rootDir);
  } catch (error) {
    rows.push({ measure: `changes and a day, ${fmtInt(DAY_PROJECT_ISSUES)} issues`, value: 'failed', budget: '', verdict: String(error) });
    return;
  }
  const { changes, full, day } = r;
  const share = changes.bytes / full.bytes;
  rows.push({
    measure: `Jira calls, ${changes.issues} changed issues (events + Refresh), ${fmtInt(r.issues)} issues`,
    value: String(changes.calls),
    budget: '≤ 60',
    verdict: `${verdict(changes.calls <= 60)} (${endpointSummary({ ...changes, byEndpoint: changes.byEndpoint })})`,
  });
  rows.push({
    measure: `bytes, same changes ÷ the full sync's`,
    value: `${(share * 100).toFixed(2)} %`,
    budget: '≤ 5 %',
    verdict: `${verdict(share <= 0.05)} (${(changes.bytes / 1024).toFixed(0)} KB of ${(full.bytes / MB).toFixed(0)} MB; full sync ${fmtInt(full.calls)} calls)`,
  });
  const activity = (name: string) => day.byActivity[name]?.points ?? 0;
  rows.push({
    measure: `rate-limit points a day, ${fmtInt(r.issues)} issues: ${day.changes} changes, ${day.opens} Overview opens, ${day.views} issue views`,
    value: fmtInt(day.total.points),
    budget: '≤ 5,000',
    verdict:
      `${verdict(day.total.points <= 5000)} (changes ${fmtInt(activity('changes'))}, opens ${fmtInt(activity('opens'))}, views ${fmtInt(activity('views'))}, ` +
      `daily job ${fmtInt(activity('daily'))}; every open and view with a cold permission cache; ${fmtInt(day.total.calls)} calls: ` +
      `${Object.entries(day.byEndpoint)
        .sort((a, b) => b[1] - a[1])
        .map(([e, n]) => `${e.replace(/^(\w+) \/rest\/api\/3\//u, '$1 ')} ${n}`)
        .join(', ')}; emulator's estimate ${fmtInt(day.emulatorAppPoints)})`,
  });
}
