// @ts-check
// Lint for the whole monorepo: typescript-eslint and vue recommended, no import cycles, size limits, and the
// boundaries of DESIGN.md / STYLE.md as `no-restricted-imports`. Formatting is Prettier's job (`npm run lint`
// runs `prettier --check` after eslint), so stylistic rules are turned off by eslint-config-prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const TEST_FILES = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**', '**/testing/**'];

/**
 * What the browser may import as values: pure modules with no Node built-ins (formatters, the metric registry, chart
 * builders, period presets, the `{param}` template filler). apps/web/vite.config.mts and apps/web/tsconfig.json alias exactly these.
 */
const WEB_VALUE_IMPORTS = [
  '@creator-ops/format',
  '@creator-ops/metrics',
  '@creator-ops/schemas',
  '@creator-ops/reports/charts',
  '@creator-ops/reports/period-presets',
  '@creator-ops/monitoring/types',
  '@creator-ops/errors',
];
/** Barrels whose values reach columnar, ingest or the file system: the web takes their types only. */
const TYPE_ONLY_LIBS = ['reports', 'query', 'grading', 'monitoring', 'columnar', 'ingest', 'warehouse'];

const typeormOnlyInRepositories = {
  name: 'typeorm',
  message: 'TypeORM stays behind repositories: import it only in *.repository.ts, *.entity.ts, database/**, coordination/** and migrations.',
};

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'fixtures/**', 'data/**', '.tmp-datadir/**', '.tmp/**', 'bench/out/**', 'apps/web/docs/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node and browser globals used across apps, scripts and benches.
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        structuredClone: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        FormData: 'readonly',
        Blob: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // What import-x needs to follow TypeScript files when it looks for cycles (single-file components are not followed).
      'import-x/extensions': ['.ts', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'apps/web/tsconfig.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
      // Unused names are an error unless they say so with a leading underscore (callbacks keep their positions).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Declaration merging with interfaces is how Nest and Express types are extended.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `strip('元') || strip('倍')` and `i & 1 ? odd++ : even++` are the house style for a chain of attempts.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // `catch {}` while polling a server that is still starting.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Control characters in regexes are deliberate (CSV/XLSX cleaning of C0 codes).
      'no-control-regex': 'off',
    },
  },
  // TypeScript checks names itself (DOM types included in apps/web); no-undef only knows the globals listed above.
  { files: ['**/*.ts', '**/*.mts', '**/*.vue'], rules: { 'no-undef': 'off' } },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
    rules: {
      // One-word names are the app's convention for views and pieces (App, Login…); the router names them.
      'vue/multi-word-component-names': 'off',
      // Our i18n strings hold trusted markup only where v-html is used.
      'vue/no-v-html': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Tests may be long (a scenario reads top to bottom) and probe loosely typed ECharts options.
  { files: TEST_FILES, rules: { 'max-lines-per-function': 'off', 'max-lines': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  // Boundaries.
  // coordination/ is database machinery too (advisory locks, LISTEN/NOTIFY, the shared rate-limit rows).
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.entity.ts', '**/database/**', '**/migrations/**', '**/api/src/coordination/**', ...TEST_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [typeormOnlyInRepositories],
          patterns: [{ group: ['**/apps/*/src/**', '../../apps/**'], message: 'An app never reaches into another app: go through a lib barrel.' }],
        },
      ],
    },
  },
  {
    files: ['apps/cli/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [typeormOnlyInRepositories],
          patterns: [
            { group: ['**/apps/web/**', '**/web/src/**'], message: 'The CLI never reaches into the web app.' },
            { group: ['**/api/src/**'], message: 'The CLI reaches the API only through @creator-ops/core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.ts', 'apps/web/**/*.vue'],
    rules: {
      'no-restricted-imports': 'off',
      // Types from any library barrel are erased at build; values only from the pure modules in WEB_VALUE_IMPORTS.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...TYPE_ONLY_LIBS.map((lib) => ({
              name: `@creator-ops/${lib}`,
              allowTypeImports: true,
              message: `@creator-ops/${lib} pulls Node-only code into the bundle: import its types only (values from ${WEB_VALUE_IMPORTS.join(', ')}).`,
            })),
            { name: 'typeorm', message: 'Not in the browser.' },
          ],
          patterns: [
            {
              group: ['**/libs/**', '**/api/src/**', '**/cli/src/**'],
              message: `The web reaches libraries only through their aliases (${WEB_VALUE_IMPORTS.join(', ')}, types from any barrel) and never another app.`,
            },
          ],
        },
      ],
    },
  },
  prettier,
);
