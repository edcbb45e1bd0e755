import type { KeyObject } from 'node:crypto';
import type { TelemetryRecord } from './api/platform-routes.js';
import type { SubjectType } from './auth/token-issuer.js';
import type { ContactInput } from './crm/contacts.js';
import type { MemberInput } from './crm/members.js';
import type { ActiveFault, FaultSpec } from './gateway/faults.js';
import type { Identified, Registered } from './scenario/lifecycle.js';
import type { ParticipantMessage, SentToBusiness } from './scenario/participant-sends.js';
import type { snapshot } from './scenario/snapshot.js';
import type { NewSite } from './state/world.js';
import type { Message, Site } from './state/types.js';
import type { Clock } from './util/clock.js';
import type { Logger } from './util/logger.js';
import type { DeliveryRecord, DeliverySettings } from './webhooks/delivery-settings.js';
import type { EmittedEvent } from './webhooks/domain-events.js';
import type { SignOptions } from './webhooks/signer.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The emulated app; a random ID and secret (and a fresh RS256 key pair) unless given. */
  app?: { appId?: string; appSecret?: string; privateKeyPem?: string };
  /** Where webhooks go; none are delivered until one is set. */
  webhookUrl?: string;
  clock?: Clock;
  /** Lifetime of access tokens from /oauth2/token (Wix: 4 hours). */
  tokenTtlSeconds?: number;
  /** Requests per minute per site (Wix: 200); `false` turns the limit off. */
  rateLimitPerMinute?: number | false;
  delivery?: Partial<DeliverySettings>;
  log?: Logger;
}

export interface EmulatorApp {
  appId: string;
  appSecret: string;
  publicKeyPem: string;
  privateKey: KeyObject;
}

export interface Emulator {
  url: string;
  app: EmulatorApp;
  clock: Clock;
  /** One URL for every event type (clears `setWebhookUrls`). */
  setWebhookUrl(url: string | undefined): void;
  /**
   * One URL per event type, as an app's manifest registers them (Wix hosting: one callback URL per webhook slug);
   * an event type with no URL is not delivered. `undefined` goes back to the single URL.
   */
  setWebhookUrls(byEventType: Record<string, string> | undefined): void;
  /**
   * An access token for someone on a site, as the app's backend would receive it: `USER` (a dashboard user of
   * the site, what `httpClient.fetchWithAuth` sends), `MEMBER` or `VISITOR`. `/oauth2/token-info` reports it.
   */
  issueToken(instanceId: string, subject: { subjectType: Exclude<SubjectType, 'APP'>; subjectId?: string }): string;
  /** Every post the hosted runtime made to Wix's monitoring collectors (answered 200, counted nowhere else). */
  telemetry(): TelemetryRecord[];
  close(): Promise<void>;

  createSite(input?: NewSite): Site;
  visitorSends(instanceId: string, input: ParticipantMessage & { visitorId?: string }): SentToBusiness & { visitorId: string };
  contactSends(instanceId: string, input: ParticipantMessage & { contactId: string }): SentToBusiness;
  memberSends(instanceId: string, input: ParticipantMessage & { memberId: string }): SentToBusiness;
  identifyVisitor(instanceId: string, visitorId: string, input: ContactInput): Identified;
  registerMember(instanceId: string, contactId: string, input: MemberInput): Registered;
  addContact(instanceId: string, input: ContactInput): { contactId: string };
  businessReplies(instanceId: string, conversationId: string, text: string): Message;
  sentByApp(instanceId: string): { conversationId: string; message: Message }[];
  messages(instanceId: string, conversationId: string): Message[];
  state(): ReturnType<typeof snapshot>;

  webhooks: {
    /** Resolves when every emitted event was delivered or gave up (retries included). */
    settled(): Promise<void>;
    deliveries(): DeliveryRecord[];
    events(): EmittedEvent[];
    /** Signs an event as the platform would (tests use it for expired tokens). */
    sign(event: EmittedEvent, options?: SignOptions): Promise<string>;
  };
  delivery: {
    set(changes: Partial<DeliverySettings>): DeliverySettings;
    get(): DeliverySettings;
  };
  faults: {
    add(spec: FaultSpec): ActiveFault;
    clear(): void;
    list(): ActiveFault[];
  };
  rateLimit: {
    set(perMinute: number | false): void;
  };
}
