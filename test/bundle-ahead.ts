import { ensureBundled } from '../scripts/bundle.mjs';

/**
 * Vitest global setup: brings build/ up to date once before the suites run, so the tests that start
 * `npm run serve`'s compiled entry as a process (test/integration/serve) do not each bundle it at the same time.
 */
export default async function bundleAhead(): Promise<void> {
  await Promise.all([ensureBundled('server'), ensureBundled('browser')]);
}
