import { describe, expect, it } from 'vitest';
import type { AppErrorJson, Envelope, SyncStatus } from '../../contract';
import { createFakeBackend } from '../testing/fake-backend';
import { aRunningSync, aSyncStatus } from '../testing/sync-builders';
import { createSyncWatcher, type SyncTimers, type SyncWatchState } from './sync-watcher';

/** Timers that fire only when the test advances the clock. */
function manualTimers(): SyncTimers & { advance(ms: number): Promise<void>; pending(): number[] } {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, callback });
      return id;
    },
    clear(handle) {
      queue.delete(handle as number);
    },
    pending: () => [...queue.values()].map((entry) => entry.at - now),
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, entry]) => entry.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await settle();
      }
      now = until;
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

const ok = (data: SyncStatus): Envelope<SyncStatus> => ({ ok: true, data });
const fail = (code: AppErrorJson['code']): Envelope<SyncStatus> => ({ ok: false, error: { code, message: code } });

/** A watcher over a fake backend whose status answers come from `statuses` in turn (the last repeats). */
function setup(statuses: Envelope<SyncStatus>[], refreshAnswers: Envelope<SyncStatus>[] = []) {
  let statusIndex = 0;
  let refreshIndex = 0;
  const backend = createFakeBackend({
    'project/sync-status': () => statuses[Math.min(statusIndex++, statuses.length - 1)] ?? fail('INTERNAL'),
    'project/refresh': () => refreshAnswers[Math.min(refreshIndex++, refreshAnswers.length - 1)] ?? fail('INTERNAL'),
  });
  const timers = manualTimers();
  const seen: SyncWatchState[] = [];
  const watcher = createSyncWatcher({
    readStatus: () => backend.call('project/sync-status', {}),
    startRefresh: () => backend.call('project/refresh', {}),
    onChange: (state) => seen.push(state),
    timers,
    pollMs: 2_000,
    maxBackoffMs: 30_000,
  });
  const callsOf = (key: string) => backend.calls.filter((call) => call.key === key).length;
  return { watcher, timers, seen, callsOf };
}

