import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { timedFetch, WIX_CALL_TIMEOUT_MS } from './timed-fetch.js';

/** Connections kept to one origin at most (the event worker runs 64 lanes, each one call at a time). */
export const MAX_SOCKETS_PER_ORIGIN = 64;
/** Idle kept-alive connections to one origin at most; an idle one is closed after IDLE_SOCKET_MS. */
const MAX_FREE_SOCKETS = 16;
const IDLE_SOCKET_MS = 15_000;

export interface HttpFetchOptions {
  /** The call, answer body included, is abandoned after this long (a TimeoutError: no status, so retryable). */
  timeoutMs?: number;
  maxSockets?: number;
}

const NULL_BODY = new Set([101, 204, 205, 304]);
const DECODERS: Record<string, (body: Buffer, done: (error: Error | null, result: Buffer) => void) => void> = {
  gzip: gunzip, 'x-gzip': gunzip, deflate: inflate, br: brotliDecompress,
};

/**
 * The fetch under the self-hosted server's SDK clients: node:http(s) with one bounded keep-alive pool per
 * protocol, the answer read whole (a Wix answer is a small JSON document) and handed over as a real Response.
 * The global fetch allocates ~30 kB per call (request clone and body tee, streams, timing entries, an
 * AbortSignal.timeout timer that lives 10 s whatever the call takes); a call in flight across two scavenges is
 * promoted, so with a new site in every event that garbage set the heap's size. This one allocates a fraction,
 * clears its timer when the answer ends, and keeps at most `maxSockets` connections to an origin (the global
 * fetch opened one per call in flight, without bound).
 *
 * What it does not take (a Request as input, a body other than text or bytes) goes to the global fetch, under
 * the same timeout.
 */
export function httpFetch(options: HttpFetchOptions = {}): typeof fetch {
  const timeoutMs = options.timeoutMs ?? WIX_CALL_TIMEOUT_MS;
  const pool = { maxSockets: options.maxSockets ?? MAX_SOCKETS_PER_ORIGIN, maxFreeSockets: MAX_FREE_SOCKETS, timeout: IDLE_SOCKET_MS };
  const agents = { http: new HttpAgent({ keepAlive: true, ...pool }), https: new HttpsAgent({ keepAlive: true, ...pool }) };
  const fallback = timedFetch(globalThis.fetch, timeoutMs);

  return (input, init) => {
    const body = init?.body;
    if (input instanceof Request || (body != null && typeof body !== 'string' && !(body instanceof Uint8Array))) return fallback(input, init);
    const url = typeof input === 'string' ? new URL(input) : input;
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') return fallback(input, init);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, response?: Response) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) {
          req.destroy();
          reject(error);
        } else resolve(response!);
      };
      const onAbort = () => finish(signal!.reason);
      const timer = setTimeout(() => finish(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });

      const send = secure ? httpsRequest : httpRequest;
      const req = send(url, { method: init?.method ?? 'GET', headers: headersOf(init?.headers), agent: secure ? agents.https : agents.http }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish(new TypeError('fetch failed', { cause: error })));
        res.on('close', () => {
          if (!res.complete) finish(new TypeError('fetch failed', { cause: new Error('the connection closed before the answer ended') }));
        });
        const answer = (body: Buffer, decoded: boolean) => {
          try {
            finish(undefined, responseOf(res, body, decoded));
          } catch (error) {
            finish(new TypeError('fetch failed', { cause: error }));
          }
        };
        res.on('end', () => {
          if (settled) return;
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
          const decode = DECODERS[String(res.headers['content-encoding'] ?? '').trim().toLowerCase()];
          if (!decode || raw.length === 0) return answer(raw, false);
          decode(raw, (error, decoded) => (error ? finish(new TypeError('fetch failed', { cause: error })) : answer(decoded, true)));
        });
      });
      req.on('error', (error) => finish(new TypeError('fetch failed', { cause: error })));
      req.end(body ?? undefined);
    });
  };
}

function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers instanceof Headers ? headers.entries() : headers);
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) plain[name] = String(value);
  return plain;
}

/** The answer as a real Response (status, headers, body); a decoded body loses its encoding and length headers. */
function responseOf(res: IncomingMessage, body: Buffer, decoded: boolean): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    headers.append(name, raw[i + 1]!);
  }
  const status = res.statusCode ?? 0;
  return new Response(NULL_BODY.has(status) || body.length === 0 ? null : (body as Uint8Array as BodyInit), { status, statusText: res.statusMessage ?? '', headers });
}
