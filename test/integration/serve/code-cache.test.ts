import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithCodeCache } from '../../../scripts/code-cache.mjs';

/** What `npm run serve` does with the compiled server (scripts/launch.mjs): run it as CommonJS with V8's code cache. */
describe('the compiled server\'s code cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-code-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = path.join(dir, 'main.cjs');
  const caches = () => readdirSync(dir).filter((name) => name.endsWith('.v8cache'));
  const ran = (): string[] => ((globalThis as Record<string, unknown>).codeCacheRuns ??= []) as string[];
  // A CommonJS module as esbuild writes one: module, exports, require and __filename are the bundle's own.
  const source = (says: string) => `(globalThis.codeCacheRuns ??= []).push(${JSON.stringify(says)} + ':' + require('node:path').basename(__filename)
    + ':' + (typeof module.exports));\n`;

  it('runs the bundle without a cache, then writes one that the next start uses', () => {
    writeFileSync(bundle, source('first'));
    const cold = runWithCodeCache(bundle, { writeAfterMs: 60_000 });
    expect(cold.cache).toBe('none');
    expect(ran().at(-1)).toBe('first:main.cjs:object');
    expect(caches()).toEqual([]);
    cold.writeCache();
    expect(caches()).toEqual([path.basename(cold.cacheFile)]);

    const warm = runWithCodeCache(bundle, { writeAfterMs: 60_000 });
    expect(warm.cache).toBe('used');
    expect(ran().at(-1)).toBe('first:main.cjs:object');
  });

  it('never runs an old cache for a rebuilt bundle, even one of the same length, and keeps only the new cache', () => {
    writeFileSync(bundle, source('other'));
    const rebuilt = runWithCodeCache(bundle, { writeAfterMs: 60_000 });
    expect(rebuilt.cache).toBe('none');
    expect(ran().at(-1)).toBe('other:main.cjs:object');
    rebuilt.writeCache();
    expect(caches()).toEqual([path.basename(rebuilt.cacheFile)]);
    expect(runWithCodeCache(bundle, { writeAfterMs: 60_000 }).cache).toBe('used');
  });
});
