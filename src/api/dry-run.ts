import { decideAutoReply, type ReplyDecision } from '../core/auto-reply/decide.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import { validateSettings } from '../core/auto-reply/validate-settings.js';
import type { PersonDetails } from '../core/display-name.js';
import { PARTICIPANT_TYPES, currentParticipantId, type ParticipantType } from '../core/participant.js';
import type { Inbox, Store } from '../core/ports.js';
import { BadRequestError, SettingsInvalidError } from './errors.js';
import { readSettings } from './settings.js';

/** POST /api/settings/dry-run: who writes, what, and (optionally) when and with what history. */
export interface DryRunRequest {
  participant: { type: ParticipantType } & PersonDetails;
  text: string;
  channel?: string;
  /** When the message arrives; now if absent. */
  at?: string;
  lastReplyAt?: string;
  firstMessage?: boolean;
  lastBusinessMessageAt?: string;
  businessName?: string;
  /**
   * A draft to try instead of the saved settings: a whole or partial settings object laid over the saved ones, as
   * PUT /api/settings takes it and checked the same way (400 INVALID_SETTINGS, field paths as PUT names them).
   * Nothing is saved.
   */
  settings?: Partial<AutoReplySettings>;
}

/** The name `{businessName}` becomes, and where it comes from: the settings, the site (as Wix Inbox names it), or neither yet. */
export type DryRunBusinessName = { name: string; from: 'settings' | 'site' } | { from: 'unknown' };

export type DryRunResult = Exclude<ReplyDecision, { outcome: 'ask' }> & { at: string; businessName: DryRunBusinessName };

/** The site's business name as Wix Inbox puts it on conversations (what real replies use); undefined if not known. */
export type SiteBusinessName = (instanceId: string) => Promise<string | undefined>;

/**
 * What the app would answer now and why, by the site's saved settings or a draft over them; nothing is sent or stored.
 * `{businessName}` is filled as a real reply fills it: the settings' business name, else the site's.
 */
export async function dryRun(store: Store, instanceId: string, body: unknown, now: Date, siteBusinessName?: SiteBusinessName): Promise<DryRunResult> {
  const request = parse(body);
  const at = request.at ? new Date(request.at) : now;
  const { type, ...details } = request.participant;
  const settings = await settingsToTry(store, instanceId, request.settings);
  const fromSettings = settings.businessName?.trim();
  const fromSite = request.businessName?.trim()
    || (fromSettings ? undefined : await siteBusinessName?.(instanceId).catch(() => undefined));
  const decision = decideAutoReply({
    settings,
    participantType: type,
    details,
    text: request.text,
    channel: request.channel,
    at,
    lastReplyAt: request.lastReplyAt ? new Date(request.lastReplyAt) : undefined,
    isFirstMessage: request.firstMessage ?? true,
    conversation: {
      businessName: fromSite,
      lastBusinessMessageAt: request.lastBusinessMessageAt ? new Date(request.lastBusinessMessageAt) : undefined,
    },
  });
  if (decision.outcome === 'ask') throw new Error('dry run: the decision asked for facts it was given');
  const businessName: DryRunBusinessName = fromSettings ? { name: fromSettings, from: 'settings' } : fromSite ? { name: fromSite, from: 'site' } : { from: 'unknown' };
  return { ...decision, at: at.toISOString(), businessName };
}

const SITE_NAME_TTL_MS = 10 * 60_000;

/**
 * The site's business name, read where real replies read it: the Inbox conversation of the site's latest
 * participant (Get Or Create Conversation, which finds the existing one). Kept for ten minutes per site, so the
 * preview costs at most one Wix call per site in that time; unknown until someone has written.
 */
export function businessNameFromInbox(store: Store, inbox: Inbox, nowMs: () => number = Date.now): SiteBusinessName {
  const cache = new Map<string, { name?: string; at: number }>();
  return async (instanceId) => {
    const hit = cache.get(instanceId);
    if (hit && nowMs() - hit.at < SITE_NAME_TTL_MS) return hit.name;
    const latest = await store.listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 1 });
    const participant = latest.items[0] ? currentParticipantId(latest.items[0].participant) : undefined;
    if (!participant) return undefined;
    const name = (await inbox.currentConversation(instanceId, participant)).businessName?.trim() || undefined;
    cache.set(instanceId, { name, at: nowMs() });
    return name;
  };
}

async function settingsToTry(store: Store, instanceId: string, draft: unknown): Promise<AutoReplySettings> {
  const saved = await readSettings(store, instanceId);
  if (draft === undefined) return saved;
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    throw new SettingsInvalidError([{ field: 'settings', problem: 'must be an object of settings, as PUT /api/settings takes' }]);
  }
  const result = validateSettings(draft, saved);
  if (!result.ok) throw new SettingsInvalidError(result.problems);
  return result.settings;
}

function parse(body: unknown): DryRunRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const participant = b.participant as Record<string, unknown> | undefined;
  if (!participant || !PARTICIPANT_TYPES.includes(participant.type as ParticipantType)) {
    throw new BadRequestError(`participant.type must be one of ${PARTICIPANT_TYPES.join(', ')}`);
  }
  for (const name of ['firstName', 'lastName', 'nickname', 'email'] as const) {
    if (participant[name] !== undefined && typeof participant[name] !== 'string') throw new BadRequestError(`participant.${name} must be text`);
  }
  if (typeof b.text !== 'string') throw new BadRequestError('text must be the message text');
  for (const name of ['at', 'lastReplyAt', 'lastBusinessMessageAt'] as const) {
    if (b[name] !== undefined && (typeof b[name] !== 'string' || Number.isNaN(Date.parse(b[name] as string)))) {
      throw new BadRequestError(`${name} must be an ISO date-time such as 2025-03-01T09:30:00Z`);
    }
  }
  if (b.channel !== undefined && typeof b.channel !== 'string') throw new BadRequestError('channel must be text, e.g. CHAT');
  if (b.firstMessage !== undefined && typeof b.firstMessage !== 'boolean') throw new BadRequestError('firstMessage must be true or false');
  if (b.businessName !== undefined && typeof b.businessName !== 'string') throw new BadRequestError('businessName must be text');
  return b as unknown as DryRunRequest;
}
