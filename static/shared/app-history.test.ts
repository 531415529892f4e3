import { describe, expect, it } from 'vitest';
import { createMemoryAppHistory, toAppHistory, type HostHistoryLike } from './app-history';

describe('createMemoryAppHistory', () => {
  it('starts at the given path and notifies listeners on push until unsubscribed', () => {
    const history = createMemoryAppHistory('/risks');
    const seen: string[] = [];
    const stop = history.listen((pathname) => seen.push(pathname));
    history.push('/share');
    stop();
    history.push('/settings');
    expect(history.pathname).toBe('/settings');
    expect(seen).toEqual(['/share']);
  });
});

/** A host history like the one `view.createHistory()` proxies: push notifies listeners. */
function fakeHostHistory(initial: string | undefined, { refusePush = false } = {}) {
  const listeners: ((location: { pathname?: unknown }) => void)[] = [];
  const host: HostHistoryLike = {
    location: initial === undefined ? null : { pathname: initial },
    push: (path) => {
      if (refusePush) return Promise.reject(new Error('not supported'));
      for (const listener of listeners) listener({ pathname: path });
      return undefined;
    },
    listen: (listener) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
  return host;
}

describe('toAppHistory', () => {
  it('reads the initial path from the host location, defaulting to the root', () => {
    expect(toAppHistory(fakeHostHistory('/feedback')).pathname).toBe('/feedback');
    expect(toAppHistory(fakeHostHistory(undefined)).pathname).toBe('/');
  });

  it('follows host navigations', async () => {
    const history = toAppHistory(fakeHostHistory('/'));
    const seen: string[] = [];
    history.listen((pathname) => seen.push(pathname));
    history.push('/changes');
    await Promise.resolve();
    await Promise.resolve();
    expect(history.pathname).toBe('/changes');
    expect(seen).toEqual(['/changes']);
  });

  it('still navigates when the host refuses the push', async () => {
    const history = toAppHistory(fakeHostHistory('/', { refusePush: true }));
    history.push('/risks');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(history.pathname).toBe('/risks');
  });
});
