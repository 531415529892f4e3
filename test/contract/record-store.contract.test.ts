/**
 * Contract: the storage kit's ports (`Document`, `Collection`), one suite run against every
 * implementation — `KvsRecordStore` through the real `@forge/kvs` SDK on the local SQLite KVS,
 * and `InMemoryRecordStore`. Each test asserts what the port answers and what is then stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { installForgeGlobals } from '../../local/runtime/forge-globals';
import { SqliteKvs } from '../../local/kvs/sqlite-kvs';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { toEntityDeclarations } from '../../src/adapters/storage/storage-entities';
import { collectionKey, documentKey } from '../../src/adapters/storage/storage-keys';
import { DOCUMENT_ENTITY } from '../../src/application/records/record-kinds';
import { defineCollectionKind, defineDocumentKind } from '../../src/application/records/record-kind';
import { markProjectDirty, markProjectRefreshed } from '../../src/application/mark-project-dirty';
import { changeMarkerKind } from '../../src/application/records/record-kinds';
import type { RecordStore } from '../../src/application/storage';

const noteKind = defineDocumentKind({
  name: 'note',
  schemaVersion: 2,
  schema: z.object({ text: z.string().max(50), words: z.number().int() }),
  // Version 1 stored the text alone.
  migrate: (stored, from) => {
    const v1 = z.object({ text: z.string() }).safeParse(stored);
    return from < 2 && v1.success ? { text: v1.data.text, words: v1.data.text.split(/\s+/u).length } : stored;
  },
  scope: 'project',
});

interface ContractEvent {
  id: string;
  at: string;
  status: 'open' | 'closed';
  n: number;
}

const eventKind = defineCollectionKind<ContractEvent>({
  name: 'contract-event',
  schemaVersion: 1,
  schema: z.object({ id: z.string(), at: z.iso.datetime(), status: z.enum(['open', 'closed']), n: z.number().int() }),
  scope: 'project',
  entity: 'contract-event',
  idOf: (e) => e.id,
  timeOf: (e) => e.at,
  filters: { status: { type: 'string', of: (e) => e.status } },
});

/** The same shape, declared `revisioned`: `save` replaces a record only at its current revision. */
const revisionedKind = defineCollectionKind<ContractEvent>({
  name: 'contract-revisioned',
  schemaVersion: 1,
  schema: z.object({ id: z.string(), at: z.iso.datetime(), status: z.enum(['open', 'closed']), n: z.number().int() }),
  scope: 'project',
  entity: 'contract-revisioned',
  idOf: (e) => e.id,
  timeOf: (e) => e.at,
  revisioned: true,
});

/** How each implementation is set up, and how a test writes a value as an older version would have. */
interface Setup {
  store: RecordStore;
  writeRawDocument: (partition: string, value: unknown, schemaVersion: number, revision: number) => Promise<void>;
  writeRawEvent: (partition: string, id: string, at: string, value: unknown) => Promise<void>;
  setFaults?: (plan: { failAll?: boolean; rateLimitShare?: number } | undefined) => void;
}

interface Harness {
  name: string;
  create(): Setup;
}

let teardown: (() => void) | undefined;
afterEach(() => {
  teardown?.();
  teardown = undefined;
});

const noSleep = { attempts: 3, baseDelayMs: 1, sleep: () => Promise.resolve(), random: () => 0.5 };

const kvsHarness: Harness = {
  name: 'KvsRecordStore on the local KVS',
  create() {
    const sqlite = new SqliteKvs({
      file: ':memory:',
      entities: toEntityDeclarations([noteKind, eventKind, changeMarkerKind, revisionedKind]),
    });
    const uninstall = installForgeGlobals({ kvs: sqlite, product: () => Promise.resolve(new Response('{}', { status: 404 })) });
    teardown = () => {
      uninstall();
      sqlite.close();
    };
    return {
      store: new KvsRecordStore(noSleep),
      setFaults: (plan) => {
        sqlite.setFaults(plan);
      },
      async writeRawDocument(partition, value, schemaVersion, revision) {
        await kvs
          .entity(DOCUMENT_ENTITY)
          .set(documentKey(noteKind.name, partition), { partition, kind: noteKind.name, revision, schemaVersion, value });
      },
      async writeRawEvent(partition, id, at, value) {
        await kvs
          .entity(eventKind.entity)
          .set(collectionKey(partition, id), { partition, at, id, schemaVersion: 1, value, status: 'open' });
      },
    };
  },
};

