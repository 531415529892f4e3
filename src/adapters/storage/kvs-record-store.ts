import { Filter, FilterConditions, kvs, Sort, WhereConditions, type AndFilter } from '@forge/kvs';
import { z } from 'zod';
import { AppError } from '../../application/app-error';
import { DOCUMENT_ENTITY } from '../../application/records/record-kinds';
import { RECORD_ID, toCurrentRecord, type CollectionKind, type DocumentKind } from '../../application/records/record-kind';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Collection,
  type Document,
  type ListOptions,
  type Page,
  type RecordStore,
  type Revisioned,
} from '../../application/storage';
import { DEFAULT_KVS_RETRY, kvsCall, type RetryPolicy } from './kvs-call';
import { collectionKey, documentKey, PARTITION_TIME_INDEX } from './storage-keys';

/** What the `app-document` entity stores for every document kind. */
const documentEnvelope = z.object({
  partition: z.string(),
  kind: z.string(),
  revision: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
  value: z.unknown(),
});
type DocumentEnvelope = z.infer<typeof documentEnvelope>;

/** What a collection entity stores per record: the value, its place, and its filter attributes. */
const collectionEnvelope = z.looseObject({
  partition: z.string(),
  at: z.string(),
  id: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  value: z.unknown(),
});
type CollectionEnvelope = z.infer<typeof collectionEnvelope>;

/**
 * The storage kit on Forge KVS custom entities. Documents live in one entity, updated with
 * conditional transactions on their revision; each collection kind has its own entity indexed
 * by partition and time. Every call goes through `kvsCall` (bounded retries, typed errors).
 */
/**
 * Items per `kvs.batchSet` call.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/storage-api-basic-api/ (batch operations: up to 25 items)
 */
const MAX_BATCH_ITEMS = 25;

export class KvsRecordStore implements RecordStore {
  constructor(private readonly retry: RetryPolicy = DEFAULT_KVS_RETRY) {}

  document<T>(kind: DocumentKind<T>, partition: string): Document<T> {
    assertId(partition, 'partition');
    return new KvsDocument(kind, partition, this.retry);
  }

  collection<T>(kind: CollectionKind<T>, partition: string): Collection<T> {
    assertId(partition, 'partition');
    return new KvsCollection(kind, partition, this.retry);
  }
}

class KvsDocument<T> implements Document<T> {
  private readonly key: string;

  constructor(
    private readonly kind: DocumentKind<T>,
    private readonly partition: string,
    private readonly retry: RetryPolicy,
  ) {
    this.key = documentKey(kind.name, partition);
  }

  async get(): Promise<Revisioned<T | undefined>> {
    const stored = await kvsCall(`read ${this.kind.name}`, () => kvs.entity<DocumentEnvelope>(DOCUMENT_ENTITY).get(this.key), this.retry);
    if (stored === undefined) return { value: undefined, revision: 0 };
    const envelope = documentEnvelope.safeParse(stored);
    if (!envelope.success) return { value: undefined, revision: revisionOf(stored) };
    return { value: toCurrentRecord(this.kind, envelope.data.value, envelope.data.schemaVersion), revision: envelope.data.revision };
  }

  async save(value: T, expectedRevision: number): Promise<Revisioned<T>> {
    const parsed = z.safeParse(this.kind.schema, value);
    if (!parsed.success) throw new AppError('INVALID_PAYLOAD', `${this.kind.name}: ${z.prettifyError(parsed.error)}`);
    const revision = expectedRevision + 1;
    const envelope: DocumentEnvelope = {
      partition: this.partition,
      kind: this.kind.name,
      revision,
      schemaVersion: this.kind.schemaVersion,
      value: parsed.data,
    };
    const conditions =
      expectedRevision === 0
        ? new Filter<DocumentEnvelope>().and('revision', FilterConditions.notExists())
        : new Filter<DocumentEnvelope>().and('revision', FilterConditions.equalTo(expectedRevision));
    await kvsCall(
      `save ${this.kind.name}`,
      () => kvs.transact().set<DocumentEnvelope>(this.key, envelope, { entityName: DOCUMENT_ENTITY, conditions }).execute(),
      this.retry,
    );
    return { value: parsed.data, revision };
  }

  /**
   * Leaves a tombstone (no value) one revision up rather than removing the entry: a tab that
   * read the old revision must still get CONFLICT when it saves after the delete.
   */
  async delete(): Promise<void> {
    for (;;) {
      const current = await this.get();
      if (current.revision === 0) return;
      const tombstone: DocumentEnvelope = {
        partition: this.partition,
        kind: this.kind.name,
        revision: current.revision + 1,
        schemaVersion: this.kind.schemaVersion,
        value: null,
      };
      try {
        await kvsCall(
          `delete ${this.kind.name}`,
          () =>
            kvs
              .transact()
              .set<DocumentEnvelope>(this.key, tombstone, {
                entityName: DOCUMENT_ENTITY,
                conditions: new Filter<DocumentEnvelope>().and('revision', FilterConditions.equalTo(current.revision)),
              })
              .execute(),
          this.retry,
        );
        return;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      }
    }
  }
}

