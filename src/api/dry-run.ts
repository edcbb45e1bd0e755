import * as z from 'zod/mini';
import { decideAutoReply, type ReplyDecision } from '../core/auto-reply/decide.js';
import type { AutoReplySettings } from '../core/auto-reply/settings.js';
import { validateSettings } from '../core/auto-reply/validate-settings.js';
import type { PersonDetails } from '../core/display-name.js';
import { once } from '../core/once.js';
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

const MAX_NAME = 200;
/** The sample message's length: keyword matching reads only the first 10,000 characters anyway. */
const MAX_DRY_RUN_TEXT = 20_000;

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
/** Sites whose business name is kept at once; the longest-kept goes first. */
export const MAX_SITE_NAMES = 1000;

/**
 * The site's business name, read where real replies read it: the Inbox conversation of the site's latest
 * participant (Get Or Create Conversation, which finds the existing one). Kept for ten minutes per site, so the
 * preview costs at most one Wix call per site in that time; unknown until someone has written.
 */
export function businessNameFromInbox(storeOf: (instanceId: string) => Store, inbox: Inbox, nowMs: () => number = Date.now): SiteBusinessName {
  const cache = new Map<string, { name?: string; at: number }>();
  return async (instanceId) => {
    const hit = cache.get(instanceId);
    if (hit && nowMs() - hit.at < SITE_NAME_TTL_MS) return hit.name;
    const latest = await storeOf(instanceId).listConversations(instanceId, { sort: { field: 'lastMessageAt', order: 'desc' }, offset: 0, limit: 1 });
    const participant = latest.items[0] ? currentParticipantId(latest.items[0].participant) : undefined;
    if (!participant) return undefined;
    const name = (await inbox.currentConversation(instanceId, participant)).businessName?.trim() || undefined;
    cache.delete(instanceId);
    if (cache.size >= MAX_SITE_NAMES) cache.delete(cache.keys().next().value!);
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

const isoTime = (name: string) => z.optional(z.string({ error: `${name} must be an ISO date-time such as 2025-03-01T09:30:00Z` }).check(
  z.maxLength(40, { error: `${name} must be an ISO date-time such as 2025-03-01T09:30:00Z` }),
  z.refine((value) => !Number.isNaN(Date.parse(value)), { error: `${name} must be an ISO date-time such as 2025-03-01T09:30:00Z` }),
));
const name = (field: string) => z.optional(z.string({ error: `participant.${field} must be text` })
  .check(z.maxLength(MAX_NAME, { error: `participant.${field} must be at most ${MAX_NAME} characters` })));

/**
 * The dry-run body as a zod strict object: a key it does not take is refused by name (prototype keys included).
 * Built on the first dry run, not at start.
 */
const dryRunBody = once(() => z.strictObject({
  participant: z.strictObject({
    type: z.enum(PARTICIPANT_TYPES as [ParticipantType, ...ParticipantType[]], { error: `participant.type must be one of ${PARTICIPANT_TYPES.join(', ')}` }),
    firstName: name('firstName'),
    lastName: name('lastName'),
    nickname: name('nickname'),
    email: name('email'),
    phone: name('phone'),
  }, { error: (issue) => issue.code === 'unrecognized_keys' ? `participant takes type, firstName, lastName, nickname, email, phone; not ${issue.keys.join(', ')}` : `participant.type must be one of ${PARTICIPANT_TYPES.join(', ')}` }),
  text: z.string({ error: 'text must be the message text' }).check(z.maxLength(MAX_DRY_RUN_TEXT, { error: `text must be at most ${MAX_DRY_RUN_TEXT} characters` })),
  channel: z.optional(z.string({ error: 'channel must be text, e.g. CHAT' }).check(z.maxLength(40, { error: 'channel must be a channel name, e.g. CHAT' }))),
  at: isoTime('at'),
  lastReplyAt: isoTime('lastReplyAt'),
  firstMessage: z.optional(z.boolean({ error: 'firstMessage must be true or false' })),
  lastBusinessMessageAt: isoTime('lastBusinessMessageAt'),
  businessName: z.optional(z.string({ error: 'businessName must be text' }).check(z.maxLength(MAX_NAME, { error: `businessName must be at most ${MAX_NAME} characters` }))),
  settings: z.optional(z.unknown()),
}, { error: (issue) => issue.code === 'unrecognized_keys'
  ? `The dry run takes participant, text, channel, at, lastReplyAt, firstMessage, lastBusinessMessageAt, businessName, settings; not ${issue.keys.join(', ')}`
  : 'The dry run takes a JSON object: {participant: {type, …}, text}' }));

function parse(body: unknown): DryRunRequest {
  const parsed = dryRunBody().safeParse(body);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]!.message);
  return parsed.data as DryRunRequest;
}
