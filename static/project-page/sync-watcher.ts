/**
 * Follows the project snapshot's sync for the Overview: reads `project/sync-status` once, polls it
 * while a sync runs, starts one on Refresh, and says when a sync has ended so the page reloads
 * its data. Framework-free and with its timers injected, so its timing is tested without a DOM.
 */
import type { AppErrorJson, Envelope, SyncStatus } from '../../contract';

export interface SyncWatchState {
  /** The last status the server answered; null until the first answer. */
  status: SyncStatus | null;
  /** Why the last status read failed (kept until one succeeds). */
  statusError: AppErrorJson | null;
  /** Why the last Refresh could not start (cleared by the next Refresh). */
  refreshError: AppErrorJson | null;
  /** A Refresh call is on its way. */
  refreshing: boolean;
  /** How many syncs this watcher has seen end well (each one reloads the page's data). */
  completed: number;
}

export interface SyncTimers {
  set: (callback: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

export interface SyncWatcherOptions {
  readStatus: () => Promise<Envelope<SyncStatus>>;
  startRefresh: () => Promise<Envelope<SyncStatus>>;
  onChange: (state: SyncWatchState) => void;
  timers?: SyncTimers;
  /** Between two reads while a sync runs. */
  pollMs?: number;
  /** The longest wait between reads after failed ones (the wait doubles per failure). */
  maxBackoffMs?: number;
}

export interface SyncWatcher {
  /** Reads the status once; polls on while a sync runs. */
  start(): void;
  /** Starts a sync (or joins the running one) and follows it. */
  refresh(): void;
  /**
   * The page's data is not ready (`NOT_READY`: the first sync of a large project runs): poll until
   * a sync has ended, starting one if none runs, then count it as completed so the page reloads.
   */
  awaitFirstSync(): void;
  /** Reads the status again now (after a failed read). */
  retryStatus(): void;
  /** No more reads, timers or callbacks. */
  stop(): void;
  readonly state: SyncWatchState;
}

export const SYNC_POLL_MS = 2_000;
export const SYNC_MAX_BACKOFF_MS = 30_000;

const browserTimers: SyncTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * A sync counts as completed (the page reloads) when the watcher sees it end well: a status
 * read `idle` after one read `running`, a Refresh answered `idle` (small projects sync within the
 * call), or `idle` while the page waits for its first sync. A page opened on an idle snapshot
 * does not reload.
 */
export function createSyncWatcher({
  readStatus,
  startRefresh,
  onChange,
  timers = browserTimers,
  pollMs = SYNC_POLL_MS,
  maxBackoffMs = SYNC_MAX_BACKOFF_MS,
}: SyncWatcherOptions): SyncWatcher {
  let state: SyncWatchState = { status: null, statusError: null, refreshError: null, refreshing: false, completed: 0 };
  let stopped = false;
  let timer: unknown = null;
  let failures = 0;
  /** Each status read gets a number; an answer to an older one is dropped. */
  let latestRead = 0;
  let refreshing = false;
  let waitingForFirstSync = false;
  let startedForWaiter = false;
  let sawRunning = false;
  /**
   * First-sync waits that ended on an idle status without a sync seen running: a page whose
   * data stays not ready after such a reload waits longer each time instead of looping.
   */
  let idleWaits = 0;
  /** Reads in a row that found no snapshot and no sync. */
  let nevers = 0;

  const update = (patch: Partial<SyncWatchState>) => {
    state = { ...state, ...patch };
    onChange(state);
  };
  const cancelTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    cancelTimer();
    timer = timers.set(() => {
      timer = null;
      read();
    }, ms);
  };
  const backoffMs = () => Math.min(maxBackoffMs, pollMs * 2 ** failures);

  /** What follows an answered status: poll on, reload the page, or rest. */
  const settle = (status: SyncStatus, refreshAnswer: boolean) => {
    let completed = state.completed;
    if (status.state === 'running') {
      sawRunning = true;
      idleWaits = 0;
      nevers = 0;
    } else if (status.state === 'never') {
      // No snapshot yet: the page's own resolvers are starting the first sync. Follow it.
      sawRunning = true;
    } else if (status.state === 'idle' && (sawRunning || refreshAnswer || waitingForFirstSync)) {
      if (!sawRunning && !refreshAnswer) idleWaits += 1;
      sawRunning = false;
      waitingForFirstSync = false;
      startedForWaiter = false;
      completed += 1;
    } else if (status.state === 'failed') {
      sawRunning = false;
      waitingForFirstSync = false;
    }
    update({ status, statusError: null, completed });
    if (status.state === 'running') {
      schedule(pollMs);
    } else if (waitingForFirstSync && status.state === 'never' && !startedForWaiter) {
      startedForWaiter = true;
      refresh();
    } else if (status.state === 'never') {
      // Waits longer each time, in case nothing starts it (the page's resolvers failed).
      schedule(Math.min(maxBackoffMs, pollMs * 2 ** nevers));
      nevers += 1;
    } else {
      cancelTimer();
    }
  };

  function read(): void {
    if (stopped) return;
    const call = ++latestRead;
    void readStatus().then((envelope) => {
      if (stopped || call !== latestRead) return;
      if (refreshing) {
        // A Refresh that syncs within its call takes seconds: show its progress meanwhile, and
        // leave the outcome to the Refresh's own answer.
        if (envelope.ok) {
          failures = 0;
          update({ status: envelope.data, statusError: null });
        } else failures += 1;
        schedule(envelope.ok ? pollMs : backoffMs());
        return;
      }
      if (envelope.ok) {
        failures = 0;
        settle(envelope.data, false);
        return;
      }
      failures += 1;
      update({ statusError: envelope.error });
      // Keep following a sync someone waits for; a page at rest reads again on Retry.
      if (sawRunning || waitingForFirstSync) schedule(backoffMs());
    });
  }

  function refresh(): void {
    if (stopped || refreshing) return;
    refreshing = true;
    update({ refreshing: true, refreshError: null });
    schedule(pollMs);
    void startRefresh().then((envelope) => {
      if (stopped) return;
      refreshing = false;
      // A status read still on its way is older than this answer.
      latestRead += 1;
      cancelTimer();
      if (envelope.ok) {
        failures = 0;
        state = { ...state, refreshing: false };
        settle(envelope.data, true);
        return;
      }
      update({ refreshing: false, refreshError: envelope.error });
      if (sawRunning || waitingForFirstSync) schedule(backoffMs());
    });
  }

  return {
    start: read,
    refresh,
    awaitFirstSync() {
      if (stopped || waitingForFirstSync) return;
      waitingForFirstSync = true;
      if (idleWaits === 0) read();
      else schedule(Math.min(maxBackoffMs, pollMs * 2 ** idleWaits));
    },
    retryStatus() {
      failures = 0;
      read();
    },
    stop() {
      stopped = true;
      cancelTimer();
    },
    get state() {
      return state;
    },
  };
}
