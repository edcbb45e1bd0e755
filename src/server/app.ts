import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UnauthorizedError } from '../api/errors.js';
import { verifyInstanceToken } from '../api/instance-token.js';
import { conversationTimeline } from '../api/conversation-timeline.js';
import { businessNameFromInbox, dryRun } from '../api/dry-run.js';
import { contactConversations } from '../api/contact-conversations.js';
import { listConversationsJson } from '../api/list-conversations.js';
import { readSettings, writeSettings } from '../api/settings.js';
import { conversationStats } from '../api/stats.js';
import { conversionFunnel } from '../api/funnel.js';
import type { Clock, Directory, Inbox, Store } from '../core/ports.js';
import { journalEntryOf } from '../services/event-journal.js';
import { journalPruner } from '../services/journal-pruner.js';
import { createEventWorker, type EventWorker } from '../services/event-worker.js';
import { dashboardRoutes } from './dashboard-route.js';
import { setSecurityHeaders } from './security-headers.js';
import { noteOnRequest, readBody, readJson, router, sendJson, sendJsonText } from './http.js';
import { createLogger, errorField, type LogSink, type Logger } from './logger.js';
import { createWebhookReceiver } from './webhook-receiver.js';

export interface ServerAppOptions {
  appId: string;
  appSecret: string;
  publicKey: string;
  store: Store;
  directory: Directory;
  /** Wix Inbox, for auto-replies. */
  inbox: Inbox;
  clock?: Clock;
  /** Where the JSON log lines go (one a line); stdout when absent. Ignored when `logger` is given. */
  log?: LogSink;
  /** A pino logger of the host's own. */
  logger?: Logger;
  pollMs?: number;
  /** App Removed: after the site's data is deleted, the host drops what it keeps in memory for it (its SDK client). */
  onSiteRemoved?: (instanceId: string) => void;
}

export interface ShutdownOptions {
  /** How long in-flight requests and the worker's events in hand may take before they are cut (default 5 s). */
  graceMs?: number;
}

export interface ServerApp {
  server: Server;
  worker: EventWorker;
  listen(port: number, host?: string): Promise<string>;
  /** Closes the listener, then waits for in-flight requests and lets the worker drain its lanes. */
  close(): Promise<void>;
  /**
   * SIGTERM: stops taking requests at once (the listener closes; a request on a kept-alive connection gets 503),
   * lets in-flight requests and the events in hand finish within `graceMs`, then cuts every connection left (slow
   * clients) and leaves unfinished events in the journal, due, for the next start.
   */
  shutdown(options?: ShutdownOptions): Promise<void>;
}

/**
 * The self-hosted host: webhooks in (answered as soon as the event is in the journal, processed after),
 * the dashboard API, and a health check.
 */
