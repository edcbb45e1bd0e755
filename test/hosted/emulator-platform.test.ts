import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATIONS_MERGED, MESSAGE_SENT_TO_BUSINESS, silentLogger, startEmulator, type Emulator } from '../../emulator/index.js';

// What the emulator serves for the Wix-hosted runtime: OAuth token-info, the grants the runtime uses, the
// tokens a dashboard user, member or visitor carries, the monitoring collectors, one webhook URL per event type.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ log: silentLogger });
});
afterAll(async () => emulator.close());

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${emulator.url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  return { status: response.status, json: (await response.json()) as any };
};

describe('OAuth for the hosted runtime', () => {
  it('reports a dashboard user\'s token, and says an unknown token is not active', async () => {
    const site = emulator.createSite();
    const token = emulator.issueToken(site.instanceId, { subjectType: 'USER', subjectId: 'user-1' });
    const info = await post('/oauth2/token-info', { token });
    expect(info).toMatchObject({ status: 200, json: { active: true, subjectType: 'USER', subjectId: 'user-1',
      clientId: emulator.app.appId, instanceId: site.instanceId, siteId: site.siteId } });
    expect(info.json.exp).toBeGreaterThan(info.json.iat);
    expect(await post('/oauth2/token-info', { token: 'OauthNG.JWS.forged' })).toEqual({ status: 200, json: { active: false } });
  });

  it('grants client_credentials per instance, strip_bound_session for a caller\'s token, and anonymous visitors', async () => {
    const { appId, appSecret } = emulator.app;
    const site = emulator.createSite();
    const app = await post('/oauth2/token', { grant_type: 'client_credentials', client_id: appId, client_secret: appSecret, instance_id: site.instanceId });
    expect(app.status).toBe(200);
    expect((await post('/oauth2/token-info', { token: app.json.access_token })).json).toMatchObject({ subjectType: 'APP', instanceId: site.instanceId });

    const user = emulator.issueToken(site.instanceId, { subjectType: 'USER' });
    const unbound = await post('/oauth2/token', { grant_type: 'strip_bound_session', client_secret: appSecret, access_token: user });
    expect((await post('/oauth2/token-info', { token: unbound.json.access_token })).json).toMatchObject({ subjectType: 'APP', instanceId: site.instanceId });
    expect((await post('/oauth2/token', { grant_type: 'strip_bound_session', client_secret: 'wrong', access_token: user })).status).toBe(401);

    const visitor = await post('/oauth2/token', { clientId: appId, grantType: 'anonymous' });
    expect(visitor.json).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });
    expect((await post('/oauth2/token-info', { token: visitor.json.access_token })).json).toMatchObject({ active: true, subjectType: 'VISITOR' });
    const unknown = await post('/oauth2/token', { grant_type: 'password' });
    expect(unknown).toMatchObject({ status: 400, json: { details: { applicationError: { code: 'UNSUPPORTED_GRANT_TYPE' } } } });
  });
});

describe('the monitoring collectors', () => {
  it('answer 200 without a token and keep what was posted', async () => {
    const before = emulator.telemetry().length;
    expect((await post('/otel-collector/v1/traces', { resourceSpans: [{}, {}] })).status).toBe(200);
    expect((await post('/otel-collector/v1/logs', { resourceLogs: [{}] })).status).toBe(200);
    expect((await post('/wixcode/v1/telemetry/telemetry-messages', { messages: [{}] })).status).toBe(200);
    expect((await fetch(`${emulator.url}/_frog/?src=11&evid=1`)).status).toBe(200);
    expect(emulator.telemetry().slice(before).map((t) => [t.kind, t.items])).toEqual([
      ['otel-traces', 2], ['otel-logs', 1], ['telemetry', 1], ['bi', 1],
    ]);
  });
});

describe('webhook URLs per event type', () => {
  it('posts each event type to its own URL, text/plain, and goes back to one URL when asked', async () => {
    const received: { path: string; contentType: string | null }[] = [];
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? null });
      req.resume();
      req.on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      emulator.setWebhookUrls({ [MESSAGE_SENT_TO_BUSINESS]: `${base}/message`, [CONVERSATIONS_MERGED]: `${base}/merge` });
      const site = emulator.createSite();
      const first = emulator.visitorSends(site.instanceId, { text: 'Hi' });
      emulator.identifyVisitor(site.instanceId, first.visitorId, { firstName: 'Ana' });
      await emulator.webhooks.settled();
      expect(received).toEqual([{ path: '/message', contentType: 'text/plain' }, { path: '/merge', contentType: 'text/plain' }]);
      emulator.setWebhookUrl(`${base}/one`);
      emulator.visitorSends(site.instanceId, { text: 'Again' });
      await emulator.webhooks.settled();
      expect(received.at(-1)).toEqual({ path: '/one', contentType: 'text/plain' });
    } finally {
      emulator.setWebhookUrl(undefined);
      server.close();
    }
  });
});
