// Lint: Next's recommended rules (core web vitals, React hooks, jsx-a11y, imports) and its
// TypeScript rules, over everything we write. `npm run lint` runs it; CI runs it before the tests.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `const { id: _, ...rest } = input` is how we drop a field; the rest is what is used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  globalIgnores(['.next/**', 'node_modules/**', 'lib/db/generated/**', '.data/**', '.data-*/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'next-env.d.ts']),
]);
