import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dashboardBundle } from '../server/dashboard-bundle.js';
import { pageHtml } from '../server/dashboard-html.js';
import { readBody } from '../server/http.js';

export interface SimulatorServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The local mode's simulator page, beside the dashboard: the page and its assets, and the emulator's driving
 * API (`/_emulator/...`) passed through on the same origin so the page can call it.
 */
export async function startSimulatorServer(emulatorUrl: string, port = 0): Promise<SimulatorServer> {
  const server = createServer((req, res) => {
    handle(req, res, emulatorUrl).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Simulator: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, emulatorUrl: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/_emulator')) {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
    const answer = await fetch(`${emulatorUrl}${url.pathname}${url.search}`, {
      method: req.method,
      headers: { 'content-type': String(req.headers['content-type'] ?? 'application/json') },
      body,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/simulator')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(pageHtml('Inbox identity — simulator', '/simulator', 'simulator'));
    return;
  }
  const file = req.method === 'GET' && url.pathname.startsWith('/simulator/')
    ? (await dashboardBundle()).get(url.pathname.slice('/simulator/'.length))
    : undefined;
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`No ${req.method} ${url.pathname} here: the simulator is at /, the emulator's API at /_emulator`);
    return;
  }
  res.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'public, max-age=300' });
  res.end(file.body);
}
