import { defineConfig } from 'vitest/config';

// Checks on the output of `npm run build` (dist/_wix/app-manifest.json). Run with `npm run test:build`,
// which builds first; the unit suite (vitest.config.ts) leaves test/build/ out.
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
