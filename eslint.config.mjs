// ESLint: typescript-eslint's recommended rules, the Office add-in rules (load before read, sync before
// read, no sync in loops), and the architecture rules: the core imports nothing from the shells, and the
// shells enter the core only through its door (src/core/index.ts). Import cycles: scripts/check-cycles.js.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const officeRules = Object.fromEntries(
  [
    'call-sync-after-load',
    'call-sync-before-read',
    'load-object-before-read',
    'no-context-sync-in-loop',
    'no-empty-load',
    'no-navigational-load',
    'test-for-null-using-isNullObject',
  ].map((rule) => [`office-addins/${rule}`, 'error']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The ES5 first script of the pages: a plain browser script, parsed as ES5.
    files: ['src/boot/**/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly' },
    },
  },
  {
    // The Office.js rules (load before read, sync before read, no sync in loops) where Office.js is used;
    // elsewhere they would misread ExcelJS calls with the same names.
    files: ['src/excel/**/*.ts', 'src/commands/**/*.ts', 'src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // ExcelJS and JSZip are devDependencies (tests, bench, sample scripts): the product writes with src/xlsx.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['exceljs', 'jszip'],
              message: 'Packages are read and written by src/xlsx; ExcelJS and JSZip are for tests only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'zlib'],
              message: 'The core is pure: no Node imports.',
            },
            {
              group: ['exceljs', 'jszip', 'react', 'react-dom', '@fluentui/*'],
              message: 'The core is pure: no shell libraries.',
            },
            {
              group: ['**/excel/**', '**/xlsx/**', '**/taskpane/**', '**/cli/**', '**/commands/**'],
              message: 'The core does not import shells.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process'],
    },
  },
  {
    // One door to the core: shells import `src/core` (its index.ts) and nothing under it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/.',
              message: 'Import the core through its door (src/core/index.ts), not its modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', '*.config.js', 'webpack.config.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
