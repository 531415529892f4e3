import { describe, expect, it } from 'vitest';
import { toLozengeAppearance } from './to-lozenge-appearance';

describe('toLozengeAppearance', () => {
  it.each([
    ['new', 'default'],
    ['indeterminate', 'inprogress'],
    ['done', 'success'],
    ['undefined', 'default'],
  ] as const)('%s is %s', (category, appearance) => {
    expect(toLozengeAppearance(category)).toBe(appearance);
  });
});
