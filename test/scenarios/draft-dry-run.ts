import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostUnderTest, SiteOwnerView } from './site-owner-view.js';

const sample = { participant: { type: 'CONTACT', firstName: 'Ada' }, text: 'Do you deliver on Sundays?', businessName: 'Casa Azul' };

/** The settings tab previews the owner's draft before it is saved: the dry run takes the draft, PUT's rules apply. */
export function describeDraftDryRun(host: HostUnderTest): void {
  describe(`${host.name}: the dry run of a draft`, () => {
    let stack: SiteOwnerView;
    beforeAll(async () => {
      stack = await host.start();
    });
    afterAll(async () => stack.close());
    const call = (instanceId: string, method: string, path: string, body?: unknown) => stack.api(instanceId, method, path, { body });

    it('answers by the draft laid over the saved settings, and saves nothing', async () => {
      const site = stack.emulator.createSite();
      await stack.putSettings(site.instanceId, { texts: { CONTACT: 'Hi {firstName}, saved text.' } });
      const before = (await call(site.instanceId, 'GET', '/api/settings')).json;

      const saved = await call(site.instanceId, 'POST', '/api/settings/dry-run', sample);
      expect(saved.json).toMatchObject({ outcome: 'reply', rule: 'default:CONTACT', text: 'Hi Ada, saved text.' });

      const draft = { keywordRules: [{ keywords: ['sundays'], text: 'We bake on Sundays from 8, {firstName}.' }] };
      const drafted = await call(site.instanceId, 'POST', '/api/settings/dry-run', { ...sample, settings: draft });
      expect(drafted.status).toBe(200);
      expect(drafted.json).toMatchObject({ outcome: 'reply', rule: 'keyword:1', text: 'We bake on Sundays from 8, Ada.' });

      // A partial draft keeps the rest of the saved settings (here the saved contact text).
      const away = await call(site.instanceId, 'POST', '/api/settings/dry-run', {
        ...sample, text: 'Hello', at: '2025-03-01T12:00:00Z', // a Saturday
        settings: { businessHours: { enabled: true, timeZone: 'Europe/Lisbon', awayText: 'Closed now, {firstName}.' } },
      });
      expect(away.json).toMatchObject({ outcome: 'reply', rule: 'away', text: 'Closed now, Ada.' });
      const open = await call(site.instanceId, 'POST', '/api/settings/dry-run', {
        ...sample, text: 'Hello', at: '2025-03-03T12:00:00Z', // a Monday, noon in Lisbon
        settings: { businessHours: { enabled: true, timeZone: 'Europe/Lisbon' } },
      });
      expect(open.json).toMatchObject({ outcome: 'reply', rule: 'default:CONTACT', text: 'Hi Ada, saved text.' });

      expect((await call(site.instanceId, 'GET', '/api/settings')).json).toEqual(before);
      expect((await call(site.instanceId, 'POST', '/api/settings/dry-run', sample)).json).toMatchObject({ rule: 'default:CONTACT' });
    });

    it('refuses a bad draft with every problem named by its field, as PUT does', async () => {
      const site = stack.emulator.createSite();
      const bad = {
        keywordRules: [{ keywords: [], text: 'Hi {frist}' }],
        businessHours: { timeZone: 'Mars/Olympus', weekly: { mon: [{ from: '17:00', to: '09:00' }] } },
      };
      const dry = await call(site.instanceId, 'POST', '/api/settings/dry-run', { ...sample, settings: bad });
      const put = await call(site.instanceId, 'PUT', '/api/settings', bad);
      expect(dry.status).toBe(400);
      expect(dry.json.error.code).toBe('INVALID_SETTINGS');
      const fields = dry.json.error.details.problems.map((p: { field: string }) => p.field);
      expect(fields).toEqual(['keywordRules[0].keywords', 'keywordRules[0].text', 'businessHours.timeZone', 'businessHours.weekly.mon[0].to']);
      expect(dry.json.error.details).toEqual(put.json.error.details);
      expect(dry.json.error.message).toContain('businessHours.timeZone must be an IANA time zone');

      const notAnObject = await call(site.instanceId, 'POST', '/api/settings/dry-run', { ...sample, settings: ['enabled'] });
      expect(notAnObject.status).toBe(400);
      expect(notAnObject.json.error.details.problems).toEqual([{ field: 'settings', problem: expect.stringContaining('must be an object') }]);
      expect((await call(site.instanceId, 'GET', '/api/settings')).json.keywordRules).toEqual([]);
    });
  });
}
