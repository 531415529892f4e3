/**
 * Forge hosted-storage limits this store enforces.
 * @see https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#kvs-and-custom-entity-store-limits
 */
export const MAX_KEY_LENGTH = 500;
/** Measured on the JSON serialisation, in UTF-8 bytes, as Forge does. */
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_VALUE_DEPTH = 32;
/** `kvs.query()`: "Limit the result size to 10 values, up to a maximum of 20". */
export const KVS_QUERY_DEFAULT_LIMIT = 10;
export const KVS_QUERY_MAX_LIMIT = 20;
/** Custom entity queries: "The page limit must be set between 1 and 100". */
export const ENTITY_QUERY_DEFAULT_LIMIT = 10;
export const ENTITY_QUERY_MAX_LIMIT = 100;
export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;
/** Transactions and batches: "limited to a payload size of 4MB". */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const MIN_ENTITY_NAME_LENGTH = 3;
export const MAX_ENTITY_NAME_LENGTH = 60;
