/**
 * The processing floor's side of Wix, two ways: by hand (`fetch` to the REST routes, the webhook JWT verified with
 * jose and its JSON parsed) or through the Wix SDK, as the app must (its modules for the calls, its webhook
 * dispatch for the event). The SDK is loaded only when asked for, so the hand-made floor carries none of it.
 */
import { jwtVerify, type KeyLike } from 'jose';

export interface Sender { memberId?: string; contactId?: string; anonymousVisitorId?: string }
export interface FloorEvent { instanceId: string; eventId: string; conversationId: string; sender: Sender; at: string }
type ParticipantId = { memberId: string } | { contactId: string } | { anonymousVisitorId: string };

export interface FloorWix {
  getMember(instanceId: string, memberId: string): Promise<unknown>;
  getContact(instanceId: string, contactId: string): Promise<unknown>;
  getOrCreateConversation(instanceId: string, participantId: ParticipantId): Promise<string>;
  /** The newest page of the conversation's messages (the quiet rule looks for one from the business). */
  businessMessages(instanceId: string, conversationId: string): Promise<{ sender?: { wixUserId?: string | null } | null }[]>;
  sendMessage(instanceId: string, conversationId: string, text: string): Promise<void>;
}

/** The webhook's event and the JSON the floor journals. */
export type ParseWebhook = (jwt: string) => Promise<{ event: FloorEvent; data: string }>;

interface Settings { api: string; appId: string; appSecret: string; sdk: boolean }

const reply = (text: string) => ({
  direction: 'BUSINESS_TO_PARTICIPANT' as const, visibility: 'BUSINESS_AND_PARTICIPANT' as const, content: { basic: { items: [{ text }] } },
});

