/**
 * The emulator's driving API over HTTP (`/_emulator/...`), as the simulator page and `npm run simulate` use it:
 * people write, leave their details, register — and Wix (the emulator) sends the webhooks.
 */
export interface EmulatorClient {
  state(): Promise<EmulatorState>;
  visitorSends(instanceId: string, text: string, visitorId?: string): Promise<{ visitorId: string; conversationId: string }>;
  contactSends(instanceId: string, contactId: string, text: string): Promise<{ conversationId: string }>;
  memberSends(instanceId: string, memberId: string, text: string): Promise<{ conversationId: string }>;
  identifyVisitor(instanceId: string, visitorId: string, contact: { firstName: string; lastName?: string; email?: string }): Promise<{ contactId: string }>;
  registerMember(instanceId: string, contactId: string, member: { nickname: string; loginEmail?: string }): Promise<{ memberId: string }>;
  businessReplies(instanceId: string, conversationId: string, text: string): Promise<unknown>;
}

export interface EmulatorSite {
  site: { instanceId: string; businessName?: string };
  visitors: { id: string; contactId?: string }[];
  contacts: { id: string; info?: { name?: { first?: string; last?: string } }; primaryInfo?: { email?: string } }[];
  members: { id: string; contactId?: string; loginEmail?: string; profile?: { nickname?: string } }[];
  conversations: { id: string; participantId?: Record<string, string>; mergedInto?: string }[];
  messages: { conversationId: string; direction?: string; createdDate?: string; content?: { previewText?: string }; sender?: Record<string, string> }[];
}

export interface EmulatorState {
  sites: EmulatorSite[];
}

export function emulatorClient(baseUrl: string, fetcher: typeof fetch = fetch): EmulatorClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetcher(`${baseUrl}/_emulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const json = (await response.json().catch(() => ({}))) as T & { message?: string };
    if (!response.ok) throw new Error(`Emulator ${method} ${path}: ${json.message ?? `HTTP ${response.status}`}`);
    return json;
  };
  const site = (id: string) => `/sites/${encodeURIComponent(id)}`;
  return {
    state: () => call('GET', '/state'),
    visitorSends: (id, text, visitorId) => call('POST', `${site(id)}/visitor-messages`, { text, ...(visitorId ? { visitorId } : {}) }),
    contactSends: (id, contactId, text) => call('POST', `${site(id)}/contact-messages`, { contactId, text }),
    memberSends: (id, memberId, text) => call('POST', `${site(id)}/member-messages`, { memberId, text }),
    identifyVisitor: (id, visitorId, contact) => call('POST', `${site(id)}/visitors/${encodeURIComponent(visitorId)}/identify`, contact),
    registerMember: (id, contactId, member) => call('POST', `${site(id)}/contacts/${encodeURIComponent(contactId)}/register`, member),
    businessReplies: (id, conversationId, text) => call('POST', `${site(id)}/conversations/${encodeURIComponent(conversationId)}/business-replies`, { text }),
  };
}
