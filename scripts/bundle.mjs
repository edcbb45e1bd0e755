#!/usr/bin/env node
// Compiles ahead what `npm run serve` and `npm start` run, so neither pays for a TypeScript runner at start:
// esbuild bundles each entry into build/ (gitignored), and a stamp beside each output lists the sources it was made
// from; a bundle whose sources are unchanged is not built again. tsx stays the development tool (tests, scripts).
//
//   node scripts/bundle.mjs [server|start|browser …] [--force] [--out <dir>]
//
// Native and large runtime dependencies (better-sqlite3, esbuild) stay external, loaded from node_modules.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(ROOT, 'build');

/** Browser pages built from src/ui: the dashboard panel, the contact-page modal, and the local mode's simulator. */
export const BROWSER_ENTRIES = {
  dashboard: 'src/ui/browser/dashboard-page.tsx',
  contact: 'src/ui/browser/contact-page.tsx',
  simulator: 'src/ui/browser/simulator-page.tsx',
};

const nodeTarget = (entry, outfile) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Whitespace and syntax only: names stay as written, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['better-sqlite3', 'esbuild'],
  // CommonJS dependencies bundled into an ES module still call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // The bundled server reads the browser bundle this step wrote beside it instead of building it again.
  define: { __PREBUILT_BROWSER_DIR__: JSON.stringify('../browser') },
});

/**
 * The same as CommonJS, for scripts/code-cache.mjs: Node 20 can keep V8's compiled code of a script (vm.Script),
 * not of an ES module, so a start no longer compiles the server's bundle again. `import.meta.url` becomes the bundle
 * file's URL.
 */
const commonJsTarget = (entry, outfile) => {
  const target = nodeTarget(entry, outfile);
  return {
    ...target,
    format: 'cjs',
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...target.define, 'import.meta.url': '__importMetaUrl' },
  };
};

/** What each target is: esbuild options, its entry files named relative to the out folder. */
export const TARGETS = {
  server: commonJsTarget('src/server/main.ts', 'server/main.cjs'),
  start: nodeTarget('scripts/start.ts', 'local/start.js'),
  browser: {
    entryPoints: BROWSER_ENTRIES,
    outdir: 'browser',
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.png': 'dataurl', '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
  },
};

/** Files whose change makes every bundle stale: this script, and node_modules (npm rewrites its lock on install). */
const ALWAYS = ['scripts/bundle.mjs', 'node_modules/.package-lock.json', 'package-lock.json'];

const stampPath = (out, target) => path.join(out, `${target}.stamp.json`);
const fingerprint = (file) => {
  try {
    const { mtimeMs, size } = statSync(path.join(ROOT, file));
    return `${mtimeMs}:${size}`;
  } catch {
    return 'missing';
  }
};

/** Whether `target`'s outputs in `out` were built from the sources as they are now. */
export function isFresh(target, out = DEFAULT_OUT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath(out, target), 'utf8'));
  } catch {
    return false;
  }
  for (const [file, print] of Object.entries(stamp.inputs)) if (fingerprint(file) !== print) return false;
  return stamp.outputs.every((file) => fingerprint(path.relative(ROOT, path.join(out, file))) !== 'missing');
}

/**
 * Builds `target` into `out` unless it is fresh; returns the output files' paths. Each file is written beside its
 * place and renamed over it, and the stamp last, so a process reading the bundle while another builds it sees
 * whole files (two builds of the same sources write the same bytes).
 */
export async function ensureBundled(target, { out = DEFAULT_OUT, force = false } = {}) {
  if (!force && isFresh(target, out)) return readStamp(target, out).outputs.map((file) => path.join(out, file));
  const esbuild = await import('esbuild');
  const options = TARGETS[target];
  if (!options) throw new Error(`no bundle target "${target}" (targets: ${Object.keys(TARGETS).join(', ')})`);
  const result = await esbuild.build({
    ...options,
    ...(options.outfile ? { outfile: path.join(out, options.outfile) } : { outdir: path.join(out, options.outdir) }),
    absWorkingDir: ROOT,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.fromEntries([...ALWAYS, ...Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules/'))]
    .map((file) => [file, fingerprint(file)]));
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const outputs = result.outputFiles.map((file) => path.relative(out, file.path));
  const temporary = `${stampPath(out, target)}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ builtAt: new Date().toISOString(), outputs, inputs }, null, 1));
  renameSync(temporary, stampPath(out, target));
  return result.outputFiles.map((file) => file.path);
}

function readStamp(target, out) {
  return JSON.parse(readFileSync(stampPath(out, target), 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : DEFAULT_OUT;
  const targets = args.filter((arg, i) => !arg.startsWith('--') && i !== outAt + 1);
  const force = args.includes('--force');
  try {
    for (const target of targets.length > 0 ? targets : Object.keys(TARGETS)) {
      const started = performance.now();
      const fresh = !force && isFresh(target, out);
      await ensureBundled(target, { out, force });
      console.log(`bundle: ${target} ${fresh ? 'up to date' : `built in ${Math.round(performance.now() - started)} ms`} → ${path.relative(ROOT, out) || '.'}/`);
    }
  } catch (error) {
    console.error(`bundle: ${error.message}`);
    process.exit(1);
  }
}
