import { pathToFileURL } from 'node:url';
import { CONVERSATIONS_MERGED, silentLogger, startEmulator } from '../emulator/index.js';
import { formatSummary, hostedApp, MissingBuildError, readBuiltApp, startHostedWorker, summarizeRequests, type HostedRequestRecord, type KindSummary } from '../emulator/hosting/index.js';
import { SectionSkipped, type BenchSection, type Figure } from './figures.js';

/**
 * `npm run bench:hosted [-- --people 20] [--cap 20] [--rounds 5]`, and the "hosted worker" section of `npm run
 * bench`: the built worker (run `npm run build` first) under the hosting harness, one row per request kind:
 * sub-requests (max, median) and CPU ms (median, p95, warm: a first person and a first round of dashboard calls
 * warm the isolate up and are left out). The cap is lifted by default so every request runs to its end and its
 * full cost shows; `--cap 20` plays Wix hosting's limit. The rate limit is off: this measures cost per request, not
 * throughput.
 */
export interface HostedRun {
  rows: KindSummary[];
  telemetryPosts: number;
  /** Rate-limited Wix calls per auto-replied message and per minute of an open panel, and what that allows. */
  ceiling: { perReply: number; panelPerMinute: number; repliesPerMinute: number };
}

/** Sub-request budgets per request kind (issue 8), the runtime's own calls included. */
const BUDGETS: [RegExp, number][] = [
  [/^message, auto-reply sent/, 8],
  [/^message, no reply due/, 5],
  [/^conversations merged/, 6],
  [/^duplicate delivery/, 2],
  [/^(GET|PUT|POST) \/api\//, 4],
];
/** CPU per warm request (issue 8: ≤ 150 ms on this machine; Wix allows 1000). */
const CPU_TARGET_MS = 150;

export const hostedRequests: BenchSection = async ({ quick, print }) => {
  try {
    readBuiltApp('dist');
  } catch (error) {
    if (error instanceof MissingBuildError) throw new SectionSkipped('dist/ is missing: run `npm run build` first, then the bench measures the built worker too');
    throw error;
  }
  const people = quick ? 2 : 20;
  const rounds = quick ? 1 : 5;
  print(`built worker, one warm isolate, ${people} people, dashboard routes ×${rounds}, sub-request cap lifted`);
  const run = await measureHosted({ people, rounds, cap: 1000 });
  const section = 'Wix hosting';
  const figures: Figure[] = [];
  for (const row of run.rows) {
    const budget = BUDGETS.find(([kind]) => kind.test(row.kind))?.[1];
    figures.push({ section, what: `${row.kind}: sub-requests (max of ${row.requests})`, unit: 'sub-requests', app: row.subrequestsMax, better: 'lower',
      ...(budget === undefined ? {} : { target: budget }), ...(figures.length === 0 ? { note: 'sub-requests: every fetch of the request, the runtime\'s token and telemetry included' } : {}) });
  }
  for (const [index, row] of run.rows.entries()) {
    figures.push({ section, what: `${row.kind}: CPU ms p95 (median ${row.cpuMedianMs.toFixed(1)})`, unit: 'ms', app: row.cpuP95Ms, better: 'lower', target: CPU_TARGET_MS,
      ...(index === 0 ? { note: 'CPU: the process CPU clock over the request\'s own event-loop slices, warm isolate (Wix allows 1000 ms)' } : {}) });
  }
  figures.push(
    { section, what: 'rate-limited Wix calls a minute, an open panel', unit: 'calls', app: run.ceiling.panelPerMinute, better: 'lower', target: 20 },
    { section, what: 'auto-replied messages a minute a site takes under 200 calls/min, panel open', unit: 'count', app: run.ceiling.repliesPerMinute, better: 'higher', target: 25,
      note: `(200 − ${run.ceiling.panelPerMinute}) / ${run.ceiling.perReply} calls per auto-replied message` },
  );
  return figures;
};

/** One run of the scenario on the built worker: the table's rows and the throughput ceiling. */
export async function measureHosted({ people, cap, rounds }: { people: number; cap: number; rounds: number }): Promise<HostedRun> {
  // Wix's 1250 ms deadline is lifted: on a busy machine the cold isolate's first webhook can miss it, and a resend a
  // minute later would only add waiting and a second copy to the table. This measures each request's cost.
  const emulator = await startEmulator({ app: hostedApp(), log: silentLogger, rateLimitPerMinute: false, delivery: { deadlineMs: 30_000 } });
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
      // Someone the app has never seen writing as a contact from the start (email, SMS, social channels).
      const contact = emulator.addContact(site.instanceId, { firstName: `Contact${i}`, email: `c${i}@example.com` });
      label(emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Hello by email' }).eventId, 'message, auto-reply sent, a contact never seen');
      await settle();
    }
    const token = emulator.issueToken(site.instanceId, { subjectType: 'USER' });
    const [someone] = (await (await fetch(`${hosted.url}/api/conversations`, { headers: { authorization: token } })).json()).items as { conversationId: string; contactId: string; mergedFrom: string[] }[];
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/conversations'], // The timeline as the panel asks it: with the row's mergedFrom.
      ['GET', `/api/conversations/${someone!.conversationId}?merged=${someone!.mergedFrom.join(',')}`],
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
    const warm = records.filter((_, i) => !warmUp.has(hosted.requests()[i]!));
    return { rows: summarizeRequests(warm, { warm: false }), telemetryPosts: emulator.telemetry().length, ceiling: throughputCeiling(warm) };
  } finally {
    await hosted.close();
    await emulator.close();
  }
}

/**
 * Auto-replied messages a minute a site can take under Wix's 200 API calls a minute, with the panel open (its list
 * every 15 s, cards every 60 s, a timeline every 30 s): from the median rate-limited calls of each request kind.
 * OAuth and the runtime's telemetry are not per-site API calls, so they are left out.
 */
function throughputCeiling(records: HostedRequestRecord[]): HostedRun['ceiling'] {
  const limited = (r: HostedRequestRecord) => r.subrequests.filter((s) => !/\/oauth2\/|otel-collector|telemetry|frog\./.test(s.path)).length;
  const median = (kind: string) => {
    const counts = records.filter((r) => r.kind.startsWith(kind)).map(limited).sort((a, b) => a - b);
    return counts[Math.floor(counts.length / 2)] ?? 0;
  };
  const reply = median('message, auto-reply sent');
  const panel = 4 * median('GET /api/conversations') + median('GET /api/stats') + 2 * median('GET /api/conversations/[');
  return { perReply: reply, panelPerMinute: panel, repliesPerMinute: Math.floor((200 - panel) / reply) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const [people, cap, rounds] = [arg('people', 20), arg('cap', 1000), arg('rounds', 5)];
  const run = await measureHosted({ people, cap, rounds });
  console.log(`Hosted worker, ${people} people, dashboard routes ×${rounds}, sub-request cap ${cap}, node ${process.version}, ${new Date().toISOString()}\n`);
  console.log(formatSummary(run.rows));
  console.log(`\nRuntime telemetry posts answered by the emulator: ${run.telemetryPosts}`);
  const { perReply, panelPerMinute, repliesPerMinute } = run.ceiling;
  console.log(`\nRate-limited Wix calls: ${perReply} per auto-replied message, ${panelPerMinute} a minute for an open panel → ` +
    `${repliesPerMinute} auto-replied messages a minute per site under the 200/min limit`);
}
