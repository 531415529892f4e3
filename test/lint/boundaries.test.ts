/**
 * The layer boundaries of DESIGN.md section 2, as eslint.config.js enforces them: probe imports
 * are linted through ESLint's Node API with the repository's own config, as if written in a real
 * file of each layer, and every forbidden one must be flagged by `no-restricted-imports` while
 * every allowed one is not. (A later block that replaced an earlier one's restrictions once let
 * src/adapters/jira import local/ and entry/ unflagged.)
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../support/local-app';

interface Probes {
  /** A directory of the layer; the probes are linted as the text of its first (test) file. */
  dir: string;
  /** A given file instead. */
  file?: string;
  tests?: boolean;
  /** Import targets: a package name, or a repository path (made relative to the probed file). */
  forbidden: readonly string[];
  allowed: readonly string[];
}

const FORGE = ['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver', '@forge/bridge'];
const except = (...allowed: string[]) => FORGE.filter((name) => !allowed.includes(name));
/** Forge subpath imports are Forge too. */
const FORGE_SUBPATHS = ['@forge/api/out/index', '@forge/kvs/out/errors'];
const OUTSIDE_APP = ['local/jira/emulator', 'static/shared/backend-client', 'test/support/local-app', 'test/integration/x'];

const LAYERS: Record<string, Probes> = {
  domain: {
    dir: 'src/domain',
    forbidden: [
      ...FORGE,
      'src/application/ports',
      'src/adapters/jira/jira-client',
      'src/adapters/memory/in-memory-record-store',
      'src/entry/compose',
      'node:fs',
      'fs',
      'path',
      ...OUTSIDE_APP,
    ],
    allowed: ['src/domain/issue', 'src/domain/testing/builders', 'contract/settings', 'zod', 'date-fns-tz'],
  },
  'domain tests': {
    dir: 'src/domain',
    tests: true,
    forbidden: [
      ...FORGE,
      'src/application/ports',
      'src/adapters/jira/jira-client',
      'src/entry/compose',
      'node:fs',
      'local/jira/emulator',
      'test/integration/x',
    ],
    allowed: ['vitest', 'src/domain/testing/builders', 'test/support/status-report-builder', 'contract/report'],
  },
  application: {
    dir: 'src/application',
    forbidden: [
      ...FORGE,
      'src/adapters/jira/jira-client',
      'src/adapters/storage/kvs-call',
      'src/adapters/memory/in-memory-record-store',
      'src/entry/compose',
      ...OUTSIDE_APP,
    ],
    allowed: ['src/application/ports', 'src/domain/settings', 'contract/settings', 'zod'],
  },
  'application tests': {
    dir: 'src/application',
    tests: true,
    forbidden: [
      ...FORGE,
      'src/adapters/jira/jira-client',
      'src/adapters/storage/kvs-call',
      'src/adapters',
      'src/entry/compose',
      'local/jira/emulator',
      'test/integration/x',
    ],
    allowed: ['vitest', 'src/adapters/memory/in-memory-record-store', 'test/support/status-report-builder', 'src/application/ports'],
  },
  'adapters/jira': {
    dir: 'src/adapters/jira',
    forbidden: [
      ...except('@forge/api'),
      'src/entry/compose',
      'src/adapters/storage/kvs-call',
      'src/adapters/events/forge-refresh-queue',
      'src/adapters/memory/in-memory-issue-source',
      ...OUTSIDE_APP,
    ],
    allowed: [
      '@forge/api',
      'src/adapters/jira/jira-client',
      'src/application/ports',
      'src/application/storage',
      'src/domain/issue',
      'contract/settings',
      'zod',
    ],
  },
  'adapters/jira tests': {
    dir: 'src/adapters/jira',
    tests: true,
    forbidden: [...except('@forge/api'), 'src/entry/compose', 'src/adapters/storage/kvs-call', 'local/jira/emulator', 'test/integration/x'],
    allowed: ['vitest', 'node:fs', 'src/adapters/jira/to-issue', 'test/support/status-report-builder'],
  },
  'adapters/storage': {
    dir: 'src/adapters/storage',
    forbidden: [
      ...except('@forge/kvs'),
      'src/entry/compose',
      'src/adapters/jira/jira-client',
      'src/adapters/memory/in-memory-record-store',
      ...OUTSIDE_APP,
    ],
    allowed: ['@forge/kvs', 'src/application/storage', 'src/domain/status-category', 'contract/settings'],
  },
  'adapters/events': {
    dir: 'src/adapters/events',
    forbidden: [
      ...except('@forge/events'),
      'src/entry/compose',
      'src/adapters/storage/kvs-call',
      'src/adapters/jira/jira-client',
      ...OUTSIDE_APP,
    ],
    allowed: ['@forge/events', 'src/application/ports'],
  },
  'adapters/memory': {
    dir: 'src/adapters/memory',
    forbidden: [
      ...FORGE,
      ...FORGE_SUBPATHS,
      'src/entry/compose',
      'src/adapters/storage/kvs-call',
      'src/adapters/jira/jira-client',
      ...OUTSIDE_APP,
    ],
    allowed: ['src/application/storage', 'src/application/ports', 'src/domain/issue', 'zod'],
  },
  entry: {
    dir: 'src/entry',
    forbidden: [...except('@forge/resolver'), ...FORGE_SUBPATHS, ...OUTSIDE_APP],
    allowed: [
      '@forge/resolver',
      'src/adapters/jira/jira-client',
      'src/adapters/storage/kvs-call',
      'src/application/ports',
      'src/domain/settings',
      'contract/resolvers',
    ],
  },
  'src/index.ts': {
    dir: 'src',
    file: 'src/index.ts',
    forbidden: [...FORGE, ...OUTSIDE_APP],
    allowed: ['src/entry/resolvers', 'src/entry/scheduled/daily-snapshot'],
  },
  contract: {
    dir: 'contract',
    forbidden: [
      ...FORGE,
      'src/domain/issue',
      'static/shared/backend-client',
      'local/jira/emulator',
      'test/support/local-app',
      'cli/main',
      'react',
      'date-fns-tz',
      'node:fs',
    ],
    allowed: ['zod', 'zod/mini', 'date-fns', 'contract/report', 'contract/i18n/strings'],
  },
  static: {
    dir: 'static',
    forbidden: [...except('@forge/bridge'), 'src/domain/issue', 'src/application/ports', 'local/jira/emulator'],
    allowed: ['@forge/bridge', 'react', 'contract/report', 'static/shared/backend-client'],
  },
};

