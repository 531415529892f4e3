/**
 * Custom entity definitions, as declared under `app.storage.entities` in manifest.yml.
 * The shape follows the @forge/manifest 13.x JSON schema: an index is either an attribute name
 * (an index of that name whose range is that attribute) or `{ name, range: [attr], partition? }`.
 * @see https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities
 */
export type EntityAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface EntityIndexDefinition {
  name: string;
  range: string[];
  partition?: string[] | undefined;
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: EntityAttributeType }>;
  indexes?: (string | EntityIndexDefinition)[] | undefined;
}

export interface ResolvedIndex {
  name: string;
  partition: string[];
  range: string;
}

export interface ResolvedEntity {
  name: string;
  attributes: ReadonlyMap<string, EntityAttributeType>;
  indexes: ReadonlyMap<string, ResolvedIndex>;
}

const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/**
 * Checks definitions the way `forge lint` would and indexes them by name.
 * @throws Error on a definition Forge would refuse to deploy — a manifest bug, not a runtime condition.
 */
export function toResolvedEntities(definitions: readonly EntityDefinition[]): Map<string, ResolvedEntity> {
  const resolved = new Map<string, ResolvedEntity>();
  for (const definition of definitions) {
    const { name } = definition;
    if (name.length < 3 || name.length > 60 || !ENTITY_NAME_PATTERN.test(name)) {
      throw new Error(`entity name "${name}" is not valid for Forge`);
    }
    if (resolved.has(name)) throw new Error(`entity "${name}" is declared twice`);
    const attributes = new Map<string, EntityAttributeType>();
    for (const [attribute, { type }] of Object.entries(definition.attributes)) {
      if (!ATTRIBUTE_NAME_PATTERN.test(attribute) || attribute.length > 64) {
        throw new Error(`entity "${name}": attribute name "${attribute}" is not valid for Forge`);
      }
      attributes.set(attribute, type);
    }
    const indexes = new Map<string, ResolvedIndex>();
    for (const index of definition.indexes ?? []) {
      const resolvedIndex: ResolvedIndex =
        typeof index === 'string'
          ? { name: index, partition: [], range: index }
          : { name: index.name, partition: index.partition ?? [], range: firstRange(name, index) };
      for (const attribute of [...resolvedIndex.partition, resolvedIndex.range]) {
        if (!attributes.has(attribute)) {
          throw new Error(`entity "${name}": index "${resolvedIndex.name}" uses undeclared attribute "${attribute}"`);
        }
      }
      if (indexes.has(resolvedIndex.name)) throw new Error(`entity "${name}": index "${resolvedIndex.name}" declared twice`);
      indexes.set(resolvedIndex.name, resolvedIndex);
    }
    resolved.set(name, { name, attributes, indexes });
  }
  return resolved;
}

function firstRange(entityName: string, index: EntityIndexDefinition): string {
  const [range, ...rest] = index.range;
  // Forge documents a single range attribute per index; a second one has no defined meaning.
  if (range === undefined || rest.length > 0) {
    throw new Error(`entity "${entityName}": index "${index.name}" must have exactly one range attribute`);
  }
  return range;
}
