import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteKvs } from './sqlite-kvs';

const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function post(store: SqliteKvs, path: string, body: unknown) {
  return store.handle(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

describe('SqliteKvs', () => {
  it('given a file store, when closed and reopened, then values, secrets and entities persist', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sqlite-kvs-'));
    directories.push(directory);
    const file = join(directory, 'kvs.db');
    const entities = [{ name: 'note', attributes: { text: { type: 'string' as const } }, indexes: ['text'] }];
    const first = new SqliteKvs({ file, entities });
    await post(first, '/api/v1/set', { key: 'k', value: { a: 1 } });
    await post(first, '/api/v1/secret/set', { key: 's', value: 'secret' });
    await post(first, '/api/v1/entity/set', { entityName: 'note', key: 'n1', value: { text: 'hello' } });
    first.close();

    const second = new SqliteKvs({ file, entities });
    const results = [
      await json(await post(second, '/api/v1/get', { key: 'k' })),
      await json(await post(second, '/api/v1/secret/get', { key: 's' })),
      await json(await post(second, '/api/v1/entity/query', { entityName: 'note', indexName: 'text' })),
    ];
    second.close();

    expect(results).toEqual([
      { key: 'k', value: { a: 1 } },
      { key: 's', value: 'secret' },
      { data: [{ key: 'n1', value: { text: 'hello' } }] },
    ]);
  });

  it('given stored data, when cleared, then every namespace is empty and calls are still counted', async () => {
    const store = new SqliteKvs({ file: ':memory:' });
    await post(store, '/api/v1/set', { key: 'k', value: 1 });
    await post(store, '/api/v1/secret/set', { key: 's', value: 1 });

    store.clear();

    expect((await post(store, '/api/v1/get', { key: 'k' })).status).toBe(404);
    expect((await post(store, '/api/v1/secret/get', { key: 's' })).status).toBe(404);
    expect(store.stats()).toEqual({
      calls: { '/api/v1/set': 1, '/api/v1/secret/set': 1, '/api/v1/get': 1, '/api/v1/secret/get': 1 },
      faultsInjected: 0,
    });
    store.close();
  });

  it.each([
    ['a body that is not JSON', '/api/v1/get', { method: 'POST', body: '{' }, 400, 'BAD_REQUEST'],
    ['a body missing the key', '/api/v1/get', { method: 'POST', body: '{}' }, 400, 'BAD_REQUEST'],
    ['a null value', '/api/v1/set', { method: 'POST', body: '{"key":"k","value":null}' }, 400, 'BAD_REQUEST'],
    ['a GET request', '/api/v1/get', { method: 'GET' }, 405, 'METHOD_NOT_ALLOWED'],
    ['an unknown path', '/api/v2/get', { method: 'POST', body: '{}' }, 404, 'NOT_FOUND'],
  ])('given %s, when handled, then status %i with code %s in Forge error shape', async (_, path, init, status, code) => {
    const store = new SqliteKvs({ file: ':memory:' });
    const response = await store.handle(path, init);
    expect(response.status).toBe(status);
    expect(await json(response)).toMatchObject({ code, message: expect.any(String) as string });
    store.close();
  });

  it('given a set without returnValue, when handled, then 204 with an empty body, as the SDK expects', async () => {
    const store = new SqliteKvs({ file: ':memory:' });
    const response = await post(store, '/api/v1/set', { key: 'k', value: 1 });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    store.close();
  });

  it('given an entity definition with an undeclared index attribute, when constructing, then it throws', () => {
    expect(
      () => new SqliteKvs({ file: ':memory:', entities: [{ name: 'note', attributes: { text: { type: 'string' } }, indexes: ['owner'] }] }),
    ).toThrow(/undeclared attribute "owner"/);
  });
});