const memoryHarness: Harness = {
  name: 'InMemoryRecordStore',
  create() {
    const store = new InMemoryRecordStore();
    return {
      store,
      writeRawDocument(partition, value, schemaVersion, revision) {
        store.documents.set(`${noteKind.name}\u0000${partition}`, { revision, schemaVersion, json: JSON.stringify(value) });
        return Promise.resolve();
      },
      writeRawEvent(partition, id, at, value) {
        const key = `${eventKind.entity}\u0000${partition}`;
        const map =
          store.records.get(key) ??
          new Map<string, { id: string; at: string; schemaVersion: number; attributes: Record<string, string>; json: string }>();
        store.records.set(key, map);
        map.set(id, { id, at, schemaVersion: 1, attributes: { status: 'open' }, json: JSON.stringify(value) });
        return Promise.resolve();
      },
    };
  },
};

const harnesses: Harness[] = [kvsHarness, memoryHarness];

function event(n: number, overrides: Partial<ContractEvent> = {}): ContractEvent {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return { id: `e${String(n).padStart(4, '0')}`, at, status: n % 3 === 0 ? 'closed' : 'open', n, ...overrides };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );
}

describe.each(harnesses)('$name', (harness) => {
  describe('Document', () => {
    it('given nothing saved, answers no value at revision 0; a first save at 0 gives revision 1', async () => {
      const setup = harness.create();
      const { store } = setup;
      const note = store.document(noteKind, 'P1');
      expect(await note.get()).toEqual({ value: undefined, revision: 0 });

      expect(await note.save({ text: 'hello', words: 1 }, 0)).toEqual({ value: { text: 'hello', words: 1 }, revision: 1 });
      expect(await note.get()).toEqual({ value: { text: 'hello', words: 1 }, revision: 1 });
    });

    it('given a stale revision, fails CONFLICT and keeps the newer value', async () => {
      const setup = harness.create();
      const { store } = setup;
      const note = store.document(noteKind, 'P1');
      await note.save({ text: 'one', words: 1 }, 0);
      await note.save({ text: 'two', words: 1 }, 1);

      expect(await codeOf(note.save({ text: 'stale', words: 1 }, 1))).toBe('CONFLICT');
      expect(await codeOf(note.save({ text: 'recreate', words: 1 }, 0))).toBe('CONFLICT');
      expect(await note.get()).toEqual({ value: { text: 'two', words: 1 }, revision: 2 });
    });

    it('given two editors saving from the same revision at once, exactly one wins and the other gets CONFLICT', async () => {
      const setup = harness.create();
      const { store } = setup;
      const note = store.document(noteKind, 'P1');
      await note.save({ text: 'base', words: 1 }, 0);

      const outcomes = await Promise.all([
        codeOf(note.save({ text: 'alice', words: 1 }, 1)),
        codeOf(store.document(noteKind, 'P1').save({ text: 'bob', words: 1 }, 1)),
      ]);
      expect(outcomes.sort()).toEqual(['CONFLICT', 'resolved']);
      const stored = await note.get();
      expect(stored.revision).toBe(2);
      expect(['alice', 'bob']).toContain(stored.value?.text);
    });

    it('given an invalid value, fails INVALID_PAYLOAD and stores nothing', async () => {
      const setup = harness.create();
      const { store } = setup;
      const note = store.document(noteKind, 'P1');
      expect(await codeOf(note.save({ text: 'x'.repeat(51), words: 1 }, 0))).toBe('INVALID_PAYLOAD');
      expect(await note.get()).toEqual({ value: undefined, revision: 0 });
    });

    it('keeps partitions apart, and delete removes only its own', async () => {
      const setup = harness.create();
      const { store } = setup;
      await store.document(noteKind, 'P1').save({ text: 'one', words: 1 }, 0);
      await store.document(noteKind, 'P2').save({ text: 'two', words: 1 }, 0);
      await store.document(noteKind, 'P1').delete();
      expect(await store.document(noteKind, 'P1').get()).toEqual({ value: undefined, revision: 2 });
      expect((await store.document(noteKind, 'P2').get()).value).toEqual({ text: 'two', words: 1 });
    });

    it('given a delete between a read and a save, the stale save conflicts (revisions never restart)', async () => {
      const { store } = harness.create();
      const note = store.document(noteKind, 'P1');
      await note.save({ text: 'read by tab A', words: 4 }, 0);
      await note.delete();
      // Tab B saves fresh settings after the delete.
      const afterDelete = await note.get();
      expect(afterDelete.value).toBeUndefined();
      await note.save({ text: 'saved by tab B', words: 4 }, afterDelete.revision);
      // Tab A still holds revision 1.
      expect(await codeOf(note.save({ text: 'stale from tab A', words: 4 }, 1))).toBe('CONFLICT');
      expect((await note.get()).value?.text).toBe('saved by tab B');
    });

    it('given a value stored by schema version 1, migrates it on read', async () => {
      const setup = harness.create();
      const { store } = setup;
      await setup.writeRawDocument('P1', { text: 'three little words' }, 1, 4);
      expect(await store.document(noteKind, 'P1').get()).toEqual({ value: { text: 'three little words', words: 3 }, revision: 4 });
    });

    it('given a stored value that no longer parses, answers no value with its revision, so a save can replace it', async () => {
      const setup = harness.create();
      const { store } = setup;
      await setup.writeRawDocument('P1', { unexpected: true }, 2, 7);
      const note = store.document(noteKind, 'P1');
      expect(await note.get()).toEqual({ value: undefined, revision: 7 });
      expect((await note.save({ text: 'fixed', words: 1 }, 7)).revision).toBe(8);
    });

    it('refuses a partition that cannot be part of a key', () => {
      const setup = harness.create();
      const { store } = setup;
      expect(() => store.document(noteKind, 'P1:../x')).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
    });
  });

  describe('Collection, revisioned', () => {
    const at = '2026-03-02T10:00:00.000Z';
    it('given nothing saved, answers revision 0; a save at 0 creates revision 1, the next replaces at 1', async () => {
      const { store } = harness.create();
      const events = store.collection(revisionedKind, 'P1');
      expect(await events.getRevisioned('e1')).toEqual({ value: undefined, revision: 0 });
      expect(await events.save({ id: 'e1', at, status: 'open', n: 1 }, 0)).toEqual({
        value: { id: 'e1', at, status: 'open', n: 1 },
        revision: 1,
      });
      expect(await events.save({ id: 'e1', at, status: 'closed', n: 2 }, 1)).toMatchObject({ revision: 2 });
      expect(await events.getRevisioned('e1')).toEqual({ value: { id: 'e1', at, status: 'closed', n: 2 }, revision: 2 });
      expect((await events.list()).items).toEqual([{ id: 'e1', at, status: 'closed', n: 2 }]);
    });

    it('given a stale revision, fails CONFLICT and keeps the newer record', async () => {
      const { store } = harness.create();
      const events = store.collection(revisionedKind, 'P1');
      await events.save({ id: 'e1', at, status: 'open', n: 1 }, 0);
      await events.save({ id: 'e1', at, status: 'open', n: 2 }, 1);
      expect(await codeOf(events.save({ id: 'e1', at, status: 'open', n: 3 }, 1))).toBe('CONFLICT');
      expect(await codeOf(events.save({ id: 'e1', at, status: 'open', n: 4 }, 0))).toBe('CONFLICT');
      expect(await events.getRevisioned('e1')).toEqual({ value: { id: 'e1', at, status: 'open', n: 2 }, revision: 2 });
    });

    it('given two writers saving from the same revision at once, exactly one wins', async () => {
      const { store } = harness.create();
      await store.collection(revisionedKind, 'P1').save({ id: 'e1', at, status: 'open', n: 0 }, 0);
      const outcomes = await Promise.all(
        [1, 2].map((n) => codeOf(store.collection(revisionedKind, 'P1').save({ id: 'e1', at, status: 'open', n }, 1))),
      );
      expect(outcomes.sort()).toEqual(['CONFLICT', 'resolved']);
      expect((await store.collection(revisionedKind, 'P1').getRevisioned('e1')).revision).toBe(2);
    });

    it('given a record written by put (no revision), reads it at revision 0 and saves over it at 0', async () => {
      const { store } = harness.create();
      const events = store.collection(revisionedKind, 'P1');
      await events.put({ id: 'e1', at, status: 'open', n: 1 });
      expect(await events.getRevisioned('e1')).toEqual({ value: { id: 'e1', at, status: 'open', n: 1 }, revision: 0 });
      expect(await events.save({ id: 'e1', at, status: 'closed', n: 1 }, 0)).toMatchObject({ revision: 1 });
    });

    it('given a record created by add, reads it at revision 1: a save at 0 is a CONFLICT, at 1 replaces it', async () => {
      const { store } = harness.create();
      const events = store.collection(revisionedKind, 'P1');
      expect(await events.add({ id: 'e1', at, status: 'open', n: 1 })).toBe('created');
      expect(await events.getRevisioned('e1')).toEqual({ value: { id: 'e1', at, status: 'open', n: 1 }, revision: 1 });
      expect(await codeOf(events.save({ id: 'e1', at, status: 'open', n: 2 }, 0))).toBe('CONFLICT');
      expect(await events.save({ id: 'e1', at, status: 'closed', n: 3 }, 1)).toMatchObject({ revision: 2 });
    });

    it('refuses save on a kind not declared revisioned', async () => {
      const { store } = harness.create();
      await expect(store.collection(eventKind, 'P1').save({ id: 'e1', at, status: 'open', n: 1 }, 0)).rejects.toThrow(/not a revisioned/u);
    });
  });

  describe('Collection', () => {
    it('puts, gets, replaces and deletes a record by id', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      await events.put(event(1));
      expect(await events.get('e0001')).toEqual(event(1));
      await events.put(event(1, { status: 'closed' }));
      expect((await events.get('e0001'))?.status).toBe('closed');
      await events.delete('e0001');
      expect(await events.get('e0001')).toBeUndefined();
      expect(await events.get('no such id!')).toBeUndefined();
    });

    it('puts many records at once, over one storage batch, each then readable and listed', async () => {
      const { store } = harness.create();
      const events = store.collection(eventKind, 'P1');
      await events.putMany(Array.from({ length: 60 }, (_, n) => event(n)));
      expect(await events.get('e0059')).toEqual(event(59));
      expect((await events.list({ limit: 100 })).items).toHaveLength(60);
      await events.putMany([event(0, { status: 'closed' })]);
      expect((await events.get('e0000'))?.status).toBe('closed');
      await events.putMany([]);
      expect((await events.list({ limit: 100 })).items).toHaveLength(60);
    });

    it('puts none of many records when one does not parse', async () => {
      const { store } = harness.create();
      const events = store.collection(eventKind, 'P1');
      const bad = { ...event(2), status: 'maybe' } as unknown as ContractEvent;
      expect(await codeOf(events.putMany([event(1), bad, event(3)]))).toBe('INVALID_PAYLOAD');
      expect((await events.list()).items).toEqual([]);
    });

    it('adds a record once: the same id twice stores one record and answers "exists"', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      expect(await events.add(event(1))).toBe('created');
      expect(await events.add(event(1, { n: 99 }))).toBe('exists');
      expect((await events.list()).items).toEqual([event(1)]);
    });

    it('lists newest first by default and oldest first on request', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      for (const n of [3, 1, 2]) await events.put(event(n));
      expect((await events.list()).items.map((e) => e.n)).toEqual([3, 2, 1]);
      expect((await events.list({ order: 'oldest' })).items.map((e) => e.n)).toEqual([1, 2, 3]);
    });

    it('pages 250 records in pages of at most 100 with a cursor, each record exactly once', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      for (let n = 0; n < 250; n += 1) await events.put(event(n));
      const seen: number[] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await events.list({ limit: 100, order: 'oldest', ...(cursor ? { cursor } : {}) });
        sizes.push(page.items.length);
        seen.push(...page.items.map((e) => e.n));
        cursor = page.cursor;
      } while (cursor);
      expect(sizes).toEqual([100, 100, 50]);
      expect(seen).toEqual(Array.from({ length: 250 }, (_, n) => n));
    });

    it('refuses pages over 100 and cursors it did not give, with INVALID_PAYLOAD', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      await events.put(event(1));
      expect(await codeOf(events.list({ limit: 101 }))).toBe('INVALID_PAYLOAD');
      expect(await codeOf(events.list({ limit: 0 }))).toBe('INVALID_PAYLOAD');
      expect(await codeOf(events.list({ cursor: 'forged' }))).toBe('INVALID_PAYLOAD');
    });

    it('filters by time range and by a declared attribute; refuses an undeclared one', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      for (let n = 0; n < 10; n += 1) await events.put(event(n));
      const range = await events.list({ from: event(2).at, to: event(5).at, order: 'oldest' });
      expect(range.items.map((e) => e.n)).toEqual([2, 3, 4, 5]);
      const closed = await events.list({ where: { status: 'closed' }, order: 'oldest', limit: 100 });
      expect(closed.items.map((e) => e.n)).toEqual([0, 3, 6, 9]);
      expect(await codeOf(events.list({ where: { n: 1 } }))).toBe('INVALID_PAYLOAD');
    });

    it('keeps partitions apart, and clear deletes a whole partition, unreadable records included', async () => {
      const setup = harness.create();
      const { store } = setup;
      await store.collection(eventKind, 'P1').put(event(1));
      await store.collection(eventKind, 'P1').put(event(2));
      await setup.writeRawEvent('P1', 'broken', event(3).at, { not: 'an event' });
      await store.collection(eventKind, 'P2').put(event(9));

      expect((await store.collection(eventKind, 'P1').list()).items.map((e) => e.n)).toEqual([2, 1]);
      expect(await store.collection(eventKind, 'P1').clear()).toBe(3);
      expect((await store.collection(eventKind, 'P1').list()).items).toEqual([]);
      expect((await store.collection(eventKind, 'P2').list()).items.map((e) => e.n)).toEqual([9]);
    });

    it('given an invalid record, fails INVALID_PAYLOAD and stores nothing', async () => {
      const setup = harness.create();
      const { store } = setup;
      const events = store.collection(eventKind, 'P1');
      expect(await codeOf(events.put({ ...event(1), status: 'maybe' } as unknown as ContractEvent))).toBe('INVALID_PAYLOAD');
      expect(await codeOf(events.put(event(1, { id: 'has space' })))).toBe('INVALID_PAYLOAD');
      expect((await events.list()).items).toEqual([]);
    });
  });

  describe('change marker on the kit', () => {
    it('given 30 events racing on one project, counts every one (no lost increment)', async () => {
      const setup = harness.create();
      const { store } = setup;
      const at = new Date('2026-11-27T09:00:00Z');
      await Promise.all(Array.from({ length: 30 }, () => markProjectDirty(store, 'P1', at)));
      expect((await store.document(changeMarkerKind, 'P1').get()).value).toEqual({ dirtySince: at.toISOString(), changes: 30 });
    });

    it('given a change during a refresh, the refresh does not mark the project clean', async () => {
      const setup = harness.create();
      const { store } = setup;
      const at = new Date('2026-11-27T09:00:00Z');
      await markProjectDirty(store, 'P1', at);
      const seen = (await store.document(changeMarkerKind, 'P1').get()).revision;
      await markProjectDirty(store, 'P1', at);
      expect(await markProjectRefreshed(store, 'P1', seen)).toBe(false);
      expect((await store.document(changeMarkerKind, 'P1').get()).value?.changes).toBe(2);
      expect(await markProjectRefreshed(store, 'P1', seen + 1)).toBe(true);
      expect((await store.document(changeMarkerKind, 'P1').get()).value).toEqual({ dirtySince: null, changes: 0 });
    });
  });
});

