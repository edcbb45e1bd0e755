import type { Emulator } from '../../emulator/index.js';

export interface MixShape {
  sites: number;
  /** People per site: by turns a visitor, a contact and a member (or the kinds in `kinds`, by turns). */
  people: number;
  messagesEach: number;
  kinds?: readonly PersonKind[];
}

type PersonKind = 'visitor' | 'contact' | 'member';
const BY_TURNS: readonly PersonKind[] = ['visitor', 'contact', 'member'];

/**
 * The realistic mix: on each site visitors, contacts and members each write a few messages, round by round (so a
 * person's first message comes early and the rest land on a known person). Answers the signed webhook bodies in
 * the order Wix would send them; the emulator delivers nothing itself.
 */
export async function signedMix(emulator: Emulator, shape: MixShape): Promise<string[]> {
  emulator.setWebhookUrl(undefined);
  const senders: ((text: string) => string)[] = [];
  const kinds = shape.kinds ?? BY_TURNS;
  for (let s = 0; s < shape.sites; s++) {
    const { instanceId } = emulator.createSite();
    for (let p = 0; p < shape.people; p++) {
      const kind = kinds[p % kinds.length];
      if (kind === 'visitor') {
        let visitorId: string | undefined;
        senders.push((text) => {
          const sent = emulator.visitorSends(instanceId, { text, ...(visitorId ? { visitorId } : {}) });
          visitorId = sent.visitorId;
          return sent.eventId;
        });
        continue;
      }
      const { contactId } = emulator.addContact(instanceId, { firstName: `Person${p}`, email: `person${s}-${p}@example.com` });
      if (kind === 'contact') senders.push((text) => emulator.contactSends(instanceId, { text, contactId }).eventId);
      else {
        const { memberId } = emulator.registerMember(instanceId, contactId, { nickname: `member${s}-${p}` });
        senders.push((text) => emulator.memberSends(instanceId, { text, memberId }).eventId);
      }
    }
  }
  const eventIds: string[] = [];
  for (let round = 0; round < shape.messagesEach; round++) for (const send of senders) eventIds.push(send(`message ${round}`));
  await emulator.webhooks.settled();
  const byId = new Map(emulator.webhooks.events().map((e) => [e.eventId, e]));
  return Promise.all(eventIds.map((id) => emulator.webhooks.sign(byId.get(id)!)));
}
