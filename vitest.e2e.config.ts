import { defineConfig } from 'vitest/config';

// Browser tests: the local mode (emulator + server + dashboard + simulator) driven by playwright-core through
// Debian's headless Chromium (/usr/bin/chromium, installed by .ci/run). Screenshots go to test-artifacts/.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
