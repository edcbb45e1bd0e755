import { startSimulatorServer } from '../src/local/simulator-server.js';
import { silentLogger, startEmulator, type Emulator } from '../emulator/index.js';
import type { HostedRequestRecord } from '../emulator/hosting/hosted-request.js';
import { startHostedWorker, type HostedWorker } from '../emulator/hosting/hosted-worker.js';
import { hostedApp } from '../emulator/hosting/worker-runtime.js';

export interface HostedLocalMode {
  emulator: Emulator;
  hosted: HostedWorker;
  instanceId: string;
  /** A dashboard user's token for the demo site: `Authorization` for `${hosted.url}/api/...`. */
  userToken: string;
  simulatorUrl: string;
  close(): Promise<void>;
}

/**
 * `npm start -- --hosted`: the emulator, the BUILT worker (dist/) behind the hosting harness with Wix's limits,
 * and the simulator page; a demo site with a few people who wrote just now. Each request the worker serves is
 * printed with its sub-requests and CPU, so the limits show as you play.
 */
export async function startHostedLocalMode(options: { emulatorPort?: number; workerPort?: number; simulatorPort?: number;
  print?: (line: string) => void } = {}): Promise<HostedLocalMode> {
  const print = options.print ?? console.log;
  const emulator = await startEmulator({ app: hostedApp(), port: options.emulatorPort ?? 0, log: silentLogger });
  const hosted = await startHostedWorker({ emulator, port: options.workerPort ?? 0, onRequest: (r) => print(describe(r)) });
  const site = emulator.createSite({ businessName: 'Casa Azul Bakery', timeZone: 'Europe/Lisbon' });
  const simulator = await startSimulatorServer(emulator.url, options.simulatorPort ?? 0);
  const ana = emulator.visitorSends(site.instanceId, { text: 'Hi! Do you bake gluten-free bread?' });
  emulator.identifyVisitor(site.instanceId, ana.visitorId, { firstName: 'Ana', lastName: 'Lima', email: 'ana@example.pt' });
  emulator.visitorSends(site.instanceId, { text: 'Are you open on Sunday?' });
  await firstAttempts(emulator);
  await hosted.settled();
  return {
    emulator,
    hosted,
    instanceId: site.instanceId,
    userToken: emulator.issueToken(site.instanceId, { subjectType: 'USER' }),
    simulatorUrl: `${simulator.url}/?site=${encodeURIComponent(site.instanceId)}`,
    async close() {
      await simulator.close();
      await hosted.close();
      await emulator.close();
    },
  };
}

function describe(record: HostedRequestRecord): string {
  const limits = record.violations.map((v) => `  ⚠ ${v.message}`).join('\n');
  return `[worker] ${record.kind} → ${record.status}: ${record.subrequests.length} sub-requests, ` +
    `${record.cpuMs.toFixed(0)} CPU ms, ${(record.wallMs ?? 0).toFixed(0)} ms${limits ? `\n${limits}` : ''}`;
}

/** Waits until every event emitted so far has had its first delivery (Wix's resends come minutes later). */
async function firstAttempts(emulator: Emulator, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = () => {
    const attempted = new Set(emulator.webhooks.deliveries().map((d) => d.eventId));
    return emulator.webhooks.events().some((e) => !attempted.has(e.eventId));
  };
  while (pending() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
