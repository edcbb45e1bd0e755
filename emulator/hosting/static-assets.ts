import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain',
};

/** The `ASSETS` binding: the built static files under dist/ (never the worker's own code), 404 otherwise. */
export function staticAssets(distDir: string): { fetch(input: string | Request): Promise<Response> } {
  return {
    async fetch(input) {
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(typeof input === 'string' ? input : input.url).pathname);
      } catch {
        return new Response('Not found', { status: 404 }); // malformed percent-encoding names no file
      }
      const file = normalize(join(distDir, pathname));
      const inside = file.startsWith(distDir + sep) && !file.startsWith(join(distDir, '_worker.js'));
      if (inside && (await stat(file).catch(() => undefined))?.isFile()) {
        return new Response(await readFile(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
      }
      return new Response('Not found', { status: 404 });
    },
  };
}