describe('KvsRecordStore under storage failures', () => {
  it('given Forge storage down, fails STORAGE_UNAVAILABLE after 3 attempts and changes nothing', async () => {
    const { store, setFaults } = kvsHarness.create();
    setFaults?.({ failAll: true });
    expect(await codeOf(store.document(noteKind, 'P1').save({ text: 'x', words: 1 }, 0))).toBe('STORAGE_UNAVAILABLE');
    expect(await codeOf(store.collection(eventKind, 'P1').list())).toBe('STORAGE_UNAVAILABLE');
    setFaults?.(undefined);
    expect(await store.document(noteKind, 'P1').get()).toEqual({ value: undefined, revision: 0 });
  });

  it('given every call rate-limited, fails RATE_LIMITED', async () => {
    const { store, setFaults } = kvsHarness.create();
    setFaults?.({ rateLimitShare: 1 });
    expect(await codeOf(store.document(noteKind, 'P1').get())).toBe('RATE_LIMITED');
  });

  it('given transient failures, puts many records all the same; given storage down, says so', async () => {
    const { setFaults } = kvsHarness.create();
    const store = new KvsRecordStore({ ...noSleep, attempts: 8 });
    setFaults?.({ rateLimitShare: 0.25 });
    await store.collection(eventKind, 'P1').putMany(Array.from({ length: 80 }, (_, n) => event(n)));
    setFaults?.({ failAll: true });
    expect(await codeOf(store.collection(eventKind, 'P2').putMany([event(1)]))).toBe('STORAGE_UNAVAILABLE');
    setFaults?.(undefined);
    expect((await store.collection(eventKind, 'P1').list({ limit: 100 })).items).toHaveLength(80);
  });

  it('given a transient failure, retries and succeeds', async () => {
    const { setFaults } = kvsHarness.create();
    const store = new KvsRecordStore({ ...noSleep, attempts: 8 });
    // A quarter of the calls fail; eight attempts get every operation through (all eight fail with p ≈ 1.5e-5).
    setFaults?.({ rateLimitShare: 0.25 });
    for (let n = 0; n < 20; n += 1) await store.collection(eventKind, 'P1').put(event(n));
    setFaults?.(undefined);
    expect((await store.collection(eventKind, 'P1').list({ limit: 100 })).items).toHaveLength(20);
  });
});
