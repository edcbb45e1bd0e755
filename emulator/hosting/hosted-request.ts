/** One sub-request the worker made while serving a request (every fetch counts, as on Wix hosting). */
export interface SubRequestRecord {
  method: string;
  /** Host and path, no query: `www.wixapis.com/wix-data/v2/items/query`. */
  path: string;
  /** The HTTP status the worker got; absent when the fetch threw (the cap, or no answer). */
  status?: number;
  /** Set on the fetch the cap refused. */
  refused?: true;
}

/** A limit Wix hosting enforces that this request went past. */
export interface LimitViolation {
  limit: 'subrequests' | 'cpu';
  message: string;
}

/** What the harness recorded for one request the built worker served. */
export interface HostedRequestRecord {
  id: number;
  /** The webhook's event type (its slug in the manifest), or `METHOD /route` for everything else. */
  kind: string;
  method: string;
  path: string;
  /** Which isolate served it (0 unless the harness runs several). */
  isolate: number;
  /** For a webhook: the event inside the JWT (read, not verified: the worker verifies). */
  event?: { eventId: string; eventType: string; instanceId: string };
  startedAt: string;
  /** The worker's answer; absent while it runs, 0 when it threw. */
  status?: number;
  /** From the request to the worker's answer. */
  wallMs?: number;
  /** Time on the CPU running this request's own code (its slices of the event loop), background work included. */
  cpuMs: number;
  subrequests: SubRequestRecord[];
  violations: LimitViolation[];
  /** True once the answer is out and every `waitUntil` task (telemetry flushes) has settled. */
  settled: boolean;
}

/** The live state of a request while it runs: its record and the work it handed to `waitUntil`. */
export interface RequestScope {
  record: HostedRequestRecord;
  subrequestLimit: number;
  cpuLimitMs: number;
  /** Where `https://www.wixapis.com` goes for this request. */
  emulatorUrl: string;
  background: Promise<unknown>[];
}
