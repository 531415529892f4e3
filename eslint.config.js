// ESLint flat config: typescript-eslint strict type-checked everywhere, React rules for the
// Custom UI, and the layer boundaries of DESIGN.md section 2 as import restrictions.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const forge = (except) =>
  ['@forge/api', '@forge/kvs', '@forge/events', '@forge/resolver', '@forge/bridge'].filter((p) => !except.includes(p));
const restrict = (patterns, message) => patterns.map((group) => ({ group: [group], message }));

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
  // Layer boundaries.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: restrict(['**/local/**', '**/static/**', '**/test/**'], 'The app never depends on the local runtime, the UI or tests.'),
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forge([]).map((name) => ({ name, message: 'The domain is pure: no Forge.' })),
          patterns: restrict(
            ['**/application/**', '**/adapters/**', '**/entry/**', '**/local/**', '**/static/**', 'node:*'],
            'The domain is pure: no I/O, no outer layers.',
          ),
        },
      ],
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
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forge([]).map((name) => ({ name, message: 'Use cases receive ports; Forge stays in adapters.' })),
          patterns: restrict(
            ['**/adapters/**', '**/entry/**', '**/local/**', '**/static/**'],
            'Use cases depend on ports, not adapters or handlers.',
          ),
        },
      ],
    },
  },
  {
    // Use-case tests run on the in-memory ports.
    files: ['src/application/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/adapters/jira/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forge(['@forge/api']).map((name) => ({ name, message: 'adapters/jira only talks to Jira.' })) },
      ],
    },
  },
  {
    files: ['src/adapters/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forge(['@forge/kvs']).map((name) => ({ name, message: 'adapters/storage only talks to KVS.' })) },
      ],
    },
  },
  {
    files: ['src/adapters/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: forge(['@forge/events']).map((name) => ({ name, message: 'adapters/events only talks to the queue.' })) },
      ],
    },
  },
  {
    files: ['src/entry/**/*.ts', 'src/adapters/memory/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@forge/api', '@forge/kvs', '@forge/events'].map((name) => ({ name, message: 'Platform calls belong in src/adapters.' })),
          patterns: restrict(['**/local/**', '**/static/**', '**/test/**'], 'The app never depends on the local runtime, the UI or tests.'),
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: restrict(['**/src/**', '**/static/**', '**/local/**', '@forge/*'], 'The contract depends on zod only.') },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: restrict(['**/src/**', '**/local/**'], 'The UI never imports the backend; share through contract/.'),
        },
      ],
    },
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
