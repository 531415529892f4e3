import { describe, expect, it } from 'vitest';
import { toStatusTiles } from './to-status-tiles';

describe('toStatusTiles', () => {
  it('shows To do, In progress and Done in board order, even at zero', () => {
    expect(toStatusTiles({ new: 0, indeterminate: 4, done: 1, undefined: 0 })).toEqual([
      { category: 'new', count: 0 },
      { category: 'indeterminate', count: 4 },
      { category: 'done', count: 1 },
    ]);
  });

  it('adds "No category" last, only when some issue has it', () => {
    expect(toStatusTiles({ new: 1, indeterminate: 0, done: 0, undefined: 2 }).at(-1)).toEqual({ category: 'undefined', count: 2 });
  });
});
