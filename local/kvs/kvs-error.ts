/**
 * Errors the local KVS answers with, in the shape `@forge/kvs` parses (`{ code, message }` with an
 * HTTP status), so the SDK raises `ForgeKvsAPIError` with the same `code` as on Forge.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
 * @see https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-customentities
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

/**
 * Codes this store answers with. Documented ones come from the Forge error pages; the ones marked
 * "local" are not documented by Atlassian and were chosen here — the app must not branch on them
 * beyond "a 4xx from storage".
 */
export const KVS_ERROR_CODE = {
  // Documented by Forge.
  KEY_TOO_SHORT: 'KEY_TOO_SHORT',
  EMPTY_KEY: 'EMPTY_KEY',
  KEY_TOO_LONG: 'KEY_TOO_LONG',
  INVALID_KEY: 'INVALID_KEY',
  MAX_SIZE: 'MAX_SIZE',
  MAX_DEPTH: 'MAX_DEPTH',
  ENTITY_TYPE_TOO_SHORT: 'ENTITY_TYPE_TOO_SHORT',
  ENTITY_TYPE_TOO_LARGE: 'ENTITY_TYPE_TOO_LARGE',
  INVALID_ENTITY_TYPE: 'INVALID_ENTITY_TYPE',
  INVALID_ENTITY_VALUE: 'INVALID_ENTITY_VALUE',
  INVALID_ENTITY_INDEX: 'INVALID_ENTITY_INDEX',
  COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  EMPTY_FILTER_OPERATOR: 'EMPTY_FILTER_OPERATOR',
  INVALID_FILTER_OPERATORS_COMBINATION: 'INVALID_FILTER_OPERATORS_COMBINATION',
  INSUFFICIENT_FILTER_VALUES: 'INSUFFICIENT_FILTER_VALUES',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  // The SDK's own tests use these shapes for 404 / 400 / 500.
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  BAD_REQUEST: 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Local: observed in third-party reports (409) but not on an Atlassian page.
  KEY_CONFLICT: 'KEY_CONFLICT',
  // Local: undocumented by Atlassian.
  CONDITIONAL_CHECK_FAILED: 'CONDITIONAL_CHECK_FAILED',
  QUERY_PAGE_LIMIT_NOT_IN_RANGE: 'QUERY_PAGE_LIMIT_NOT_IN_RANGE',
  INVALID_CURSOR: 'INVALID_CURSOR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
} as const;

export function badRequest(code: string, message: string): KvsError {
  return new KvsError(400, code, message);
}
