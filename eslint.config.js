import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'bench/dist',
      'e2e/harness/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'public/runtime',
    ],
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // core is framework-free: it runs in Node, in workers and in the page.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                "Import z from src/core/zod.ts: it parses without eval, as the page's CSP needs.",
            },
          ],
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'zustand',
                'zustand/*',
                'recharts',
                '@mantine/*',
              ],
              message: 'src/core is framework-free.',
            },

            {
              group: ['**/features/**', '**/state/**', '**/app/**', '**/ui/**', '**/workers/**'],
              message: 'src/core imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**'], message: 'features do not import the app shell.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // predict.html's classic script runs in the browser, beside the bundle runtime's globals.
    files: ['src/core/export/bundle-templates/predict.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
)
