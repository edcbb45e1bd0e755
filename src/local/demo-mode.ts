import { dashboardBundle } from '../server/dashboard-bundle.js';
import { createDemoClock } from './demo-clock.js';
import { seedDemo, type DemoSite } from './demo-seed.js';
import { listenOnPort, startLocalStack, type LocalStack, type LocalStackOptions } from './local-stack.js';
import { startSimulatorServer, type SimulatorServer } from './simulator-server.js';

/** Everything `npm start` runs, and what the browser tests drive. */
export interface DemoMode {
  stack: LocalStack;
  simulator: SimulatorServer;
  site: DemoSite;
  urls: { dashboard: string; simulator: string; emulator: string; server: string };
  close(): Promise<void>;
}

/**
 * The local mode with the demo: emulator + self-hosted server (sharing a demo clock), the browser bundle built,
 * a demo site seeded, and the simulator page beside the dashboard.
 */
export async function startDemoMode(options: Omit<LocalStackOptions, 'clock'> & { simulatorPort?: number } = {}): Promise<DemoMode> {
  const clock = createDemoClock();
  const stack = await startLocalStack({ ...options, clock });
  let simulator: SimulatorServer;
  let site: DemoSite;
  try {
    simulator = await listenOnPort(options.simulatorPort ?? 0, 'SIMULATOR_PORT', 'simulator page', () => startSimulatorServer(stack.emulator.url, options.simulatorPort ?? 0));
  } catch (error) {
    await stack.close();
    throw error;
  }
  try {
    [site] = await Promise.all([seedDemo(stack, clock), dashboardBundle()]);
  } catch (error) {
    await simulator.close();
    await stack.close();
    throw error;
  }
  const simulatorPage = `${simulator.url}/?site=${encodeURIComponent(site.instanceId)}`;
  const inbox = `${simulatorPage}&conversation={conversationId}`;
  const dashboard = `${stack.serverUrl}/dashboard?instance=${encodeURIComponent(site.token)}&inbox=${encodeURIComponent(inbox)}`;
  return {
    stack,
    simulator,
    site,
    urls: { dashboard, simulator: `${simulatorPage}&dashboard=${encodeURIComponent(dashboard)}`, emulator: `${stack.emulator.url}/_emulator`, server: stack.serverUrl },
    async close() {
      await simulator.close();
      await stack.close();
    },
  };
}
