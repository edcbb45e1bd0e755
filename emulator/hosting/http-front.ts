import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The worker's front door over HTTP: each Node request becomes a Web Request for `handle`, and back. */
export async function startHttpFront(handle: (request: Request) => Promise<Response>, port = 0, host = '127.0.0.1'):
Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => void serve(req, res, handle, url));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url, server };
}

async function serve(req: IncomingMessage, res: ServerResponse, handle: (request: Request) => Promise<Response>,
  origin: string): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
    const response = await handle(new Request(new URL(req.url ?? '/', origin), { method, headers, body }));
    const payload = Buffer.from(await response.arrayBuffer());
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outHeaders[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) outHeaders['set-cookie'] = cookies;
    res.writeHead(response.status, { ...outHeaders, 'content-length': payload.length });
    res.end(payload);
  } catch (error) {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`hosted harness: ${String(error)}`);
  }
}
