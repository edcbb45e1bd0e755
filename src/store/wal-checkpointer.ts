import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the checkpointer copies what the WAL holds back into the database file. */
const CHECKPOINT_EVERY_MS = 250;
/** SQLite's own default: the writer checkpoints once the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;

export interface WalCheckpointer {
  /** Whether checkpoints run on the worker now (false once it has stopped: the writer checkpoints again). */
  readonly running: boolean;
  /** Stops the worker and closes its connection; the writer checkpoints again. */
  close(): Promise<void>;
}

// The worker: its own connection to the same file, a PASSIVE checkpoint on a timer (it never waits for the writer,
// and the writer never waits for it), closed on 'close'. CommonJS, so it can require the addon by its path.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves a WAL database's checkpoints off the writer's thread. SQLite's automatic checkpoint runs inside the commit
 * that crosses 1000 pages: that commit copies every page back into the file and waits for its fsync, and the event
 * loop waits with it. Here a worker thread does it every 250 ms instead. Should the worker fail, the writer's
 * automatic checkpoint comes back on, so the WAL never grows without bound.
 */
export function startWalCheckpointer(db: Database.Database, file: string): WalCheckpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file, everyMs: CHECKPOINT_EVERY_MS },
    // It runs one statement on a timer: a small heap (should it ever need more, it fails and the writer takes over).
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  });
  worker.unref();
  let running = true;
  const writerCheckpointsAgain = () => {
    if (!running) return;
    running = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.once('error', writerCheckpointsAgain);
  worker.once('exit', writerCheckpointsAgain);
  db.pragma('wal_autocheckpoint = 0');
  return {
    get running() {
      return running;
    },
    async close() {
      if (!running) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('close');
      await exited;
    },
  };
}
