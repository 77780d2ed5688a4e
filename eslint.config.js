// ESLint: typescript-eslint's recommended rules, unused parameters flagged (an unused one is named
// with a leading underscore, which says it is unused on purpose). Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'counterexamples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        structuredClone: 'readonly',
        URL: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'all', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // `{}` is the Spec API's "no parameters" default (Spec<S, P extends object = {}>).
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  // Type-aware rules where a forgotten promise loses a result: the async searches, the signal
  // handling and the CLI that awaits them. An unawaited search or a promise handed to an event
  // emitter (a signal handler) would let the process exit before the report, or swallow its error.
  {
    files: ['checker/**/*.ts', 'bin/**/*.mjs', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['bin/*.mjs'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // The worker entry is CommonJS on purpose (parallel/workerEntry.cjs says why).
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
