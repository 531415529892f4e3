/**
 * The storage kit's two ports (DESIGN.md §2 "One storage kit", §7). Every record the app keeps
 * is either one revisioned document per project or a time-ordered collection of entities
 * partitioned by project; what each record kind is — its schema, version, migration and
 * entity — is declared once in `records/record-kinds.ts`.
 *
 * Failures are `AppError`s with stable codes, after the adapter's bounded retries:
 * `CONFLICT` (stale revision), `STORAGE_UNAVAILABLE`, `RATE_LIMITED`. Values are parsed on
 * read; a stored value that no longer parses is skipped and reported, never trusted.
 */
import type { CollectionKind, DocumentKind } from './records/record-kind';

/** A document's value with the revision it was read at; revision 0 means "never saved". */
export interface Revisioned<T> {
  value: T;
  revision: number;
}

export interface Document<T> {
  /**
   * The stored value and its revision. Never saved: value undefined, revision 0. Stored but
   * unreadable (corrupt, or from a newer schema): value undefined with the stored revision, so
   * a save can still replace it.
   */
  get(): Promise<Revisioned<T | undefined>>;
  /**
   * Saves `value` if the stored revision is still `expectedRevision` (0 for a first save), in
   * one conditional KVS transaction; answers the new revision.
   * @throws AppError CONFLICT when someone saved first: nothing is written.
   */
  save(value: T, expectedRevision: number): Promise<Revisioned<T>>;
  /** Removes the value; the revision goes on counting (a save from before the delete conflicts). */
  delete(): Promise<void>;
}

export type SortOrder = 'newest' | 'oldest';

export interface ListOptions {
  /** 1..100; default 25. */
  limit?: number;
  cursor?: string;
  order?: SortOrder;
  /** Inclusive ISO bounds on the record's time. */
  from?: string;
  to?: string;
  /** Equality on the kind's declared filter attributes. */
  where?: Readonly<Record<string, string | number | boolean>>;
}

export interface Page<T> {
  items: T[];
  /** Present when more records follow. */
  cursor?: string;
}

export interface Collection<T> {
  /** Creates or replaces the record with the same id. */
  put(record: T): Promise<void>;
  /**
   * `put` for many records in as few storage calls as the platform allows (KVS batches of 25).
   * Every record is validated before anything is written; answers once all are stored.
   * @throws AppError INVALID_PAYLOAD (nothing written); STORAGE_UNAVAILABLE or RATE_LIMITED when
   *   some stayed unwritten after the retries (others may be stored: `put` them again).
   */
  putMany(records: readonly T[]): Promise<void>;
  /**
   * Creates the record unless one with its id exists; answers which happened (idempotent
   * submissions). A revisioned kind's record starts at revision 1.
   */
  add(record: T): Promise<'created' | 'exists'>;
  get(id: string): Promise<T | undefined>;
  /**
   * The record with its revision, for kinds declared `revisioned`: revision 0 when it is absent
   * or was only ever written by `put`.
   */
  getRevisioned(id: string): Promise<Revisioned<T | undefined>>;
  /**
   * Creates or replaces the record if its stored revision is still `expectedRevision` (0: absent,
   * or never saved with a revision), in one conditional write; answers the new revision. Only for
   * kinds declared `revisioned`, whose writers all go through `save` (a `put` drops the revision).
   * @throws AppError CONFLICT when someone saved first: nothing is written.
   */
  save(record: T, expectedRevision: number): Promise<Revisioned<T>>;
  delete(id: string): Promise<void>;
  list(options?: ListOptions): Promise<Page<T>>;
  /** Deletes every record of the partition, unreadable ones included; answers how many. */
  clear(): Promise<number>;
}

/** Opens documents and collections of one partition (a project id, or `SITE_PARTITION`). */
export interface RecordStore {
  document<T>(kind: DocumentKind<T>, partition: string): Document<T>;
  collection<T>(kind: CollectionKind<T>, partition: string): Collection<T>;
}

/** The partition of site-wide records (the list of tracked projects). */
export const SITE_PARTITION = 'site';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Every record of a collection (oldest first unless said), page by page in pages of 100. */
export async function listAll<T>(collection: Collection<T>, options: Omit<ListOptions, 'limit' | 'cursor'> = {}): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.list({ order: 'oldest', ...options, limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}
