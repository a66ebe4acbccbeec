// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Dependency rules from docs/ARCHITECTURE.md, enforced as errors. Each message names what to
// use instead.
const drivers = [
  { name: 'better-sqlite3', message: 'Only src/server/platform/db opens databases.' },
  { name: 'pg', message: 'Only src/server/platform/db opens databases.' },
];
const cryptoOnly = [
  { name: 'node:crypto', message: 'Use src/server/platform/crypto (the only crypto importer).' },
  { name: 'crypto', message: 'Use src/server/platform/crypto (the only crypto importer).' },
  { name: '@node-rs/argon2', message: 'Use hashPassword/verifyPassword from platform/crypto.' },
  { name: 'otpauth', message: 'Use the TOTP functions of platform/crypto.' },
];
const fsOnly = [
  { name: 'node:fs', message: 'Use src/server/platform/files.ts.' },
  { name: 'fs', message: 'Use src/server/platform/files.ts.' },
  { name: 'node:fs/promises', message: 'Use src/server/platform/files.ts.' },
];
const tabularMessage = 'Use src/server/platform/tabular (csv-file.ts, xlsx-file.ts).';
const tabularOnly = [
  { name: 'papaparse', message: tabularMessage },
  { name: 'csv-stringify', message: tabularMessage },
  { name: 'csv-stringify/sync', message: tabularMessage },
  { name: 'exceljs', message: tabularMessage },
];
const workersOnly = [
  { name: 'node:worker_threads', message: 'Use src/server/platform/workers (startWorker).' },
  { name: 'worker_threads', message: 'Use src/server/platform/workers (startWorker).' },
];
const processOnly = [
  { name: 'node:child_process', message: 'Only platform/db/pg-tools.ts runs external programs.' },
];

// The only files that parse and write spreadsheets and CSV.
const tabularOwners = ['src/server/platform/tabular/**'];

// The files allowed to import a dangerous primitive directly (each owns one).
const driverOwners = [
  'src/server/platform/db/**',
  'src/server/platform/crypto/**',
  'src/server/platform/files.ts',
  'src/server/platform/workers/**',
];

// React's hook rules, every one an error (the plugin's preset marks some as warnings).
const reactHooksRules = Object.fromEntries(
  Object.keys(reactHooks.configs.flat.recommended.rules).map((rule) => [rule, 'error']),
);

/** The server-wide import restrictions plus a layer's own patterns, minus what a layer owns. */
function serverRule(extraPatterns, owned = []) {
  const ownedNames = new Set(owned.map((path) => path.name));
  return {
    paths: [
      ...drivers,
      ...cryptoOnly,
      ...fsOnly,
      ...processOnly,
      ...tabularOnly,
      ...workersOnly,
    ].filter((path) => !ownedNames.has(path.name)),
    patterns: [
      { group: ['**/cli/**', '**/web/**'], message: 'server never imports cli or web.' },
      ...extraPatterns,
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-artefacts/**',
      'coverage/**',
      '**/*.tmp.*',
      'bench/.exp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
      eqeqeq: 'error',
      // In access checks `row === undefined || row.revokedAt !== null` states each refusal
      // plainly; an optional chain hides the undefined case inside a comparison.
      '@typescript-eslint/prefer-optional-chain': 'off',
    },
  },
  {
    // Plain JavaScript entry points and configuration: no type information needed.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'shared and core are pure: no Node built-ins.' },
            {
              group: ['**/server/**', '**/cli/**', '**/web/**'],
              message: 'shared/core import only shared/core.',
            },
          ],
          paths: [...drivers, ...cryptoOnly, ...fsOnly, ...tabularOnly],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'shared and core take configuration as arguments.' },
        { name: 'fetch', message: 'shared and core do no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take a clock as an argument.' },
        { object: 'Math', property: 'random', message: 'Take a random source as an argument.' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'shared is pure: no Node built-ins.' },
            {
              group: ['**/core/**', '**/server/**', '**/cli/**', '**/web/**'],
              message: 'shared imports only shared.',
            },
          ],
          paths: [...drivers, ...cryptoOnly, ...fsOnly, ...tabularOnly],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: [...driverOwners, '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', serverRule([])] },
  },
  {
    // Modules reach each other only through index.ts (docs/ARCHITECTURE.md lists the edges).
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        serverRule([
          {
            regex: '^\\.\\./[a-z-]+/(?!index\\.js$)',
            message: 'Import another module only through its index.ts.',
          },
        ]),
      ],
    },
  },
  {
    files: ['src/server/platform/**/*.ts'],
    ignores: [...driverOwners, '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        serverRule([{ group: ['**/modules/**'], message: 'platform never imports modules.' }]),
      ],
    },
  },
  {
    files: tabularOwners,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        serverRule(
          [{ group: ['**/modules/**'], message: 'platform never imports modules.' }],
          tabularOnly,
        ),
      ],
    },
  },
  {
    files: driverOwners,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/cli/**', '**/web/**'],
              message: 'platform never imports modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...drivers, ...cryptoOnly, ...fsOnly, ...processOnly, ...tabularOnly],
          patterns: [
            { group: ['**/web/**'], message: 'cli never imports web.' },
            { group: ['**/*-routes.js'], message: 'The CLI calls services, never HTTP routes.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'Routes never touch the database: call a service.' },
            ...drivers,
          ],
          patterns: [
            { group: ['**/*-repo.js'], message: 'Routes call services, never repositories.' },
            { group: ['**/platform/db/**'], message: 'Routes never touch the database.' },
          ],
        },
      ],
    },
  },
  {
    // Public routes serve only what the publication service protected (decision 0007): their
    // file may import the service, shared contracts and the HTTP app type, nothing else.
    files: ['src/server/modules/publication/public-routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'kysely', message: 'Public routes call the publication service.' }],
          patterns: [
            {
              regex:
                '^(?!\\./publication-service\\.js$|\\.\\./\\.\\./\\.\\./shared/|\\.\\./\\.\\./platform/http/app-factory\\.js$)\\.',
              message: 'Public routes import only the publication service and shared contracts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The browser application: its own tsconfig (DOM, JSX); web -> core -> shared only.
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['./tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...reactHooksRules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:',
              message: 'The web application runs in browsers: no Node built-ins.',
            },
            {
              group: ['**/server/**', '**/cli/**'],
              message: 'web imports only core and shared (the API is reached over HTTP).',
            },
          ],
          paths: [...drivers, ...cryptoOnly, ...fsOnly, ...tabularOnly],
        },
      ],
    },
  },
  {
    // The service worker: plain JavaScript in the worker's global scope.
    files: ['src/web/public/**/*.js'],
    languageOptions: {
      globals: {
        self: 'readonly',
        caches: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        URL: 'readonly',
        Promise: 'readonly',
      },
    },
  },
  {
    files: ['**/*.test.ts', 'src/test-support/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
);