class KvsCollection<T> implements Collection<T> {
  constructor(
    private readonly kind: CollectionKind<T>,
    private readonly partition: string,
    private readonly retry: RetryPolicy,
  ) {}

  private envelopeOf(record: T): { key: string; envelope: CollectionEnvelope; value: T } {
    const parsed = z.safeParse(this.kind.schema, record);
    if (!parsed.success) throw new AppError('INVALID_PAYLOAD', `${this.kind.name}: ${z.prettifyError(parsed.error)}`);
    const id = this.kind.idOf(parsed.data);
    assertId(id, `${this.kind.name} id`);
    const envelope: CollectionEnvelope = {
      partition: this.partition,
      at: this.kind.timeOf(parsed.data),
      id,
      schemaVersion: this.kind.schemaVersion,
      value: parsed.data,
    };
    for (const [name, filter] of Object.entries(this.kind.filters ?? {})) envelope[name] = filter.of(parsed.data);
    return { key: collectionKey(this.partition, id), envelope, value: parsed.data };
  }

  private toRecord(stored: unknown): T | undefined {
    const envelope = collectionEnvelope.safeParse(stored);
    if (!envelope.success || envelope.data.partition !== this.partition) return undefined;
    return toCurrentRecord(this.kind, envelope.data.value, envelope.data.schemaVersion);
  }

  async put(record: T): Promise<void> {
    const { key, envelope } = this.envelopeOf(record);
    await kvsCall(`save ${this.kind.name}`, () => kvs.entity<CollectionEnvelope>(this.kind.entity).set(key, envelope), this.retry);
  }

