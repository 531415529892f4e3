/**
 * `node --import tsx bench/day-child.ts ISSUES`: a scale project after its first sync, through
 * the local runtime, with people working in Jira. Prints `RESULT {json}` with:
 * The app and Jira share a simulated clock (`simulated-clock.ts`): the changes are spread over
 * the day, so the app's time windows see the hours pass while the bench runs in minutes.
 * - `changes`: 50 issues changed by people (transitions and edits; their events delivered to the app), then
 *   `project/refresh` (incremental) — the app's Jira calls and bytes, against the full sync's;
 * - `day`: a day of use — 500 changes (transitions, edits, some new and deleted issues), 20 Overview opens,
 *   500 issue views, the daily scheduled job and whatever the app queues meanwhile — in Jira
 *   rate-limit points (`JiraMeter`), by activity. Every open and view finds its permission
 *   cache expired (the worst case: nobody opens twice within its 5 minutes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCAL_ACCOUNTS } from '../local/jira/accounts';
import { generateScaleDataset } from '../local/jira/demo-generator';
import { SeededRandom } from '../local/jira/seeded-random';
import { LOCAL_USER } from '../local/runtime/local-forge';
import { projectPageContext } from '../test/support/contexts';
import { expirePermissions, firstOpen, invoke, openOverview, personRequest, PROJECT, startBenchApp, timed, viewIssue } from './bench-app';
import { BENCH_NOW, BENCH_SEED } from './bench-settings';
import { readingSince, type MeterReading } from './jira-meter';
import { installSimulatedClock } from './simulated-clock';

const issues = Number(process.argv[2]);
if (!Number.isInteger(issues) || issues <= 0) {
  process.stderr.write('usage: day-child.ts ISSUES\n');
  process.exit(2);
}
const CHANGED_ISSUES = 50;
const DAY = { changes: 500, creates: 15, deletes: 5, opens: 20, views: 500 } as const;
/** The emulator's own estimate charges 2 points for every write (local/jira/emulator.ts). */
const EMULATOR_POINTS_PER_WRITE = 2;

// The app and Jira share one clock, starting at the data's "now"; the bench moves it on between activities.
const clock = installSimulatedClock(BENCH_NOW);
/** 500 changes spread over a day. */
const BETWEEN_CHANGES_MS = 86_400_000 / DAY.changes;
const dataset = generateScaleDataset({ issues, seed: BENCH_SEED, now: BENCH_NOW });
const openVersions = (dataset.versions ?? []).filter((v) => v['released'] !== true).map((v) => ({ id: v.id }));
const tempDir = mkdtempSync(path.join(tmpdir(), 'cf-bench-day-'));
const bench = await startBenchApp(dataset, path.join(tempDir, 'kvs.sqlite'), () => clock.now());
const { app, meter, emulator } = bench;
const rng = new SeededRandom(BENCH_SEED);
const editor = LOCAL_ACCOUNTS.member.accountId;
const admin = LOCAL_ACCOUNTS.pm.accountId;
const keys: string[] = dataset.issues.map((i) => i.key);
const idOf = new Map<string, string>(dataset.issues.map((i) => [i.key, i.id]));
const byKey = new Map(dataset.issues.map((i) => [i.key, i]));
let personWrites = 0;

/** The status a person moves an issue to next, from its current one (the scale project's workflow). */
function nextStatus(current: string): string {
  switch (current) {
    case '10000':
      return '3';
    case '3':
      return rng.weighted([
        ['10001', 70],
        ['10002', 20],
        ['10003', 10],
      ] as const);
    case '10001':
      return rng.chance(0.8) ? '10003' : '3';
    default:
      // Waiting for the customer goes back to work; a done issue is reopened.
      return '3';
  }
}

function currentStatus(key: string): string {
  const issue = byKey.get(key) ?? dataset.issues.find((i) => i.key === key);
  const status = issue?.fields['status'];
  return typeof status === 'object' && status !== null && 'id' in status ? String(status.id) : '10000';
}

/**
 * One change as a person makes it in Jira: mostly moving the issue on (a transition), else a
 * due date, priority, label, assignee, release or summary edit.
 */
async function change(key: string, n: number): Promise<void> {
  const kind = rng.weighted([
    ['transition', 40],
    ['duedate', 15],
    ['priority', 10],
    ['labels', 10],
    ['assignee', 10],
    ['fixVersions', 8],
    ['summary', 7],
  ] as const);
  const put = (body: unknown) => personRequest(bench, editor, 'PUT', `/rest/api/3/issue/${key}`, body);
  switch (kind) {
    case 'transition':
      // The team member may not transition issues on this site: the PM moves them on.
      await personRequest(bench, admin, 'POST', `/rest/api/3/issue/${key}/transitions`, {
        transition: { id: nextStatus(currentStatus(key)) },
      });
      break;
    case 'duedate':
      await put({ fields: { duedate: new Date(BENCH_NOW.getTime() + rng.int(1, 60) * 86_400_000).toISOString().slice(0, 10) } });
      break;
    case 'priority':
      await put({ fields: { priority: { name: rng.pick(['Highest', 'High', 'Medium', 'Low']) } } });
      break;
    case 'labels':
      await put({ update: { labels: [{ add: rng.pick(['client', 'at-risk', 'blocked-by-client']) }] } });
      break;
    case 'assignee':
      await put({ fields: { assignee: { accountId: rng.pick([editor, admin]) } } });
      break;
    case 'fixVersions':
      await put({ fields: { fixVersions: [rng.pick(openVersions)] } });
      break;
    case 'summary':
      await put({ fields: { summary: `Reworded during the bench (${n})` } });
      break;
  }
  personWrites += 1;
}

