import { describe, expect, it } from 'vitest';
import { toResolvedEntities } from './entity-definition';
import { KvsError } from './kvs-error';
import { assertValidEntityValue, depthOf, toStoredJson } from './validate-storage-input';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof KvsError ? error.code : 'not a KvsError';
  }
}

describe('depthOf', () => {
  it.each([
    ['a scalar', 'x', 0],
    ['an empty object', {}, 1],
    ['an array of objects', [{ a: 1 }], 2],
  ])('%s has depth %i', (_, value, depth) => {
    expect(depthOf(value)).toBe(depth);
  });
});

describe('toStoredJson', () => {
  it('given a value, then it returns its JSON serialisation', () => {
    expect(toStoredJson({ a: [1, 'b'] })).toBe('{"a":[1,"b"]}');
  });

  it('given undefined attributes, then they are dropped as JSON drops them, and size counts what is stored', () => {
    expect(toStoredJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('assertValidEntityValue', () => {
  const entity = toResolvedEntities([
    { name: 'metric', attributes: { ratio: { type: 'float' }, count: { type: 'integer' }, extra: { type: 'any' } } },
  ]).get('metric');
  if (!entity) throw new Error('fixture');

  it.each([
    ['a float in range', { ratio: 0.5 }, undefined],
    ['a zero float', { ratio: 0 }, undefined],
    ['a float below Forge magnitude', { ratio: 1e-131 }, 'INVALID_ENTITY_VALUE'],
    ['the int32 maximum', { count: 2_147_483_647 }, undefined],
    ['the int32 minimum minus one', { count: -2_147_483_649 }, 'INVALID_ENTITY_VALUE'],
    ['anything in an any attribute', { extra: { nested: [1] } }, undefined],
    ['an array instead of an object', [1], 'INVALID_ENTITY_VALUE'],
  ])('given %s, then %s', (_, value, code) => {
    expect(codeOf(() => assertValidEntityValue(entity, value))).toBe(code);
  });
});
