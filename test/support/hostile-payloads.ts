/**
 * Hostile payloads for the resolver fuzz tests (test/security/*-payloads.test.ts): arbitrary
 * values, and a key's valid payload with one value anywhere inside it replaced by a hostile one.
 */
import fc from 'fast-check';

/** Values every key is tried with, whatever its payload: prototype keys, traversal, markup, huge and odd numbers. */
const COMMON: readonly unknown[] = [
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
  '',
  ' ',
  -1,
  Number.POSITIVE_INFINITY,
  Number.NaN,
  2 ** 53,
  0.5,
  [],
  {},
  null,
  true,
  { __proto__: { polluted: true } },
];

/** Anything at all, the common values, and `extra` ones this key family is prone to. */
export function hostileValues(extra: readonly unknown[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: false, maxDepth: 3 }), fc.constantFrom(...COMMON, ...extra));
}

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** A copy of `value` with `replacement` at `path` (defined as an own property, so `__proto__` is a key). */
function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((k) => (node = node[k] as Record<string | number, unknown>));
  const last = path.at(-1);
  if (last !== undefined) Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * Payloads for one key: a hostile value as the whole payload, an unknown extra property, the
 * valid payload with one inner value replaced, and with one of `topKeys` set to a hostile value.
 */
export function hostilePayloads(valid: object, hostile: fc.Arbitrary<unknown>, topKeys: readonly string[]): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  return fc.oneof(
    hostile,
    fc.record({ extra: hostile }),
    paths.length === 0
      ? hostile.map((v) => ({ projectKey: v }))
      : fc.tuple(fc.nat({ max: paths.length - 1 }), hostile).map(([i, v]) => withValueAt(valid, paths[i] ?? [], v)),
    fc.tuple(fc.constantFrom(...topKeys), hostile).map(([k, v]) => ({ ...valid, [k]: v })),
  );
}
