import { createServer } from 'node:http';
import Database from 'better-sqlite3';

/**
 * The dashboard list's floor (bench/dashboard-scale.ts): node:http and better-sqlite3 over the same conversations
 * in a minimal table (bench/dashboard-data.ts), one index matching each query, the page's 50 records as JSON and
 * nothing else — no token check, no parameter check, no total, no log. `GET /?shape=…`:
 * newest | type (&type=) | name-asc | name-desc | search (&q=) | after (&v=&c=: keyset, newest first).
 */
const db = new Database(process.env.FLOOR_DB!, { readonly: true });
const LIMIT = 50;
const byLast = 'SELECT record FROM conversations INDEXED BY by_last';
const queries = {
  newest: db.prepare(`${byLast} ORDER BY last_at DESC, conversation_id DESC LIMIT ${LIMIT}`),
  type: db.prepare(`SELECT record FROM conversations INDEXED BY by_type WHERE participant_type = @type ORDER BY last_at DESC, conversation_id DESC LIMIT ${LIMIT}`),
  'name-asc': db.prepare(`SELECT record FROM conversations INDEXED BY by_name ORDER BY name_key ASC, conversation_id ASC LIMIT ${LIMIT}`),
  'name-desc': db.prepare(`SELECT record FROM conversations INDEXED BY by_name ORDER BY name_key DESC, conversation_id DESC LIMIT ${LIMIT}`),
  search: db.prepare(`${byLast} WHERE instr(name_key, @q) > 0 OR instr(email_key, @q) > 0 ORDER BY last_at DESC, conversation_id DESC LIMIT ${LIMIT}`),
  after: db.prepare(`${byLast} WHERE (last_at, conversation_id) < (@v, @c) ORDER BY last_at DESC, conversation_id DESC LIMIT ${LIMIT}`),
} as const;
for (const statement of Object.values(queries)) statement.pluck();

const server = createServer((req, res) => {
  const url = new URL(req.url!, 'http://floor');
  const shape = url.searchParams.get('shape') as keyof typeof queries;
  const params = { type: url.searchParams.get('type'), q: url.searchParams.get('q'), v: url.searchParams.get('v'), c: url.searchParams.get('c') };
  const rows = queries[shape].all(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null))) as string[];
  const body = `[${rows.join(',')}]`;
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`dashboard floor on http://127.0.0.1:${address.port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
