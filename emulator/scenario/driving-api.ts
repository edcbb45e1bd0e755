import { addContact, businessReplies, conversationMessages, sentByApp } from './business-side.js';
import { identifyVisitor, registerMember } from './lifecycle.js';
import { contactSends, memberSends, visitorSends } from './participant-sends.js';
import type { Platform } from './platform.js';
import { snapshot } from './snapshot.js';
import type { NewSite } from '../state/world.js';
import type { Emulator } from '../emulator-types.js';

type DrivingApi = Pick<Emulator, 'createSite' | 'visitorSends' | 'contactSends' | 'memberSends' | 'identifyVisitor' |
  'registerMember' | 'addContact' | 'businessReplies' | 'sentByApp' | 'messages' | 'state'>;

/** The driving API: what people on the site and in the business do, bound to one platform. */
export function createDrivingApi(p: Platform): DrivingApi {
  return {
    createSite: (input?: NewSite) => p.world.createSite(input),
    visitorSends: (instanceId, input) => visitorSends(p, instanceId, input),
    contactSends: (instanceId, input) => contactSends(p, instanceId, input),
    memberSends: (instanceId, input) => memberSends(p, instanceId, input),
    identifyVisitor: (instanceId, visitorId, input) => identifyVisitor(p, instanceId, visitorId, input),
    registerMember: (instanceId, contactId, input) => registerMember(p, instanceId, contactId, input),
    addContact: (instanceId, input) => addContact(p, instanceId, input),
    businessReplies: (instanceId, conversationId, text) => businessReplies(p, instanceId, conversationId, text),
    sentByApp: (instanceId) => sentByApp(p, instanceId),
    messages: (instanceId, conversationId) => conversationMessages(p, instanceId, conversationId),
    state: () => snapshot(p.world),
  };
}
