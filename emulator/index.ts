import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenIssuer } from './auth/token-issuer.js';
import { FaultInjector } from './gateway/faults.js';
import { RateLimiter } from './gateway/rate-limit.js';
import { createGateway } from './http/gateway.js';
import { contactsRoutes } from './api/contacts-routes.js';
import { controlRoutes } from './api/control-routes.js';
import { dataRoutes } from './api/data-routes.js';
import { inboxRoutes } from './api/inbox-routes.js';
import { membersRoutes } from './api/members-routes.js';
import { platformRoutes, type TelemetryRecord } from './api/platform-routes.js';
import { createDrivingApi } from './scenario/driving-api.js';
import { World } from './state/world.js';
import { systemClock } from './util/clock.js';
import { newGuid, newOpaqueToken } from './util/ids.js';
import { signingKeys } from './util/keys.js';
import { stderrLogger } from './util/logger.js';
import { WebhookDelivery } from './webhooks/delivery.js';
import type { EmittedEvent } from './webhooks/domain-events.js';
import { createWebhookSigner } from './webhooks/signer.js';
import type { Emulator, EmulatorApp, EmulatorOptions } from './emulator-types.js';

export type { Emulator, EmulatorApp, EmulatorOptions } from './emulator-types.js';
export { createManualClock, type Clock, type ManualClock } from './util/clock.js';
export { WIX_RETRY_SCHEDULE_MS, type DeliveryRecord, type DeliverySettings } from './webhooks/delivery-settings.js';
export { CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS, type EmittedEvent } from './webhooks/domain-events.js';
export type { FaultSpec } from './gateway/faults.js';
export type { TelemetryRecord } from './api/platform-routes.js';
export type { SubjectType, TokenInfo } from './auth/token-issuer.js';
export { silentLogger, stderrLogger, type Logger } from './util/logger.js';

/** Starts the local Wix platform: REST API, OAuth, webhooks, and the driving API. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? stderrLogger;
  const keys = signingKeys(options.app?.privateKeyPem);
  const app: EmulatorApp = {
    appId: options.app?.appId ?? newGuid(),
    appSecret: options.app?.appSecret ?? newOpaqueToken('secret'),
    ...keys,
  };
  const world = new World(clock);
  const issuer = new TokenIssuer(clock, options.tokenTtlSeconds ?? 4 * 60 * 60);
  const faults = new FaultInjector();
  const rateLimiter = new RateLimiter(clock, options.rateLimitPerMinute ?? 200);
  let webhookUrl = options.webhookUrl;
  let webhookUrls: Record<string, string> | undefined;
  const sign = createWebhookSigner(app.appId, app.privateKey, clock);
  const delivery = new WebhookDelivery({
    sign, webhookUrl: (eventType) => (webhookUrls ? webhookUrls[eventType] : webhookUrl), log, clock,
  });
  const telemetry: TelemetryRecord[] = [];
  if (options.delivery) delivery.set(options.delivery);
  const events: EmittedEvent[] = [];
  const driving = createDrivingApi({
    world,
    clock,
    emit: (event) => {
      events.push(event);
      delivery.enqueue(event);
    },
  });

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  const emulator: Emulator = {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    app,
    clock,
    setWebhookUrl: (url) => {
      webhookUrl = url;
      webhookUrls = undefined;
    },
    setWebhookUrls: (byEventType) => {
      webhookUrls = byEventType ? { ...byEventType } : undefined;
    },
    issueToken: (instanceId, subject) => {
      const { site } = world.site(instanceId);
      const subjectId = subject.subjectId ?? newGuid();
      return issuer.issue({ appId: app.appId, instanceId },
        { subjectType: subject.subjectType, subjectId, siteId: site.siteId }).access_token;
    },
    telemetry: () => [...telemetry],
    close: async () => {
      delivery.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    ...driving,
    webhooks: {
      settled: () => delivery.settled(),
      deliveries: () => [...delivery.records],
      events: () => [...events],
      sign: (event, signOptions) => sign(event, signOptions),
    },
    delivery: { set: (changes) => delivery.set(changes), get: () => delivery.get() },
    faults: { add: (spec) => faults.add(spec), clear: () => faults.clear(), list: () => faults.list() },
    rateLimit: { set: (perMinute) => rateLimiter.setLimit(perMinute) },
  };

  const apiDeps = { world, clock };
  server.on('request', createGateway({
    apiRoutes: [...inboxRoutes(apiDeps), ...contactsRoutes(apiDeps), ...membersRoutes(apiDeps), ...dataRoutes(apiDeps)],
    platformRoutes: platformRoutes({ app, world, issuer, clock, telemetry }),
    controlRoutes: controlRoutes(emulator),
    issuer,
    faults,
    rateLimiter,
    log,
  }));
  return emulator;
}