/** Runs `work`, then delivers what it set off (events, queued refreshes); answers the app's Jira traffic meanwhile. */
async function metered(work: () => Promise<unknown>): Promise<MeterReading> {
  const before = meter.read();
  await work();
  await app.forge.drainQueue();
  return readingSince(meter.read(), before);
}

// The first sync (full), as a first open would start it.
const firstOpenRun = await timed(() => metered(() => firstOpen(bench)));
const full = firstOpenRun.value;

// 50 changed issues, then Refresh.
const changed = new Set<string>();
while (changed.size < CHANGED_ISSUES) changed.add(rng.pick(keys));
let n = 0;
const changesRun = await timed(() =>
  metered(async () => {
    for (const key of changed) {
      clock.advance(BETWEEN_CHANGES_MS);
      await change(key, (n += 1));
      await app.forge.drainQueue();
    }
    await invoke(app, projectPageContext(PROJECT), 'project/refresh', {});
  }),
);
const changes = changesRun.value;

// A day.
const emulatorPointsBefore = emulator.stats().rateLimitPoints;
const writesBefore = personWrites;
const activity: Record<'changes' | 'opens' | 'views' | 'daily', MeterReading[]> = { changes: [], opens: [], views: [], daily: [] };
const dayStarted = performance.now();
const createAt = new Set(Array.from({ length: DAY.creates }, (_, i) => Math.floor(((i + 0.5) * DAY.changes) / DAY.creates)));
const deleteAt = new Set(Array.from({ length: DAY.deletes }, (_, i) => Math.floor(((i + 0.3) * DAY.changes) / DAY.deletes)));
for (let i = 0; i < DAY.changes; i += 1) {
  clock.advance(BETWEEN_CHANGES_MS);
  let touched: string | undefined;
  activity.changes.push(
    await metered(async () => {
      if (createAt.has(i)) {
        const created = await personRequest(bench, editor, 'POST', '/rest/api/3/issue', {
          fields: { project: { key: PROJECT.key }, issuetype: { name: 'Task' }, summary: `Raised during the bench day (${i})` },
        });
        const body = created.json as { id: string; key: string };
        keys.push(body.key);
        idOf.set(body.key, body.id);
        touched = body.key;
      } else if (deleteAt.has(i)) {
        const index = rng.int(0, keys.length - 1);
        const [gone] = keys.splice(index, 1);
        if (gone !== undefined) await personRequest(bench, admin, 'DELETE', `/rest/api/3/issue/${gone}`);
      } else {
        touched = rng.pick(keys);
        await change(touched, i);
        return;
      }
      personWrites += 1;
    }),
  );
  if (i % (DAY.changes / DAY.opens) === 0) {
    await expirePermissions(app, LOCAL_USER.accountId);
    activity.opens.push(await metered(() => openOverview(app)));
  }
  // People look at what just changed about half the time, at any issue otherwise.
  const viewed = touched !== undefined && rng.chance(0.5) ? touched : rng.pick(keys);
  await expirePermissions(app, LOCAL_USER.accountId);
  activity.views.push(await metered(() => viewIssue(app, { key: viewed, id: idOf.get(viewed) ?? '' })));
}
for (const trigger of app.forge.scheduledTriggerKeys()) activity.daily.push(await metered(() => app.forge.runScheduledTrigger(trigger)));
const dayMs = performance.now() - dayStarted;
const sum = (readings: MeterReading[]) =>
  readings.reduce((a, r) => ({ calls: a.calls + r.calls, bytes: a.bytes + r.bytes, points: a.points + r.points }), {
    calls: 0,
    bytes: 0,
    points: 0,
  });
const emulatorAppPoints =
  emulator.stats().rateLimitPoints - emulatorPointsBefore - (personWrites - writesBefore) * EMULATOR_POINTS_PER_WRITE;
const byEndpoint: Record<string, number> = {};
for (const reading of Object.values(activity).flat())
  for (const [endpoint, e] of Object.entries(reading.byEndpoint)) byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + e.calls;
const consumerRuns = app.forge.invocations.filter((i) => i.kind === 'consumer').length;

await app.close();
rmSync(tempDir, { recursive: true, force: true });
process.stdout.write(
  `RESULT ${JSON.stringify({
    issues,
    full: { calls: full.calls, bytes: full.bytes, points: full.points, ms: firstOpenRun.ms, byEndpoint: full.byEndpoint },
    changes: {
      issues: changed.size,
      calls: changes.calls,
      bytes: changes.bytes,
      points: changes.points,
      ms: changesRun.ms,
      byEndpoint: changes.byEndpoint,
    },
    day: {
      ...DAY,
      ms: dayMs,
      total: sum(Object.values(activity).flat()),
      byActivity: Object.fromEntries(Object.entries(activity).map(([k, v]) => [k, sum(v)])),
      byEndpoint,
      emulatorAppPoints,
      consumerRunsSeen: consumerRuns,
    },
  })}\n`,
);
