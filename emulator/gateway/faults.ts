import { WixError } from '../http/wix-error.js';

/** A fault to inject into matching API requests, `times` times. */
export interface FaultSpec {
  method?: string;
  /** Exact path, path prefix, or a RegExp tested against the path (no query string). */
  path?: string | RegExp;
  /**
   * Answer with this status instead of serving the request; omit to only slow it down. 404 plays an endpoint this
   * Wix environment does not offer (e.g. a Developer Preview API).
   */
  status?: 404 | 429 | 500 | 502 | 503 | 504;
  /**
   * Serve the request first (Wix commits it), THEN fail the answer: with `status`, or by dropping the connection
   * when no status is given — the caller cannot tell that its write happened.
   */
  afterServe?: boolean;
  retryAfterSeconds?: number;
  /** Wait this long before answering (or before serving, when no status; after serving, with `afterServe`). */
  delayMs?: number;
  /** How many matching requests the fault applies to (default 1). */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
  hits: number;
}

const REASONS: Record<number, string> = {
  404: 'Not Found (injected fault)',
  429: 'Too Many Requests (injected fault)',
  500: 'Internal Server Error (injected fault)',
  502: 'Bad Gateway (injected fault)',
  503: 'Service Unavailable (injected fault)',
  504: 'Gateway Timeout (injected fault)',
};

/** Faults on demand: errors, Retry-After and slow answers for chosen routes. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1, hits: 0 };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  /**
   * Applies the first fault matching the request: waits, then throws the injected error if any. An `afterServe`
   * fault is only taken here and returned: the gateway serves the request, then calls `failAnswer` with it.
   */
  async apply(method: string, path: string): Promise<ActiveFault | undefined> {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f, method, path));
    if (!fault) return undefined;
    fault.remaining--;
    fault.hits++;
    if (fault.afterServe) return fault;
    await this.failAnswer(fault);
    return undefined;
  }

  /** Waits the fault's delay, then throws its error (a fault without a status only slows the answer down). */
  async failAnswer(fault: ActiveFault): Promise<void> {
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (!fault.status) return;
    const headers: Record<string, string> = fault.retryAfterSeconds !== undefined
      ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    const code = fault.status === 429 ? 'TOO_MANY_REQUESTS' : fault.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
    throw new WixError(fault.status, code, REASONS[fault.status] ?? 'Injected fault', { faultId: fault.id }, undefined,
      headers);
  }
}

function matches(fault: FaultSpec, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  if (fault.path instanceof RegExp) return fault.path.test(path);
  return path === fault.path || path.startsWith(fault.path.endsWith('/') ? fault.path : `${fault.path}/`);
}
