import type { Clock, Emulator } from '../../emulator/index.js';
import type { ConversationList } from '../../src/api/list-conversations.js';

/**
 * What a scenario needs of a host under test, whichever it is (the self-hosted server, or the built worker on
 * emulated Wix hosting): the emulated Wix to play people on, and the app as the site owner's dashboard sees it.
 * A scenario written against this runs on both hosts, so the two keep the same guarantees by construction.
 */
export interface SiteOwnerView {
  emulator: Emulator;
  /** Every webhook delivered (Wix's resends included) and every event the app journaled done. */
  settle(): Promise<void>;
  /** Calls the app's `/api/...` as the site's dashboard. */
  api(instanceId: string, method: string, path: string, options?: { body?: unknown }): Promise<{ status: number; json: any }>;
  list(instanceId: string, params?: Record<string, string>): Promise<ConversationList>;
  timeline(instanceId: string, conversationId: string): Promise<{ conversation: any; decisions: { outcome: string; reason?: string; text?: string; rule?: string }[] }>;
  /** Saves the site's auto-reply settings as the dashboard does (a refusal throws). */
  putSettings(instanceId: string, settings: unknown): Promise<void>;
  /** The texts the app sent on a site, oldest first (what the emulator says it received). */
  repliesOn(instanceId: string): string[];
  close(): Promise<void>;
}

/** A host a scenario runs on: its name in the test titles, and how to start a fresh one. */
export interface HostUnderTest {
  name: string;
  start(options?: { emulatorClock?: Clock }): Promise<SiteOwnerView>;
}

/** A sent message's text, as Inbox shows it. */
export function textOf(content: Record<string, any>): string {
  return (content.basic?.items ?? []).map((item: { text?: string }) => item.text).join('\n');
}
