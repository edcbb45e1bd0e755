import type { ConversationList } from '../api/list-conversations.js';
import { signInstanceToken } from '../api/instance-token.js';
import type { LocalStack } from './local-stack.js';

/**
 * Plays one person's life on a demo site — visitor, contact, member — and prints what Wix did and what
 * the app recorded after each step, as the dashboard API returns it.
 */
export async function playScriptedLifecycle(stack: LocalStack, print: (line: string) => void): Promise<{ instanceId: string; token: string }> {
  const { emulator } = stack;
  const site = emulator.createSite({ businessName: 'Casa Azul Bakery', timeZone: 'Europe/Lisbon' });
  const token = signInstanceToken({ instanceId: site.instanceId, appDefId: emulator.app.appId }, emulator.app.appSecret);
  const show = async (step: string) => {
    await stack.settle();
    const response = await fetch(`${stack.serverUrl}/api/conversations`, { headers: { authorization: token } });
    const list = (await response.json()) as ConversationList;
    print(`\n${step}`);
    for (const row of list.items) {
      const history = row.typeHistory.map((change) => change.type).join(' → ');
      print(`  ${row.participantType.padEnd(17)} ${row.displayName.padEnd(16)} ${String(row.messageCount).padStart(2)} msg  conversation ${row.conversationId}`);
      print(`  ${''.padEnd(17)} history: ${history}${row.mergedFrom.length ? `; merged from ${row.mergedFrom.join(', ')}` : ''}`);
    }
  };

  const visit = emulator.visitorSends(site.instanceId, { text: 'Hi! Do you deliver to Porto?' });
  await show(`1. An anonymous visitor writes in the site chat (visitor ${visit.visitorId})`);
  const contact = emulator.identifyVisitor(site.instanceId, visit.visitorId, { firstName: 'Inês', lastName: 'Carvalho', email: 'ines@example.pt' });
  emulator.contactSends(site.instanceId, { contactId: contact.contactId, text: 'Here is my email, please write back.' });
  await show(`2. They leave their name and email: now contact ${contact.contactId}; Wix merged their old conversation`);
  const member = emulator.registerMember(site.instanceId, contact.contactId, { nickname: 'ines.c', loginEmail: 'ines@example.pt' });
  emulator.memberSends(site.instanceId, { memberId: member.memberId, text: 'I just signed up. Can I order for Friday?' });
  await show(`3. They register: now member ${member.memberId}; Wix merged again`);
  return { instanceId: site.instanceId, token };
}
