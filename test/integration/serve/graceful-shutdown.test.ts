import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import { serve, until } from './serve-child.js';

/**
 * SIGTERM to `npm run serve` (a real process) while replies are paced by Wix's rate limit and a slow client holds a
 * connection open: the listener closes at once, the process exits within 10 s, and the next start sends every reply
 * that was still waiting — each exactly once.
 */
/** Fails naming the step, rather than leaving the test to its overall timeout. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_r, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))])
    .finally(() => clearTimeout(timer));
}

let emulator: Emulator;
let dataDir: string;
const port = 20000 + Math.floor(Math.random() * 20000);
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ log: silentLogger, delivery: { retryDelaysMs: [500, 1000, 2000, 4000, 8000] } });
  dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-shutdown-'));
  env = {
    PORT: String(port),
    WIX_APP_ID: emulator.app.appId,
    WIX_APP_SECRET: emulator.app.appSecret,
    WIX_PUBLIC_KEY: Buffer.from(emulator.app.publicKeyPem).toString('base64'),
    WIX_API_URL: emulator.url,
    DATA_DIR: dataDir,
  };
  emulator.setWebhookUrl(`http://127.0.0.1:${port}/webhooks`);
});

afterAll(async () => {
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const VISITORS = 12;

it('exits within 10 s of SIGTERM while replies are paced and a slow client is connected; the next start sends each reply once', async () => {
  // The app paces this site's calls at 30 a minute: a reply costs several, so most wait in the site's pacer.
  const first = serve({ ...env, WIX_RATE_LIMIT_PER_MINUTE: '30' });
  await until(() => first.output().includes('inbox-identity server on'), 20_000, 'the server to start');
  const site = emulator.createSite({ businessName: 'Paced' });
  const conversations = Array.from({ length: VISITORS }, (_v, i) => emulator.visitorSends(site.instanceId, { text: `hello ${i}` }).conversationId);
  await emulator.webhooks.settled();
  await until(() => emulator.sentByApp(site.instanceId).length >= 1, 15_000, 'a first reply');
  const sentBefore = emulator.sentByApp(site.instanceId).length;
  expect(sentBefore).toBeLessThan(VISITORS);

  // A slow client: headers sent, the body promised and never finished.
  const slow = connect(port, '127.0.0.1');
  await within(new Promise<void>((resolve) => slow.once('connect', () => resolve())), 5000, 'the slow client to connect');
  slow.write('POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nabc');
  const slowClosed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
  slow.on('error', () => {});
  slow.resume(); // read whatever the server answers, so the end of the stream (and 'close') is seen

  const signalledAt = Date.now();
  first.child.kill('SIGTERM');
  await until(() => first.output().includes('SIGTERM: shutting down'), 5000, 'the shutdown to begin');
  // The listener is closed: a new connection is refused.
  await expect(within(fetch(`http://127.0.0.1:${port}/healthz`), 5000, 'a refused connection')).rejects.toThrow(/fetch failed/);
  const code = await within(first.exited, 15_000, `the process to exit\n${first.output()}`);
  const exitMs = Date.now() - signalledAt;
  if (process.env.FAIRNESS_FIGURES) console.log(`exited ${code} ${exitMs} ms after SIGTERM, ${sentBefore} of ${VISITORS} replies sent before`);
  await within(slowClosed, 5000, `the slow client to be cut (destroyed: ${slow.destroyed}, readyState: ${slow.readyState})`);
  expect(code).toBe(0);
  expect(exitMs).toBeLessThan(10_000);
  expect(first.output()).toContain('shut down');

  // The next start (Wix's own pace) resumes what was left in the journal.
  const second = serve(env);
  try {
    await until(() => second.output().includes('inbox-identity server on'), 20_000, 'the server to start again');
    await until(() => emulator.sentByApp(site.instanceId).length >= VISITORS, 60_000, 'every reply');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // anything sent twice would show by now
    const replies = emulator.sentByApp(site.instanceId).map((r) => r.conversationId).sort();
    expect(replies).toEqual([...conversations].sort());
  } finally {
    second.child.kill('SIGTERM');
    expect(await within(second.exited, 15_000, 'the second process to exit')).toBe(0);
  }
}, 150_000);
