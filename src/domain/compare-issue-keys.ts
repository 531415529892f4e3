/**
 * Natural order of Jira issue keys: by project prefix, then by number, so `ACME-2 < ACME-10`.
 * A key without a numeric suffix sorts after numbered keys of the same prefix, by plain text.
 * Allocates nothing: it runs in order checks over every open issue of 100k-issue projects.
 */
export function compareIssueKeys(a: string, b: string): number {
  if (a === b) return 0;
  const na = numberOf(a);
  const nb = numberOf(b);
  const pa = na >= 0 ? a.lastIndexOf('-') : a.length;
  const pb = nb >= 0 ? b.lastIndexOf('-') : b.length;
  const prefix = comparePrefixes(a, pa, b, pb);
  if (prefix !== 0) return prefix;
  if (na !== nb) {
    if (na < 0) return 1;
    if (nb < 0) return -1;
    return na - nb;
  }
  return a < b ? -1 : 1;
}

/** The number after the last `-`, or -1 when there is none or it is not all digits. */
function numberOf(key: string): number {
  const dash = key.lastIndexOf('-');
  if (dash < 0 || dash === key.length - 1) return -1;
  let n = 0;
  for (let i = dash + 1; i < key.length; i += 1) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Compares `a.slice(0, la)` with `b.slice(0, lb)` by UTF-16 code units, like `<` on strings. */
function comparePrefixes(a: string, la: number, b: string, lb: number): number {
  const n = Math.min(la, lb);
  for (let i = 0; i < n; i += 1) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return la - lb;
}

/**
 * Sorts `items` by the natural order of their issue keys (see `compareIssueKeys`), parsing each
 * key once: sorting tens of thousands of risks must not re-parse keys on every comparison.
 * Returns a new array; equal keys keep their input order.
 */
export function sortByIssueKey<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const decorated = items.map((item) => ({ item, parts: splitKey(keyOf(item)) }));
  decorated.sort((x, y) => compareParts(x.parts, y.parts));
  return decorated.map((d) => d.item);
}

/**
 * Stable sort by `compare`, then by the natural key order; each key parsed once.
 * For score-then-key orders (risks) and date-then-priority-then-key orders (next up).
 */
export function sortWithKeyTieBreak<T>(items: readonly T[], keyOf: (item: T) => string, compare: (a: T, b: T) => number): T[] {
  const decorated = items.map((item) => ({ item, parts: splitKey(keyOf(item)) }));
  decorated.sort((x, y) => compare(x.item, y.item) || compareParts(x.parts, y.parts));
  return decorated.map((d) => d.item);
}

interface KeyParts {
  prefix: string;
  /** -1 when the key has no numeric suffix. */
  number: number;
  raw: string;
}

function splitKey(key: string): KeyParts {
  const number = numberOf(key);
  return { prefix: number >= 0 ? key.slice(0, key.lastIndexOf('-')) : key, number, raw: key };
}

function compareParts(a: KeyParts, b: KeyParts): number {
  if (a.prefix !== b.prefix) return a.prefix < b.prefix ? -1 : 1;
  if (a.number !== b.number) {
    if (a.number < 0) return 1;
    if (b.number < 0) return -1;
    return a.number - b.number;
  }
  if (a.raw === b.raw) return 0;
  return a.raw < b.raw ? -1 : 1;
}
