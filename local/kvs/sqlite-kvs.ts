/**
 * The local Forge KVS: serves the paths `@forge/kvs` calls through `__forge_fetch__`
 * (`/api/v1/get`, `/set`, `/query`, `/batch/*`, `/secret/*`, `/entity/*`, `/transaction`) from SQLite,
 * with Forge's limits, error codes and paging, so the app's storage code runs unmodified.
 *
 * Layout: one table, partitioned by a namespace column — `kvs`, `secret` (never queried) and
 * `entity:<name>`. Every request runs in one synchronous better-sqlite3 transaction, so a request
 * is atomic and no two interleave.
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { ForgeRequestInit, KvsBackend } from '../runtime/forge-globals';
import { toResolvedEntities, type EntityDefinition, type ResolvedEntity, type ResolvedIndex } from './entity-definition';
import { badRequest, KvsError, KVS_ERROR_CODE } from './kvs-error';
import { createFaultPicker, toFaultResponse, type FaultDecision, type KvsFaultPlan } from './kvs-fault-plan';
import {
  ENTITY_QUERY_DEFAULT_LIMIT,
  ENTITY_QUERY_MAX_LIMIT,
  KVS_QUERY_DEFAULT_LIMIT,
  KVS_QUERY_MAX_LIMIT,
  MAX_BATCH_ITEMS,
  MAX_REQUEST_BYTES,
  MAX_TRANSACTION_OPERATIONS,
} from './kvs-limits';
import {
  batchDeleteRequest,
  batchGetRequest,
  batchSetRequest,
  deleteRequest,
  entityDeleteRequest,
  entityGetRequest,
  entityQueryRequest,
  entitySetRequest,
  getRequest,
  queryRequest,
  setRequest,
  transactionRequest,
  type EntityQueryJson,
  type MetadataFieldName,
  type SetOptionsJson,
  type TransactionJson,
  type TtlJson,
} from './kvs-request-schemas';
import {
  assertEnoughValues,
  matchesFilterGroup,
  RANGE_CONDITIONS,
  toFilterPlan,
  type ConditionClause,
  type FilterGroup,
} from './match-filter';
import { assertValidEntityName, assertValidEntityValue, assertValidKey, toStoredJson, type KeySpace } from './validate-storage-input';

export type { EntityDefinition } from './entity-definition';
export type { KvsFaultPlan } from './kvs-fault-plan';

export interface SqliteKvsOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** `app.storage.entities` from manifest.yml. */
  entities?: EntityDefinition[];
  /** Epoch milliseconds; injectable so TTL tests need no waiting. */
  now?: () => number;
  faults?: KvsFaultPlan;
}

export interface SqliteKvsStats {
  /** Calls per API path, faulted ones included. */
  calls: Record<string, number>;
  faultsInjected: number;
}

interface ItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

interface Target {
  namespace: string;
  space: KeySpace;
  entity?: ResolvedEntity;
}

type Outcome = { status: 200; body: unknown } | { status: 204 };
type SqlValue = string | number | null;

const KVS_NAMESPACE = 'kvs';
const SECRET_NAMESPACE = 'secret';
const TTL_UNIT_MS = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;
const NO_CONTENT: Outcome = { status: 204 };
const LIVE = '(expire_at IS NULL OR expire_at > @now)';
const BULK_PATHS = new Set(['/api/v1/batch/set', '/api/v1/batch/get', '/api/v1/batch/delete', '/api/v1/transaction']);

const kvsCursor = z.object({ kind: z.literal('kvs'), key: z.string() });
const entityCursor = z.object({
  kind: z.literal('entity'),
  entityName: z.string(),
  indexName: z.string(),
  sort: z.enum(['ASC', 'DESC']),
  range: z.union([z.string(), z.number()]),
  key: z.string(),
});

export class SqliteKvs implements KvsBackend {
  private readonly db: Database.Database;
  private readonly entities: Map<string, ResolvedEntity>;
  private readonly now: () => number;
  private pickFault: () => FaultDecision;
  private readonly calls: Record<string, number> = {};
  private faultsInjected = 0;
  private requestCount = 0;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly routes: Record<string, (body: unknown) => Outcome>;

