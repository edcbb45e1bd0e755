import { newGuid } from '../util/ids.js';
import type { Site } from '../state/types.js';

export const MESSAGE_SENT_TO_BUSINESS = 'wix.crm.inbox.v2.message_message_sent_to_business';
export const CONVERSATIONS_MERGED = 'wix.crm.inbox.v2.conversation_conversations_merged';

/** Who caused the event, as Wix puts it in the webhook's `identity` (there is no CONTACT type). */
export type WebhookIdentity =
  | { identityType: 'ANONYMOUS_VISITOR'; anonymousVisitorId: string }
  | { identityType: 'MEMBER'; memberId: string }
  | { identityType: 'APP'; appId: string };

/** One event the platform emitted, before signing: what deliveries and logs refer to. */
export interface EmittedEvent {
  eventId: string;
  eventType: string;
  instanceId: string;
  accountInfo: { accountId: string; siteId: string };
  identity?: WebhookIdentity;
  /** The DomainEvent, as it travels JSON-encoded inside the JWT. */
  domainEvent: {
    id: string;
    entityFqdn: string;
    slug: string;
    entityId: string;
    eventTime: string;
    triggeredByAnonymizeRequest: boolean;
    actionEvent: { body: Record<string, unknown> };
  };
}

export interface ActionEventInput {
  site: Site;
  eventType: string;
  entityFqdn: string;
  slug: string;
  entityId: string;
  body: Record<string, unknown>;
  identity?: WebhookIdentity;
  eventTime: string;
}

export function actionEvent(input: ActionEventInput): EmittedEvent {
  const eventId = newGuid();
  return {
    eventId,
    eventType: input.eventType,
    instanceId: input.site.instanceId,
    accountInfo: { accountId: input.site.accountId, siteId: input.site.siteId },
    ...(input.identity ? { identity: input.identity } : {}),
    domainEvent: {
      id: eventId,
      entityFqdn: input.entityFqdn,
      slug: input.slug,
      entityId: input.entityId,
      eventTime: input.eventTime,
      triggeredByAnonymizeRequest: false,
      actionEvent: { body: input.body },
    },
  };
}
