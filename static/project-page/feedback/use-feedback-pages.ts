import { useCallback, useEffect, useState } from 'react';
import type { AppErrorJson, PayloadOf } from '../../../contract';
import type { FeedbackEntryJson } from '../../../contract/feedback';
import { useBackend } from '../../shared/BackendProvider';

type PagedKey = 'feedback/list' | 'complaint/list';

export interface Pages {
  items: FeedbackEntryJson[];
  /** More pages follow. */
  more: boolean;
  canEdit: boolean;
  loading: boolean;
  error: AppErrorJson | null;
  loadMore: () => void;
  /** Replaces one entry in place (after a follow-up save). */
  replace: (entry: FeedbackEntryJson) => void;
}

interface Loaded {
  /** The payload these pages answer: a newer payload means they are stale. */
  payload: object;
  items: FeedbackEntryJson[];
  cursor: string | null;
  canEdit: boolean;
  error: AppErrorJson | null;
}

/**
 * A list read a page at a time with the server's cursor: the first page whenever the payload
 * changes (pass a memoised payload; a new object starts over), the next on `loadMore`.
 */
export function useFeedbackPages<K extends PagedKey>(key: K, payload: PayloadOf<K>, limit = 20): Pages {
  const backend = useBackend();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const fetchPage = useCallback(
    (after: string | null, isCurrent: () => boolean) =>
      backend.call(key, { ...payload, limit, ...(after ? { cursor: after } : {}) }).then((answer) => {
        if (!isCurrent()) return;
        setLoadingMore(false);
        setLoaded((old) => {
          const kept = after !== null && old?.payload === payload ? old.items : [];
          if (!answer.ok) return { payload, items: kept, cursor: after, canEdit: old?.canEdit ?? false, error: answer.error };
          const page = answer.data as { items: FeedbackEntryJson[]; cursor: string | null; canEdit: boolean };
          return { payload, items: [...kept, ...page.items], cursor: page.cursor, canEdit: page.canEdit, error: null };
        });
      }),
    [backend, key, payload, limit],
  );

  useEffect(() => {
    let current = true;
    void fetchPage(null, () => current);
    return () => {
      current = false;
    };
  }, [fetchPage]);

  const fresh = loaded?.payload === payload ? loaded : null;
  return {
    items: fresh?.items ?? [],
    more: fresh?.cursor != null,
    canEdit: fresh?.canEdit ?? false,
    loading: fresh === null || loadingMore,
    error: fresh?.error ?? null,
    loadMore: () => {
      if (!fresh?.cursor) return;
      setLoadingMore(true);
      void fetchPage(fresh.cursor, () => true);
    },
    replace: (entry) => {
      setLoaded((old) => (old ? { ...old, items: old.items.map((e) => (e.id === entry.id ? entry : e)) } : old));
    },
  };
}
