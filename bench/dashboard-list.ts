import { PARTICIPANT_TYPES } from '../src/core/participant.js';
import type { ConversationRecord } from '../src/core/conversation.js';
import type { BenchStack } from './bench-stack.js';
import { ms, summarise } from './stats.js';

const SIZE = 10_000;
const RUNS = 100;

/** The dashboard list over HTTP on a site with 10,000 conversations: each query shape timed 100 times. */
export async function benchDashboardList(stack: BenchStack, print: (line: string) => void) {
  const instanceId = stack.emulator.createSite().instanceId;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const t0 = performance.now();
  for (let i = 0; i < SIZE; i++) await stack.store.putConversation(record(instanceId, i, start));
  print(`seeded ${SIZE} conversations in ${ms(performance.now() - t0)}`);

  const token = stack.tokenFor(instanceId);
  const shapes: Record<string, string> = {
    'newest first, page 1': '',
    'members only': 'type=MEMBER',
    'search "person12"': 'search=person12',
    'by name, page 200 (offset 4975)': 'sort=displayName:asc&offset=4975',
  };
  const results: Record<string, ReturnType<typeof summarise>> = {};
  for (const [name, query] of Object.entries(shapes)) {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const response = await fetch(`${stack.serverUrl}/api/conversations?${query}`, { headers: { authorization: token } });
      await response.json();
      samples.push(performance.now() - t);
    }
    results[name] = summarise(samples);
    print(`GET /api/conversations ${name.padEnd(32)} p50 ${ms(results[name].p50)}, p95 ${ms(results[name].p95)}`);
  }
  return results;
}

function record(instanceId: string, i: number, start: number): ConversationRecord {
  const type = PARTICIPANT_TYPES[i % 3]!;
  const at = new Date(start + i * 60_000).toISOString();
  return {
    instanceId,
    conversationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    participantType: type,
    participant: { anonymousVisitorId: `visitor-${i}`, ...(type !== 'ANONYMOUS_VISITOR' ? { contactId: `contact-${i}` } : {}) },
    displayName: type === 'ANONYMOUS_VISITOR' ? `Visitor #${i}` : `Person${i} Example`,
    ...(type !== 'ANONYMOUS_VISITOR' ? { email: `person${i}@example.com` } : {}),
    channel: 'CHAT',
    firstMessageAt: at,
    lastMessageAt: at,
    lastMessagePreview: `Message number ${i}`,
    messageCount: 1 + (i % 7),
    mergedFrom: [],
    typeHistory: [{ type, at, conversationId: `c-${i}` }],
    resolution: 'resolved',
    updatedAt: at,
  };
}
