import { useCallback, useEffect, useState } from 'react';
import type { AppErrorJson, PayloadOf, ResolverKey, ResponseOf } from '../../contract';
import { useBackend } from './BackendProvider';

export type RemoteState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: AppErrorJson };

/**
 * Calls one resolver through the injected client when mounted, and again on `retry()`.
 * An answer that arrives after unmount or after a newer call is dropped. Pass a stable
 * `payload` (a module constant or memoised value): a new object means a new call.
 */
export function useResolver<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): { state: RemoteState<ResponseOf<K>>; retry: () => void } {
  const backend = useBackend();
  const [state, setState] = useState<RemoteState<ResponseOf<K>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void backend.call(key, payload).then((envelope) => {
      if (!current) return;
      setState(envelope.ok ? { status: 'ready', data: envelope.data } : { status: 'failed', error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [backend, key, payload, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
