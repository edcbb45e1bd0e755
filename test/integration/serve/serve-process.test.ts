import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import { serve, until } from './serve-child.js';
import { signInstanceToken } from '../../../src/api/instance-token.js';

describe('npm run serve', () => {
  let emulator: Emulator;
  let dataDir: string;
  let server: ReturnType<typeof serve>;
  const port = 20000 + Math.floor(Math.random() * 20000);

  beforeAll(async () => {
    emulator = await startEmulator({ log: silentLogger });
    dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-serve-'));
    server = serve({
      PORT: String(port),
      WIX_APP_ID: emulator.app.appId,
      WIX_APP_SECRET: emulator.app.appSecret,
      WIX_PUBLIC_KEY: Buffer.from(emulator.app.publicKeyPem).toString('base64'),
      WIX_API_URL: emulator.url,
      DATA_DIR: dataDir,
    });
    await until(() => server.output().includes('inbox-identity server on'));
    emulator.setWebhookUrl(`http://127.0.0.1:${port}/webhooks`);
  });

  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('receives Wix webhooks and serves the dashboard list, configured only by environment', async () => {
    const site = emulator.createSite();
    const visit = emulator.visitorSends(site.instanceId, { text: 'Hello from a real process' });
    const contact = emulator.identifyVisitor(site.instanceId, visit.visitorId, { firstName: 'Zoe', email: 'zoe@example.com' });
    await emulator.webhooks.settled();
    const token = signInstanceToken({ instanceId: site.instanceId }, emulator.app.appSecret);
    let items: { displayName: string; conversationId: string }[] = [];
    for (let i = 0; i < 100 && items[0]?.displayName !== 'Zoe'; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/api/conversations?instance=${token}`);
      items = ((await response.json()) as { items: typeof items }).items;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(items).toEqual([expect.objectContaining({ displayName: 'Zoe', conversationId: contact.conversationId })]);
    expect(emulator.webhooks.deliveries().every((d) => d.outcome === 'delivered')).toBe(true);
  });

  it('refuses to start without a setting, naming it', async () => {
    const broken = serve({ WIX_APP_ID: 'x', WIX_PUBLIC_KEY: 'y' });
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain('WIX_APP_SECRET is not set');
  });
});
