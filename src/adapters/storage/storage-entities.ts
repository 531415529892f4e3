import { DOCUMENT_ENTITY } from '../../application/records/record-kinds';
import type { AnyRecordKind } from '../../application/records/record-kind';
import { DOCUMENT_PARTITION_INDEX, PARTITION_TIME_INDEX } from './storage-keys';

type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** A custom entity as `manifest.yml` declares it under `app.storage.entities`. */
export interface EntityDeclaration {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: { name: string; partition: string[]; range: string[] }[];
}

/**
 * The custom entities the record kinds need, as the manifest must declare them: one for all
 * documents, one per collection kind. The manifest test compares these with manifest.yml.
 */
export function toEntityDeclarations(kinds: readonly AnyRecordKind[]): EntityDeclaration[] {
  const entities: EntityDeclaration[] = [];
  if (kinds.some((kind) => kind.shape === 'document')) {
    entities.push({
      name: DOCUMENT_ENTITY,
      attributes: {
        partition: { type: 'string' },
        kind: { type: 'string' },
        revision: { type: 'integer' },
        schemaVersion: { type: 'integer' },
        value: { type: 'any' },
      },
      indexes: [{ name: DOCUMENT_PARTITION_INDEX, partition: ['partition'], range: ['kind'] }],
    });
  }
  for (const kind of kinds) {
    if (kind.shape !== 'collection') continue;
    const attributes: EntityDeclaration['attributes'] = {
      partition: { type: 'string' },
      at: { type: 'string' },
      id: { type: 'string' },
      schemaVersion: { type: 'integer' },
      value: { type: 'any' },
    };
    for (const [name, filter] of Object.entries(kind.filters ?? {})) attributes[name] = { type: filter.type };
    if (kind.revisioned === true) attributes['revision'] = { type: 'integer' };
    entities.push({
      name: kind.entity,
      attributes,
      indexes: [{ name: PARTITION_TIME_INDEX, partition: ['partition'], range: ['at'] }],
    });
  }
  return entities;
}
