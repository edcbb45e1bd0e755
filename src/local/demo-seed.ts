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

/** Steps closer together than this share one wait for the app to catch up (keeps seeding to a few seconds). */
const SETTLE_EVERY_MINUTES = 0.1;

/**
 * Over the last ~50 minutes, a person every minute or two. The app processes each step as it happens, so a webhook
 * must still be valid when it arrives: Wix signs them for an hour, and the SDK checks that against real time.
 */
const SPAN_MINUTES = 50;

/**
 * Seeds a realistic busy hour on a new demo site: a few dozen people across the three types, with the merges
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
    // The app processes each step while the clock still stands at it, so its decisions (and their times) sit
    // beside the messages they answered instead of at the moment seeding ended.
    let settledAt = Number.POSITIVE_INFINITY;
    for (const step of steps) {
      if (settledAt - step.minutesAgo >= SETTLE_EVERY_MINUTES) {
        await stack.settle();
        settledAt = step.minutesAgo;
      }
      clock.rewind(Math.max(step.minutesAgo, 0.2));
      step.run();
    }
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
