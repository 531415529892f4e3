/**
 * Contract: the real `@forge/kvs` SDK, unmodified, against the local SQLite KVS.
 * The SDK's error classes and codes are the contract; every test asserts both what the SDK
 * returns and what is then stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { installForgeGlobals } from '../../local/runtime/forge-globals';
import { SqliteKvs, type EntityDefinition, type KvsFaultPlan } from '../../local/kvs/sqlite-kvs';

interface Touchpoint {
  projectId: string;
  occurredAt: string;
  kind: string;
  score: number;
  done: boolean;
  tags: string[];
}

interface SettingsDoc {
  projectId: string;
  revision: number;
  body: unknown;
}

const ENTITIES: EntityDefinition[] = [
  {
    name: 'touchpoint',
    attributes: {
      projectId: { type: 'string' },
      occurredAt: { type: 'string' },
      kind: { type: 'string' },
      score: { type: 'integer' },
      done: { type: 'boolean' },
      tags: { type: 'any' },
    },
    indexes: [{ name: 'by-project-time', partition: ['projectId'], range: ['occurredAt'] }, 'score'],
  },
  {
    name: 'settings-doc',
    attributes: { projectId: { type: 'string' }, revision: { type: 'integer' }, body: { type: 'any' } },
    indexes: ['revision'],
  },
];

const START_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
const MINUTE_MS = 60_000;

let teardown: (() => void) | undefined;

afterEach(() => {
  teardown?.();
  teardown = undefined;
});

function givenStore(faults?: KvsFaultPlan) {
  const clock = { nowMs: START_MS };
  const store = new SqliteKvs({
    file: ':memory:',
    entities: ENTITIES,
    now: () => clock.nowMs,
    ...(faults ? { faults } : {}),
  });
  const uninstall = installForgeGlobals({ kvs: store, product: () => Promise.resolve(new Response('{}', { status: 404 })) });
  teardown = () => {
    uninstall();
    store.close();
  };
  return { store, clock };
}

async function errorOf(promise: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ForgeKvsAPIError)) throw new Error(`expected ForgeKvsAPIError, got ${String(outcome)}`);
  return outcome;
}

function touchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  return { projectId: 'P1', occurredAt: '2025-01-01', kind: 'call', score: 1, done: false, tags: [], ...overrides };
}

describe('key-value store: get / set / delete', () => {
  it('given a stored value, when getting it, then the SDK returns it, and after delete returns undefined', async () => {
    givenStore();
    await kvs.set('settings:v1:P1', { cadenceDays: 7, channels: ['email'] });

    expect(await kvs.get('settings:v1:P1')).toEqual({ cadenceDays: 7, channels: ['email'] });

    await kvs.delete('settings:v1:P1');
    expect(await kvs.get('settings:v1:P1')).toBeUndefined();
  });

  it('given scalar values, when stored, then they round-trip with their JSON type', async () => {
    givenStore();
    await kvs.set('a-string', 'text');
    await kvs.set('a-number', 42.5);
    await kvs.set('a-boolean', false);
    await kvs.set('an-array', [1, 'two']);

    expect([await kvs.get('a-string'), await kvs.get('a-number'), await kvs.get('a-boolean'), await kvs.get('an-array')]).toEqual([
      'text',
      42.5,
      false,
      [1, 'two'],
    ]);
  });

  it('given no value, when getting or deleting the key, then get is undefined and delete succeeds', async () => {
    givenStore();
    expect(await kvs.get('missing')).toBeUndefined();
    await expect(kvs.delete('missing')).resolves.toBeUndefined();
  });

  it('given a value overwritten later, when reading metadata, then createdAt is kept and updatedAt moves (epoch seconds)', async () => {
    const { clock } = givenStore();
    await kvs.set('doc', 1);
    clock.nowMs += 10 * MINUTE_MS;
    await kvs.set('doc', 2);

    const result = await kvs.get('doc', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });

    expect(result).toEqual({ key: 'doc', value: 2, createdAt: START_MS / 1000, updatedAt: START_MS / 1000 + 600 });
  });
});

describe('key-value store: key rules', () => {
  it.each([
    ['', 'KEY_TOO_SHORT'],
    ['k'.repeat(501), 'KEY_TOO_LONG'],
    ['has/slash', 'INVALID_KEY'],
    ['   ', 'INVALID_KEY'],
    ['émoji', 'INVALID_KEY'],
  ])('given key %j, when setting it, then the SDK raises %s with status 400 and nothing is stored', async (key, code) => {
    givenStore();
    const error = await errorOf(kvs.set(key, 'value'));

    expect(error.code).toBe(code);
    expect(error.responseDetails.status).toBe(400);
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('given a 500-character key of every allowed character class, when set, then it is stored', async () => {
    givenStore();
    const key = `Az09:._-# ${'x'.repeat(490)}`;
    expect(key).toHaveLength(500);

    await kvs.set(key, 'ok');

    expect(await kvs.get(key)).toBe('ok');
  });
});

describe('key-value store: value limits', () => {
  it('given a value whose JSON is exactly 240 KiB, when set, then it is stored', async () => {
    givenStore();
    const value = 'x'.repeat(240 * 1024 - 2); // the two JSON quotes count

    await kvs.set('big', value);

    expect(await kvs.get('big')).toHaveLength(240 * 1024 - 2);
  });

  it('given a value one byte over 240 KiB of JSON, when set, then MAX_SIZE and the old value stays', async () => {
    givenStore();
    await kvs.set('big', 'old');

    const error = await errorOf(kvs.set('big', 'x'.repeat(240 * 1024 - 1)));

    expect(error.code).toBe('MAX_SIZE');
    expect(await kvs.get('big')).toBe('old');
  });

  it('given multi-byte characters, when sizing, then UTF-8 bytes are counted, not characters', async () => {
    givenStore();
    const error = await errorOf(kvs.set('wide', 'é'.repeat(130 * 1024)));
    expect(error.code).toBe('MAX_SIZE');
  });

  it('given an object nested 33 levels, when set, then MAX_DEPTH; 32 levels are stored', async () => {
    givenStore();
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { child: nest(levels - 1) });

    expect((await errorOf(kvs.set('deep', nest(33)))).code).toBe('MAX_DEPTH');
    await kvs.set('deep', nest(32));
    expect(await kvs.get('deep')).toEqual(nest(32));
  });
});

describe('key-value store: TTL', () => {
  it('given a value with a 5-minute TTL, when the time passes, then get, query and batchGet no longer see it', async () => {
    const { clock } = givenStore();
    await kvs.set('lease:P1', 'holder-a', { ttl: { value: 5, unit: 'MINUTES' } });

    const before = await kvs.get('lease:P1', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(before).toEqual({ key: 'lease:P1', value: 'holder-a', expireTime: new Date(START_MS + 5 * MINUTE_MS).toISOString() });

    clock.nowMs += 5 * MINUTE_MS - 1;
    expect(await kvs.get('lease:P1')).toBe('holder-a');
    clock.nowMs += 1;
    expect(await kvs.get('lease:P1')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
    expect((await kvs.batchGet([{ key: 'lease:P1' }])).failedKeys).toEqual([
      { key: 'lease:P1', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } },
    ]);
  });

  it('given a TTL value, when overwritten without TTL, then it no longer expires', async () => {
    const { clock } = givenStore();
    await kvs.set('k', 1, { ttl: { value: 1, unit: 'SECONDS' } });
    await kvs.set('k', 2);
    clock.nowMs += 86_400_000;
    expect(await kvs.get('k')).toBe(2);
  });
});

describe('key-value store: key policy and returned values', () => {
  it('given an existing key, when set with FAIL_IF_EXISTS, then KEY_CONFLICT 409 and the value is unchanged', async () => {
    givenStore();
    await kvs.set('lock:P1', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });

    const error = await errorOf(kvs.set('lock:P1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));

    expect(error.code).toBe('KEY_CONFLICT');
    expect(error.responseDetails.status).toBe(409);
    expect(await kvs.get('lock:P1')).toBe('first');
  });

  it('given an expired key, when set with FAIL_IF_EXISTS, then it is treated as absent', async () => {
    const { clock } = givenStore();
    await kvs.set('lock:P1', 'first', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 30, unit: 'SECONDS' } });
    clock.nowMs += 30_000;

    await kvs.set('lock:P1', 'second', { keyPolicy: 'FAIL_IF_EXISTS' });

    expect(await kvs.get('lock:P1')).toBe('second');
  });

  it('given OVERRIDE with returnValue PREVIOUS, when setting twice, then undefined first and the previous value second', async () => {
    givenStore();

    // Literal options, so the SDK's returnValue overload applies (a widened object picks the void one).
    expect(await kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    expect(await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({ key: 'counter', value: 1 });
    expect(await kvs.get('counter')).toBe(2);
  });

  it('given OVERRIDE with returnValue LATEST and metadata, when setting, then the new value and its metadata return', async () => {
    const { clock } = givenStore();
    await kvs.set('doc', 'v1');
    clock.nowMs += 60_000;

    const result = await kvs.set('doc', 'v2', {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      ttl: { value: 1, unit: 'HOURS' },
      returnMetadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT, MetadataField.EXPIRE_TIME],
    });

    expect(result).toEqual({
      key: 'doc',
      value: 'v2',
      createdAt: START_MS / 1000,
      updatedAt: START_MS / 1000 + 60,
      expireTime: new Date(START_MS + 60_000 + 3_600_000).toISOString(),
    });
  });
});

describe('key-value store: query', () => {
  it('given keys under two prefixes, when querying beginsWith, then only that prefix returns, in key order', async () => {
    givenStore();
    for (const key of ['feedback:P1:3', 'feedback:P1:1', 'feedback:P2:1', 'feedback:P1:2', 'settings:P1']) await kvs.set(key, key);

    const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('feedback:P1:')).getMany();

    expect(results.map((result) => result.key)).toEqual(['feedback:P1:1', 'feedback:P1:2', 'feedback:P1:3']);
    expect(nextCursor).toBeUndefined();
  });

  it('given 25 keys, when paging with the default limit, then pages of 10, 10, 5 chained by cursors cover every key once', async () => {
    givenStore();
    const keys = Array.from({ length: 25 }, (_, index) => `item:${String(index).padStart(2, '0')}`);
    for (const key of keys) await kvs.set(key, key);

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('item:'));
      const page = await (cursor ? query.cursor(cursor) : query).getMany();
      pages.push(page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor);

    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(keys);
  });

  // Key-value queries page at most 20 (default 10): "Limit the result size to 10 values, up to a maximum of 20",
  // https://developer.atlassian.com/platform/forge/js-api-reference/storage-api-query (Feb 2026). Entity queries go to 100.
  it('given a limit of 20 and of 21, when querying, then 20 is accepted and 21 is refused with a 400', async () => {
    givenStore();
    for (let index = 0; index < 21; index += 1) await kvs.set(`k${String(index).padStart(2, '0')}`, index);

    expect((await kvs.query().limit(20).getMany()).results).toHaveLength(20);
    const error = await errorOf(kvs.query().limit(21).getMany());
    expect(error.responseDetails.status).toBe(400);
  });

  it('given getOne and expiry metadata, when querying, then the first key returns with expireTime', async () => {
    givenStore();
    await kvs.set('b', 2);
    await kvs.set('a', 1, { ttl: { value: 1, unit: 'DAYS' } });

    const first = await kvs.query({ metadataFields: [MetadataField.EXPIRE_TIME] }).getOne();

    expect(first).toEqual({ key: 'a', value: 1, expireTime: new Date(START_MS + 86_400_000).toISOString() });
  });

  it('given a cursor that this store did not issue, when querying, then a 400 INVALID_CURSOR', async () => {
    givenStore();
    const error = await errorOf(kvs.query().cursor('not-a-cursor').getMany());
    expect(error.code).toBe('INVALID_CURSOR');
  });
});

describe('secrets', () => {
  it('given a secret, when reading through KVS get and query, then it is invisible; getSecret returns it', async () => {
    givenStore();
    await kvs.setSecret('jira-token', 'abc123');

    expect(await kvs.getSecret('jira-token')).toBe('abc123');
    expect(await kvs.get('jira-token')).toBeUndefined();
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('given a KVS value and a secret under one key, when deleting the secret, then the KVS value stays', async () => {
    givenStore();
    await kvs.set('shared', 'plain');
    await kvs.setSecret('shared', 'secret');

    await kvs.deleteSecret('shared');

    expect(await kvs.getSecret('shared')).toBeUndefined();
    expect(await kvs.get('shared')).toBe('plain');
  });

  it('given a secret key that breaks the key rules, when set, then INVALID_KEY', async () => {
    givenStore();
    expect((await errorOf(kvs.setSecret('bad/key', 'x'))).code).toBe('INVALID_KEY');
  });
});

describe('batch operations', () => {
  it('given valid and invalid items, when batchSet, then each item succeeds or fails on its own', async () => {
    givenStore();

    const result = await kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 't1', value: touchpoint(), entityName: 'touchpoint' },
      { key: 't2', value: { ...touchpoint(), score: 'high' }, entityName: 'touchpoint' },
    ]);

    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 't1', entityName: 'touchpoint' }]);
    expect(result.failedKeys.map((failure) => [failure.key, failure.error.code])).toEqual([
      ['bad/key', 'INVALID_KEY'],
      ['t2', 'INVALID_ENTITY_VALUE'],
    ]);
    expect(await kvs.get('a')).toBe(1);
    expect(await kvs.entity<Touchpoint>('touchpoint').get('t1')).toEqual(touchpoint());
    expect(await kvs.entity<Touchpoint>('touchpoint').get('t2')).toBeUndefined();
  });

  it('given the same key twice, when batchSet, then the whole batch fails with a 400 and nothing is stored', async () => {
    givenStore();
    const error = await errorOf(
      kvs.batchSet([
        { key: 'a', value: 1 },
        { key: 'a', value: 2 },
      ]),
    );
    expect(error.responseDetails.status).toBe(400);
    expect(await kvs.get('a')).toBeUndefined();
  });

  it('given 26 items, when batchSet, then the batch is refused', async () => {
    givenStore();
    const items = Array.from({ length: 26 }, (_, index) => ({ key: `k${index}`, value: index }));
    expect((await errorOf(kvs.batchSet(items))).responseDetails.status).toBe(400);
    expect(await kvs.get('k0')).toBeUndefined();
  });

  it('given one stored key and one missing, when batchGet, then the missing one fails with KEY_NOT_FOUND', async () => {
    givenStore();
    await kvs.set('present', 'yes');
    await kvs.entity<Touchpoint>('touchpoint').set('t1', touchpoint());

    const result = await kvs.batchGet([{ key: 'present' }, { key: 'absent' }, { key: 't1', entityName: 'touchpoint' }]);

    expect(result.successfulKeys).toEqual([
      { key: 'present', value: 'yes' },
      { key: 't1', entityName: 'touchpoint', value: touchpoint() },
    ]);
    expect(result.failedKeys).toEqual([{ key: 'absent', error: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' } }]);
  });

  it('given stored keys, when batchDelete, then they are gone and an unknown entity fails alone', async () => {
    givenStore();
    await kvs.set('a', 1);
    await kvs.set('b', 2);

    const result = await kvs.batchDelete([{ key: 'a' }, { key: 'b' }, { key: 'c', entityName: 'undeclared' }]);

    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(result.failedKeys.map((failure) => failure.error.code)).toEqual(['INVALID_ENTITY_TYPE']);
    expect(await kvs.get('a')).toBeUndefined();
    expect(await kvs.get('b')).toBeUndefined();
  });
});

describe('custom entities: values', () => {
  it('given a typed entity, when set and got, then the value round-trips and KVS get does not see it', async () => {
    givenStore();
    await kvs.entity<Touchpoint>('touchpoint').set('tp-1', touchpoint({ tags: ['billing'] }));

    expect(await kvs.entity<Touchpoint>('touchpoint').get('tp-1')).toEqual(touchpoint({ tags: ['billing'] }));
    expect(await kvs.get('tp-1')).toBeUndefined();

    await kvs.entity('touchpoint').delete('tp-1');
    expect(await kvs.entity('touchpoint').get('tp-1')).toBeUndefined();
  });

  it.each([
    ['a string for an integer', { score: 'high' }],
    ['a float for an integer', { score: 1.5 }],
    ['an integer beyond 32 bits', { score: 2 ** 31 }],
    ['a number for a boolean', { done: 1 }],
    ['an undeclared attribute', { owner: 'me' }],
  ])('given %s, when setting the entity, then INVALID_ENTITY_VALUE and nothing is stored', async (_, overrides) => {
    givenStore();
    const error = await errorOf(kvs.entity('touchpoint').set('tp-1', { ...touchpoint(), ...overrides }));

    expect(error.code).toBe('INVALID_ENTITY_VALUE');
    expect(await kvs.entity('touchpoint').get('tp-1')).toBeUndefined();
  });

  it.each([
    ['ab', 'ENTITY_TYPE_TOO_SHORT'],
    ['x'.repeat(61), 'ENTITY_TYPE_TOO_LARGE'],
    ['Upper', 'INVALID_ENTITY_TYPE'],
    ['not-declared', 'INVALID_ENTITY_TYPE'],
  ])('given entity name %j, when setting, then %s', async (name, code) => {
    givenStore();
    expect((await errorOf(kvs.entity(name).set('k', {}))).code).toBe(code);
  });

  it('given an empty entity key, when setting, then EMPTY_KEY', async () => {
    givenStore();
    expect((await errorOf(kvs.entity('touchpoint').set('', touchpoint()))).code).toBe('EMPTY_KEY');
  });
});

describe('custom entities: index queries', () => {
  async function givenTouchpoints() {
    const store = givenStore();
    const entity = kvs.entity<Touchpoint>('touchpoint');
    await entity.set('p1-a', touchpoint({ occurredAt: '2025-01-03', kind: 'call', score: 5, tags: ['billing'] }));
    await entity.set('p1-b', touchpoint({ occurredAt: '2025-01-01', kind: 'email', score: 2, done: true }));
    await entity.set('p1-c', touchpoint({ occurredAt: '2025-01-02', kind: 'call', score: 8 }));
    await entity.set('p1-d', touchpoint({ occurredAt: '2025-02-01', kind: 'meeting', score: 3, tags: ['scope'] }));
    await entity.set('p2-a', touchpoint({ projectId: 'P2', occurredAt: '2025-01-02', kind: 'call', score: 9 }));
    return store;
  }

  it('given a partitioned index, when querying a partition, then only its entities return in range order', async () => {
    await givenTouchpoints();

    const { results } = await kvs
      .entity<Touchpoint>('touchpoint')
      .query()
      .index('by-project-time', { partition: ['P1'] })
      .getMany();

    expect(results.map((result) => result.key)).toEqual(['p1-b', 'p1-c', 'p1-a', 'p1-d']);
  });

  it('given a between range and DESC sort, when querying, then the range is inclusive and reversed', async () => {
    await givenTouchpoints();

    const { results } = await kvs
      .entity<Touchpoint>('touchpoint')
      .query()
      .index('by-project-time', { partition: ['P1'] })
      .where(WhereConditions.between('2025-01-01', '2025-01-03'))
      .sort(Sort.DESC)
      .getMany();

    expect(results.map((result) => result.key)).toEqual(['p1-a', 'p1-c', 'p1-b']);
  });

  it.each([
    ['beginsWith 2025-01', WhereConditions.beginsWith('2025-01'), ['p1-b', 'p1-c', 'p1-a']],
    ['equalTo 2025-01-02', WhereConditions.equalTo('2025-01-02'), ['p1-c']],
    ['greaterThan 2025-01-02', WhereConditions.greaterThan('2025-01-02'), ['p1-a', 'p1-d']],
    ['greaterThanEqualTo 2025-01-02', WhereConditions.greaterThanEqualTo('2025-01-02'), ['p1-c', 'p1-a', 'p1-d']],
    ['lessThan 2025-01-02', WhereConditions.lessThan('2025-01-02'), ['p1-b']],
    ['lessThanEqualTo 2025-01-02', WhereConditions.lessThanEqualTo('2025-01-02'), ['p1-b', 'p1-c']],
  ])('given range %s, when querying P1, then %j', async (_, range, expected) => {
    await givenTouchpoints();

    const { results } = await kvs
      .entity<Touchpoint>('touchpoint')
      .query()
      .index('by-project-time', { partition: ['P1'] })
      .where(range)
      .getMany();

    expect(results.map((result) => result.key)).toEqual(expected);
  });

  it('given a numeric range index without partition, when querying greaterThan, then numbers compare as numbers', async () => {
    await givenTouchpoints();

    const { results } = await kvs.entity<Touchpoint>('touchpoint').query().index('score').where(WhereConditions.greaterThan(4)).getMany();

    expect(results.map((result) => result.value.score)).toEqual([5, 8, 9]);
  });

  it('given a string bound on a numeric range, when querying lessThan, then nothing matches: types never compare', async () => {
    await givenTouchpoints();

    const { results } = await kvs.entity<Touchpoint>('touchpoint').query().index('score').where(WhereConditions.lessThan('z')).getMany();

    expect(results).toEqual([]);
  });

  it.each([
    [
      'and: kind equalTo call and score greaterThan 6',
      new Filter<Touchpoint>().and('kind', FilterConditions.equalTo('call')).and('score', FilterConditions.greaterThan(6)),
      ['p1-c'],
    ],
    [
      'or: kind equalTo email or meeting',
      new Filter<Touchpoint>().or('kind', FilterConditions.equalTo('email')).or('kind', FilterConditions.equalTo('meeting')),
      ['p1-b', 'p1-d'],
    ],
    ['contains on an array attribute', new Filter<Touchpoint>().and('tags', FilterConditions.contains('scope')), ['p1-d']],
    ['notContains on a string', new Filter<Touchpoint>().and('kind', FilterConditions.notContains('al')), ['p1-b', 'p1-d']],
    ['notEqualTo', new Filter<Touchpoint>().and('kind', FilterConditions.notEqualTo('call')), ['p1-b', 'p1-d']],
    ['boolean equalTo', new Filter<Touchpoint>().and('done', FilterConditions.equalTo(true)), ['p1-b']],
    ['between on numbers', new Filter<Touchpoint>().and('score', FilterConditions.between(3, 5)), ['p1-a', 'p1-d']],
    ['beginsWith', new Filter<Touchpoint>().and('kind', FilterConditions.beginsWith('me')), ['p1-d']],
    ['lessThanEqualTo', new Filter<Touchpoint>().and('score', FilterConditions.lessThanEqualTo(3)), ['p1-b', 'p1-d']],
    ['exists', new Filter<Touchpoint>().and('kind', FilterConditions.exists()), ['p1-b', 'p1-c', 'p1-a', 'p1-d']],
  ])('given filter %s, when querying P1, then %j', async (_, filter, expected) => {
    await givenTouchpoints();

    const { results } = await kvs
      .entity<Touchpoint>('touchpoint')
      .query()
      .index('by-project-time', { partition: ['P1'] })
      .filters(filter)
      .getMany();

    expect(results.map((result) => result.key)).toEqual(expected);
  });

  it('given a page limit, when paging with cursors in DESC order, then every entity returns once in order', async () => {
    await givenTouchpoints();
    const keys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = kvs
        .entity<Touchpoint>('touchpoint')
        .query()
        .index('by-project-time', { partition: ['P1'] })
        .sort(Sort.DESC)
        .limit(3);
      const page = await (cursor ? query.cursor(cursor) : query).getMany();
      keys.push(...page.results.map((result) => result.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(2);
    expect(keys).toEqual(['p1-d', 'p1-a', 'p1-c', 'p1-b']);
  });

  it('given filters and a limit, when a page of index entries has no match, then it is empty yet carries a cursor to the rest', async () => {
    await givenTouchpoints();
    const base = () =>
      kvs
        .entity<Touchpoint>('touchpoint')
        .query()
        .index('by-project-time', { partition: ['P1'] })
        .filters(new Filter<Touchpoint>().and('kind', FilterConditions.equalTo('meeting')))
        .limit(3);

    const first = await base().getMany();
    expect(first.results).toEqual([]);
    expect(first.nextCursor).toBeDefined();

    const second = await base()
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((result) => result.key)).toEqual(['p1-d']);
  });

  it('given entities with TTL metadata requested, when querying, then expireTime is returned', async () => {
    givenStore();
    await kvs.entity<Touchpoint>('touchpoint').set('tp', touchpoint(), { ttl: { value: 2, unit: 'DAYS' } });

    const found = await kvs
      .entity<Touchpoint>('touchpoint')
      .query({ metadataFields: [MetadataField.EXPIRE_TIME] })
      .index('by-project-time', { partition: ['P1'] })
      .getOne();

    expect(found).toEqual({ key: 'tp', value: touchpoint(), expireTime: new Date(START_MS + 2 * 86_400_000).toISOString() });
  });

  it('given a partitioned index, when the partition is missing, then a 400', async () => {
    await givenTouchpoints();
    const error = await errorOf(kvs.entity<Touchpoint>('touchpoint').query().index('by-project-time').getMany());
    expect(error.responseDetails.status).toBe(400);
  });

  it('given an undeclared index, when querying, then INVALID_ENTITY_INDEX', async () => {
    await givenTouchpoints();
    const error = await errorOf(kvs.entity<Touchpoint>('touchpoint').query().index('by-owner').getMany());
    expect(error.code).toBe('INVALID_ENTITY_INDEX');
  });

  it('given a limit of 101, when querying, then COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE; 100 is accepted', async () => {
    await givenTouchpoints();
    const query = () => kvs.entity<Touchpoint>('touchpoint').query().index('score');

    expect((await errorOf(query().limit(101).getMany())).code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    expect((await query().limit(100).getMany()).results).toHaveLength(5);
  });
});

describe('custom entities: query page sizes (default 10, at most 100)', () => {
  async function givenManyTouchpoints(count: number): Promise<string[]> {
    givenStore();
    const keys = Array.from({ length: count }, (_, index) => `tp-${String(index).padStart(3, '0')}`);
    for (const [index, key] of keys.entries()) {
      await kvs
        .entity<Touchpoint>('touchpoint')
        .set(key, touchpoint({ occurredAt: `2025-01-01T00:${String(index % 60).padStart(2, '0')}:00Z`, score: index }));
    }
    return keys;
  }
  const byScore = () => kvs.entity<Touchpoint>('touchpoint').query().index('score');

  it('given 25 entities and no limit, when paging, then pages of 10, 10, 5 chained by cursors return each entity once', async () => {
    const keys = await givenManyTouchpoints(25);
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await (cursor ? byScore().cursor(cursor) : byScore()).getMany();
      pages.push(page.results.map((result) => result.key));
      cursor = page.nextCursor;
    } while (cursor);

    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(keys);
  });

  it('given 105 entities, when querying with a limit of 100, then 100 come back with a cursor to the other 5', async () => {
    const keys = await givenManyTouchpoints(105);

    const first = await byScore().limit(100).getMany();
    expect(first.results.map((result) => result.key)).toEqual(keys.slice(0, 100));
    const rest = await byScore()
      .limit(100)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(rest.results.map((result) => result.key)).toEqual(keys.slice(100));
    expect(rest.nextCursor).toBeUndefined();
  });

  it.each([101, 0])('given a limit of %i, when querying, then a 400 with COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', async (limit) => {
    await givenManyTouchpoints(3);
    const error = await errorOf(byScore().limit(limit).getMany());
    expect(error.code).toBe('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    expect(error.responseDetails.status).toBe(400);
  });
});

describe('transactions', () => {
  it('given sets and deletes, when executed, then all are applied together', async () => {
    givenStore();
    await kvs.set('old', 'x');

    await kvs
      .transact()
      .set('new', { a: 1 })
      .delete('old')
      .set('doc-P1', { projectId: 'P1', revision: 1, body: {} }, { entityName: 'settings-doc' })
      .execute();

    expect(await kvs.get('new')).toEqual({ a: 1 });
    expect(await kvs.get('old')).toBeUndefined();
    expect(await kvs.entity<SettingsDoc>('settings-doc').get('doc-P1')).toEqual({ projectId: 'P1', revision: 1, body: {} });
  });

  it('given a matching revision condition, when set, then the document moves to the next revision', async () => {
    givenStore();
    await kvs.entity<SettingsDoc>('settings-doc').set('doc-P1', { projectId: 'P1', revision: 3, body: 'v3' });

    await kvs
      .transact()
      .set<SettingsDoc>(
        'doc-P1',
        { projectId: 'P1', revision: 4, body: 'v4' },
        {
          entityName: 'settings-doc',
          conditions: new Filter<SettingsDoc>().and('revision', FilterConditions.equalTo(3)),
        },
      )
      .execute();

    expect(await kvs.entity<SettingsDoc>('settings-doc').get('doc-P1')).toEqual({ projectId: 'P1', revision: 4, body: 'v4' });
  });

  it('given a stale revision, when set with a condition, then CONDITIONAL_CHECK_FAILED 409 and no operation applies', async () => {
    givenStore();
    await kvs.entity<SettingsDoc>('settings-doc').set('doc-P1', { projectId: 'P1', revision: 5, body: 'v5' });

    const error = await errorOf(
      kvs
        .transact()
        .set('audit:1', 'written only with the document')
        .set<SettingsDoc>(
          'doc-P1',
          { projectId: 'P1', revision: 4, body: 'stale' },
          {
            entityName: 'settings-doc',
            conditions: new Filter<SettingsDoc>().and('revision', FilterConditions.equalTo(3)),
          },
        )
        .execute(),
    );

    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(error.responseDetails.status).toBe(409);
    expect(await kvs.get('audit:1')).toBeUndefined();
    expect(await kvs.entity<SettingsDoc>('settings-doc').get('doc-P1')).toEqual({ projectId: 'P1', revision: 5, body: 'v5' });
  });

  it('given a check on another entity that fails, when executed, then the set is rolled back', async () => {
    givenStore();
    await kvs.entity<SettingsDoc>('settings-doc').set('doc-P1', { projectId: 'P1', revision: 1, body: null });

    const error = await errorOf(
      kvs
        .transact()
        .set('marker', 1)
        .check<SettingsDoc>('doc-P1', {
          entityName: 'settings-doc',
          conditions: new Filter<SettingsDoc>().and('revision', FilterConditions.greaterThan(1)),
        })
        .execute(),
    );

    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await kvs.get('marker')).toBeUndefined();
  });

  it('given a create-only condition (notExists), when the entity is absent then present, then first commits and second conflicts', async () => {
    givenStore();
    const createOnly = () =>
      kvs
        .transact()
        .set<SettingsDoc>(
          'doc-P9',
          { projectId: 'P9', revision: 1, body: 'first' },
          {
            entityName: 'settings-doc',
            conditions: new Filter<SettingsDoc>().and('revision', FilterConditions.notExists()),
          },
        )
        .execute();

    await createOnly();
    expect((await errorOf(createOnly())).code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await kvs.entity<SettingsDoc>('settings-doc').get('doc-P9')).toEqual({ projectId: 'P9', revision: 1, body: 'first' });
  });

  it('given a conditional delete whose condition holds, when executed, then the entity is deleted', async () => {
    givenStore();
    await kvs.entity<SettingsDoc>('settings-doc').set('doc-P1', { projectId: 'P1', revision: 2, body: 'x' });

    await kvs
      .transact()
      .delete<SettingsDoc>('doc-P1', {
        entityName: 'settings-doc',
        conditions: new Filter<SettingsDoc>().and('revision', FilterConditions.equalTo(2)),
      })
      .execute();

    expect(await kvs.entity('settings-doc').get('doc-P1')).toBeUndefined();
  });

  it('given the same key twice, when executed, then a 400 and nothing applies', async () => {
    givenStore();
    const error = await errorOf(kvs.transact().set('k', 1).delete('k').execute());
    expect(error.responseDetails.status).toBe(400);
    expect(await kvs.get('k')).toBeUndefined();
  });

  it('given 26 operations, when executed, then a 400 and nothing applies', async () => {
    givenStore();
    const transaction = kvs.transact();
    for (let index = 0; index < 26; index += 1) transaction.set(`k${index}`, index);

    expect((await errorOf(transaction.execute())).responseDetails.status).toBe(400);
    expect(await kvs.get('k0')).toBeUndefined();
  });

  it('given an oversized value among valid sets, when executed, then MAX_SIZE and nothing applies', async () => {
    givenStore();
    const error = await errorOf(
      kvs
        .transact()
        .set('small', 1)
        .set('huge', 'x'.repeat(241 * 1024))
        .execute(),
    );
    expect(error.code).toBe('MAX_SIZE');
    expect(await kvs.get('small')).toBeUndefined();
  });
});

describe('injected faults', () => {
  it('given a rate-limit share of 1, when calling, then the SDK raises RATE_LIMIT_EXCEEDED with status 429 and nothing is stored', async () => {
    const { store } = givenStore({ rateLimitShare: 1 });

    const error = await errorOf(kvs.set('k', 1));

    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect(error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(error.responseDetails.status).toBe(429);
    store.setFaults(undefined);
    expect(await kvs.get('k')).toBeUndefined();
    expect(store.stats()).toEqual({ calls: { '/api/v1/set': 1, '/api/v1/get': 1 }, faultsInjected: 1 });
  });

  it('given a server-error share of 1, when calling, then 500 INTERNAL_SERVER_ERROR or 503 SERVICE_UNAVAILABLE', async () => {
    givenStore({ serverErrorShare: 1, seed: 7 });
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const error = await errorOf(kvs.get('k'));
      seen.add(`${error.responseDetails.status} ${error.code}`);
    }
    expect([...seen].sort()).toEqual(['500 INTERNAL_SERVER_ERROR', '503 SERVICE_UNAVAILABLE']);
  });

  it('given failAll, when calling any API, then every call fails until the plan is cleared', async () => {
    const { store } = givenStore({ failAll: true });
    expect((await errorOf(kvs.query().getMany())).responseDetails.status).toBe(503);
    expect((await errorOf(kvs.transact().set('k', 1).execute())).responseDetails.status).toBe(503);

    store.setFaults();
    await kvs.set('k', 1);
    expect(await kvs.get('k')).toBe(1);
  });

  it('given a 30% rate-limit share and a seed, when calling 200 times, then roughly 30% fail and a rerun fails identically', async () => {
    const outcomes = async () => {
      const result: boolean[] = [];
      for (let attempt = 0; attempt < 200; attempt += 1) {
        result.push(
          await kvs.get('k').then(
            () => true,
            () => false,
          ),
        );
      }
      return result;
    };
    const { store } = givenStore({ rateLimitShare: 0.3, seed: 42 });
    const first = await outcomes();
    store.setFaults({ rateLimitShare: 0.3, seed: 42 });
    const second = await outcomes();

    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(80);
    expect(second).toEqual(first);
    expect(store.stats().faultsInjected).toBe(failures * 2);
  });
});
