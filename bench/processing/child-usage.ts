import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second (`getconf CLK_TCK`; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime + stime in ms from a /proc `stat` line (fields 14 and 15; after the command, which may hold spaces). */
function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time a process has used, user + system, in ms (from /proc/<pid>/stat). */
export function cpuMsOf(pid: number): number {
  return statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/**
 * A process's CPU time split by thread, in ms: its main thread (the event loop, where the JavaScript runs) and all
 * its other threads together (V8's compiler and garbage collector helpers, libuv's pool). A thread that ends between
 * two readings takes its time with it, so the split is for threads that live as long as the process (Node's do).
 */
export function threadCpuMsOf(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    } catch {
      continue; // the thread ended while listed
    }
    if (Number(task) === pid) main += statCpuMs(stat);
    else others += statCpuMs(stat);
  }
  return { main, others };
}

/** The process's peak resident set so far, in MB (VmHWM in /proc/<pid>/status). */
export function peakRssMbOf(pid: number): number {
  const found = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return found ? Number(found[1]) / 1024 : Number.NaN;
}
