import { describe, expect, it } from 'vitest';
import { compareIssueKeys, sortByIssueKey, sortWithKeyTieBreak } from './compare-issue-keys';

describe('compareIssueKeys', () => {
  it.each([
    { a: 'ACME-2', b: 'ACME-10', sign: -1 },
    { a: 'ACME-10', b: 'ACME-10', sign: 0 },
    { a: 'ACME-100', b: 'ACME-99', sign: 1 },
    { a: 'ABC-9', b: 'ACME-1', sign: -1 },
    { a: 'ACME-1', b: 'ACME', sign: -1 },
    { a: 'ACME-', b: 'ACME-1', sign: 1 },
    { a: 'ACME-1x', b: 'ACME-2', sign: 1 },
  ])('$a vs $b', ({ a, b, sign }) => {
    expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
  });

  it('sorts naturally, parsing each key once, stable for equal keys', () => {
    expect(sortByIssueKey(['ACME-10', 'ACME-2', 'OPS-1', 'ACME-1'], (k) => k)).toEqual(['ACME-1', 'ACME-2', 'ACME-10', 'OPS-1']);
    const items = [
      { key: 'A-10', score: 5 },
      { key: 'A-9', score: 5 },
      { key: 'A-1', score: 1 },
    ];
    expect(
      sortWithKeyTieBreak(
        items,
        (i) => i.key,
        (x, y) => y.score - x.score,
      ).map((i) => i.key),
    ).toEqual(['A-9', 'A-10', 'A-1']);
  });
});
