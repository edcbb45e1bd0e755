import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuMsOf, threadCpuMsOf } from '../../../bench/processing/child-usage.js';

/** Burns `ms` of this process's CPU time (not wall time: on a busy machine a wall-clock spin may get little of it). */
function spin(ms: number): void {
  const start = process.cpuUsage();
  const used = () => {
    const { user, system } = process.cpuUsage(start);
    return (user + system) / 1000;
  };
  while (used() < ms);
}

describe('a process\'s CPU by thread (bench/processing/child-usage.ts)', () => {
  it('puts the event loop\'s work on the main thread and a worker\'s on the others, adding up to the process', async () => {
    const before = threadCpuMsOf(process.pid);
    spin(300);
    const afterMain = threadCpuMsOf(process.pid);
    // While the worker spins, this thread only waits, so the process's CPU time is nearly all the worker's.
    const worker = new Worker(`(${spin.toString()})(300); require('node:worker_threads').parentPort.postMessage(0);`, { eval: true });
    await new Promise((resolve) => worker.once('message', resolve));
    const afterWorker = threadCpuMsOf(process.pid);
    const total = cpuMsOf(process.pid);
    await worker.terminate();

    expect(afterMain.main - before.main).toBeGreaterThanOrEqual(200);
    expect(afterWorker.others - afterMain.others).toBeGreaterThanOrEqual(200);
    // The split never counts more than the process's own stat line says (threads that ended before are only there),
    // and with the worker alive it holds the worker's time too (ticks of 10 ms, read a moment apart).
    expect(afterWorker.main + afterWorker.others).toBeLessThanOrEqual(total + 20);
    expect(afterWorker.main + afterWorker.others).toBeGreaterThanOrEqual(afterMain.main + afterMain.others + 200);
  });
});
