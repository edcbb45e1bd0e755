import { signInstanceToken } from '../api/instance-token.js';
import type { DemoClock } from './demo-clock.js';
import { DEMO_BUSINESS, DEMO_PEOPLE, type DemoPerson } from './demo-people.js';
import type { LocalStack } from './local-stack.js';

/** A demo site, seeded: its instance ID, and a signed instance token to open its dashboard with. */
export interface DemoSite {
  instanceId: string;
  token: string;
  people: number;
}

interface Step {
  minutesAgo: number;
  run(): void;
}

/** Over the last ~3 hours (the emulator's access tokens live 4), one person every few minutes. */
const SPAN_MINUTES = 175;

/**
 * Seeds a realistic afternoon on a new demo site: a few dozen people across the three types, with the merges
 * Wix makes as visitors leave their details and register, and a few answers from the business. Every step goes
 * through the emulator, so the app learns it all from real signed webhooks.
 */
export async function seedDemo(stack: LocalStack, clock: DemoClock, people: DemoPerson[] = DEMO_PEOPLE): Promise<DemoSite> {
  const { emulator } = stack;
  const site = emulator.createSite(DEMO_BUSINESS);
  const steps = people.flatMap((person, index) => stepsFor(stack, site.instanceId, person, SPAN_MINUTES - (index * SPAN_MINUTES) / people.length));
  steps.sort((a, b) => b.minutesAgo - a.minutesAgo);
  emulator.rateLimit.set(false);
  try {
    for (const step of steps) {
      clock.rewind(Math.max(step.minutesAgo, 0.2));
      step.run();
    }
    clock.resume();
    await stack.settle();
  } finally {
    clock.resume();
    emulator.rateLimit.set(200);
  }
  const token = signInstanceToken({ instanceId: site.instanceId, appDefId: emulator.app.appId }, emulator.app.appSecret);
  return { instanceId: site.instanceId, token, people: people.length };
}

function stepsFor(stack: LocalStack, instanceId: string, person: DemoPerson, start: number): Step[] {
  const emu = stack.emulator;
  const me: { visitorId?: string; contactId?: string; memberId?: string; conversationId?: string } = {};
  const at = (offset: number, run: () => void): Step => ({ minutesAgo: start - offset, run });
  const [first = 'Hello!', second, third] = person.messages;
  const contact = { firstName: person.firstName ?? 'Guest', lastName: person.lastName, email: person.email };
  const steps: Step[] = [];

  if (person.channel) {
    steps.push(at(0, () => {
      me.contactId = emu.addContact(instanceId, contact).contactId;
      me.conversationId = emu.contactSends(instanceId, { contactId: me.contactId, text: first, channel: person.channel }).conversationId;
    }));
  } else {
    steps.push(at(0, () => {
      const sent = emu.visitorSends(instanceId, { text: first });
      Object.assign(me, { visitorId: sent.visitorId, conversationId: sent.conversationId });
    }));
    if (person.becomes === 'ANONYMOUS_VISITOR') {
      person.messages.slice(1).forEach((text, index) => steps.push(at(2 + index, () => {
        me.conversationId = emu.visitorSends(instanceId, { text, visitorId: me.visitorId }).conversationId;
      })));
    } else {
      steps.push(at(3, () => {
        me.contactId = emu.identifyVisitor(instanceId, me.visitorId!, contact).contactId;
      }));
      if (second) steps.push(at(3.5, () => {
        me.conversationId = emu.contactSends(instanceId, { contactId: me.contactId!, text: second }).conversationId;
      }));
    }
  }
  if (person.becomes === 'MEMBER') {
    steps.push(at(14, () => {
      me.memberId = emu.registerMember(instanceId, me.contactId!, { nickname: [person.firstName, person.lastName].filter(Boolean).join(' ') || 'Guest', loginEmail: person.email }).memberId;
    }));
    steps.push(at(15, () => {
      me.conversationId = emu.memberSends(instanceId, { memberId: me.memberId!, text: third ?? 'Hi, it is me again.' }).conversationId;
    }));
  }
  if (person.reply) steps.push(at(person.becomes === 'MEMBER' ? 17 : 6, () => emu.businessReplies(instanceId, me.conversationId!, person.reply!)));
  return steps;
}