  constructor(options: SqliteKvsOptions) {
    this.entities = toResolvedEntities(options.entities ?? []);
    this.now = options.now ?? Date.now;
    this.pickFault = createFaultPicker(options.faults);
    this.db = new Database(options.file);
    if (options.file !== ':memory:') {
      // WAL lets the host UI read while a scheduled job writes; NORMAL is durable enough for a laptop.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
    }
    this.createSchema();
    this.routes = {
      '/api/v1/get': (body) => this.getItem(this.kvsTarget(KVS_NAMESPACE), parse(getRequest, body)),
      '/api/v1/set': (body) => this.setItem(this.kvsTarget(KVS_NAMESPACE), parse(setRequest, body)),
      '/api/v1/delete': (body) => this.deleteItem(this.kvsTarget(KVS_NAMESPACE), parse(deleteRequest, body).key),
      '/api/v1/query': (body) => this.queryKvs(parse(queryRequest, body)),
      '/api/v1/secret/get': (body) => this.getItem(this.kvsTarget(SECRET_NAMESPACE), parse(getRequest, body)),
      '/api/v1/secret/set': (body) => this.setItem(this.kvsTarget(SECRET_NAMESPACE), parse(setRequest, body)),
      '/api/v1/secret/delete': (body) => this.deleteItem(this.kvsTarget(SECRET_NAMESPACE), parse(deleteRequest, body).key),
      '/api/v1/entity/get': (body) => {
        const request = parse(entityGetRequest, body);
        return this.getItem(this.entityTarget(request.entityName), request);
      },
      '/api/v1/entity/set': (body) => {
        const request = parse(entitySetRequest, body);
        return this.setItem(this.entityTarget(request.entityName), request);
      },
      '/api/v1/entity/delete': (body) => {
        const request = parse(entityDeleteRequest, body);
        return this.deleteItem(this.entityTarget(request.entityName), request.key);
      },
      '/api/v1/entity/query': (body) => this.queryEntity(parse(entityQueryRequest, body)),
      '/api/v1/batch/set': (body) => this.batchSet(parse(batchSetRequest, body)),
      '/api/v1/batch/get': (body) => this.batchGet(parse(batchGetRequest, body)),
      '/api/v1/batch/delete': (body) => this.batchDelete(parse(batchDeleteRequest, body)),
      '/api/v1/transaction': (body) => this.transact(parse(transactionRequest, body)),
    };
  }

  handle(path: string, init: ForgeRequestInit): Promise<Response> {
    // The store is synchronous; the executor runs at once and anything it throws rejects the promise.
    return new Promise((resolve) => {
      resolve(this.respond(path, init));
    });
  }

  private respond(path: string, init: ForgeRequestInit): Response {
    const route = path.split('?')[0] ?? path;
    this.calls[route] = (this.calls[route] ?? 0) + 1;
    const traceId = `local-kvs-${++this.requestCount}`;
    const fault = this.pickFault();
    if (fault) {
      this.faultsInjected += 1;
      return toFaultResponse(fault, traceId);
    }
    try {
      return toResponse(this.dispatch(route, init), traceId);
    } catch (error) {
      // Unknown errors are bugs in this store: let them reject the fetch so tests see them.
      if (error instanceof KvsError) return toErrorResponse(error, traceId);
      throw error;
    }
  }

  setFaults(plan?: KvsFaultPlan): void {
    this.pickFault = createFaultPicker(plan);
  }

  stats(): SqliteKvsStats {
    return { calls: { ...this.calls }, faultsInjected: this.faultsInjected };
  }

  /** Deletes every stored value, secret and entity; keeps the schema. */
  clear(): void {
    this.db.exec('DELETE FROM kvs_item');
  }

  /** Every stored row (all namespaces, values as stored), for tests that assert nothing changed. */
  dump(): { ns: string; key: string; value: string; updatedAt: number }[] {
    const rows = this.db.prepare('SELECT ns, key, value, updated_at AS updatedAt FROM kvs_item ORDER BY ns, key').all();
    return z.array(z.object({ ns: z.string(), key: z.string(), value: z.string(), updatedAt: z.number() })).parse(rows);
  }

  close(): void {
    this.db.close();
  }

