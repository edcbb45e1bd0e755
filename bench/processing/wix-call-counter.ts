import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WixCallCounter {
  /** Where the server under test sends its Wix calls (forwarded to the emulator). */
  url: string;
  /** Calls since the last reset (the token endpoint included). */
  readonly calls: number;
  /** The same, by method and path (IDs dropped): what the calls were. */
  byRoute(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

/** A counting pass-through in front of the emulator: every Wix call of a server in another process, counted. */
export async function startWixCallCounter(emulatorUrl: string): Promise<WixCallCounter> {
  const target = new URL(emulatorUrl);
  let calls = 0;
  let routes = new Map<string, number>();
  const server = createServer((req, res) => {
    calls++;
    const route = `${req.method} ${(req.url ?? '').split('?')[0]!.split('/').slice(0, 4).join('/')}`;
    routes.set(route, (routes.get(route) ?? 0) + 1);
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get calls() {
      return calls;
    },
    byRoute: () => Object.fromEntries(routes),
    reset() {
      calls = 0;
      routes = new Map();
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
