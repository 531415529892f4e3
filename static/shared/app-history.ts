/**
 * The slice of a `history` object the app routes with. The product's history
 * (`view.createHistory()`) keeps the section in the Jira URL; the in-memory one stands in
 * where the host has none (tests, a host without routing).
 */
export interface AppHistory {
  readonly pathname: string;
  push(pathname: string): void;
  /** Calls `onChange` with the new pathname after every navigation; returns an unsubscribe. */
  listen(onChange: (pathname: string) => void): () => void;
}

export function createMemoryAppHistory(initialPathname = '/'): AppHistory {
  let pathname = initialPathname;
  const listeners = new Set<(pathname: string) => void>();
  return {
    get pathname() {
      return pathname;
    },
    push(next) {
      pathname = next;
      for (const listener of [...listeners]) listener(next);
    },
    listen(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
  };
}

/** What `view.createHistory()` resolves to, as far as we use it (history v4/v5 shape). */
export interface HostHistoryLike {
  location?: { pathname?: unknown } | null;
  push(path: string): unknown;
  listen(listener: (location: { pathname?: unknown } | null | undefined) => void): unknown;
}

function toPathname(location: { pathname?: unknown } | null | undefined): string {
  return typeof location?.pathname === 'string' && location.pathname !== '' ? location.pathname : '/';
}

/**
 * Adapts the host's history. The app lives as long as the iframe, so the host listener is
 * never removed. If the host refuses a navigation, the app still switches section: being
 * out of sync with the URL beats a tab that does nothing.
 */
export function toAppHistory(host: HostHistoryLike): AppHistory {
  let pathname = toPathname(host.location);
  const listeners = new Set<(pathname: string) => void>();
  const notify = (next: string) => {
    pathname = next;
    for (const listener of [...listeners]) listener(next);
  };
  host.listen((location) => {
    notify(toPathname(location));
  });
  return {
    get pathname() {
      return pathname;
    },
    push(next) {
      Promise.resolve()
        .then(() => host.push(next))
        .catch(() => {
          notify(next);
        });
    },
    listen(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
  };
}
