import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyInstanceToken } from '../api/instance-token.js';
import { listConversations } from '../api/list-conversations.js';
import type { Clock, Directory, Store } from '../core/ports.js';
import { journalEvent } from '../services/event-journal.js';
import { createEventWorker, type EventWorker } from '../services/event-worker.js';
import { readBody, router, sendJson } from './http.js';
import { createWebhookReceiver } from './webhook-receiver.js';

export interface ServerAppOptions {
  appId: string;
  appSecret: string;
  publicKey: string;
  store: Store;
  directory: Directory;
  clock?: Clock;
  log?: (message: string) => void;
  pollMs?: number;
}

export interface ServerApp {
  server: Server;
  worker: EventWorker;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The self-hosted host: webhooks in (answered as soon as the event is in the journal, processed after),
 * the dashboard API, and a health check.
 */
export function createServerApp(options: ServerAppOptions): ServerApp {
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? ((message: string) => console.log(message));
  const { store } = options;
  const worker = createEventWorker({ store, directory: options.directory, clock }, {
    pollMs: options.pollMs,
    onError: (error) => log(`event worker: ${error instanceof Error ? error.message : String(error)}`),
  });
  const receiver = createWebhookReceiver({
    appId: options.appId,
    publicKey: options.publicKey,
    clock,
    onEvent: (event) => journalEvent(store, clock, event),
  });
  const siteOf = (req: IncomingMessage, url: URL) =>
    verifyInstanceToken(req.headers.authorization ?? url.searchParams.get('instance'), options.appSecret, options.appId).instanceId;

  const handle = router({
    'POST /webhooks': async (req, res) => {
      const outcome = await receiver.receive(await readBody(req));
      sendJson(res, 200, { result: outcome.result });
      if (outcome.result === 'processed') worker.kick();
    },
    'GET /healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    'GET /api/conversations': async (req, res, url) => {
      sendJson(res, 200, await listConversations(store, siteOf(req, url), url.searchParams));
    },
  }, log);
  const server = createServer((req, res) => void handle(req, res));

  return {
    server,
    worker,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
      worker.start();
      return `http://${host}:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
    },
  };
}
