import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the checkpointer copies what the WAL holds back into the database file. */
const CHECKPOINT_EVERY_MS = 250;
/** SQLite's own default: the writer checkpoints once the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
/**
 * A WAL longer than this (pages; 32 MB at 4 kB) is started over by the writer's catch-up (see below). SQLite's own
 * writer starts over at 1000 pages, stalling each time; this is long enough that under the benchmark's flood the
 * catch-up came about every 2 s. When commits pause, SQLite starts the WAL over by itself, long before 32 MB.
 */
const RESTART_PAGES = 8192;
/** SQLite truncates a WAL file larger than this when it starts over (after a burst, the file shrinks back). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export interface WalCheckpointer {
  /** Whether checkpoints run on the worker now (false once it has stopped: the writer checkpoints again). */
  readonly running: boolean;
  /** Stops the worker and closes its connection; the writer checkpoints again. */
  close(): Promise<void>;
}

// The worker: its own connection to the same file, a PASSIVE checkpoint on a timer (it never waits for the writer,
// and the writer never waits for it), closed on 'close'. When it copied everything its WAL held and that was more
// than restartPages, it tells the writer ('caught-up'). CommonJS, so it can require the addon by its path.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (log >= workerData.restartPages && checkpointed === log) parentPort.postMessage('caught-up');
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves a WAL database's checkpoints off the writer's thread. SQLite's automatic checkpoint runs inside the commit
 * that crosses 1000 pages: that commit copies every page back into the file and waits for its fsync, and the event
 * loop waits with it. Here a worker thread does it every 250 ms instead. Should the worker fail, the writer's
 * automatic checkpoint comes back on.
 *
 * SQLite starts a WAL over only when a write begins with every page of it copied back. Under a steady stream of
 * commits that never happens by itself: the writer appends while the worker copies, and the WAL grew by some 26 MB
 * a second under the benchmark's flood (200 MB in 8 s). So once the worker has copied a long WAL, the writer copies
 * the pages appended since, in a checkpoint of its own on the event loop, and its next commit starts the WAL over.
 * That catch-up waits for the fsync of what was appended since the worker's: 12–25 ms under the flood.
 */
export function startWalCheckpointer(
  db: Database.Database, file: string, { restartPages = RESTART_PAGES, sizeLimitBytes = WAL_SIZE_LIMIT_BYTES } = {},
): WalCheckpointer {
  // The first commit after the WAL starts over cuts a file that a burst made longer back to this.
  db.pragma(`journal_size_limit = ${sizeLimitBytes}`);
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file, everyMs: CHECKPOINT_EVERY_MS, restartPages },
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
  worker.on('message', () => {
    if (!running || !db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy (the worker's next checkpoint runs, or this connection is mid-query): the worker asks again.
    }
  });
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
      // Unreferenced, the worker would not keep a process that has nothing else to do alive until it has closed.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