export function createServerApp(options: ServerAppOptions): ServerApp {
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.logger ?? createLogger(options.log);
  const { store } = options;
  const worker = createEventWorker({ store, directory: options.directory, inbox: options.inbox, clock }, {
    pollMs: options.pollMs,
    onError: (error) => log.error({ event: 'worker-error', err: errorField(error) }, 'event worker'),
  });
  const receiver = createWebhookReceiver({
    appId: options.appId,
    publicKey: options.publicKey,
    clock,
    onEvent: async (event) => {
      const entry = journalEntryOf(event, clock);
      const result = await store.addEvent(entry);
      if (result === 'added') worker.offer(entry);
      return result;
    },
    onAppRemoved: async (instanceId) => {
      await store.deleteSite(instanceId);
      options.onSiteRemoved?.(instanceId);
      log.info({ event: 'app-removed', instanceId }, 'site data deleted');
      // An event of the site in hand right now may still write: delete again once it has ended.
      void worker.dropSite(instanceId).then(() => store.deleteSite(instanceId)).catch((error) =>
        log.error({ event: 'app-removed-error', instanceId, err: errorField(error) }, 'deleting site data'));
    },
  });
  const pruner = journalPruner(store, clock, {
    onError: (error) => log.error({ event: 'prune-error', err: errorField(error) }, 'journal pruning'),
  });
  let shuttingDown = false;
  // Instance tokens are dated by Wix's wall clock, so their age is checked against the real time, not `clock`.
  const siteOf = (req: IncomingMessage, url: URL) => {
    const { instanceId } = verifyInstanceToken(req.headers.authorization ?? url.searchParams.get('instance'), options.appSecret, options.appId);
    noteOnRequest(req, { instanceId });
    return instanceId;
  };
  const verifyPageToken = (req: IncomingMessage, url: URL) => {
    const token = url.searchParams.get('instance');
    if (!token) throw new UnauthorizedError('Open the panel from the Wix dashboard: this page needs the ?instance= token Wix adds');
    noteOnRequest(req, { instanceId: verifyInstanceToken(token, options.appSecret, options.appId).instanceId });
  };
  const siteBusinessName = businessNameFromInbox(() => store, options.inbox);

  const handle = router({
    'POST /webhooks': async (req, res) => {
      const outcome = await receiver.receive(await readBody(req));
      noteOnRequest(req, { instanceId: outcome.instanceId, eventId: outcome.eventId, eventType: outcome.eventType, result: outcome.result });
      // A new event was handed to its site's lane when journaled (worker.offer): no poll of the journal here.
      sendJson(res, 200, { result: outcome.result });
    },
    'GET /healthz': async (_req, res) => sendJson(res, 200, { status: 'ok' }),
    ...dashboardRoutes(verifyPageToken),
    'GET /api/conversations': async (req, res, url) => {
      sendJsonText(res, 200, await listConversationsJson(store, siteOf(req, url), url.searchParams));
    },
    'GET /api/conversations/:conversationId': async (req, res, url, params) => {
      sendJson(res, 200, await conversationTimeline(store, siteOf(req, url), params.conversationId!, url.searchParams));
    },
    'GET /api/settings': async (req, res, url) => sendJson(res, 200, await readSettings(store, siteOf(req, url))),
    'PUT /api/settings': async (req, res, url) => {
      const instanceId = siteOf(req, url);
      sendJson(res, 200, await writeSettings(store, instanceId, await readJson(req)));
    },
    'POST /api/settings/dry-run': async (req, res, url) => {
      const instanceId = siteOf(req, url);
      sendJson(res, 200, await dryRun(store, instanceId, await readJson(req), clock.now(), siteBusinessName));
    },
    'GET /api/contact-conversations': async (req, res, url) =>
      sendJson(res, 200, await contactConversations(store, siteOf(req, url), url.searchParams)),
    'GET /api/stats': async (req, res, url) => sendJson(res, 200, await conversationStats(store, siteOf(req, url), url.searchParams, clock.now())),
    'GET /api/funnel': async (req, res, url) => sendJson(res, 200, await conversionFunnel(store, siteOf(req, url), url.searchParams, clock.now())),
  }, log);
  const server = createServer((req, res) => {
    if (shuttingDown) {
      setSecurityHeaders(res);
      res.setHeader('connection', 'close');
      sendJson(res, 503, { error: { code: 'SHUTTING_DOWN', message: 'The server is restarting: try again in a few seconds' } });
      return;
    }
    void handle(req, res);
  });

  return {
    server,
    worker,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
      worker.start();
      pruner.start();
      return `http://${host}:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pruner.stop();
      await worker.stop();
    },
    async shutdown(shutdownOptions = {}) {
      const graceMs = shutdownOptions.graceMs ?? 5000;
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let cut: NodeJS.Timeout | undefined;
      await Promise.all([
        Promise.race([closed, new Promise<void>((resolve) => (cut = setTimeout(resolve, graceMs)))]).then(() => {
          clearTimeout(cut);
          server.closeAllConnections();
        }),
        pruner.stop(),
        worker.stop({ graceMs }),
      ]);
      await closed;
    },
  };
}
