import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repositoryRoot } from './repository-root.js';

/** One built browser file, kept in memory and served as is. */
export interface BundleFile {
  contentType: string;
  body: Uint8Array;
}

/**
 * Set by scripts/bundle.mjs in the compiled server and local mode: where (beside the compiled file) the browser
 * bundle built in the same step is. Absent when running from source (tsx, tests).
 */
declare const __PREBUILT_BROWSER_DIR__: string | undefined;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
let loading: Promise<Map<string, BundleFile>> | undefined;

/**
 * The UI bundled for the browser (esbuild; entries in scripts/bundle.mjs), read once per process and kept in
 * memory. It is built ahead into build/browser (gitignored) and rebuilt only when its sources change (a few
 * seconds), so a fresh clone serves the dashboard from its own sources and nothing built is committed. Files are
 * keyed by name (`dashboard.js`, `dashboard.css`, `contact.js`, …).
 */
export function dashboardBundle(): Promise<Map<string, BundleFile>> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Map<string, BundleFile>> {
  const files = typeof __PREBUILT_BROWSER_DIR__ === 'string' ? await prebuilt(__PREBUILT_BROWSER_DIR__) : await fromSource();
  const bundle = new Map<string, BundleFile>();
  await Promise.all(files.map(async (file) => {
    const name = path.basename(file);
    bundle.set(name, { contentType: TYPES[path.extname(name)] ?? 'application/octet-stream', body: await readFile(file) });
  }));
  return bundle;
}

/** From source (tsx, tests): scripts/bundle.mjs builds build/browser when its sources changed, else reuses it. */
async function fromSource(): Promise<string[]> {
  // Imported by its path, not bundled into the compiled server (which never takes this branch).
  const script = pathToFileURL(path.join(repositoryRoot(), 'scripts', 'bundle.mjs')).href;
  const { ensureBundled } = (await import(script)) as typeof import('../../scripts/bundle.mjs');
  return ensureBundled('browser');
}

/** The compiled server's browser files: scripts/launch.mjs bundles them with it. */
async function prebuilt(relative: string): Promise<string[]> {
  const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), relative);
  try {
    return (await readdir(folder)).filter((name) => !name.endsWith('.tmp')).map((name) => path.join(folder, name));
  } catch {
    throw new Error(`No browser bundle in ${folder}: run \`node scripts/bundle.mjs browser\` (npm run serve does it)`);
  }
}
