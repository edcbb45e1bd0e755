import { CONVERSATIONS_MERGED, silentLogger, startEmulator } from '../emulator/index.js';
import { formatSummary, hostedApp, startHostedWorker, summarizeRequests, type HostedRequestRecord } from '../emulator/hosting/index.js';

/**
 * `npx tsx bench/hosted-requests.ts [--people 20] [--cap 20] [--rounds 5]`: the built worker (run `npm run build`
 * first) under the hosting harness, one table per request kind: sub-requests (max, median) and CPU ms (median,
 * p95, warm: a first person and a first round of dashboard calls warm the isolate up and are left out). The cap is lifted by default so every request runs to
 * its end and its full cost shows; `--cap 20` plays Wix hosting's limit. The rate limit is off: this measures
 * cost per request, not throughput.
 */
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const people = arg('people', 20);
const cap = arg('cap', 1000);
const rounds = arg('rounds', 5);

const emulator = await startEmulator({ app: hostedApp(), log: silentLogger, rateLimitPerMinute: false });
const hosted = await startHostedWorker({ emulator, subrequestLimit: cap });
const labels = new Map<string, string>();
const label = (eventId: string, name: string) => labels.set(eventId, name);
try {
  const site = emulator.createSite({ businessName: 'Bench Bakery' });
  const settle = async () => {
    await emulator.webhooks.settled();
    await hosted.settled();
  };
  // Person 0 warms the isolate up (module loading, first token): their requests are left out of the table.
  for (let i = 0; i <= people; i++) {
    if (i === 1) hosted.resetRequests();
    const first = emulator.visitorSends(site.instanceId, { text: `Hello from visitor ${i}` });
    label(first.eventId, 'message, auto-reply sent');
    await settle();
    label(emulator.visitorSends(site.instanceId, { visitorId: first.visitorId, text: 'Still there?' }).eventId, 'message, no reply due');
    await settle();
    emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: `Person${i}`, email: `p${i}@example.com` });
    await settle();
    const merge = emulator.webhooks.events().filter((e) => e.eventType === CONVERSATIONS_MERGED).at(-1)!;
    label(merge.eventId, 'conversations merged');
    const event = emulator.webhooks.events().find((e) => e.eventId === first.eventId)!;
    const before = hosted.requests().length;
    await fetch(`${hosted.url}${hosted.app.webhooks[event.eventType]}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: await emulator.webhooks.sign(event) });
    await hosted.settled();
    for (const record of hosted.requests().slice(before)) record.kind = 'duplicate delivery';
  }
  const token = emulator.issueToken(site.instanceId, { subjectType: 'USER' });
  const [someone] = (await (await fetch(`${hosted.url}/api/conversations`, { headers: { authorization: token } })).json()).items as { conversationId: string; contactId: string }[];
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/conversations'], ['GET', `/api/conversations/${someone!.conversationId}`],
    ['GET', `/api/contact-conversations?contactId=${someone!.contactId}`], ['GET', '/api/stats'], ['GET', '/api/settings'],
    ['PUT', '/api/settings', { cooldownHours: 24 }], ['POST', '/api/settings/dry-run', { participant: { type: 'CONTACT' }, text: 'Hi' }],
  ];
  // Round 0 warms each route up; its requests are left out too.
  const warmUp = new Set<HostedRequestRecord>();
  for (let round = 0; round <= rounds; round++) {
    if (round === 1) {
      await hosted.settled();
      for (const record of hosted.requests()) if (!record.event) warmUp.add(record);
    }
    for (const [method, path, body] of routes) {
      await fetch(`${hosted.url}${path}`, { method, headers: { authorization: token, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    }
  }
  await hosted.settled();
  const records: HostedRequestRecord[] = hosted.requests().map((r) => ({ ...r, kind: (r.event && labels.get(r.event.eventId) && r.kind !== 'duplicate delivery') ? labels.get(r.event.eventId)! : r.kind }));
  console.log(`Hosted worker, ${people} people, dashboard routes ×${rounds}, sub-request cap ${cap}, node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(formatSummary(summarizeRequests(records.filter((_, i) => !warmUp.has(hosted.requests()[i]!)), { warm: false })));
  console.log(`\nRuntime telemetry posts answered by the emulator: ${emulator.telemetry().length}`);
  console.log(`\n${throughputCeiling(records.filter((_, i) => !warmUp.has(hosted.requests()[i]!)))}`);
} finally {
  await hosted.close();
  await emulator.close();
}

/**
 * Auto-replied messages a minute a site can take under Wix's 200 API calls a minute, with the panel open (its list
 * every 15 s, cards every 60 s, a timeline every 30 s): from the median rate-limited calls of each request kind.
 * OAuth and the runtime's telemetry are not per-site API calls, so they are left out.
 */
function throughputCeiling(records: HostedRequestRecord[]): string {
  const limited = (r: HostedRequestRecord) => r.subrequests.filter((s) => !/\/oauth2\/|otel-collector|telemetry|frog\./.test(s.path)).length;
  const median = (kind: string) => {
    const counts = records.filter((r) => r.kind.startsWith(kind)).map(limited).sort((a, b) => a - b);
    return counts[Math.floor(counts.length / 2)] ?? 0;
  };
  const reply = median('message, auto-reply sent');
  const panel = 4 * median('GET /api/conversations') + median('GET /api/stats') + 2 * median('GET /api/conversations/[');
  const perMinute = Math.floor((200 - panel) / reply);
  return `Rate-limited Wix calls: ${reply} per auto-replied message, ${panel} a minute for an open panel → ` +
    `${perMinute} auto-replied messages a minute per site under the 200/min limit`;
}
