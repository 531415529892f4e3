import { z } from 'zod';
import { AppError } from '../../application/app-error';
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

interface StoredDocument {
  revision: number;
  schemaVersion: number;
  /** JSON text: what is read back is a copy, as from KVS. */
  json: string;
}

interface StoredRecord {
  id: string;
  at: string;
  schemaVersion: number;
  attributes: Record<string, string | number | boolean>;
  json: string;
  /** Set by `save` only, as the KVS `revision` attribute. */
  revision?: number;
}

/**
 * The storage kit in memory, for use-case tests. Passes the same contract suite as
 * `KvsRecordStore`: revisions and `CONFLICT`, validation on write and read, migration on read,
 * ordering, filters and cursor pages of at most 100.
 */
export class InMemoryRecordStore implements RecordStore {
  /** `${kind}\u0000${partition}` -> document. */
  readonly documents = new Map<string, StoredDocument>();
  /** `${entity}\u0000${partition}` -> id -> record. */
  readonly records = new Map<string, Map<string, StoredRecord>>();

  document<T>(kind: DocumentKind<T>, partition: string): Document<T> {
    assertId(partition, 'partition');
    const key = `${kind.name}\u0000${partition}`;
    const documents = this.documents;
    return {
      get(): Promise<Revisioned<T | undefined>> {
        const stored = documents.get(key);
        if (!stored) return Promise.resolve({ value: undefined, revision: 0 });
        return Promise.resolve({
          value: toCurrentRecord(kind, JSON.parse(stored.json) as unknown, stored.schemaVersion),
          revision: stored.revision,
        });
      },
      save: (value: T, expectedRevision: number): Promise<Revisioned<T>> =>
        settle(() => {
          const parsed = parse(kind, value);
          const current = documents.get(key)?.revision ?? 0;
          if (current !== expectedRevision) throw new AppError('CONFLICT', `save ${kind.name}: someone saved a newer version first`);
          const revision = expectedRevision + 1;
          documents.set(key, { revision, schemaVersion: kind.schemaVersion, json: JSON.stringify(parsed) });
          return { value: parsed, revision };
        }),
      delete(): Promise<void> {
        const current = documents.get(key);
        // A tombstone one revision up, as in KVS: a stale save after the delete still conflicts.
        if (current) documents.set(key, { revision: current.revision + 1, schemaVersion: kind.schemaVersion, json: 'null' });
        return Promise.resolve();
      },
    };
  }

  collection<T>(kind: CollectionKind<T>, partition: string): Collection<T> {
    assertId(partition, 'partition');
    const mapKey = `${kind.entity}\u0000${partition}`;
    const records = this.records.get(mapKey) ?? new Map<string, StoredRecord>();
    this.records.set(mapKey, records);
    const toStored = (record: T): StoredRecord => {
      const parsed = parse(kind, record);
      const id = kind.idOf(parsed);
      assertId(id, `${kind.name} id`);
      const attributes: StoredRecord['attributes'] = {};
      for (const [name, filter] of Object.entries(kind.filters ?? {})) attributes[name] = filter.of(parsed);
      return { id, at: kind.timeOf(parsed), schemaVersion: kind.schemaVersion, attributes, json: JSON.stringify(parsed) };
    };
    const toRecord = (stored: StoredRecord): T | undefined =>
      toCurrentRecord(kind, JSON.parse(stored.json) as unknown, stored.schemaVersion);
    return {
      put: (record: T): Promise<void> =>
        settle(() => {
          const stored = toStored(record);
          records.set(stored.id, stored);
        }),
      putMany: (many: readonly T[]): Promise<void> =>
        settle(() => {
          for (const stored of many.map(toStored)) records.set(stored.id, stored);
        }),
      add: (record: T): Promise<'created' | 'exists'> =>
        settle(() => {
          const stored = toStored(record);
          if (records.has(stored.id)) return 'exists';
          // A revisioned record starts at revision 1, as if saved over nothing.
          records.set(stored.id, kind.revisioned ? { ...stored, revision: 1 } : stored);
          return 'created';
        }),
      getRevisioned(id: string): Promise<Revisioned<T | undefined>> {
        assertRevisioned(kind);
        const stored = records.get(id);
        return Promise.resolve(stored ? { value: toRecord(stored), revision: stored.revision ?? 0 } : { value: undefined, revision: 0 });
      },
      save: (record: T, expectedRevision: number): Promise<Revisioned<T>> =>
        settle(() => {
          assertRevisioned(kind);
          const stored = toStored(record);
          if ((records.get(stored.id)?.revision ?? 0) !== expectedRevision) {
            throw new AppError('CONFLICT', `save ${kind.name}: someone saved a newer version first`);
          }
          const revision = expectedRevision + 1;
          records.set(stored.id, { ...stored, revision });
          return { value: JSON.parse(stored.json) as T, revision };
        }),
      get(id: string): Promise<T | undefined> {
        const stored = records.get(id);
        return Promise.resolve(stored ? toRecord(stored) : undefined);
      },
      delete(id: string): Promise<void> {
        records.delete(id);
        return Promise.resolve();
      },
      list: (options: ListOptions = {}): Promise<Page<T>> => settle(() => listPage(options)),
      clear: (): Promise<number> =>
        settle(() => {
          const count = records.size;
          records.clear();
          return count;
        }),
    };
    function listPage(options: ListOptions): Page<T> {
      const limit = options.limit ?? DEFAULT_PAGE_SIZE;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new AppError('INVALID_PAYLOAD', `A page holds 1 to ${MAX_PAGE_SIZE} records`);
      }
      for (const name of Object.keys(options.where ?? {})) {
        if (!kind.filters?.[name]) throw new AppError('INVALID_PAYLOAD', `${kind.name} cannot be filtered by ${name}`);
      }
      const direction = options.order === 'oldest' ? 1 : -1;
      // KVS orders an index range by the range value, then by key.
      const ordered = [...records.values()]
        .filter((r) => (options.from === undefined || r.at >= options.from) && (options.to === undefined || r.at <= options.to))
        .sort((a, b) => direction * (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const start = options.cursor === undefined ? 0 : offsetOf(options.cursor);
      const window = ordered.slice(start, start + limit);
      const where = Object.entries(options.where ?? {});
      const items = window
        .filter((r) => where.every(([name, value]) => r.attributes[name] === value))
        .flatMap((r) => {
          const record = toRecord(r);
          return record === undefined ? [] : [record];
        });
      const next = start + limit;
      return next < ordered.length ? { items, cursor: Buffer.from(`o:${next}`).toString('base64url') } : { items };
    }
  }
}

/** Runs `work` as an async operation would: a throw becomes a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function parse<T>(kind: DocumentKind<T> | CollectionKind<T>, value: T): T {
  const parsed = z.safeParse(kind.schema, value);
  if (!parsed.success) throw new AppError('INVALID_PAYLOAD', `${kind.name}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function offsetOf(cursor: string): number {
  const match = /^o:(\d+)$/u.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('INVALID_PAYLOAD', 'The cursor is not one this list gave');
  return Number(match[1]);
}

function assertRevisioned(kind: { name: string; revisioned?: boolean }): void {
  if (kind.revisioned !== true) throw new Error(`${kind.name} is not a revisioned collection`);
}

function assertId(value: string, what: string): void {
  if (!RECORD_ID.test(value)) throw new AppError('INVALID_PAYLOAD', `${what} must be 1–100 letters, digits, dots, dashes or underscores`);
}
