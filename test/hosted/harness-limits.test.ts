import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, startEmulator, type Emulator } from '../../emulator/index.js';
import { hostedApp, startHostedWorker, type HostedRequestRecord, type HostedWorker } from '../../emulator/hosting/index.js';

// The harness itself: what it enforces and records per request, whatever the app's own budget.
let emulator: Emulator;
let hosted: HostedWorker;
beforeAll(async () => {
  emulator = await startEmulator({ app: hostedApp(), log: silentLogger });
  hosted = await startHostedWorker({ emulator, subrequestLimit: 3, cpuLimitMs: 1000 });
});
afterAll(async () => {
  await hosted.close();
  await emulator.close();
});

const settingsOf = (instanceId: string) => hosted.fetch(new Request(`${hosted.url}/api/settings`,
  { headers: { authorization: emulator.issueToken(instanceId, { subjectType: 'USER' }) } }));

/** A request's sub-requests without the IDs in their paths, sorted (concurrent work may interleave). */
const shape = (record: HostedRequestRecord) => record.subrequests
  .map((s) => `${s.method} ${s.path.replace(/\/[0-9a-f-]{36}$/, '/:id')} ${s.refused ? 'refused' : s.status}`).sort();

describe('the hosted harness', () => {
  it('refuses the fetch past the limit as a worker runtime does, and records it as a violation', async () => {
    const site = emulator.createSite();
    hosted.resetRequests();
    const response = await settingsOf(site.instanceId);
    await hosted.settled();
    expect(response.status).not.toBe(200);
    const [record] = hosted.requests();
    expect(record).toMatchObject({ kind: 'GET /api/settings', status: response.status, settled: true });
    expect(record!.subrequests.slice(0, 3).every((s) => !s.refused && s.status === 200)).toBe(true);
    expect(record!.subrequests[3]).toMatchObject({ refused: true });
    expect(record!.subrequests.filter((s) => !s.refused)).toHaveLength(3);
    expect(record!.violations).toEqual([{ limit: 'subrequests', message: expect.stringContaining('past Wix hosting\'s 3 sub-requests') }]);
  });

  it('counts concurrent requests apart, each with its own sub-requests and CPU', async () => {
    // Fresh sites each (the app keeps a site's client and settings per isolate): the same first request, three at once.
    const sites = [emulator.createSite(), emulator.createSite(), emulator.createSite()];
    hosted.resetRequests();
    await settingsOf(emulator.createSite().instanceId);
    await hosted.settled();
    const alone = hosted.requests()[0]!;
    hosted.resetRequests();
    await Promise.all(sites.map((site) => settingsOf(site.instanceId)));
    await hosted.settled();
    const together = hosted.requests();
    expect(together).toHaveLength(3);
    for (const record of together) {
      expect(shape(record)).toEqual(shape(alone));
      expect(record.cpuMs).toBeGreaterThan(0);
    }
    // Each request read its own site's settings item (Wix Data item IDs are derived from the site).
    const itemPaths = together.map((r) => r.subrequests.find((s) => s.path.includes('/wix-data/v2/items/'))!.path);
    expect(new Set(itemPaths).size).toBe(3);
  });

  it('serves from several isolates, each its own copy of the worker, round-robin', async () => {
    const several = await startHostedWorker({ emulator, isolates: 2, routeWebhooks: false });
    try {
      const site = emulator.createSite();
      const token = emulator.issueToken(site.instanceId, { subjectType: 'USER' });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await several.fetch(new Request(`${several.url}/api/settings`, { headers: { authorization: token } }))).status);
      await several.settled();
      expect(answers).toEqual([200, 200, 200, 200]);
      expect(several.requests().map((r) => r.isolate)).toEqual([0, 1, 0, 1]);
    } finally {
      await several.close();
    }
  });

  it('names each request by its route and sends every Wix host to the emulator', async () => {
    hosted.resetRequests();
    await hosted.fetch(new Request(`${hosted.url}/api/conversations/abc`));
    await hosted.settled();
    const [record] = hosted.requests();
    expect(record!.kind).toBe('GET /api/conversations/[conversationid]');
    expect(record!.subrequests.every((s) => s.path.startsWith('www.wixapis.com/'))).toBe(true);
    expect(record!.wallMs).toBeGreaterThan(0);
  });
});