/** The first file of `dir` (depth first, sorted): a test file or an app file. */
function firstFile(dir: string, tests: boolean): string | undefined {
  const absolute = path.join(ROOT_DIR, dir);
  for (const name of readdirSync(absolute).sort()) {
    const full = path.join(absolute, name);
    if (statSync(full).isDirectory()) {
      const found = firstFile(path.join(dir, name), tests);
      if (found !== undefined) return found;
    } else if (/\.tsx?$/u.test(name) && /\.test\.tsx?$/u.test(name) === tests) {
      return path.join(dir, name);
    }
  }
  return undefined;
}

/** The import string for `target` as written in `file`. */
function specifier(file: string, target: string): string {
  if (!/^(src|contract|static|local|test|cli|bench)\//u.test(target)) return target;
  const relative = path.relative(path.dirname(file), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT_DIR });
});

/** The probes' import strings that `no-restricted-imports` flags, linted as the text of `file`. */
async function flagged(file: string, targets: readonly string[]): Promise<string[]> {
  const specifiers = targets.map((target) => specifier(file, target));
  const code =
    specifiers.map((s, i) => `import * as probe${i} from '${s}';\n`).join('') +
    `export const probes = [${specifiers.map((_, i) => `probe${i}`).join(', ')}];\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT_DIR, file) });
  const fatal = result?.messages.find((m) => m.fatal === true);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  const lines = new Set((result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line));
  return specifiers.filter((_, i) => lines.has(i + 1));
}

describe('eslint.config.js: layer boundaries', () => {
  it.each(Object.entries(LAYERS))('%s', async (_layer, probes) => {
    const file = probes.file ?? firstFile(probes.dir, probes.tests === true);
    expect(file, `a ${probes.tests === true ? 'test ' : ''}file in ${probes.dir}`).toBeDefined();
    if (file === undefined) return;
    const targets = [...probes.forbidden, ...probes.allowed];
    const result = await flagged(file, targets);
    expect(result.sort()).toEqual(probes.forbidden.map((target) => specifier(file, target)).sort());
  });

  it('adapters/jira: flagged for local/ and entry/ even from a nested directory', async () => {
    const file = firstFile('src/adapters/jira', false) ?? '';
    expect(await flagged(file, ['../../entry/compose', '../../../local/jira/emulator', '../storage', '../storage/kvs-call'])).toEqual([
      '../../entry/compose',
      '../../../local/jira/emulator',
      '../storage',
      '../storage/kvs-call',
    ]);
  });
});
