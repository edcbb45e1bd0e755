import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationRecord } from '../src/core/conversation.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { ms, summarise } from './stats.js';

/**
 * `npx tsx bench/funnel-sqlite.ts [people]`: GET /api/funnel's store call on SQLite, 100,000 conversations of one site
 * (one person each, a third staying visitors, a third leaving details, a third registering too; whole records as the
 * registry writes them), for a period holding all of them, a tenth of them, and none. Checked against the reference store.
 */
const PEOPLE = Number(process.argv[2] ?? 100_000);
const SITE = 'bench-site';
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();
const CHANNELS = ['CHAT', 'CHAT', 'CHAT', 'EMAIL', 'WHATSAPP', 'INSTAGRAM'];

function life(i: number): ConversationRecord {
  const first = T0 + i * MIN;
  const steps = (['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const).slice(0, (i % 3) + 1);
  const conversations = steps.map((_, k) => `conv-${i}-${k}`);
  return {
    instanceId: SITE, conversationId: conversations.at(-1)!, participantType: steps.at(-1)!,
    participant: { anonymousVisitorId: `visitor-${i}`, ...(steps.length > 1 ? { contactId: `contact-${i}` } : {}), ...(steps.length > 2 ? { memberId: `member-${i}` } : {}) },
    displayName: steps.length > 1 ? `Person ${i}` : `Visitor #${i.toString(16).slice(-4).toUpperCase()}`,
    ...(steps.length > 1 ? { email: `person${i}@example.org` } : {}),
    channel: CHANNELS[i % CHANNELS.length], firstMessageAt: iso(first), lastMessageAt: iso(first + 90 * MIN),
    lastMessagePreview: 'Hi! Do you deliver on Saturdays, and can I pay on delivery?', messageCount: 4,
    mergedFrom: conversations.slice(0, -1), resolution: 'resolved', updatedAt: iso(first + 90 * MIN),
    typeHistory: steps.map((type, k) => ({ type, at: iso(first + k * (i % 97) * MIN), conversationId: conversations[k]! })),
    autoReply: { status: 'replied', at: iso(first + 1000), text: 'Thanks for writing! We answer within the hour.' },
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-funnel-bench-'));
const store = openSqliteStore({ file: path.join(dir, 'bench.sqlite') });
const reference = createMemoryStore();
try {
  let started = performance.now();
  for (let i = 0; i < PEOPLE; i++) {
    const record = life(i);
    await store.putConversation(record);
    await reference.putConversation(record);
  }
  console.log(`seeded ${PEOPLE.toLocaleString()} conversations of one site in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const periods = {
    'all of them': { from: iso(T0), to: iso(T0 + PEOPLE * MIN + 1000 * MIN) },
    'a tenth': { from: iso(T0), to: iso(T0 + (PEOPLE / 10) * MIN) },
    'none': { from: iso(T0 - 100 * MIN), to: iso(T0) },
  };
  for (const [name, period] of Object.entries(periods)) {
    const expected = await reference.conversionFunnel(SITE, period);
    const first = await store.conversionFunnel(SITE, period);
    if (JSON.stringify(first) !== JSON.stringify(expected)) throw new Error(`SQLite and the reference store disagree for ${name}`);
    const samples: number[] = [];
    for (let run = 0; run < 15; run++) {
      started = performance.now();
      await store.conversionFunnel(SITE, period);
      samples.push(performance.now() - started);
    }
    const s = summarise(samples);
    console.log(`conversionFunnel, ${name} (${first.wrote.toLocaleString()} people): p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}`);
  }
  started = performance.now();
  await reference.conversionFunnel(SITE, periods['all of them']);
  console.log(`(the reference memory store, over whole records: ${ms(performance.now() - started)})`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
