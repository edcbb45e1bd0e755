import { defineConfig } from 'vitest/config';
import { findBrowser } from './test/e2e/find-browser.js';

// Browser tests: the local mode (emulator + server + dashboard + simulator) driven by playwright-core through a
// headless Chromium or Chrome ($CHROME_PATH, else the usual install paths; .ci/run installs Debian's). Screenshots
// go to test-artifacts/. Without a browser, stop here with one line saying how to get one, not a stack trace.
try {
  findBrowser();
} catch (error) {
  console.error(`test:e2e: ${(error as Error).message}`);
  process.exit(1);
}

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