  private dispatch(route: string, init: ForgeRequestInit): Outcome {
    if ((init.method ?? 'GET').toUpperCase() !== 'POST') {
      throw new KvsError(405, KVS_ERROR_CODE.METHOD_NOT_ALLOWED, `${init.method ?? 'GET'} is not supported; the KVS API is POST only`);
    }
    const handler = this.routes[route];
    if (!handler) throw new KvsError(404, KVS_ERROR_CODE.NOT_FOUND, `No KVS API at ${route}`);
    const text = init.body ?? '';
    if (BULK_PATHS.has(route) && Buffer.byteLength(text, 'utf8') > MAX_REQUEST_BYTES) {
      throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'The request payload exceeds the 4MB limit for batches and transactions.');
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'Provided request body is invalid: not JSON');
    }
    return this.db.transaction(() => handler(body))();
  }

  // ---- single-item operations ------------------------------------------------------------

  private getItem(
    target: Target,
    request: { key: string; options?: { metadataFields?: MetadataFieldName[] | undefined } | undefined },
  ): Outcome {
    assertValidKey(request.key, target.space);
    const row = this.readLive(target.namespace, request.key);
    if (!row) throw new KvsError(404, KVS_ERROR_CODE.KEY_NOT_FOUND, 'Provided key does not exist');
    return { status: 200, body: toItemJson(row, request.options?.metadataFields ?? []) };
  }

  private setItem(target: Target, request: { key: string; value: unknown; options?: SetOptionsJson | undefined }): Outcome {
    const { key, options } = request;
    const json = this.toValidatedJson(target, key, request.value);
    const previous = this.readLive(target.namespace, key);
    if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsError(409, KVS_ERROR_CODE.KEY_CONFLICT, `Key ${key} already exists and keyPolicy is FAIL_IF_EXISTS`);
    }
    const written = this.write(target.namespace, key, json, options?.ttl, previous);
    if (options?.returnValue === undefined) return NO_CONTENT;
    const returned = options.returnValue === 'PREVIOUS' ? previous : written;
    // The SDK reads an empty body as "no previous value".
    if (!returned) return NO_CONTENT;
    return { status: 200, body: toItemJson(returned, options.returnMetadataFields ?? []) };
  }

  private deleteItem(target: Target, key: string): Outcome {
    assertValidKey(key, target.space);
    this.statement('DELETE FROM kvs_item WHERE ns = @ns AND key = @key').run({ ns: target.namespace, key });
    return NO_CONTENT;
  }

  // ---- queries ------------------------------------------------------------------------

  private queryKvs(request: z.infer<typeof queryRequest>): Outcome {
    const limit = request.limit ?? KVS_QUERY_DEFAULT_LIMIT;
    if (limit < 1 || limit > KVS_QUERY_MAX_LIMIT) {
      throw badRequest(KVS_ERROR_CODE.QUERY_PAGE_LIMIT_NOT_IN_RANGE, `The page limit must be set between 1 and ${KVS_QUERY_MAX_LIMIT}.`);
    }
    const prefix = toKeyPrefix(request.where ?? []);
    const after = request.after === undefined ? '' : decodeCursor(request.after, kvsCursor).key;
    const rows = this.statement(
      `SELECT key, value, created_at, updated_at, expire_at FROM kvs_item
       WHERE ns = @ns AND key > @after AND substr(key, 1, @prefixLength) = @prefix AND ${LIVE}
       ORDER BY key LIMIT @fetch`,
    ).all({ ns: KVS_NAMESPACE, after, prefix, prefixLength: codePointLength(prefix), now: this.now(), fetch: limit + 1 }) as ItemRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const fields = request.options?.metadataFields ?? [];
    return {
      status: 200,
      body: {
        data: page.map((row) => toItemJson(row, fields)),
        ...(rows.length > limit && last ? { cursor: encodeCursor({ kind: 'kvs', key: last.key }) } : {}),
      },
    };
  }

  /**
   * Reads one page of an index in range order (then key order), `limit` index entries at a time.
   * Filters are applied to the entries of that page, as in the document store Forge runs on, so a
   * filtered page can hold fewer than `limit` results — even none — while a cursor is returned.
   */
  private queryEntity(request: EntityQueryJson): Outcome {
    const target = this.entityTarget(request.entityName);
    const entity = target.entity;
    if (!entity) throw new Error('entity target without entity');
    const index = entity.indexes.get(request.indexName);
    if (!index) {
      throw badRequest(KVS_ERROR_CODE.INVALID_ENTITY_INDEX, `Index ${request.indexName} is not declared on entity ${entity.name}.`);
    }
    const limit = request.limit ?? ENTITY_QUERY_DEFAULT_LIMIT;
    if (limit < 1 || limit > ENTITY_QUERY_MAX_LIMIT) {
      throw badRequest(
        KVS_ERROR_CODE.COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE,
        `The page limit must be set between 1 and ${ENTITY_QUERY_MAX_LIMIT}.`,
      );
    }
    const filterGroup: FilterGroup | undefined = request.filters;
    if (filterGroup) toFilterPlan(filterGroup);
    const sort = request.sort ?? 'ASC';
    const params: Record<string, SqlValue> = { now: this.now(), fetch: limit + 1 };
    const where = [`ns = ${sqlLiteral(target.namespace)}`, LIVE, ...this.partitionSql(index, request.partition ?? [], params)];
    const rangeExpr = jsonExpr(index.range);
    where.push(`json_type(value, '$.${index.range}') NOT IN ('null', 'object', 'array')`);
    if (request.range) where.push(rangeSql(index.range, request.range, params));
    if (request.cursor !== undefined) {
      const cursor = decodeCursor(request.cursor, entityCursor);
      if (cursor.entityName !== entity.name || cursor.indexName !== index.name || cursor.sort !== sort) {
        throw badRequest(KVS_ERROR_CODE.INVALID_CURSOR, 'The cursor does not belong to this query.');
      }
      const after = sort === 'ASC' ? '>' : '<';
      params['cursorRange'] = cursor.range;
      params['cursorKey'] = cursor.key;
      where.push(`(${rangeExpr} ${after} @cursorRange OR (${rangeExpr} = @cursorRange AND key ${after} @cursorKey))`);
    }
    const rows = this.statement(
      `SELECT key, value, created_at, updated_at, expire_at, ${rangeExpr} AS range_value FROM kvs_item
       WHERE ${where.join(' AND ')}
       ORDER BY ${rangeExpr} ${sort}, key ${sort} LIMIT @fetch`,
    ).all(params) as (ItemRow & { range_value: string | number })[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const fields = request.options?.metadataFields ?? [];
    const results = filterGroup ? page.filter((row) => matchesFilterGroup(JSON.parse(row.value), filterGroup)) : page;
    return {
      status: 200,
      body: {
        data: results.map((row) => toItemJson(row, fields)),
        ...(rows.length > limit && last
          ? {
              cursor: encodeCursor({
                kind: 'entity',
                entityName: entity.name,
                indexName: index.name,
                sort,
                range: last.range_value,
                key: last.key,
              }),
            }
          : {}),
      },
    };
  }

  private partitionSql(index: ResolvedIndex, values: unknown[], params: Record<string, SqlValue>): string[] {
    if (values.length !== index.partition.length) {
      throw badRequest(
        KVS_ERROR_CODE.BAD_REQUEST,
        `Index ${index.name} is partitioned by [${index.partition.join(', ')}]: provide exactly ${index.partition.length} partition value(s).`,
      );
    }
    return index.partition.map((attribute, position) =>
      comparisonSql(attribute, '=', toScalar(values[position]), `partition${position}`, params),
    );
  }

  // ---- batches -------------------------------------------------------------------------

  private batchSet(items: z.infer<typeof batchSetRequest>): Outcome {
    assertBatchShape(items);
    return this.runBatch(items, (item) => {
      const target = this.targetOf(item.entityName);
      const json = this.toValidatedJson(target, item.key, item.value);
      this.write(target.namespace, item.key, json, item.options?.ttl, this.readLive(target.namespace, item.key));
      return toItemRef(item);
    });
  }

  private batchGet(items: z.infer<typeof batchGetRequest>): Outcome {
    assertBatchShape(items);
    return this.runBatch(items, (item) => {
      const target = this.targetOf(item.entityName);
      assertValidKey(item.key, target.space);
      const row = this.readLive(target.namespace, item.key);
      if (!row) throw new KvsError(404, KVS_ERROR_CODE.KEY_NOT_FOUND, 'Provided key does not exist');
      return { ...toItemRef(item), ...toItemJson(row, item.options?.metadataFields ?? []) };
    });
  }

  private batchDelete(items: z.infer<typeof batchDeleteRequest>): Outcome {
    assertBatchShape(items);
    return this.runBatch(items, (item) => {
      const target = this.targetOf(item.entityName);
      this.deleteItem(target, item.key);
      return toItemRef(item);
    });
  }

  /** Each item succeeds or fails on its own; only a malformed batch fails as a whole. */
  private runBatch<T extends { key: string; entityName?: string | undefined }>(items: T[], run: (item: T) => unknown): Outcome {
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      try {
        successfulKeys.push(run(item));
      } catch (error) {
        if (!(error instanceof KvsError)) throw error;
        failedKeys.push({ ...toItemRef(item), error: { code: error.code, message: error.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  // ---- transactions --------------------------------------------------------------------

  /**
   * All conditions are evaluated on the current values first; any failure aborts everything with
   * 409. Conditions only exist for custom entities, as in the SDK.
   */
  private transact(request: TransactionJson): Outcome {
    const operations = [
      ...(request.set ?? []).map((operation) => ({ ...operation, kind: 'set' as const })),
      ...(request.delete ?? []).map((operation) => ({ ...operation, kind: 'delete' as const })),
      ...(request.check ?? []).map((operation) => ({ ...operation, kind: 'check' as const })),
    ];
    if (operations.length === 0) throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'A transaction needs at least one operation.');
    if (operations.length > MAX_TRANSACTION_OPERATIONS) {
      throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, `A transaction can contain at most ${MAX_TRANSACTION_OPERATIONS} operations.`);
    }
    assertUniqueItems(operations, 'Each key can only be used once in a transaction.');
    const prepared = operations.map((operation) => {
      const target = this.targetOf(operation.entityName);
      assertValidKey(operation.key, target.space);
      if (operation.conditions !== undefined) {
        if (!target.entity) throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'Conditions need an entityName: they test entity attributes.');
        toFilterPlan(operation.conditions);
      }
      const json = operation.kind === 'set' ? this.toValidatedJson(target, operation.key, operation.value) : undefined;
      return { operation, target, json };
    });
    for (const { operation, target } of prepared) {
      if (operation.conditions === undefined) continue;
      const current = this.readLive(target.namespace, operation.key);
      if (!matchesFilterGroup(current ? JSON.parse(current.value) : undefined, operation.conditions)) {
        throw new KvsError(
          409,
          KVS_ERROR_CODE.CONDITIONAL_CHECK_FAILED,
          `Transaction cancelled: the conditions on key ${operation.key} are not met.`,
        );
      }
    }
    for (const { operation, target, json } of prepared) {
      if (operation.kind === 'set' && json !== undefined) {
        this.write(target.namespace, operation.key, json, operation.options?.ttl, this.readLive(target.namespace, operation.key));
      } else if (operation.kind === 'delete') {
        this.statement('DELETE FROM kvs_item WHERE ns = @ns AND key = @key').run({ ns: target.namespace, key: operation.key });
      }
    }
    return NO_CONTENT;
  }

  // ---- storage primitives --------------------------------------------------------------

  private createSchema(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kvs_item (
        ns TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        expire_at INTEGER,
        PRIMARY KEY (ns, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS kvs_item_expire_at ON kvs_item (expire_at) WHERE expire_at IS NOT NULL;
    `);
    // One partial expression index per declared entity index, so index queries stay index scans.
    for (const entity of this.entities.values()) {
      for (const index of entity.indexes.values()) {
        const columns = [...index.partition, index.range].map(jsonExpr).concat('key');
        const digest = createHash('sha1')
          .update(`${entity.name}|${columns.join(',')}`)
          .digest('hex')
          .slice(0, 16);
        this.db.exec(
          `CREATE INDEX IF NOT EXISTS kvs_entity_ix_${digest} ON kvs_item (${columns.join(', ')}) WHERE ns = ${sqlLiteral(entityNamespace(entity.name))}`,
        );
      }
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readLive(namespace: string, key: string): ItemRow | undefined {
    return this.statement(
      `SELECT key, value, created_at, updated_at, expire_at FROM kvs_item WHERE ns = @ns AND key = @key AND ${LIVE}`,
    ).get({ ns: namespace, key, now: this.now() }) as ItemRow | undefined;
  }

  /** An expired previous value counts as absent: it gets a fresh createdAt. */
  private write(namespace: string, key: string, json: string, ttl: TtlJson | undefined, previous: ItemRow | undefined): ItemRow {
    const now = this.now();
    const row: ItemRow = {
      key,
      value: json,
      created_at: previous?.created_at ?? now,
      updated_at: now,
      expire_at: ttl ? now + ttl.value * TTL_UNIT_MS[ttl.unit] : null,
    };
    this.statement(
      `INSERT INTO kvs_item (ns, key, value, created_at, updated_at, expire_at)
       VALUES (@ns, @key, @value, @created_at, @updated_at, @expire_at)
       ON CONFLICT (ns, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    ).run({ ns: namespace, ...row });
    // Expired rows are invisible already; purging on writes just keeps the file from growing.
    this.statement('DELETE FROM kvs_item WHERE expire_at IS NOT NULL AND expire_at <= @now').run({ now });
    return row;
  }

  private toValidatedJson(target: Target, key: string, value: unknown): string {
    assertValidKey(key, target.space);
    const json = toStoredJson(value);
    if (target.entity) assertValidEntityValue(target.entity, value);
    return json;
  }

  private kvsTarget(namespace: typeof KVS_NAMESPACE | typeof SECRET_NAMESPACE): Target {
    return { namespace, space: namespace === SECRET_NAMESPACE ? 'secret' : 'kvs' };
  }

  private targetOf(entityName: string | undefined): Target {
    return entityName === undefined ? this.kvsTarget(KVS_NAMESPACE) : this.entityTarget(entityName);
  }

  private entityTarget(entityName: string): Target {
    assertValidEntityName(entityName);
    const entity = this.entities.get(entityName);
    if (!entity) {
      throw badRequest(KVS_ERROR_CODE.INVALID_ENTITY_TYPE, `Entity ${entityName} is not declared in app.storage.entities.`);
    }
    return { namespace: entityNamespace(entityName), space: 'entity', entity };
  }
}

// ---- pure helpers ----------------------------------------------------------------------

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, `Provided request body is invalid: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/**
 * Length in Unicode code points, the unit SQLite's `substr` counts on text; `String.length` counts
 * UTF-16 units, so a prefix with an emoji would be measured one too long.
 */
function codePointLength(text: string): number {
  return Array.from(text).length;
}

function entityNamespace(entityName: string): string {
  return `entity:${entityName}`;
}

/** Attribute names are checked against Forge's attribute pattern, so they are safe in a JSON path literal. */
function jsonExpr(attribute: string): string {
  return `json_extract(value, '$.${attribute}')`;
}

function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Metadata timestamps as epoch seconds. The Forge pages show no unit; the SDK's own tests use
 * second-resolution values (1718236800).
 */
function toEpochSeconds(milliseconds: number): number {
  return Math.floor(milliseconds / 1000);
}

function toItemJson(row: ItemRow, fields: readonly MetadataFieldName[]): Record<string, unknown> {
  return {
    key: row.key,
    value: JSON.parse(row.value) as unknown,
    ...(fields.includes('CREATED_AT') ? { createdAt: toEpochSeconds(row.created_at) } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: toEpochSeconds(row.updated_at) } : {}),
    ...(fields.includes('EXPIRE_TIME') && row.expire_at !== null ? { expireTime: new Date(row.expire_at).toISOString() } : {}),
  };
}

function toItemRef(item: { key: string; entityName?: string | undefined }): { key: string; entityName?: string } {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

function assertUniqueItems(items: readonly { key: string; entityName?: string | undefined }[], message: string): void {
  const seen = new Set(items.map((item) => `${item.entityName ?? ''}\u0000${item.key}`));
  if (seen.size !== items.length) throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, message);
}

function assertBatchShape(items: readonly { key: string; entityName?: string | undefined }[]): void {
  if (items.length === 0) throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'A batch needs at least one item.');
  if (items.length > MAX_BATCH_ITEMS) throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, `A batch can contain at most ${MAX_BATCH_ITEMS} keys.`);
  assertUniqueItems(items, 'A batch cannot contain the same key (and entity) twice.');
}

/** `kvs.query()` supports one `where`: `key` BEGINS_WITH a prefix. */
function toKeyPrefix(where: readonly { property: string; condition: string; values: unknown[] }[]): string {
  if (where.length === 0) return '';
  const [clause, ...rest] = where;
  if (!clause || rest.length > 0 || clause.property !== 'key' || clause.condition !== 'BEGINS_WITH') {
    throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'The Key-Value Store supports a single where condition: key BEGINS_WITH.');
  }
  const [prefix] = clause.values;
  if (typeof prefix !== 'string' && typeof prefix !== 'number') {
    throw badRequest(KVS_ERROR_CODE.INSUFFICIENT_FILTER_VALUES, 'BEGINS_WITH needs a string value.');
  }
  return String(prefix);
}

function toScalar(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'Index partition and range values must be strings, numbers or booleans.');
}

/**
 * `attribute <operator> value`, true only when the stored attribute has the value's JSON type,
 * so that a string never compares with a number (SQLite would order them instead).
 */
function comparisonSql(
  attribute: string,
  operator: '=' | '>' | '>=' | '<' | '<=',
  value: string | number | boolean,
  name: string,
  params: Record<string, SqlValue>,
): string {
  const type = `json_type(value, '$.${attribute}')`;
  if (typeof value === 'boolean') {
    return operator === '=' ? `${type} = '${value ? 'true' : 'false'}'` : '0';
  }
  params[name] = value;
  const typeGuard = typeof value === 'number' ? `${type} IN ('integer', 'real')` : `${type} = 'text'`;
  return `(${typeGuard} AND ${jsonExpr(attribute)} ${operator} @${name})`;
}

function rangeSql(attribute: string, range: ConditionClause, params: Record<string, SqlValue>): string {
  if (!RANGE_CONDITIONS.includes(range.condition)) {
    throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, `Condition ${range.condition} cannot be used on an index range.`);
  }
  assertEnoughValues(range);
  const first = toScalar(range.values[0]);
  switch (range.condition) {
    case 'BEGINS_WITH': {
      if (typeof first === 'boolean') return '0';
      const prefix = String(first);
      params['rangePrefix'] = prefix;
      params['rangePrefixLength'] = codePointLength(prefix);
      return `(json_type(value, '$.${attribute}') = 'text' AND substr(${jsonExpr(attribute)}, 1, @rangePrefixLength) = @rangePrefix)`;
    }
    case 'BETWEEN':
      return `(${comparisonSql(attribute, '>=', first, 'rangeLow', params)} AND ${comparisonSql(attribute, '<=', toScalar(range.values[1]), 'rangeHigh', params)})`;
    case 'EQUAL_TO':
      return comparisonSql(attribute, '=', first, 'range0', params);
    case 'GREATER_THAN':
      return comparisonSql(attribute, '>', first, 'range0', params);
    case 'GREATER_THAN_EQUAL_TO':
      return comparisonSql(attribute, '>=', first, 'range0', params);
    case 'LESS_THAN':
      return comparisonSql(attribute, '<', first, 'range0', params);
    default:
      return comparisonSql(attribute, '<=', first, 'range0', params);
  }
}

function encodeCursor(cursor: z.infer<typeof kvsCursor> | z.infer<typeof entityCursor>): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** @throws KvsError INVALID_CURSOR for anything this store did not hand out. */
function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest(KVS_ERROR_CODE.INVALID_CURSOR, 'The cursor is invalid.');
  }
}

function toResponse(outcome: Outcome, traceId: string): Response {
  if (outcome.status === 204) return new Response(null, { status: 204, headers: { 'x-trace-id': traceId } });
  return new Response(JSON.stringify(outcome.body), {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-trace-id': traceId },
  });
}

function toErrorResponse(error: KvsError, traceId: string): Response {
  return new Response(JSON.stringify({ code: error.code, message: error.message }), {
    status: error.status,
    headers: { 'content-type': 'application/json', 'x-trace-id': traceId },
  });
}
