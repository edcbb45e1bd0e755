import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** ms from spawn to the server printing its URL. */
  startedInMs: number;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * A server as its own process, so load comes from another process than the one measured. `command` defaults to
 * the self-hosted server as `npm run serve` runs it (compiled ahead, bundled first when stale); a floor passes its own. The child prints `… on http://…` once
 * listening; PORT=0 picks a free port.
 */
export async function startServerProcess(env: Record<string, string>, command: string[] = ['scripts/launch.mjs', 'serve']): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { PATH: process.env.PATH!, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      const found = /on (http:\/\/[^\s)]+)/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening:\n${output}`)));
  });
  const startedInMs = performance.now() - started;
  return {
    url,
    child,
    startedInMs,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
