#!/usr/bin/env node
// `npm run serve` and `npm start`: bundles what is stale (scripts/bundle.mjs; nothing when the sources are unchanged)
// and runs the compiled entry in this same process, so a start costs one Node process and no TypeScript runner.
//
//   node scripts/launch.mjs serve        the self-hosted server (build/server/main.cjs, with V8's code cache: code-cache.mjs)
//   node scripts/launch.mjs start […]    the local mode (build/local/start.js); `--hosted` runs the built Wix worker
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBundled, ROOT } from './bundle.mjs';
import { runWithCodeCache } from './code-cache.mjs';

const ENTRIES = { serve: ['server', 'server/main.cjs'], start: ['start', 'local/start.js'] };
const [what] = process.argv.splice(2, 1);
const entry = ENTRIES[what];
if (!entry) {
  console.error(`launch: say what to run: ${Object.keys(ENTRIES).join(' or ')}`);
  process.exit(2);
}
if (what === 'start' && process.argv.includes('--hosted')) {
  // The Wix-hosting harness loads the built worker (dist/) through module hooks of its own: run it from source.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start-hosted.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  try {
    // The server serves the browser bundle from beside it; the two are built in one step.
    await Promise.all([ensureBundled(entry[0]), ensureBundled('browser')]);
  } catch (error) {
    console.error(`launch: could not bundle ${what}: ${error.message}`);
    process.exit(1);
  }
  const compiled = path.join(ROOT, 'build', entry[1]);
  if (compiled.endsWith('.cjs')) runWithCodeCache(compiled);
  else await import(pathToFileURL(compiled).href);
}
