/**
 * The record kinds (src/application/records/record-kinds.ts) against manifest.yml's storage
 * entities and Forge's custom-entity limits.
 * @see https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#kvs-and-custom-entity-store-limits
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../local/runtime/manifest';
import { RECORD_KINDS } from '../../src/application/records/record-kinds';
import { toEntityDeclarations } from '../../src/adapters/storage/storage-entities';

const FORGE_MAX_ENTITIES = 20;
const FORGE_MAX_INDEXES = 7;
const FORGE_MAX_ATTRIBUTES = 50;
const FORGE_MAX_ATTRIBUTE_NAME = 30;

const manifest = loadManifest(path.resolve(import.meta.dirname, '../../manifest.yml'));
const declared = manifest.app.storage?.entities ?? [];

/** Manifest indexes may be a bare attribute name or `{name, partition, range}`. */
function normalizeIndexes(indexes: unknown[]): unknown[] {
  return indexes.map((index) => (typeof index === 'string' ? { name: index, partition: [], range: [index] } : index));
}

describe('record kinds and manifest.yml', () => {
  const expected = toEntityDeclarations(RECORD_KINDS);

  it('declares exactly the entities the record kinds need, with their attributes and indexes', () => {
    const actual = declared.map((entity) => ({
      name: entity.name,
      attributes: entity.attributes,
      indexes: normalizeIndexes(entity.indexes ?? []),
    }));
    expect(actual).toEqual(expected);
  });

  it('stays within Forge limits: ≤ 20 entities, ≤ 7 indexes and ≤ 50 attributes each, attribute names ≤ 30 characters', () => {
    expect(declared.length).toBeLessThanOrEqual(FORGE_MAX_ENTITIES);
    for (const entity of declared) {
      expect(entity.indexes?.length ?? 0, entity.name).toBeLessThanOrEqual(FORGE_MAX_INDEXES);
      const attributes = Object.keys(entity.attributes);
      expect(attributes.length, entity.name).toBeLessThanOrEqual(FORGE_MAX_ATTRIBUTES);
      for (const name of attributes) expect(name.length, `${entity.name}.${name}`).toBeLessThanOrEqual(FORGE_MAX_ATTRIBUTE_NAME);
    }
  });

  it('gives every kind a unique name, a positive schema version and, for collections, its own entity', () => {
    const names = RECORD_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
    for (const kind of RECORD_KINDS) expect(kind.schemaVersion, kind.name).toBeGreaterThan(0);
    const entities = RECORD_KINDS.flatMap((kind) => (kind.shape === 'collection' ? [kind.entity] : []));
    expect(new Set(entities).size).toBe(entities.length);
  });
});
