/**
 * The floor for event processing: the least a server can do for the realistic mix and still be correct. node:http,
 * the RS256 JWT verified with jose against a key imported once, the event inserted into SQLite before the answer,
 * then in a per-site lane: one directory call per new person (getMember FULL for a member, getContact for a
 * contact, none for a visitor); for a person's first message Get Or Create Conversation, the newest page of its
 * messages (the default quiet rule: no auto-reply if the business wrote in the last 30 minutes) and Send Message;
 * and the fewest SQLite writes: the event, the person (new only), the conversation, the reply (first only), done.
 * Settings: WIX_APP_ID, WIX_APP_SECRET, WIX_PUBLIC_KEY, WIX_API_URL, DATA_DIR, PORT. Prints `… on http://…`.
 *
 * With `--sdk`, the same floor as the app must be built: the webhook verified and parsed by the Wix SDK (its
 * `messages.onMessageSentToBusiness` handler), and the same Wix calls made through the SDK's modules. Everything
 * else is the same, so the two floors' difference is what the SDK costs.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importSPKI } from 'jose';
import { floorWebhooks, floorWixCalls, type FloorEvent, type FloorWix } from './processing-floor-wix.js';

const env = process.env as Record<string, string>;
const api = env.WIX_API_URL!.replace(/\/+$/, '');
const key = await importSPKI(env.WIX_PUBLIC_KEY!, 'RS256');
const db = new Database(path.join(env.DATA_DIR!, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`CREATE TABLE IF NOT EXISTS journal (instance_id TEXT, event_id TEXT, payload TEXT, done INTEGER DEFAULT 0, PRIMARY KEY (instance_id, event_id));
  CREATE INDEX IF NOT EXISTS journal_due ON journal (done);
  CREATE TABLE IF NOT EXISTS persons (instance_id TEXT, person_key TEXT, details TEXT, PRIMARY KEY (instance_id, person_key));
  CREATE TABLE IF NOT EXISTS conversations (instance_id TEXT, conversation_id TEXT, messages INTEGER, last_at TEXT, PRIMARY KEY (instance_id, conversation_id));
  CREATE TABLE IF NOT EXISTS replies (instance_id TEXT, person_key TEXT, message_id TEXT, PRIMARY KEY (instance_id, person_key));`);
const addEvent = db.prepare('INSERT OR IGNORE INTO journal (instance_id, event_id, payload) VALUES (?, ?, ?)');
const getPerson = db.prepare('SELECT 1 FROM persons WHERE instance_id = ? AND person_key = ?');
const putPerson = db.prepare('INSERT OR REPLACE INTO persons VALUES (?, ?, ?)');
const putConversation = db.prepare(`INSERT INTO conversations VALUES (?, ?, 1, ?)
  ON CONFLICT DO UPDATE SET messages = messages + 1, last_at = excluded.last_at`);
const claimReply = db.prepare('INSERT OR IGNORE INTO replies (instance_id, person_key) VALUES (?, ?)');
const markDone = db.prepare('UPDATE journal SET done = 1 WHERE instance_id = ? AND event_id = ?');

const sdk = process.argv.includes('--sdk');
const wix: FloorWix = await floorWixCalls({ api, appId: env.WIX_APP_ID!, appSecret: env.WIX_APP_SECRET!, sdk });
const parseWebhook = floorWebhooks(key, sdk);

async function processEvent(e: FloorEvent): Promise<void> {
  const { memberId, contactId, anonymousVisitorId } = e.sender;
  const personKey = memberId ? `m:${memberId}` : contactId ? `c:${contactId}` : `v:${anonymousVisitorId}`;
  if ((memberId || contactId) && !getPerson.get(e.instanceId, personKey)) {
    const found = memberId ? await wix.getMember(e.instanceId, memberId) : await wix.getContact(e.instanceId, contactId!);
    putPerson.run(e.instanceId, personKey, JSON.stringify(found));
  }
  putConversation.run(e.instanceId, e.conversationId, e.at);
  if (claimReply.run(e.instanceId, personKey).changes === 1) {
    const participantId = memberId ? { memberId } : contactId ? { contactId } : { anonymousVisitorId: anonymousVisitorId! };
    const conversationId = await wix.getOrCreateConversation(e.instanceId, participantId);
    const messages = await wix.businessMessages(e.instanceId, conversationId);
    if (messages.some((m) => m.sender?.wixUserId)) return void markDone.run(e.instanceId, e.eventId);
    await wix.sendMessage(e.instanceId, conversationId, 'Thanks for writing!');
  }
  markDone.run(e.instanceId, e.eventId);
}

/** One lane per site: a site's events one after another. */
const lanes = new Map<string, Promise<void>>();
function offer(e: FloorEvent): void {
  const next = (lanes.get(e.instanceId) ?? Promise.resolve()).then(() => processEvent(e)).catch((error) => console.error(error));
  lanes.set(e.instanceId, next);
  void next.then(() => { if (lanes.get(e.instanceId) === next) lanes.delete(e.instanceId); });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { event, data } = await parseWebhook(Buffer.concat(chunks).toString());
      const added = addEvent.run(event.instanceId, event.eventId, data).changes === 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: added ? 'processed' : 'duplicate' }));
      if (added) setImmediate(() => offer(event));
    } catch (error) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BAD_SIGNATURE', message: String(error) } }));
    }
  });
});
server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => console.log(`processing floor${sdk ? ' (Wix SDK)' : ''} on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
