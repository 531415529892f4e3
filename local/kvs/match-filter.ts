import { badRequest, KVS_ERROR_CODE } from './kvs-error';

/** Every condition `@forge/kvs` can send (`WhereConditions` ∪ `FilterConditions`). */
export const CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Conditions allowed on an index range (`WhereConditions`). */
export const RANGE_CONDITIONS: readonly Condition[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];

export interface ConditionClause {
  condition: Condition;
  values: unknown[];
}

export interface FilterItem extends ConditionClause {
  property: string;
}

export interface FilterGroup {
  and?: FilterItem[] | undefined;
  or?: FilterItem[] | undefined;
}

/**
 * Returns the items and how they combine.
 * @throws KvsError INVALID_FILTER_OPERATORS_COMBINATION when both `and` and `or` are present,
 * EMPTY_FILTER_OPERATOR when the chosen one is empty, INSUFFICIENT_FILTER_VALUES when a clause lacks
 * the values its condition needs.
 */
export function toFilterPlan(group: FilterGroup): { operator: 'and' | 'or'; items: FilterItem[] } {
  if (group.and !== undefined && group.or !== undefined) {
    throw badRequest(
      KVS_ERROR_CODE.INVALID_FILTER_OPERATORS_COMBINATION,
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const operator = group.or !== undefined ? 'or' : 'and';
  const items = group[operator] ?? [];
  if (items.length === 0) {
    throw badRequest(KVS_ERROR_CODE.EMPTY_FILTER_OPERATOR, 'Filter operators "and" and "or" cannot be empty.');
  }
  for (const item of items) assertEnoughValues(item);
  return { operator, items };
}

/** @throws KvsError INSUFFICIENT_FILTER_VALUES */
export function assertEnoughValues(clause: ConditionClause): void {
  const needed = clause.condition === 'BETWEEN' ? 2 : 1;
  if (clause.values.length < needed) {
    throw badRequest(KVS_ERROR_CODE.INSUFFICIENT_FILTER_VALUES, `Condition ${clause.condition} needs ${needed} value(s).`);
  }
}

/** Whether an entity value passes a filter group (already checked by `toFilterPlan`). */
export function matchesFilterGroup(value: unknown, group: FilterGroup): boolean {
  const { operator, items } = toFilterPlan(group);
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const test = (item: FilterItem) => matchesCondition(record[item.property], item);
  return operator === 'and' ? items.every(test) : items.some(test);
}

/**
 * Evaluates one clause on an attribute value (`undefined` when the attribute is absent).
 * Ordered comparisons only hold between two numbers or two strings: a mismatched type never
 * matches, as in the document stores Forge runs on. An absent attribute matches only NOT_EXISTS,
 * NOT_EQUAL_TO and NOT_CONTAINS.
 */
export function matchesCondition(actual: unknown, clause: ConditionClause): boolean {
  const [first, second] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && isEqual(actual, first);
    case 'NOT_EQUAL_TO':
      return actual === undefined || !isEqual(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && (typeof first === 'string' || typeof first === 'number') && actual.startsWith(String(first));
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual === undefined || !contains(actual, first);
    case 'GREATER_THAN':
      return compare(actual, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return compare(actual, first) >= 0;
    case 'LESS_THAN':
      return compare(actual, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return compare(actual, first) <= 0;
    case 'BETWEEN':
      return compare(actual, first) >= 0 && compare(actual, second) <= 0;
  }
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((element) => isEqual(element, needle));
  return false;
}

function isEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** -1/0/1 for comparable pairs; NaN otherwise, so every `>`/`<` test on it is false. */
function compare(a: unknown, b: unknown): number {
  const bothNumbers = typeof a === 'number' && typeof b === 'number';
  const bothStrings = typeof a === 'string' && typeof b === 'string';
  if (!bothNumbers && !bothStrings) return Number.NaN;
  return a < b ? -1 : a > b ? 1 : 0;
}
