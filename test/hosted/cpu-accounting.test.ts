import { describe, expect, it } from 'vitest';
import type { RequestScope } from '../../emulator/hosting/hosted-request.js';
import { runInScope, trackCpu } from '../../emulator/hosting/request-scope.js';

const scopeNamed = (kind: string): RequestScope => ({
  record: { id: 0, kind, method: 'GET', path: '/', isolate: 0, startedAt: '', cpuMs: 0, subrequests: [], violations: [], settled: false },
  subrequestLimit: 20, cpuLimitMs: 1000, emulatorUrl: '', background: [],
});

const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* busy: CPU time */ }
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('CPU per request', () => {
  it('charges each request the CPU of its own callbacks and continuations, not the waits, not the others\'', async () => {
    const stop = trackCpu();
    try {
      const busy = scopeNamed('busy');
      const idle = scopeNamed('idle');
      const work = runInScope(busy, async () => {
        spin(30); // the synchronous start
        await tick();
        spin(30); // a promise continuation
        await new Promise<void>((resolve) => setTimeout(() => {
          spin(30); // a timer callback
          resolve();
        }, 5));
      });
      const waiting = runInScope(idle, async () => {
        for (let i = 0; i < 5; i++) await tick(); // waits only
      });
      spin(200); // outside any request: counted nowhere
      await Promise.all([work, waiting]);
      expect(busy.record.cpuMs).toBeGreaterThan(45); // 90 ms spun by the wall clock; a busy machine may take some
      expect(busy.record.cpuMs).toBeLessThan(150);
      expect(idle.record.cpuMs).toBeLessThan(10);
    } finally {
      stop();
    }
  });
});
