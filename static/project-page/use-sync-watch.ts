import { useEffect, useMemo, useRef, useState } from 'react';
import type { PayloadOf } from '../../contract';
import { useBackend } from '../shared/BackendProvider';
import { createSyncWatcher, type SyncWatcher, type SyncWatchState } from './sync-watcher';

/** The resolvers authorize the project from the Forge context, so no key is sent. */
const NO_PAYLOAD: PayloadOf<'project/sync-status'> = {};

const INITIAL: SyncWatchState = { status: null, statusError: null, refreshError: null, refreshing: false, completed: 0 };

export interface SyncWatch extends SyncWatchState {
  refresh: () => void;
  retryStatus: () => void;
  awaitFirstSync: () => void;
}

/**
 * The snapshot's sync, followed for as long as the component is mounted: one watcher per
 * backend, stopped on unmount so no poll outlives the page.
 */
export function useSyncWatch(): SyncWatch {
  const backend = useBackend();
  const [state, setState] = useState<SyncWatchState>(INITIAL);
  const watcher = useRef<SyncWatcher | null>(null);

  useEffect(() => {
    const next = createSyncWatcher({
      readStatus: () => backend.call('project/sync-status', NO_PAYLOAD),
      startRefresh: () => backend.call('project/refresh', NO_PAYLOAD),
      onChange: setState,
    });
    watcher.current = next;
    next.start();
    return () => {
      next.stop();
      watcher.current = null;
    };
  }, [backend]);

  const actions = useMemo(
    () => ({
      refresh: () => watcher.current?.refresh(),
      retryStatus: () => watcher.current?.retryStatus(),
      awaitFirstSync: () => watcher.current?.awaitFirstSync(),
    }),
    [],
  );
  return { ...state, ...actions };
}

/** The current time, again every `everyMs`, so relative times ("12 minutes ago") stay true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => {
      setNow(Date.now());
    }, everyMs);
    return () => {
      clearInterval(id);
    };
  }, [everyMs]);
  return now;
}
