import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { httpFetch } from '../../../src/wix/http-fetch.js';
import { isRetryable, statusOf } from '../../../src/wix/retry.js';

/** The transport under the self-hosted server's SDK clients, against a real HTTP server on a free port. */
let server: Server | undefined;
const sockets = new Set<Socket>();

async function serve(handle: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, body, res));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

it('sends the method, headers and body, and answers a real Response with status, headers and JSON', async () => {
  const url = await serve((req, body, res) => {
    res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-wix-request-id': 'r-1' });
    res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body: JSON.parse(body) }));
  });
  const response = await httpFetch()(`${url}/contacts/v4/contacts`, {
    method: 'POST', headers: { authorization: 'token-1', 'content-type': 'application/json' }, body: JSON.stringify({ a: 1 }),
  });
  expect(response).toBeInstanceOf(Response);
  expect([response.status, response.statusText, response.ok]).toEqual([201, 'Made', true]);
  expect(response.headers.get('X-Wix-Request-Id')).toBe('r-1');
  expect(await response.json()).toEqual({ method: 'POST', auth: 'token-1', body: { a: 1 } });
});

it('decodes a gzip answer, and answers 204 with no body', async () => {
  const url = await serve((req, _body, res) => {
    if (req.url === '/empty') return void res.writeHead(204).end();
    res.writeHead(429, { 'content-encoding': 'gzip', 'retry-after': '3' });
    res.end(gzipSync(JSON.stringify({ message: 'slow down' })));
  });
  const fetch = httpFetch();
  const limited = await fetch(`${url}/x`, {});
  expect([limited.status, limited.headers.get('retry-after'), limited.headers.get('content-encoding')]).toEqual([429, '3', null]);
  expect(await limited.json()).toEqual({ message: 'slow down' });
  const empty = await fetch(`${url}/empty`, { method: 'DELETE' });
  expect([empty.status, await empty.text()]).toEqual([204, '']);
});

it('abandons a call whose answer does not end within the timeout, as a retryable failure with no status', async () => {
  const url = await serve((_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"half":'); // and never the rest
  });
  const started = performance.now();
  const failure = await httpFetch({ timeoutMs: 200 })(`${url}/slow`, {}).catch((error: unknown) => error);
  expect(performance.now() - started).toBeLessThan(2000);
  expect((failure as Error).name).toBe('TimeoutError');
  expect(statusOf(failure)).toBeUndefined();
  expect(isRetryable(failure)).toBe(true);
});

it('stops when the caller aborts, and reports an unreachable server as fetch does', async () => {
  const url = await serve(() => {}); // never answers
  const controller = new AbortController();
  const call = httpFetch()(`${url}/hang`, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  const refused = await httpFetch()('http://127.0.0.1:9/oauth2/token', { method: 'POST', body: '{}' }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(TypeError);
  expect(String((refused as Error).cause)).toMatch(/ECONNREFUSED/);
});

it('keeps at most maxSockets connections to an origin, however many calls are in flight', async () => {
  const url = await serve((_req, _body, res) => setTimeout(() => res.end('{}'), 5));
  const fetch = httpFetch({ maxSockets: 4 });
  let most = 0;
  const answers = await Promise.all(Array.from({ length: 40 }, async () => {
    const response = await fetch(`${url}/x`, {});
    most = Math.max(most, sockets.size);
    return response.status;
  }));
  expect(answers.every((status) => status === 200)).toBe(true);
  expect(most).toBeLessThanOrEqual(4);
});
