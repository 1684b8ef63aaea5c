import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', '.data/**', '.data-*/**'],
    globalSetup: ['test/global-setup.ts'],
    // Integration tests share two cores with PostgreSQL and Redis.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // next-auth imports `next/server` without an extension, which only bundlers resolve.
    server: { deps: { inline: ['next-auth'] } },
  },
  resolve: {
    alias: {
      '@': new URL('.', import.meta.url).pathname,
      'server-only': new URL('./test/support/server-only.ts', import.meta.url).pathname,
    },
  },
});
