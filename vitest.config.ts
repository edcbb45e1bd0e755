import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/build/**', 'test/e2e/**', 'test/hosted/**', 'node_modules/**'],
    globalSetup: ['test/bundle-ahead.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
