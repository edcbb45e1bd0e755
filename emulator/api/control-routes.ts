import type { ContactInput } from '../crm/contacts.js';
import type { MemberInput } from '../crm/members.js';
import type { Emulator } from '../emulator-types.js';
import type { FaultSpec } from '../gateway/faults.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import type { ParticipantMessage } from '../scenario/participant-sends.js';
import type { DeliverySettings } from '../webhooks/delivery-settings.js';

const text = (ctx: RouteContext) => String(ctx.fields.text ?? '');
const site = (ctx: RouteContext) => ctx.params.instanceId!;
const fields = <T>(ctx: RouteContext) => ctx.fields as unknown as T;

/** The driving API over HTTP, as JSON under `/_emulator` (for the CLI and the simulator page). */
export function controlRoutes(emu: Emulator): Route[] {
  return [
    route('GET', '/_emulator', () => ({
      url: emu.url,
      app: { appId: emu.app.appId, appSecret: emu.app.appSecret, publicKeyPem: emu.app.publicKeyPem },
    })),
    route('GET', '/_emulator/state', () => emu.state()),
    route('POST', '/_emulator/sites', (ctx) => emu.createSite(fields(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/visitor-messages', (ctx) =>
      emu.visitorSends(site(ctx), fields<ParticipantMessage & { visitorId?: string }>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/contact-messages', (ctx) =>
      emu.contactSends(site(ctx), fields<ParticipantMessage & { contactId: string }>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/member-messages', (ctx) =>
      emu.memberSends(site(ctx), fields<ParticipantMessage & { memberId: string }>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/contacts', (ctx) => emu.addContact(site(ctx), fields<ContactInput>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/visitors/{visitorId}/identify', (ctx) =>
      emu.identifyVisitor(site(ctx), ctx.params.visitorId!, fields<ContactInput>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/contacts/{contactId}/register', (ctx) =>
      emu.registerMember(site(ctx), ctx.params.contactId!, fields<MemberInput>(ctx))),
    route('POST', '/_emulator/sites/{instanceId}/conversations/{conversationId}/business-replies', (ctx) =>
      ({ message: emu.businessReplies(site(ctx), ctx.params.conversationId!, text(ctx)) })),
    route('GET', '/_emulator/sites/{instanceId}/sent-by-app', (ctx) => ({ sent: emu.sentByApp(site(ctx)) })),
    route('GET', '/_emulator/sites/{instanceId}/conversations/{conversationId}/messages', (ctx) =>
      ({ messages: emu.messages(site(ctx), ctx.params.conversationId!) })),
    route('PUT', '/_emulator/webhook-url', (ctx) => {
      emu.setWebhookUrl(ctx.fields.url ? String(ctx.fields.url) : undefined);
      return { url: ctx.fields.url ?? null };
    }),
    route('GET', '/_emulator/delivery', () => emu.delivery.get()),
    route('PUT', '/_emulator/delivery', (ctx) => emu.delivery.set(fields<Partial<DeliverySettings>>(ctx))),
    route('GET', '/_emulator/deliveries', () => ({ deliveries: emu.webhooks.deliveries() })),
    route('GET', '/_emulator/events', () => ({ events: emu.webhooks.events() })),
    route('POST', '/_emulator/settled', async () => {
      await emu.webhooks.settled();
      return { settled: true };
    }),
    route('GET', '/_emulator/faults', () => ({ faults: emu.faults.list().map(serializableFault) })),
    route('POST', '/_emulator/faults', (ctx) => serializableFault(emu.faults.add(faultFromJson(ctx.fields)))),
    route('DELETE', '/_emulator/faults', () => {
      emu.faults.clear();
      return {};
    }),
    route('PUT', '/_emulator/rate-limit', (ctx) => {
      const perMinute = ctx.fields.perMinute === false ? false : Number(ctx.fields.perMinute ?? 200);
      emu.rateLimit.set(perMinute);
      return { perMinute };
    }),
  ];
}

/** JSON cannot carry a RegExp: `pathPattern` is its source. */
function faultFromJson(json: Record<string, unknown>): FaultSpec {
  const { pathPattern, ...rest } = json as FaultSpec & { pathPattern?: string };
  return { ...rest, ...(pathPattern ? { path: new RegExp(pathPattern) } : {}) };
}

const serializableFault = <T extends FaultSpec>(fault: T) =>
  ({ ...fault, path: fault.path instanceof RegExp ? fault.path.source : fault.path });
