import { defineConfig } from 'vitest/config';

// The hosted suite: the built worker (dist/_worker.js, from `npm run build`) run in-process as Wix hosting runs
// it, with the 20-sub-request cap enforced and its Wix calls answered by the emulator (emulator/hosting/).
// `npm run test:build` builds first; the unit suite (vitest.config.ts) leaves test/hosted/ out.
export default defineConfig({
  test: {
    include: ['test/hosted/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
