import { describe, expect, it } from 'vitest';
import { toRiskAppearance } from './to-risk-appearance';

describe('toRiskAppearance', () => {
  it.each([
    ['high', 'removed'],
    ['medium', 'moved'],
    ['low', 'success'],
  ] as const)('%s risk is %s', (level, appearance) => {
    expect(toRiskAppearance(level)).toBe(appearance);
  });
});
