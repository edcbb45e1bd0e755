/**
 * The floor for event processing: the least a server can do for the realistic mix and still be correct. node:http,
 * the RS256 JWT verified with jose against a key imported once, the event inserted into SQLite before the answer,
 * then in a per-site lane: one directory call per new person (getMember FULL for a member, getContact for a
 * contact, none for a visitor); for a person's first message Get Or Create Conversation, the newest page of its
 * messages (the default quiet rule: no auto-reply if the business wrote in the last 30 minutes) and Send Message;
 * and the fewest SQLite writes: the event, the person (new only), the conversation, the reply (first only), done.
 * Settings: WIX_APP_ID, WIX_APP_SECRET, WIX_PUBLIC_KEY, WIX_API_URL, DATA_DIR, PORT. Prints `… on http://…`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { importSPKI, jwtVerify } from 'jose';

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

interface Sender { memberId?: string; contactId?: string; anonymousVisitorId?: string }
interface Event { instanceId: string; eventId: string; conversationId: string; sender: Sender; at: string }

const tokens = new Map<string, Promise<string>>();
const token = (instanceId: string) => {
  let found = tokens.get(instanceId);
  if (!found) {
    found = fetch(`${api}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: env.WIX_APP_ID, client_secret: env.WIX_APP_SECRET, instance_id: instanceId }) })
      .then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    tokens.set(instanceId, found);
  }
  return found;
};
async function wix(instanceId: string, method: string, route: string, body?: unknown): Promise<Record<string, any>> {
  const response = await fetch(`${api}${route}`, { method, headers: { authorization: await token(instanceId), 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}) });
  if (response.status !== 200) throw new Error(`${method} ${route}: ${response.status}`);
  return (await response.json()) as Record<string, any>;
}

async function processEvent(e: Event): Promise<void> {
  const { memberId, contactId, anonymousVisitorId } = e.sender;
  const personKey = memberId ? `m:${memberId}` : contactId ? `c:${contactId}` : `v:${anonymousVisitorId}`;
  if ((memberId || contactId) && !getPerson.get(e.instanceId, personKey)) {
    const found = memberId ? (await wix(e.instanceId, 'GET', `/members/v1/members/${memberId}?fieldsets=FULL`)).member
      : (await wix(e.instanceId, 'GET', `/contacts/v4/contacts/${contactId}`)).contact;
    putPerson.run(e.instanceId, personKey, JSON.stringify(found));
  }
  putConversation.run(e.instanceId, e.conversationId, e.at);
  if (claimReply.run(e.instanceId, personKey).changes === 1) {
    const participantId = memberId ? { memberId } : contactId ? { contactId } : { anonymousVisitorId };
    const { conversation } = await wix(e.instanceId, 'POST', '/inbox/v2/conversations', { participantId });
    const { messages } = await wix(e.instanceId, 'GET', `/inbox/v2/messages?conversationId=${conversation.id}&visibility=BUSINESS`);
    if ((messages as { sender?: { wixUserId?: string } }[]).some((m) => m.sender?.wixUserId)) return void markDone.run(e.instanceId, e.eventId);
    await wix(e.instanceId, 'POST', '/inbox/v2/messages', { conversationId: conversation.id,
      message: { direction: 'BUSINESS_TO_PARTICIPANT', visibility: 'BUSINESS_AND_PARTICIPANT', content: { basic: { items: [{ text: 'Thanks for writing!' }] } } } });
  }
  markDone.run(e.instanceId, e.eventId);
}

/** One lane per site: a site's events one after another. */
const lanes = new Map<string, Promise<void>>();
function offer(e: Event): void {
  const next = (lanes.get(e.instanceId) ?? Promise.resolve()).then(() => processEvent(e)).catch((error) => console.error(error));
  lanes.set(e.instanceId, next);
  void next.then(() => { if (lanes.get(e.instanceId) === next) lanes.delete(e.instanceId); });
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    try {
      const { payload } = await jwtVerify(Buffer.concat(chunks).toString(), key, { algorithms: ['RS256'] });
      const outer = JSON.parse(payload.data as string) as { instanceId: string; data: string };
      const domain = JSON.parse(outer.data) as { id: string; actionEvent: { body: { conversationId: string; message: { sender: Sender; createdDate: string } } } };
      const { conversationId, message } = domain.actionEvent.body;
      const event: Event = { instanceId: outer.instanceId, eventId: domain.id, conversationId, sender: message.sender, at: message.createdDate };
      const added = addEvent.run(event.instanceId, event.eventId, outer.data).changes === 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: added ? 'processed' : 'duplicate' }));
      if (added) setImmediate(() => offer(event));
    } catch (error) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BAD_SIGNATURE', message: String(error) } }));
    }
  });
});
server.listen(Number(env.PORT ?? 0), '127.0.0.1', () => console.log(`processing floor on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
