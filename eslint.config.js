// ESLint flat config: typescript-eslint strict type-checked everywhere, React rules for the
// Custom UI, and the layer boundaries of DESIGN.md section 2 as import restrictions.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Layer boundaries (DESIGN.md section 2), from one table.
//
// In a flat config the last block that sets a rule for a file replaces that rule's options: a
// later, narrower `no-restricted-imports` block silently drops the restrictions of an earlier,
// wider one. So every layer gets exactly one block carrying its complete set, the layers' file
// sets do not overlap, and no other block sets the rule. test/lint/boundaries.test.ts feeds
// probe imports through this config and expects each forbidden one to be flagged.

const FORGE = ['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver', '@forge/bridge'];
const ADAPTERS = ['jira', 'storage', 'events', 'memory'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A relative import that reaches into a directory named one of `names` (`../adapters/x`, `../../local/y`). */
const into = (...names) => `^\\.{1,2}/(?:.*/)?(?:${names.join('|')})(?:/|$)`;
/** test/ except test/support/ (shared test-data builders, which tests beside their modules may use). */
const INTO_TEST_BUT_SUPPORT = '^\\.{1,2}/(?:.*/)?test(?:/(?!support/)|$)';
/** Node's built-in modules, with or without `node:`. */
const NODE_BUILTINS = `^(?:node:|(?:${builtinModules.map(escape).join('|')})(?:/|$))`;
/** Another adapter: `../storage/x` from a sibling, or `…/adapters/storage/x`. */
const otherAdapters = (own) => {
  const others = ADAPTERS.filter((a) => a !== own).join('|');
  return `^(?:\\.\\./)+(?:${others})(?:/|$)|^\\.{1,2}/(?:.*/)?adapters/(?:${others})(?:/|$)`;
};

const APP_OUTSIDE = 'The app never depends on the local runtime, the UI or tests.';

/**
 * Each layer: the files it covers, the Forge packages it may import (all others are forbidden,
 * subpaths included), and what else it must not import (regexes over the import string, with
 * the reason). A `src` layer also never imports local/, static/ or test/; its own test files
 * (`*.test.ts`, `*.test-support.ts`) may use test/support/ builders, and `testForbidden`
 * replaces `forbidden` for them where a layer's tests may do more.
 */
const LAYERS = [
  {
    name: 'domain',
    files: ['src/domain/**/*.ts'],
    forge: [],
    forbidden: [
      [into('application', 'adapters', 'entry'), 'The domain is pure: no use cases, adapters or handlers.'],
      [NODE_BUILTINS, 'The domain is pure: no Node built-ins (no I/O).'],
    ],
    src: true,
  },
  {
    name: 'application',
    files: ['src/application/**/*.ts'],
    forge: [],
    forbidden: [[into('adapters', 'entry'), 'Use cases depend on ports, not adapters or handlers.']],
    // Use-case tests run on the in-memory ports.
    testForbidden: [
      ['^\\.{1,2}/(?:.*/)?adapters/(?!memory(?:/|$))', 'Use-case tests use the in-memory ports (adapters/memory) only.'],
      ['^\\.{1,2}/(?:.*/)?adapters$', 'Use-case tests use the in-memory ports (adapters/memory) only.'],
      [into('entry'), 'Use-case tests do not go through handlers.'],
    ],
    src: true,
  },
  ...ADAPTERS.map((adapter) => ({
    name: `adapters/${adapter}`,
    files: [`src/adapters/${adapter}/**/*.ts`],
    forge: { jira: ['@forge/api'], storage: ['@forge/kvs'], events: ['@forge/events'], memory: [] }[adapter],
    forbidden: [
      [into('entry'), 'Adapters never depend on handlers.'],
      [otherAdapters(adapter), 'Adapters never import each other; share through application/ or domain/.'],
    ],
    src: true,
  })),
  {
    name: 'entry',
    files: ['src/entry/**/*.ts'],
    forge: ['@forge/resolver'],
    forbidden: [],
    src: true,
  },
  {
    // src/index.ts: the export map for the manifest.
    name: 'src',
    files: ['src/*.ts'],
    forge: [],
    forbidden: [],
    src: true,
  },
  {
    name: 'contract',
    files: ['contract/**/*.ts'],
    forge: [],
    forbidden: [
      // date-fns: the cadence engine (contract/cadence.ts) is shared with the UI's live preview.
      ['^(?!(?:zod|date-fns)(?:/|$)|\\.{1,2}/)', 'The contract depends on zod and date-fns only.'],
      [into('src', 'static', 'local', 'test', 'cli', 'bench'), 'The contract depends on zod and date-fns only.'],
    ],
    // Its tests may also use vitest, and check the contract against the domain's codes.
    testForbidden: [
      ['^(?!(?:zod|vitest|date-fns)(?:/|$)|\\.{1,2}/)', 'Contract tests use vitest, zod, date-fns, the contract and src/ only.'],
      [into('static', 'local', 'cli', 'bench'), 'Contract tests use vitest, zod, the contract and src/ only.'],
      [INTO_TEST_BUT_SUPPORT, 'Tests may use test/support/ only.'],
    ],
  },
  {
    name: 'static',
    files: ['static/**/*.{ts,tsx}'],
    forge: ['@forge/bridge'],
    forbidden: [[into('src', 'local'), 'The UI never imports the backend or the local runtime; share through contract/.']],
  },
];

const TEST_SUFFIXES = ['.test.ts', '.test.tsx', '.test-support.ts'];

function restrictions(layer, forTests) {
  const forgeMessage =
    layer.forge.length === 0
      ? `${layer.name} imports no Forge package.`
      : `${layer.name} may import only ${layer.forge.join(', ')} of Forge.`;
  const outside = layer.src
    ? [[forTests ? into('local', 'static') : into('local', 'static', 'test'), APP_OUTSIDE]].concat(
        forTests ? [[INTO_TEST_BUT_SUPPORT, 'Tests in src/ may use test/support/ only.']] : [],
      )
    : [];
  const own = forTests && layer.testForbidden ? layer.testForbidden : layer.forbidden;
  const forge = FORGE.filter((name) => !layer.forge.includes(name)).map(escape);
  return [
    'error',
    {
      patterns: [[`^(?:${forge.join('|')})(?:/|$)`, forgeMessage], ...own, ...outside].map(([regex, message]) => ({
        regex,
        message,
      })),
    },
  ];
}

/** One block per layer (two for src/ layers: app code, then its tests), disjoint by construction. */
function boundaryConfigs() {
  return LAYERS.flatMap((layer) => {
    const tests = layer.files.flatMap((glob) => TEST_SUFFIXES.map((suffix) => glob.replace(/\.(ts|\{ts,tsx\})$/u, suffix)));
    return [
      {
        name: `boundaries/${layer.name}`,
        files: layer.files,
        ignores: tests,
        rules: { 'no-restricted-imports': restrictions(layer, false) },
      },
      { name: `boundaries/${layer.name}/tests`, files: tests, rules: { 'no-restricted-imports': restrictions(layer, true) } },
    ];
  });
}

export default tseslint.config(
  { ignores: ['node_modules/', 'static/dist/', 'test-results/', '.local-state/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'local/host/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreVoidReturningFunctions: true, ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['local/host/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  // Layer boundaries: one block per layer, each with its complete set (see LAYERS).
  ...boundaryConfigs(),
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'No I/O in the domain.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is an argument in the domain.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is an argument in the domain.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in the domain.' },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  { files: ['static/**/*.tsx'], ...jsxA11y.flatConfigs.strict },
  {
    // A focusable tab panel is the WAI-ARIA tabs pattern when the panel's first child may not be focusable.
    files: ['static/**/*.tsx'],
    rules: { 'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel'], tags: [] }] },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/shared/backend-client.ts', 'static/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='invoke']", message: 'Components use the injected backend client, never invoke.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts', 'local/**/*.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The local host's request router returns early with `return send(...)`; clearer there than the rule's form.
    files: ['local/**/*.ts'],
    rules: { '@typescript-eslint/no-confusing-void-expression': 'off' },
  },
  prettier,
);
