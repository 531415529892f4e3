import { describe, expect, it } from 'vitest';
import { KvsError } from './kvs-error';
import { matchesCondition, matchesFilterGroup, toFilterPlan, type ConditionClause } from './match-filter';

describe('matchesCondition', () => {
  it.each<[string, unknown, ConditionClause, boolean]>([
    ['equal strings', 'a', { condition: 'EQUAL_TO', values: ['a'] }, true],
    ['number vs string never equal', 1, { condition: 'EQUAL_TO', values: ['1'] }, false],
    ['absent attribute is not equal', undefined, { condition: 'EQUAL_TO', values: ['a'] }, false],
    ['absent attribute is NOT_EQUAL_TO', undefined, { condition: 'NOT_EQUAL_TO', values: ['a'] }, true],
    ['string > number never holds', 'b', { condition: 'GREATER_THAN', values: [1] }, false],
    ['string < number never holds', 'b', { condition: 'LESS_THAN', values: [1] }, false],
    ['numbers compare numerically', 10, { condition: 'GREATER_THAN', values: [9] }, true],
    ['strings compare lexically', '10', { condition: 'GREATER_THAN', values: ['9'] }, false],
    ['between is inclusive at the low end', 3, { condition: 'BETWEEN', values: [3, 5] }, true],
    ['between is inclusive at the high end', 5, { condition: 'BETWEEN', values: [3, 5] }, true],
    ['between excludes above', 6, { condition: 'BETWEEN', values: [3, 5] }, false],
    ['beginsWith on a number attribute is false', 123, { condition: 'BEGINS_WITH', values: ['1'] }, false],
    ['contains a substring', 'billing', { condition: 'CONTAINS', values: ['ill'] }, true],
    ['contains an array element', ['a', 'b'], { condition: 'CONTAINS', values: ['b'] }, true],
    ['array does not contain a substring of an element', ['abc'], { condition: 'CONTAINS', values: ['b'] }, false],
    ['null attribute exists', null, { condition: 'EXISTS', values: [true] }, true],
    ['absent attribute does not exist', undefined, { condition: 'EXISTS', values: [true] }, false],
    ['absent attribute NOT_EXISTS', undefined, { condition: 'NOT_EXISTS', values: [true] }, true],
  ])('%s', (_, actual, clause, expected) => {
    expect(matchesCondition(actual, clause)).toBe(expected);
  });
});

describe('toFilterPlan', () => {
  it.each([
    [
      'both operators',
      { and: [{ property: 'a', condition: 'EXISTS' as const, values: [true] }], or: [] },
      'INVALID_FILTER_OPERATORS_COMBINATION',
    ],
    ['an empty operator', { and: [] }, 'EMPTY_FILTER_OPERATOR'],
    ['no operator', {}, 'EMPTY_FILTER_OPERATOR'],
    ['BETWEEN with one value', { or: [{ property: 'a', condition: 'BETWEEN' as const, values: [1] }] }, 'INSUFFICIENT_FILTER_VALUES'],
  ])('given %s, then it throws %s', (_, group, code) => {
    const error = (() => {
      try {
        toFilterPlan(group);
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(KvsError);
    expect((error as KvsError).code).toBe(code);
  });

  it('given or-items, when one matches, then the group matches; with and-items all must', () => {
    const value = { kind: 'call', score: 2 };
    expect(
      matchesFilterGroup(value, {
        or: [
          { property: 'kind', condition: 'EQUAL_TO', values: ['email'] },
          { property: 'score', condition: 'LESS_THAN', values: [3] },
        ],
      }),
    ).toBe(true);
    expect(
      matchesFilterGroup(value, {
        and: [
          { property: 'kind', condition: 'EQUAL_TO', values: ['email'] },
          { property: 'score', condition: 'LESS_THAN', values: [3] },
        ],
      }),
    ).toBe(false);
  });
});
