import type { BenchStack } from './bench-stack.js';
import { ms, pool, summarise } from './stats.js';

/**
 * Webhook ingest: 25 contacts write 20 messages each (500 events). Every signed JWT is POSTed to the server
 * 16 at a time; we time each answer (Wix gives up after 1250 ms), then how long until all are processed
 * (recorded, resolved, auto-replied), and count the Wix calls the chatty participants cost.
 */
export async function benchIngest(stack: BenchStack, print: (line: string) => void) {
  const { emulator } = stack;
  const site = emulator.createSite();
  emulator.setWebhookUrl(undefined);
  const eventIds: string[] = [];
  const contacts = Array.from({ length: 25 }, (_, i) =>
    emulator.addContact(site.instanceId, { firstName: `Person${i}`, email: `person${i}@example.com` }).contactId);
  for (let round = 0; round < 20; round++) {
    for (const contactId of contacts) eventIds.push(emulator.contactSends(site.instanceId, { contactId, text: `message ${round}` }).eventId);
  }
  await emulator.webhooks.settled();
  const byId = new Map(emulator.webhooks.events().map((e) => [e.eventId, e]));
  const jwts = await Promise.all(eventIds.map((id) => emulator.webhooks.sign(byId.get(id)!)));

  stack.wixCalls.clear();
  stack.wixCallTimes.length = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await pool(jwts, 16, async (jwt) => {
    const t0 = performance.now();
    const response = await fetch(`${stack.serverUrl}/webhooks`, { method: 'POST', body: jwt });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  });
  const answered = performance.now() - started;
  await stack.app.worker.idle();
  const processed = performance.now() - started;

  const answer = summarise(latencies);
  const calls = (pattern: RegExp) => [...stack.wixCalls].filter(([key]) => pattern.test(key)).reduce((n, [, c]) => n + c, 0);
  const directoryCalls = calls(/contacts|members/);
  const allCalls = calls(/./);
  const replies = emulator.sentByApp(site.instanceId).length;
  print(`webhook answer latency (${answer.n} events, 16 concurrent): p50 ${ms(answer.p50)}, p95 ${ms(answer.p95)}, p99 ${ms(answer.p99)}, max ${ms(answer.max)}`);
  print(`answered all in ${ms(answered)} (${(answer.n / (answered / 1000)).toFixed(0)} events/s); processed all in ${ms(processed)} (${(answer.n / (processed / 1000)).toFixed(0)} events/s)`);
  print(`Contacts/Members calls: ${directoryCalls} for ${answer.n} messages from ${contacts.length} people (${(answer.n / Math.max(1, directoryCalls)).toFixed(1)}× fewer than one lookup per message)`);
  print(`auto-replies sent: ${replies} (one per person); Wix calls: ${allCalls} in ${ms(processed)}, at most ${busiestMinute(stack.wixCallTimes)} in any 60 s`);
  return { answer, answeredMs: answered, processedMs: processed, directoryCalls, replies };
}

/** The most calls made in any 60-second window. */
function busiestMinute(times: number[]): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= 60_000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
