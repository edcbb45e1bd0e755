import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One built browser file, kept in memory and served as is. */
export interface BundleFile {
  contentType: string;
  body: Uint8Array;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The browser pages built from src/ui: the dashboard panel, the contact-page modal, and the local mode's simulator. */
export const BROWSER_ENTRIES = {
  dashboard: 'src/ui/browser/dashboard-page.tsx',
  contact: 'src/ui/browser/contact-page.tsx',
  simulator: 'src/ui/browser/simulator-page.tsx',
} as const;

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
let building: Promise<Map<string, BundleFile>> | undefined;

/**
 * Bundles the UI for the browser with esbuild, in memory, once per process (about two seconds): nothing is written
 * to disk or committed, so a fresh clone serves the dashboard from its own sources. Files are keyed by name
 * (`dashboard.js`, `dashboard.css`, `contact.js`, …).
 */
export function dashboardBundle(): Promise<Map<string, BundleFile>> {
  building ??= build().catch((error: unknown) => {
    building = undefined;
    throw error;
  });
  return building;
}

async function build(): Promise<Map<string, BundleFile>> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: BROWSER_ENTRIES,
    bundle: true,
    write: false,
    outdir: 'out',
    entryNames: '[name]',
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.png': 'dataurl', '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
  });
  const files = new Map<string, BundleFile>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    files.set(name, { contentType: TYPES[path.extname(name)] ?? 'application/octet-stream', body: file.contents });
  }
  return files;
}
