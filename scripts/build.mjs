#!/usr/bin/env node
// Builds the Wix app offline: `wix build` (the Wix CLI runs `astro build`), which writes the app
// manifest to dist/_wix/app-manifest.json. No Wix login and no network are needed: the only thing
// the build wants from Wix is the app ID, which is public and lives in wix.config.json.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wixBin = join(root, 'node_modules', '@wix', 'cli', 'bin', 'wix.cjs');
const manifestPath = join(root, 'dist', '_wix', 'app-manifest.json');

function fail(message) {
  console.error(`\nbuild: ${message}`);
  process.exit(1);
}

function readAppId() {
  const configPath = join(root, 'wix.config.json');
  let config;
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    fail(`cannot read ${configPath}: ${error instanceof Error ? error.message : error}`);
  }
  if (typeof config.appId !== 'string' || config.appId === '') {
    fail(`wix.config.json has no "appId": set it to the app's ID from the Wix app dashboard.`);
  }
  return config.appId;
}

if (!existsSync(wixBin)) fail(`the Wix CLI is not installed (${wixBin} is missing): run \`npm ci\` first.`);

const appId = readAppId();
const env = {
  ...process.env,
  // The app ID, not a secret: @wix/astro refuses to build without it (normally from `wix env pull`).
  WIX_CLIENT_ID: appId,
  // Keep the build offline and quiet.
  ASTRO_TELEMETRY_DISABLED: '1',
};

const started = performance.now();
console.info(`build: wix build (app ${env.WIX_CLIENT_ID})`);
const child = spawn(process.execPath, [wixBin, 'build', ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}

child.on('error', (error) => fail(`could not start the Wix CLI: ${error.message}`));
child.on('exit', (code, signal) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (signal) fail(`wix build was stopped by ${signal} after ${seconds}s.`);
  if (code !== 0) {
    console.error(`\nbuild: wix build failed (exit code ${code}) after ${seconds}s. The first error above is the cause;`);
    console.error(`build: to run astro alone: WIX_CLIENT_ID=${appId} npx astro build`);
    process.exit(code ?? 1);
  }
  if (!existsSync(manifestPath)) fail(`wix build succeeded but wrote no ${manifestPath}.`);
  console.info(`build: done in ${seconds}s → ${manifestPath}`);
});
