/**
 * Request bodies `@forge/kvs` 1.6.5 sends, as zod schemas. They mirror `out/interfaces/kvs-api.d.ts`
 * and the Forge KVS REST reference; unknown fields pass through, as the platform ignores them.
 * @see https://developer.atlassian.com/platform/forge/rest/intro/
 */
import { z } from 'zod';
import { CONDITIONS } from './match-filter';

const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataFieldName = z.infer<typeof metadataField>;

const getOptions = z.object({ metadataFields: z.array(metadataField).optional() });

const ttl = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type TtlJson = z.infer<typeof ttl>;

const ttlOnlyOptions = z.object({ ttl: ttl.optional() });

const setOptions = z.object({
  ttl: ttl.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(metadataField).optional(),
});
export type SetOptionsJson = z.infer<typeof setOptions>;

/** `undefined` cannot come through JSON, so "present" is what matters; null is refused later with a Forge code. */
const storedValue = z.unknown().refine((value) => value !== undefined, { error: 'value is required' });

const condition = z.enum(CONDITIONS);
const clause = z.object({ condition, values: z.array(z.unknown()) });
const filterItem = clause.extend({ property: z.string() });
const filterGroup = z.object({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });

export const getRequest = z.object({ key: z.string(), options: getOptions.optional() });
export const setRequest = z.object({ key: z.string(), value: storedValue, options: setOptions.optional() });
export const deleteRequest = z.object({ key: z.string() });

export const entityGetRequest = getRequest.extend({ entityName: z.string() });
export const entitySetRequest = setRequest.extend({ entityName: z.string() });
export const entityDeleteRequest = deleteRequest.extend({ entityName: z.string() });

export const queryRequest = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(filterItem).optional(),
  options: getOptions.optional(),
});

export const entityQueryRequest = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: clause.optional(),
  filters: filterGroup.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: getOptions.optional(),
});
export type EntityQueryJson = z.infer<typeof entityQueryRequest>;

export const batchSetRequest = z.array(
  z.object({ key: z.string(), value: storedValue, entityName: z.string().optional(), options: ttlOnlyOptions.optional() }),
);
export const batchGetRequest = z.array(z.object({ key: z.string(), entityName: z.string().optional(), options: getOptions.optional() }));
export const batchDeleteRequest = z.array(z.object({ key: z.string(), entityName: z.string().optional() }));

const transactionTarget = z.object({ key: z.string(), entityName: z.string().optional(), conditions: filterGroup.optional() });
export const transactionRequest = z.object({
  set: z.array(transactionTarget.extend({ value: storedValue, options: ttlOnlyOptions.optional() })).optional(),
  delete: z.array(transactionTarget).optional(),
  check: z.array(transactionTarget.extend({ conditions: filterGroup })).optional(),
});
export type TransactionJson = z.infer<typeof transactionRequest>;
