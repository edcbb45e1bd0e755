import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, startEmulator } from '../../../emulator/index.js';
import { startServerProcess } from '../../../bench/server-process.js';
import { isFresh } from '../../../scripts/bundle.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * What `npm run serve` runs, made from nothing: scripts/bundle.mjs compiles the server and the browser bundle into an
 * empty folder (as on a fresh clone; inside the repository, where Node finds the external better-sqlite3), and plain
 * Node — no TypeScript runner — starts the result.
 */
describe('the server compiled ahead', () => {
  mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, 'build', 'test-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is built from the sources and answers its routes, the dashboard\'s own script included', async () => {
    const built = await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', 'server', 'browser', '--out', out], { cwd: ROOT });
    expect(built.stdout).toMatch(/server built in \d+ ms/);
    const emulator = await startEmulator({ log: silentLogger });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-bundled-data-'));
    const server = await startServerProcess({
      WIX_APP_ID: emulator.app.appId,
      WIX_APP_SECRET: emulator.app.appSecret,
      WIX_PUBLIC_KEY: emulator.app.publicKeyPem,
      WIX_API_URL: emulator.url,
      DATA_DIR: dataDir,
    }, [path.join(out, 'server/main.cjs')]);
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const script = await fetch(`${server.url}/dashboard/dashboard.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect((await script.text()).length).toBeGreaterThan(10_000);
      const unauthenticated = await fetch(`${server.url}/api/conversations`);
      expect(unauthenticated.status).toBe(401);
      expect(await unauthenticated.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    } finally {
      await server.stop();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('starts again from the V8 code cache its first start wrote, and answers the same (what npm run serve runs)', async () => {
    const emulator = await startEmulator({ log: silentLogger });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-cached-data-'));
    const env = { WIX_APP_ID: emulator.app.appId, WIX_APP_SECRET: emulator.app.appSecret, WIX_PUBLIC_KEY: emulator.app.publicKeyPem,
      WIX_API_URL: emulator.url, DATA_DIR: dataDir };
    const launch = ['--input-type=module', '-e', `import { runWithCodeCache } from ${JSON.stringify(path.join(ROOT, 'scripts/code-cache.mjs'))};
      runWithCodeCache(${JSON.stringify(path.join(out, 'server/main.cjs'))});`];
    const caches = () => readdirSync(path.join(out, 'server')).filter((name) => name.endsWith('.v8cache'));
    const answers = async () => {
      const server = await startServerProcess(env, launch);
      try {
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
        expect((await fetch(`${server.url}/api/conversations`)).status).toBe(401);
      } finally {
        await server.stop();
      }
    };
    try {
      await answers();
      expect(caches()).toHaveLength(1);
      const written = statSync(path.join(out, 'server', caches()[0]!)).mtimeMs;
      await answers();
      // Used, not refused and written again.
      expect(caches()).toHaveLength(1);
      expect(statSync(path.join(out, 'server', caches()[0]!)).mtimeMs).toBe(written);
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is fresh while its sources are as they were, and stale once one of them changed', () => {
    expect(isFresh('server', out)).toBe(true);
    const stampFile = path.join(out, 'server.stamp.json');
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs: Record<string, string> };
    expect(Object.keys(stamp.inputs)).toContain('src/server/main.ts');
    writeFileSync(stampFile, JSON.stringify({ ...stamp, inputs: { ...stamp.inputs, 'src/server/main.ts': '0:0' } }));
    expect(isFresh('server', out)).toBe(false);
  });
});
