/**
 * `--settings FILE`: the project settings document (contract/settings.ts), the same schema the
 * Settings section saves. A file may give only what differs from the defaults: it is merged over
 * `DEFAULT_PROJECT_SETTINGS` (objects key by key; arrays, numbers, strings and nulls replace),
 * and the result must validate as a whole.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_PROJECT_SETTINGS, projectSettingsSchema, type ProjectSettingsJson } from '../contract/settings';
import { UsageError } from './parse-args';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `overrides` over `base`: nested objects merge, anything else in `overrides` replaces. */
export function mergeSettings(base: JsonObject, overrides: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = Object.hasOwn(base, key) ? base[key] : undefined;
    // Defined, not assigned: a "__proto__" key stays an own (and so unknown, refused) key.
    Object.defineProperty(merged, key, {
      value: isObject(current) && isObject(value) ? mergeSettings(current, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

interface SettingsIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  values?: readonly unknown[];
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { int: 'a whole number', object: 'an object', array: 'an array' };

/** One problem in words: zod/mini carries no English messages of its own, so say it from the issue's details. */
function describe(issue: SettingsIssue): string {
  const where = issue.path.map(String).join('.');
  const at = where === '' ? '' : `${where}: `;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${at}unknown ${issue.keys?.length === 1 ? 'key' : 'keys'} ${(issue.keys ?? []).map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `${at}must be one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'invalid_type':
      return `${at}must be ${TYPE_NAMES[String(issue.expected)] ?? `a ${String(issue.expected)}`}`;
    case 'too_small':
      return `${at}must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${at}must be at most ${String(issue.maximum)}`;
    default:
      return `${at}${issue.message}`;
  }
}

/**
 * Parses the text of a settings file (a UTF-8 byte order mark is allowed).
 * @throws UsageError naming the first problem, with the file name.
 */
export function parseSettingsText(text: string, file: string): ProjectSettingsJson {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(value)) throw new UsageError(`${file}: expected a JSON object of project settings`);
  const parsed = projectSettingsSchema.safeParse(mergeSettings(DEFAULT_PROJECT_SETTINGS, value));
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    throw new UsageError(`${file}: ${first ? describe(first) : 'invalid settings'}`);
  }
  return parsed.data;
}

/**
 * Reads and validates a settings file.
 * @throws UsageError when it cannot be read or does not validate.
 */
export function loadSettingsFile(file: string): ProjectSettingsJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read settings file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  return parseSettingsText(text, file);
}
