import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../emulator/index.js';
import type { FunnelAnswer } from '../../src/api/funnel.js';
import type { HostUnderTest, SiteOwnerView } from './site-owner-view.js';

const MIN = 60_000;

/**
 * A few lives as Wix plays them — visitors who leave their details and register, one who stays a visitor, a contact
 * who first writes by email — through the emulator's webhooks into the app, then `GET /api/funnel`, on one host.
 */
export function describeConversionFunnel(host: HostUnderTest): void {
  describe(`${host.name}: GET /api/funnel`, () => {
    const start = Math.floor(Date.now() / MIN) * MIN - 30 * MIN; // whole minutes, recent: webhooks stay unexpired
    const clock = createManualClock(start);
    const minute = (n: number) => new Date(start + n * MIN).toISOString();
    let stack: SiteOwnerView;
    let site: string;
    const funnel = async (query = `from=${minute(-1)}&to=${minute(60)}`) => {
      const { status, json } = await stack.api(site, 'GET', `/api/funnel?${query}`);
      return { status, body: json as FunnelAnswer & { error?: { code: string; message: string } } };
    };

    beforeAll(async () => {
      stack = await host.start({ emulatorClock: clock });
      site = stack.emulator.createSite({ businessName: 'Casa Azul' }).instanceId;
      const { emulator } = stack;
      // Ana: visitor → contact 2 min later → member 6 min after her first message.
      const ana = emulator.visitorSends(site, { text: 'Do you deliver?' });
      clock.advance(2 * MIN);
      const anaContact = emulator.identifyVisitor(site, ana.visitorId, { firstName: 'Ana', lastName: 'Silva', email: 'ana@example.pt' });
      emulator.contactSends(site, { contactId: anaContact.contactId, text: 'Here is my email' });
      clock.advance(4 * MIN);
      const anaMember = emulator.registerMember(site, anaContact.contactId, { nickname: 'ana.s', loginEmail: 'ana@example.pt' });
      emulator.memberSends(site, { memberId: anaMember.memberId, text: 'Registered!' });
      // Rui: visitor → contact 4 min later, no more.
      clock.advance(1 * MIN);
      const rui = emulator.visitorSends(site, { text: 'Opening hours?' });
      clock.advance(4 * MIN);
      const ruiContact = emulator.identifyVisitor(site, rui.visitorId, { firstName: 'Rui', lastName: 'Costa', email: 'rui@example.pt' });
      emulator.contactSends(site, { contactId: ruiContact.contactId, text: 'Thanks' });
      // A visitor who never leaves details.
      clock.advance(1 * MIN);
      emulator.visitorSends(site, { text: 'Just looking' });
      // Eva: already a contact of the business, writes by email.
      const eva = emulator.addContact(site, { firstName: 'Eva', lastName: 'Lima', email: 'eva@example.pt' });
      emulator.contactSends(site, { contactId: eva.contactId, text: 'Order question', channel: 'EMAIL' });
      await stack.settle();
    });
    afterAll(async () => stack?.close());

    it('counts who first wrote, who became a contact and a member, how fast, and by channel', async () => {
      const { status, body } = await funnel();
      expect(status).toBe(200);
      expect(body).toMatchObject({
        from: minute(-1),
        to: minute(60),
        wrote: 4,
        startedAs: { ANONYMOUS_VISITOR: 3, CONTACT: 1, MEMBER: 0 },
        contacts: 3,
        members: 1,
        becameContact: 2,
        becameMember: 1,
        rates: { contact: 3 / 4, member: 1 / 4, visitorToContact: 2 / 3, toMember: 1 / 4 },
        medianToContactMs: 3 * MIN, // Ana 2 min, Rui 4 min
        medianToMemberMs: 6 * MIN,
      });
      const channels = Object.fromEntries(body.byChannel.map((row) => [row.channel, row]));
      expect(channels.EMAIL).toEqual({ channel: 'EMAIL', wrote: 1, contacts: 1, members: 0 });
      expect(body.byChannel.reduce((sum, row) => sum + row.wrote, 0)).toBe(4);
    });

    it('ends the period where asked: a conversion after `to` has not happened yet', async () => {
      // Until minute 5: Ana is a contact (minute 2), not yet a member (minute 6); Rui has not written yet (minute 7).
      const { body } = await funnel(`from=${minute(-1)}&to=${minute(5)}`);
      expect(body).toMatchObject({ wrote: 1, contacts: 1, members: 0, becameContact: 1, medianToContactMs: 2 * MIN, medianToMemberMs: null });
    });

    it('refuses a bad period with a 400 in the one error shape, naming what to fix', async () => {
      for (const query of ['from=yesterday', `from=${minute(5)}&to=${minute(1)}`, 'to=2025-13-45', 'from=2025-03-01&from=2025-03-02', 'period=week']) {
        const { status, body } = await funnel(query);
        expect(status, query).toBe(400);
        expect(body.error?.code, query).toBe('BAD_REQUEST');
        expect(body.error?.message, query).toMatch(/from|to|period/);
      }
    });
  });
}
