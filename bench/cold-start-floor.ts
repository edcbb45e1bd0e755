import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

/**
 * The floor of a cold start (bench/cold-start.ts bundles it ahead like the app): the least a server can do to answer
 * — Node's own http, the same SQLite file opened as the app opens it (WAL), one route that reads from it — and
 * nothing else: no Wix SDK, no logger, no schema, no dashboard. Prints `… on http://…` once listening, as the app does.
 */
const dataDir = path.resolve(process.env.DATA_DIR || 'data');
mkdirSync(dataDir, { recursive: true });
const db = new Database(path.join(dataDir, 'inbox-identity.sqlite'));
db.pragma('journal_mode = WAL');
const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master');
const server = createServer((_req, res) => {
  const { n } = tables.get() as { n: number };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, tables: n }));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`cold-start floor on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.once('SIGTERM', () => server.close(() => { db.close(); process.exit(0); }));