  async putMany(records: readonly T[]): Promise<void> {
    let pending = records.map((record) => this.envelopeOf(record));
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const failed: typeof pending = [];
      let rateLimited = false;
      for (let start = 0; start < pending.length; start += MAX_BATCH_ITEMS) {
        const chunk = pending.slice(start, start + MAX_BATCH_ITEMS);
        // A whole call that fails is retried by `kvsCall`; items a batch reports failed, below.
        const result = await kvsCall(
          `save ${this.kind.name}`,
          () => kvs.batchSet(chunk.map(({ key, envelope }) => ({ entityName: this.kind.entity, key, value: envelope }))),
          this.retry,
        );
        const failedKeys = new Set(result.failedKeys.map((item) => item.key));
        rateLimited ||= result.failedKeys.some((item) => item.error.code === 'RATE_LIMIT_EXCEEDED');
        failed.push(...chunk.filter(({ key }) => failedKeys.has(key)));
      }
      if (failed.length > 0 && attempt >= this.retry.attempts) {
        const message = `save ${this.kind.name}: ${String(failed.length)} records stayed unwritten`;
        throw new AppError(rateLimited ? 'RATE_LIMITED' : 'STORAGE_UNAVAILABLE', message);
      }
      if (failed.length > 0) await this.retry.sleep(Math.floor(this.retry.random() * this.retry.baseDelayMs * 2 ** (attempt - 1)));
      pending = failed;
    }
  }

  async add(record: T): Promise<'created' | 'exists'> {
    const { key, envelope: plain } = this.envelopeOf(record);
    // A revisioned record starts at revision 1, as if saved over nothing.
    const envelope = this.kind.revisioned ? { ...plain, revision: 1 } : plain;
    try {
      await kvsCall(
        `add ${this.kind.name}`,
        () =>
          kvs
            .transact()
            .set<CollectionEnvelope>(key, envelope, {
              entityName: this.kind.entity,
              conditions: new Filter<CollectionEnvelope>().and('id', FilterConditions.notExists()),
            })
            .execute(),
        this.retry,
      );
      return 'created';
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return 'exists';
      throw error;
    }
  }

  async getRevisioned(id: string): Promise<Revisioned<T | undefined>> {
    assertRevisioned(this.kind);
    if (!RECORD_ID.test(id)) return { value: undefined, revision: 0 };
    const stored = await kvsCall(
      `read ${this.kind.name}`,
      () => kvs.entity(this.kind.entity).get(collectionKey(this.partition, id)),
      this.retry,
    );
    if (stored === undefined) return { value: undefined, revision: 0 };
    return { value: this.toRecord(stored), revision: revisionOf(stored) };
  }

  async save(record: T, expectedRevision: number): Promise<Revisioned<T>> {
    assertRevisioned(this.kind);
    const { key, envelope, value } = this.envelopeOf(record);
    const revision = expectedRevision + 1;
    const conditions =
      expectedRevision === 0
        ? new Filter<CollectionEnvelope>().and('revision', FilterConditions.notExists())
        : new Filter<CollectionEnvelope>().and('revision', FilterConditions.equalTo(expectedRevision));
    await kvsCall(
      `save ${this.kind.name}`,
      () =>
        kvs
          .transact()
          .set<CollectionEnvelope>(key, { ...envelope, revision }, { entityName: this.kind.entity, conditions })
          .execute(),
      this.retry,
    );
    return { value, revision };
  }

  async get(id: string): Promise<T | undefined> {
    if (!RECORD_ID.test(id)) return undefined;
    const stored = await kvsCall(
      `read ${this.kind.name}`,
      () => kvs.entity(this.kind.entity).get(collectionKey(this.partition, id)),
      this.retry,
    );
    return stored === undefined ? undefined : this.toRecord(stored);
  }

  async delete(id: string): Promise<void> {
    if (!RECORD_ID.test(id)) return;
    await kvsCall(`delete ${this.kind.name}`, () => kvs.entity(this.kind.entity).delete(collectionKey(this.partition, id)), this.retry);
  }

  async clear(): Promise<number> {
    // Keys first, then deletes: deleting while paging would move the cursor's ground.
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs
        .entity<CollectionEnvelope>(this.kind.entity)
        .query()
        .index(PARTITION_TIME_INDEX, { partition: [this.partition] })
        .limit(MAX_PAGE_SIZE);
      if (cursor) query = query.cursor(cursor);
      const page = await kvsCall(`list ${this.kind.name}`, () => query.getMany(), this.retry);
      keys.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor);
    for (const key of keys) await kvsCall(`delete ${this.kind.name}`, () => kvs.entity(this.kind.entity).delete(key), this.retry);
    return keys.length;
  }

  async list(options: ListOptions = {}): Promise<Page<T>> {
    const limit = pageSize(options.limit);
    let query = kvs
      .entity<CollectionEnvelope>(this.kind.entity)
      .query()
      .index(PARTITION_TIME_INDEX, { partition: [this.partition] })
      .sort(options.order === 'oldest' ? Sort.ASC : Sort.DESC)
      .limit(limit);
    const range = rangeOf(options);
    if (range) query = query.where(range);
    const where = Object.entries(options.where ?? {});
    if (where.length > 0) {
      let filter: AndFilter<CollectionEnvelope> | undefined;
      for (const [name, value] of where) {
        if (!this.kind.filters?.[name]) throw new AppError('INVALID_PAYLOAD', `${this.kind.name} cannot be filtered by ${name}`);
        // `Filter.and` starts a new AND group; the group's own `and` adds to it.
        filter = (filter ?? new Filter<CollectionEnvelope>()).and(name, FilterConditions.equalTo(value));
      }
      if (filter) query = query.filters(filter);
    }
    if (options.cursor) query = query.cursor(options.cursor);
    const page = await kvsCall(`list ${this.kind.name}`, () => query.getMany(), this.retry);
    const items = page.results.flatMap((result) => {
      const record = this.toRecord(result.value);
      return record === undefined ? [] : [record];
    });
    return page.nextCursor ? { items, cursor: page.nextCursor } : { items };
  }
}

function rangeOf(options: ListOptions) {
  if (options.from !== undefined && options.to !== undefined) return WhereConditions.between(options.from, options.to);
  if (options.from !== undefined) return WhereConditions.greaterThanEqualTo(options.from);
  if (options.to !== undefined) return WhereConditions.lessThanEqualTo(options.to);
  return undefined;
}

/** @throws AppError INVALID_PAYLOAD outside 1..100. */
export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('INVALID_PAYLOAD', `A page holds 1 to ${MAX_PAGE_SIZE} records`);
  }
  return limit;
}

function assertId(value: string, what: string): void {
  if (!RECORD_ID.test(value)) throw new AppError('INVALID_PAYLOAD', `${what} must be 1–100 letters, digits, dots, dashes or underscores`);
}

function assertRevisioned(kind: { name: string; revisioned?: boolean }): void {
  // A programming error, not a request's: the kind must declare the attribute the condition reads.
  if (kind.revisioned !== true) throw new Error(`${kind.name} is not a revisioned collection`);
}

function revisionOf(stored: unknown): number {
  const revision = z.object({ revision: z.number().int().nonnegative() }).safeParse(stored);
  return revision.success ? revision.data.revision : 0;
}
