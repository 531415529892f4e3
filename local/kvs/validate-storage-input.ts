import { badRequest, KVS_ERROR_CODE } from './kvs-error';
import type { ResolvedEntity } from './entity-definition';
import { MAX_ENTITY_NAME_LENGTH, MAX_KEY_LENGTH, MAX_VALUE_BYTES, MAX_VALUE_DEPTH, MIN_ENTITY_NAME_LENGTH } from './kvs-limits';

/** Forge's documented key pattern, verbatim: letters, digits, `: . _ - #` and whitespace, not all whitespace. */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const ENTITY_NAME_PATTERN = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
// Forge documents the float limit as 9.9999999999999999999999999999999999999E+125; as a double that
// literal is exactly 1e126, so this is the same bound written without the digits a double cannot hold.
const FLOAT_MAX_MAGNITUDE = 1e126;

export type KeySpace = 'kvs' | 'secret' | 'entity';

/**
 * @throws KvsError KEY_TOO_SHORT (KVS/secret) or EMPTY_KEY (entity) for '', KEY_TOO_LONG over 500
 * characters, INVALID_KEY outside Forge's key pattern.
 */
export function assertValidKey(key: string, space: KeySpace): void {
  if (key.length === 0) {
    throw space === 'entity'
      ? badRequest(KVS_ERROR_CODE.EMPTY_KEY, 'Key cannot be empty.')
      : badRequest(KVS_ERROR_CODE.KEY_TOO_SHORT, 'The provided key needs to be at least one character.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest(KVS_ERROR_CODE.KEY_TOO_LONG, `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(KVS_ERROR_CODE.INVALID_KEY, `The provided key does not match the regex: ${KEY_PATTERN.source}`);
  }
}

/**
 * Returns the value's JSON serialisation once it passes Forge's size and depth limits.
 * @throws KvsError MAX_SIZE over 240 KiB of UTF-8 JSON, MAX_DEPTH beyond 32 nested levels,
 * BAD_REQUEST for null (the REST schema allows only string, number, boolean, array, object).
 */
export function toStoredJson(value: unknown): string {
  if (value === null || value === undefined) {
    throw badRequest(KVS_ERROR_CODE.BAD_REQUEST, 'Provided request body is invalid: value must not be null');
  }
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw badRequest(KVS_ERROR_CODE.MAX_DEPTH, `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit.`);
  }
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json, 'utf8') > MAX_VALUE_BYTES) {
    throw badRequest(KVS_ERROR_CODE.MAX_SIZE, 'The provided value has exceeded the maximum size limit.');
  }
  return json;
}

/** Nesting depth: a scalar is 0, `{a: 1}` and `[1]` are 1. */
export function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child));
    if (deepest > MAX_VALUE_DEPTH) break;
  }
  return deepest + 1;
}

/** @throws KvsError ENTITY_TYPE_TOO_SHORT / ENTITY_TYPE_TOO_LARGE / INVALID_ENTITY_TYPE. */
export function assertValidEntityName(name: string): void {
  if (name.length < MIN_ENTITY_NAME_LENGTH) {
    throw badRequest(
      KVS_ERROR_CODE.ENTITY_TYPE_TOO_SHORT,
      `The provided entity name needs to be at least ${MIN_ENTITY_NAME_LENGTH} characters.`,
    );
  }
  if (name.length > MAX_ENTITY_NAME_LENGTH) {
    throw badRequest(
      KVS_ERROR_CODE.ENTITY_TYPE_TOO_LARGE,
      `The provided entity name has exceeded the maximum ${MAX_ENTITY_NAME_LENGTH} characters.`,
    );
  }
  if (!ENTITY_NAME_PATTERN.test(name)) {
    throw badRequest(
      KVS_ERROR_CODE.INVALID_ENTITY_TYPE,
      `The provided entity name does not match the regex: ${ENTITY_NAME_PATTERN.source}`,
    );
  }
}

/**
 * An entity value is an object whose attributes are all declared and hold their declared type.
 * Undeclared attributes are refused: Forge types every stored attribute from the manifest.
 * @throws KvsError INVALID_ENTITY_VALUE
 */
export function assertValidEntityValue(entity: ResolvedEntity, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidEntityValue(entity.name, 'the value must be an object of declared attributes');
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = entity.attributes.get(attribute);
    if (type === undefined) throw invalidEntityValue(entity.name, `attribute "${attribute}" is not declared`);
    if (!isOfAttributeType(type, attributeValue)) {
      throw invalidEntityValue(entity.name, `attribute "${attribute}" must be of type ${type}`);
    }
  }
}

function isOfAttributeType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE);
    }
    default:
      return value !== undefined;
  }
}

function invalidEntityValue(entityName: string, reason: string) {
  return badRequest(
    KVS_ERROR_CODE.INVALID_ENTITY_VALUE,
    `Entity values must match one of the types defined in Custom Entities (${entityName}: ${reason}).`,
  );
}