describe('createSyncWatcher', () => {
  it('reads the status once and does not poll a snapshot at rest', async () => {
    const { watcher, timers, callsOf } = setup([ok(aSyncStatus())]);
    watcher.start();
    await settle();
    expect(watcher.state.status?.state).toBe('idle');
    expect(watcher.state.completed).toBe(0);
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(1);
    expect(timers.pending()).toEqual([]);
  });

  it('polls every 2 s while a sync runs, shows its progress, and counts it completed when it ends', async () => {
    const { watcher, timers, callsOf } = setup([ok(aRunningSync(0, 10_000)), ok(aRunningSync(3_200, 10_000)), ok(aSyncStatus())]);
    watcher.start();
    await settle();
    expect(watcher.state.status?.progress).toEqual({ phase: 'issues', done: 0, total: 10_000 });
    expect(timers.pending()).toEqual([2_000]);
    await timers.advance(2_000);
    expect(watcher.state.status?.progress?.done).toBe(3_200);
    expect(watcher.state.completed).toBe(0);
    await timers.advance(2_000);
    expect(watcher.state.status?.state).toBe('idle');
    expect(watcher.state.completed).toBe(1);
    // Polling stops once the sync has ended.
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(3);
  });

  it('a project without a snapshot: follows the first sync the page’s resolvers start, and counts it completed', async () => {
    const never = aSyncStatus({ state: 'never', asOf: null, kind: null });
    const { watcher, timers, callsOf } = setup([ok(never), ok(aRunningSync(300, 6_000, { asOf: null })), ok(aSyncStatus())]);
    watcher.start();
    await settle();
    expect(timers.pending()).toEqual([2_000]);
    await timers.advance(2_000);
    expect(watcher.state.status?.progress?.done).toBe(300);
    await timers.advance(2_000);
    expect(watcher.state.completed).toBe(1);
    expect(callsOf('project/refresh')).toBe(0);
  });

  it('no snapshot and nothing starting one: reads again after longer and longer waits', async () => {
    const never = aSyncStatus({ state: 'never', asOf: null, kind: null });
    const { watcher, timers } = setup([ok(never)]);
    watcher.start();
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const [next] = timers.pending();
      waits.push(next ?? -1);
      await timers.advance(next ?? 0);
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('stops polling when the sync fails, keeping the error for the page to show', async () => {
    const error = { code: 'JIRA_UNAVAILABLE' as const, message: 'down' };
    const { watcher, timers, callsOf } = setup([ok(aRunningSync(10, 100)), ok(aSyncStatus({ state: 'failed', error }))]);
    watcher.start();
    await settle();
    await timers.advance(2_000);
    expect(watcher.state.status).toMatchObject({ state: 'failed', error });
    expect(watcher.state.completed).toBe(0);
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(2);
  });

  it('stops polling when stopped (the Overview unmounts), and drops an answer already on its way', async () => {
    const { watcher, timers, seen, callsOf } = setup([ok(aRunningSync(1, 100))]);
    watcher.start();
    await settle();
    await timers.advance(2_000);
    expect(callsOf('project/sync-status')).toBe(2);
    const changes = seen.length;
    watcher.stop();
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(2);
    expect(seen.length).toBe(changes);

    const late = setup([ok(aRunningSync(1, 100))]);
    late.watcher.start();
    late.watcher.stop();
    await settle();
    expect(late.seen).toEqual([]);
  });

  it('backs off after failed reads while following a sync (4 s, 8 s, 16 s, 30 s), then polls at 2 s again', async () => {
    const { watcher, timers, callsOf } = setup([
      ok(aRunningSync(1, 100)),
      fail('RATE_LIMITED'),
      fail('RATE_LIMITED'),
      fail('RATE_LIMITED'),
      fail('RATE_LIMITED'),
      ok(aRunningSync(50, 100)),
      ok(aRunningSync(60, 100)),
    ]);
    watcher.start();
    await settle();
    await timers.advance(2_000);
    expect(watcher.state.statusError?.code).toBe('RATE_LIMITED');
    // The last known progress stays on screen while the reads fail.
    expect(watcher.state.status?.progress?.done).toBe(1);
    expect(timers.pending()).toEqual([4_000]);
    await timers.advance(4_000);
    expect(timers.pending()).toEqual([8_000]);
    await timers.advance(8_000);
    expect(timers.pending()).toEqual([16_000]);
    await timers.advance(16_000);
    expect(timers.pending()).toEqual([30_000]);
    await timers.advance(30_000);
    expect(watcher.state.statusError).toBeNull();
    expect(watcher.state.status?.progress?.done).toBe(50);
    expect(timers.pending()).toEqual([2_000]);
    expect(callsOf('project/sync-status')).toBe(6);
  });

  it('does not poll after a failed first read of a page at rest; Retry reads again', async () => {
    const { watcher, timers, callsOf } = setup([fail('STORAGE_UNAVAILABLE'), ok(aSyncStatus())]);
    watcher.start();
    await settle();
    expect(watcher.state.statusError?.code).toBe('STORAGE_UNAVAILABLE');
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(1);
    watcher.retryStatus();
    await settle();
    expect(watcher.state.statusError).toBeNull();
    expect(watcher.state.status?.state).toBe('idle');
  });

  it('Refresh of a small project syncs within the call: completed at once, no polling', async () => {
    const { watcher, timers, seen, callsOf } = setup(
      [ok(aSyncStatus({ pendingChanges: 3 }))],
      [ok(aSyncStatus({ asOf: '2026-11-27T09:12:00.000Z' }))],
    );
    watcher.start();
    await settle();
    watcher.refresh();
    expect(watcher.state.refreshing).toBe(true);
    // A second click while the first is on its way starts nothing.
    watcher.refresh();
    await settle();
    expect(callsOf('project/refresh')).toBe(1);
    expect(watcher.state).toMatchObject({ refreshing: false, completed: 1, status: { asOf: '2026-11-27T09:12:00.000Z' } });
    expect(seen.some((state) => state.refreshing)).toBe(true);
    await timers.advance(60_000);
    expect(callsOf('project/sync-status')).toBe(1);
  });

  it('Refresh of a large project follows the background sync until it ends', async () => {
    const { watcher, timers } = setup([ok(aSyncStatus()), ok(aRunningSync(500, 1_000)), ok(aSyncStatus())], [ok(aRunningSync(0, 1_000))]);
    watcher.start();
    await settle();
    watcher.refresh();
    await settle();
    expect(watcher.state.status?.state).toBe('running');
    await timers.advance(2_000);
    expect(watcher.state.status?.progress?.done).toBe(500);
    await timers.advance(2_000);
    expect(watcher.state.completed).toBe(1);
  });

  it('while a Refresh syncs within its call, polls the status to show progress; its answer alone completes it', async () => {
    const backend = createFakeBackend({ 'project/sync-status': () => ok(aRunningSync(700, 1_400, { kind: 'incremental' })) });
    let answer: (envelope: Envelope<SyncStatus>) => void = () => undefined;
    const timers = manualTimers();
    const watcher = createSyncWatcher({
      readStatus: () => backend.call('project/sync-status', {}),
      startRefresh: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      onChange: () => undefined,
      timers,
    });
    watcher.refresh();
    await timers.advance(2_000);
    expect(watcher.state).toMatchObject({ refreshing: true, completed: 0, status: { state: 'running', progress: { done: 700 } } });
    await timers.advance(2_000);
    expect(backend.calls).toHaveLength(2);
    answer(ok(aSyncStatus({ asOf: '2026-11-27T09:12:00.000Z' })));
    await settle();
    expect(watcher.state).toMatchObject({ refreshing: false, completed: 1, status: { state: 'idle', asOf: '2026-11-27T09:12:00.000Z' } });
    await timers.advance(60_000);
    expect(backend.calls).toHaveLength(2);
  });

  it('a Refresh that cannot start says why and changes nothing else; Retry starts it', async () => {
    const { watcher } = setup([ok(aSyncStatus())], [fail('JIRA_UNAVAILABLE'), ok(aSyncStatus())]);
    watcher.start();
    await settle();
    watcher.refresh();
    await settle();
    expect(watcher.state).toMatchObject({
      refreshing: false,
      completed: 0,
      refreshError: { code: 'JIRA_UNAVAILABLE' },
      status: { state: 'idle' },
    });
    watcher.refresh();
    await settle();
    expect(watcher.state).toMatchObject({ refreshError: null, completed: 1 });
  });

  it('NOT_READY: follows the first sync already running, and counts it completed when it ends', async () => {
    const { watcher, timers, callsOf } = setup([ok(aRunningSync(100, 10_000, { asOf: null })), ok(aSyncStatus())]);
    watcher.awaitFirstSync();
    await settle();
    expect(watcher.state.status?.state).toBe('running');
    await timers.advance(2_000);
    expect(watcher.state.completed).toBe(1);
    expect(callsOf('project/refresh')).toBe(0);
  });

  it('NOT_READY with no sync started yet: starts one, once', async () => {
    const never = aSyncStatus({ state: 'never', asOf: null, kind: null });
    const { watcher, timers, callsOf } = setup([ok(never), ok(never), ok(aSyncStatus())], [ok(never)]);
    watcher.awaitFirstSync();
    await settle();
    expect(callsOf('project/refresh')).toBe(1);
    await timers.advance(2_000);
    await timers.advance(4_000);
    expect(callsOf('project/refresh')).toBe(1);
    expect(watcher.state.completed).toBe(1);
  });

  it('NOT_READY while the status is already idle: reloads, and waits longer each time it stays not ready', async () => {
    const { watcher, timers, callsOf } = setup([ok(aSyncStatus())]);
    watcher.awaitFirstSync();
    await settle();
    expect(watcher.state.completed).toBe(1);
    watcher.awaitFirstSync();
    await settle();
    expect(callsOf('project/sync-status')).toBe(1);
    expect(timers.pending()).toEqual([4_000]);
    await timers.advance(4_000);
    expect(watcher.state.completed).toBe(2);
    watcher.awaitFirstSync();
    expect(timers.pending()).toEqual([8_000]);
  });
});
