// Runs a CommonJS bundle with a V8 code cache beside it, so a start does not compile the bundle again: Node 20 has
// no compile cache of its own (module.enableCompileCache is Node 22). The first start without a usable cache writes
// one (once the server has run a while, or at exit, whichever comes first), holding every function compiled so far.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Compiles `file` (CommonJS) with its cache if there is one, and runs it. The cache's name carries a hash of the
 * bundle: V8 itself checks only the source's length (and its own version and flags), so a rebuilt bundle of the
 * same length would otherwise run the old one's code. Returns whether a cache was used ('none', 'used', or
 * 'rejected' when V8 refused it: another Node or other flags) and `writeCache`, which writes it now.
 */
export function runWithCodeCache(file, { writeAfterMs = 2000 } = {}) {
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The wrapper starts on the bundle's first line, so stack traces keep its line numbers.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  let written = cache === 'used';
  const writeCache = () => {
    if (written) return;
    written = true;
    try {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
      const [dir, name] = [path.dirname(file), path.basename(file)];
      for (const other of readdirSync(dir)) {
        if (other.startsWith(`${name}.`) && other.endsWith('.v8cache') && path.join(dir, other) !== cacheFile) rmSync(path.join(dir, other), { force: true });
      }
    } catch {
      // A cache is an optimisation: a read-only folder or a full disk only means the next start compiles again.
    }
  };
  if (!written) {
    setTimeout(writeCache, writeAfterMs).unref();
    process.once('exit', writeCache);
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { cache, cacheFile, writeCache };
}
