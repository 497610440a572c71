import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The features: only app-level files (features.ts, app.module.ts, the CLI) and features import them. */
const features = ['identity', 'reporting', 'lagesbild', 'publication', 'audit', 'atgarder'];
/** Test kits and fixtures: folders and file names kept out of the build (apps/api/tsconfig.app.json). */
const testOnly = [
  '**/*.spec.ts',
  '**/testing/**',
  '**/fixtures/**',
  '**/test/**',
  '**/*-kit.ts',
  '**/*-testing.ts',
  '**/*.fixture.ts',
  '**/testing.ts',
];
const noTestKits = {
  regex: String.raw`(^|/)(testing|fixtures|test)(/|\.js$)|-kit\.js$|-testing\.js$|\.fixture\.js$|^@laget/[a-z-]+/testing$|(^|/)test/support/`,
  message:
    'Production code must not import a test kit or fixture: they are not built into dist (docs/adr/0023).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'coverage/**',
      'test-artifacts/**',
      '.bench-build/**',
      '.permissions-doc/**',
      '.config-doc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // No import cycles in the API and the libraries: a cycle is a layering mistake, and with ESM and
    // decorators it can leave a class undefined at the moment another module needs it.
    files: ['apps/api/src/**/*.ts', 'libs/*/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses the imported files itself: TypeScript with typescript-eslint's parser, and
      // `./x.js` resolved to `./x.ts` as tsc does (nodenext).
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Boundaries (docs/adr/0023): the platform stands below the features and never imports one, nor
    // the list of them; production code never imports a test kit.
    files: ['apps/api/src/platform/**/*.ts', 'apps/api/src/config/**/*.ts'],
    ignores: testOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`^(\.\./)+(${features.join('|')})(/|$)`,
              message:
                'platform/ and config/ stand below the features: declare what you need in the feature manifest (platform/feature.ts).',
            },
            {
              regex: String.raw`^(\.\./)+(features|app\.module|app\.factory|main)\.js$`,
              message:
                'platform/ and config/ are given the features (FEATURES, AppModule options); they do not import the list.',
            },
            noTestKits,
          ],
        },
      ],
    },
  },
  {
    // The libraries stand below the applications.
    files: ['libs/*/src/**/*.ts'],
    ignores: testOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`(^|/)apps/|^@laget/(api|admin)(/|$)`,
              message: 'A library never imports an application.',
            },
            noTestKits,
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [...testOnly, 'apps/api/src/platform/**', 'apps/api/src/config/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTestKits] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
