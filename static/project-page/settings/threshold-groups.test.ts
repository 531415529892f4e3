import { describe, expect, it } from 'vitest';
import { THRESHOLD_KEYS } from './settings-form';
import { THRESHOLD_GROUPS } from './threshold-groups';

describe('THRESHOLD_GROUPS', () => {
  it('shows every threshold exactly once', () => {
    const shown = THRESHOLD_GROUPS.flatMap((group) => group.measures.flatMap((measure) => measure.keys));
    expect([...shown].sort()).toEqual([...THRESHOLD_KEYS].sort());
  });
});