/** A client-credentials token per site, fetched once. */
function siteTokens({ api, appId, appSecret }: Settings): (instanceId: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (instanceId) => {
    let found = tokens.get(instanceId);
    if (!found) {
      found = fetch(`${api}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: appId, client_secret: appSecret, instance_id: instanceId }) })
        .then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      tokens.set(instanceId, found);
    }
    return found;
  };
}

export async function floorWixCalls(settings: Settings): Promise<FloorWix> {
  return settings.sdk ? sdkCalls(settings) : restCalls(settings);
}

function restCalls(settings: Settings): FloorWix {
  const token = siteTokens(settings);
  const wix = async (instanceId: string, method: string, route: string, body?: unknown): Promise<Record<string, any>> => {
    const response = await fetch(`${settings.api}${route}`, { method, headers: { authorization: await token(instanceId), 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}) });
    if (response.status !== 200) throw new Error(`${method} ${route}: ${response.status}`);
    return (await response.json()) as Record<string, any>;
  };
  return {
    getMember: async (instanceId, memberId) => (await wix(instanceId, 'GET', `/members/v1/members/${memberId}?fieldsets=FULL`)).member,
    getContact: async (instanceId, contactId) => (await wix(instanceId, 'GET', `/contacts/v4/contacts/${contactId}`)).contact,
    getOrCreateConversation: async (instanceId, participantId) => (await wix(instanceId, 'POST', '/inbox/v2/conversations', { participantId })).conversation.id,
    businessMessages: async (instanceId, conversationId) =>
      (await wix(instanceId, 'GET', `/inbox/v2/messages?conversationId=${conversationId}&visibility=BUSINESS`)).messages,
    sendMessage: async (instanceId, conversationId, text) => void (await wix(instanceId, 'POST', '/inbox/v2/messages', { conversationId, message: reply(text) })),
  };
}

async function sdkCalls(settings: Settings): Promise<FloorWix> {
  const [{ createClient }, { conversations, messages }, { contacts }, { members }] = await Promise.all([
    import('@wix/sdk'), import('@wix/inbox'), import('@wix/crm'), import('@wix/members'),
  ]);
  const token = siteTokens(settings);
  const modules = { conversations, messages, contacts, members };
  const atApi: typeof fetch = (input, init) => fetch(String(input).replace(/^https:\/\/www\.wixapis\.com/, settings.api), init);
  const connect = (instanceId: string) =>
    createClient({ modules, fetch: atApi, auth: { getAuthHeaders: async () => ({ headers: { Authorization: await token(instanceId) } }) } });
  const clients = new Map<string, ReturnType<typeof connect>>();
  const clientOf = (instanceId: string) => {
    let client = clients.get(instanceId);
    if (!client) clients.set(instanceId, (client = connect(instanceId)));
    return client;
  };
  return {
    getMember: (instanceId, memberId) => clientOf(instanceId).members.getMember(memberId, { fieldsets: ['FULL'] }),
    getContact: (instanceId, contactId) => clientOf(instanceId).contacts.getContact(contactId),
    getOrCreateConversation: async (instanceId, participantId) =>
      (await clientOf(instanceId).conversations.getOrCreateConversation(participantId)).conversation!._id!,
    businessMessages: async (instanceId, conversationId) => (await clientOf(instanceId).messages.listMessages(conversationId, 'BUSINESS',
      { paging: { limit: 30 }, sorting: { fieldName: 'sequence', order: 'DESC' } })).messages ?? [],
    sendMessage: async (instanceId, conversationId, text) => void (await clientOf(instanceId).messages.sendMessage(conversationId, reply(text))),
  };
}

export function floorWebhooks(key: KeyLike, sdk: boolean): ParseWebhook {
  return sdk ? sdkWebhooks(key) : async (jwt) => {
    const { payload } = await jwtVerify(jwt, key, { algorithms: ['RS256'] });
    const outer = JSON.parse(payload.data as string) as { instanceId: string; data: string };
    const domain = JSON.parse(outer.data) as { id: string; actionEvent: { body: { conversationId: string; message: { sender: Sender; createdDate: string } } } };
    const { conversationId, message } = domain.actionEvent.body;
    return { event: { instanceId: outer.instanceId, eventId: domain.id, conversationId, sender: message.sender, at: message.createdDate }, data: outer.data };
  };
}

/** The SDK verifies (through `decodeJWT`, as AppStrategy does) and dispatches to the registered handler. */
function sdkWebhooks(key: KeyLike): ParseWebhook {
  let client: Promise<{ parse: ParseWebhook }> | undefined;
  const load = async () => {
    const [{ createClient }, { messages }] = await Promise.all([import('@wix/sdk'), import('@wix/inbox')]);
    const webhooks = createClient({ modules: { messages }, auth: {
      getAuthHeaders: () => { throw new Error('the floor\'s webhook client calls no API'); },
      decodeJWT: async (jwt: string) => ({ decoded: { data: (await jwtVerify(jwt, key, { algorithms: ['RS256'] })).payload.data }, valid: true }),
    } });
    // executeHandlers calls the handler before its first await: the delivery starting is the one it sees.
    let starting: ((envelope: Parameters<Parameters<typeof webhooks.messages.onMessageSentToBusiness>[0]>[0]) => void) | undefined;
    webhooks.messages.onMessageSentToBusiness((envelope) => starting?.(envelope));
    const parse: ParseWebhook = async (jwt) => {
      const parsed = await webhooks.webhooks.parseJWT(jwt);
      let found: FloorEvent | undefined;
      starting = ({ data, metadata }) => {
        found = { instanceId: metadata.instanceId!, eventId: metadata._id!, conversationId: data.conversationId!,
          sender: (data.message?.sender ?? {}) as Sender, at: String(data.message?._createdDate ?? '') };
      };
      const running = webhooks.webhooks.executeHandlers(parsed);
      starting = undefined;
      await running;
      if (!found) throw new Error(`not a Message Sent To Business event: ${parsed.eventType}`);
      return { event: found, data: JSON.stringify(parsed.payload) };
    };
    return { parse };
  };
  return async (jwt) => (await (client ??= load())).parse(jwt);
}
