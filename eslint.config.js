// Lint: typescript-eslint's type-aware recommended rules for src/, the jest
// plugin for tests; formatting is prettier's job (npm run format:check).
import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['__fixtures__/', 'dist/', 'node_modules/', 'bench/data/', 'examples/**/target/', 'examples/**/.venv/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      // Matching control characters is the point of the sanitising expressions.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error'
    }
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error'
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: { ...jest.configs['flat/recommended'].rules, 'jest/expect-expect': ['error', { assertFunctionNames: ['expect*', 'assert*'] }] }
  },
  { files: ['bench/**', 'scripts/**', 'test-support/**', '__tests__/**'], rules: { 'no-console': 'off' } }
)
