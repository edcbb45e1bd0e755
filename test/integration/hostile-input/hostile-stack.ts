import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT, type JWTPayload } from 'jose';
import { silentLogger, startEmulator, type Emulator } from '../../../emulator/index.js';
import { signInstanceToken } from '../../../src/api/instance-token.js';
import type { ServerApp } from '../../../src/server/app.js';
import { openSelfHostedApp } from '../../../src/server/self-hosted.js';
import type { Store } from '../../../src/core/ports.js';

/**
 * The real self-hosted server on a fresh SQLite folder, wired to the emulator, with every log line it writes kept:
 * the hostile-input catalogue sends its cases here and compares the database before and after each one.
 */
export interface HostileStack {
  emulator: Emulator;
  app: ServerApp;
  store: Store;
  serverUrl: string;
  /** A site with one conversation (a visitor's message, answered) and saved settings. */
  site: { instanceId: string; conversationId: string; contactId?: string };
  logLines: string[];
  tokenFor(instanceId: string, payload?: Record<string, unknown>): string;
  /** Signs any claims with the app's webhook key (RS256), as Wix would; `data` is the claim Wix sends. */
  signClaims(claims: JWTPayload, options?: { issuedAt?: number | null; expiresAt?: number | null }): Promise<string>;
  /** The webhook claim `data` for a domain event JSON (a string, as Wix nests it). */
  dataClaim(fields: { data?: unknown; instanceId?: unknown; eventType?: unknown; identity?: unknown }): string;
  /** Every row of every table, hashed: equal before and after means nothing was stored or changed. */
  snapshot(): string;
  /** Waits until the worker has nothing in hand. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHostileStack(): Promise<HostileStack> {
  const emulator = await startEmulator({ log: silentLogger, delivery: { retryDelaysMs: [20, 40, 80] } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-identity-hostile-'));
  const { appId, appSecret, publicKeyPem, privateKey } = emulator.app;
  const logLines: string[] = [];
  const { app, store } = openSelfHostedApp({
    appId, appSecret, publicKey: publicKeyPem, apiUrl: emulator.url, dataDir, pollMs: 50, log: (line) => logLines.push(line),
  });
  const serverUrl = await app.listen(0);
  emulator.setWebhookUrl(`${serverUrl}/webhooks`);

  const created = emulator.createSite({ businessName: 'Hostile Bakery' });
  const sent = emulator.visitorSends(created.instanceId, { text: 'Hello, are you open?' });
  await emulator.webhooks.settled();
  await app.worker.idle();
  const token = signInstanceToken({ instanceId: created.instanceId, appDefId: appId }, appSecret);
  const saved = await fetch(`${serverUrl}/api/settings`, {
    method: 'PUT', headers: { authorization: token, 'content-type': 'application/json' },
    body: JSON.stringify({ cooldownHours: 12, keywordRules: [{ keywords: ['price'], text: 'Prices are on our site.' }] }),
  });
  if (saved.status !== 200) throw new Error(`seeding settings failed: ${saved.status} ${await saved.text()}`);

  const db = new Database(path.join(dataDir, 'inbox-identity.sqlite'), { readonly: true, fileMustExist: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

  return {
    emulator,
    app,
    store,
    serverUrl,
    site: { instanceId: created.instanceId, conversationId: sent.conversationId },
    logLines,
    tokenFor: (instanceId, payload = {}) => signInstanceToken({ instanceId, appDefId: appId, ...payload }, appSecret),
    async signClaims(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).setIssuer('wix.com').setAudience(appId);
      if (options.issuedAt !== null) jwt.setIssuedAt(options.issuedAt ?? now);
      if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? now + 3600);
      return jwt.sign(privateKey);
    },
    dataClaim: (fields) => JSON.stringify({
      accountInfo: { accountId: randomUUID(), siteId: created.instanceId },
      ...fields,
    }),
    snapshot() {
      const hash = createHash('sha256');
      for (const table of tables) {
        const rows = db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort();
        hash.update(table).update(rows.join('\n'));
      }
      return hash.digest('hex');
    },
    idle: () => app.worker.idle(),
    async close() {
      db.close();
      await app.close();
      await store.close();
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
