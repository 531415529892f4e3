import { describe, expect, it } from 'vitest';
import { toRagAppearance } from './to-rag-appearance';

describe('toRagAppearance', () => {
  it.each([
    ['green', 'success'],
    ['amber', 'moved'],
    ['red', 'removed'],
    ['grey', 'default'],
  ] as const)('%s is drawn as %s', (rag, appearance) => {
    expect(toRagAppearance(rag)).toBe(appearance);
  });
});
