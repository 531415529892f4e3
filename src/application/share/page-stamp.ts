/**
 * The shared-page stamp (issue 12, the status page's load budget). The client status page is
 * built from a dozen stored kinds; rebuilding it on every view (the snapshot's report parsed and
 * rendered again) costs thirty times a KVS read. Instead, every write to one of those kinds
 * stamps the project with a fresh random value, and a rendered page is reused only while the
 * project's stamp is still the one read *before* the page's inputs were read:
 *
 * - a writer drops the stamp, writes its data, then writes a fresh stamp; a reader reads the
 *   stamp, then the data. A reader whose data read missed a write read its stamp before that
 *   write's drop, so it differs from whatever is there after;
 * - an absent stamp reuses nothing: a write that failed after its drop leaves the page unkept
 *   until the next view, which stamps again (after its own reads, keeping nothing it read);
 * - a stamp that lost a race to another stamp or drop is not retried: the winner came after the
 *   loser's data, which is all the reader's check needs;
 * - deleting an input only drops the stamp.
 *
 * `withSharedPageStamps` wraps the app's record store so every writer stamps without knowing;
 * `SHARED_PAGE_INPUT_KINDS` must name every kind the page reads (a test reads a page through a
 * recording store and checks).
 */
import { randomUUID } from 'node:crypto';
import { isAppError } from '../app-error';
import type { AnyRecordKind, CollectionKind, DocumentKind } from '../records/record-kind';
import {
  acceptanceKind,
  changeRequestKind,
  engagementKind,
  publishedDraftKind,
  publishedReportKind,
  publishedReportPartKind,
  reportPartKind,
  settingsKind,
  sharedPageStampKind,
  shareLinkKind,
  shareSettingsKind,
  snapshotKind,
} from '../records/record-kinds';
import type { Collection, Document, RecordStore } from '../storage';

/**
 * Every project kind the status page and its gate read, but the two below (the token index is
 * site-wide and never changes).
 */
export const SHARED_PAGE_INPUT_KINDS: ReadonlySet<AnyRecordKind> = new Set<AnyRecordKind>([
  settingsKind,
  snapshotKind,
  publishedDraftKind,
  publishedReportKind,
  changeRequestKind,
  acceptanceKind,
  engagementKind,
  shareLinkKind,
  shareSettingsKind,
]);

/**
 * Kinds the page reads only through a stamped record that is written after them and names them
 * (a snapshot names its report parts' generation, a published report its parts): a sync writes
 * many parts, and stamping each would cost two storage calls apiece for nothing.
 */
export const SHARED_PAGE_PARTS_OF: ReadonlyMap<AnyRecordKind, AnyRecordKind> = new Map<AnyRecordKind, AnyRecordKind>([
  [reportPartKind, snapshotKind],
  [publishedReportPartKind, publishedReportKind],
]);

/** The project's stamp now; undefined when there is none (nothing may be reused then). */
export async function readSharedPageStamp(records: RecordStore, projectId: string): Promise<string | undefined> {
  return (await records.document(sharedPageStampKind, projectId).get()).value?.stamp;
}

/** Writes a fresh stamp: every page rendered before is stale. */
export async function stampSharedPage(records: RecordStore, projectId: string): Promise<void> {
  const document = records.document(sharedPageStampKind, projectId);
  const { revision } = await document.get();
  try {
    await document.save({ stamp: randomUUID() }, revision);
  } catch (error) {
    // Someone stamped in between, after this writer's data: the page is stale either way.
    if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
  }
}

/** Removes the stamp (an input was deleted): nothing rendered before is reused. */
async function dropSharedPageStamp(records: RecordStore, projectId: string): Promise<void> {
  await records.document(sharedPageStampKind, projectId).delete();
}

/**
 * `store`, with every write to a shared-page input between a drop of the project's stamp and a
 * fresh one. The drop first: a write that fails part way, or lands while its answer is lost,
 * leaves no stamp at all — and an absent stamp reuses nothing — rather than the old one. A delete
 * only drops (the project's data may be going for good; the next view stamps again).
 */
export function withSharedPageStamps(store: RecordStore): RecordStore {
  const stamped =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>, partition: string, stampAfter: boolean) =>
    async (...args: A): Promise<R> => {
      await dropSharedPageStamp(store, partition);
      const result = await write(...args);
      if (stampAfter) await stampSharedPage(store, partition);
      return result;
    };
  return {
    document<T>(kind: DocumentKind<T>, partition: string): Document<T> {
      const document = store.document(kind, partition);
      if (!SHARED_PAGE_INPUT_KINDS.has(kind)) return document;
      return {
        get: () => document.get(),
        save: stamped(document.save.bind(document), partition, true),
        delete: stamped(document.delete.bind(document), partition, false),
      };
    },
    collection<T>(kind: CollectionKind<T>, partition: string): Collection<T> {
      const collection = store.collection(kind, partition);
      if (!SHARED_PAGE_INPUT_KINDS.has(kind)) return collection;
      return {
        get: (id) => collection.get(id),
        getRevisioned: (id) => collection.getRevisioned(id),
        list: (options) => collection.list(options),
        put: stamped(collection.put.bind(collection), partition, true),
        putMany: stamped(collection.putMany.bind(collection), partition, true),
        add: stamped(collection.add.bind(collection), partition, true),
        save: stamped(collection.save.bind(collection), partition, true),
        delete: stamped(collection.delete.bind(collection), partition, false),
        clear: stamped(collection.clear.bind(collection), partition, false),
      };
    },
  };
}
