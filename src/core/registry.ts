import type { ConversationRecord } from './conversation.js';
import { maxIso, minIso } from './iso-time.js';
import { normaliseHistory, upgradeType } from './type-history.js';
import { displayName, type PersonDetails } from './display-name.js';
import { PARTICIPANT_TYPES, laterType, mergeIds, type Participant } from './participant.js';

/** A participant's message as the registry needs it. */
export interface SeenMessage {
  instanceId: string;
  /** The conversation the message is counted in: its current ID, after merges. */
  conversationId: string;
  /** The conversation the message was written in, if it has since been merged into `conversationId`. */
  writtenIn?: string;
  participant: Participant;
  at: string;
  preview?: string;
  channel?: string;
}

/** Conversations Merged: the old conversations now live in the target. */
export interface SeenMerge {
  instanceId: string;
  targetConversationId: string;
  oldConversationIds: string[];
  at: string;
}

const PREVIEW_LENGTH = 140;

/** Counts a message into its conversation, creating the record on the first one. */
export function recordMessage(existing: ConversationRecord | undefined, message: SeenMessage, mergedFrom: string[] = []): ConversationRecord {
  const known = existing && { ...existing, mergedFrom: unique([...existing.mergedFrom, ...mergedFrom]).filter((id) => id !== existing.conversationId) };
  const base = known ?? emptyRecord(message, unique(mergedFrom));
  const isLatest = !base.lastMessageAt || message.at >= base.lastMessageAt;
  const withType = upgradeType(base, message.participant, message.at, message.writtenIn ?? message.conversationId);
  return {
    ...withType,
    channel: isLatest ? message.channel ?? base.channel : base.channel ?? message.channel,
    firstMessageAt: minIso(base.firstMessageAt, message.at),
    lastMessageAt: maxIso(base.lastMessageAt, message.at),
    lastMessagePreview: isLatest ? preview(message.preview) ?? base.lastMessagePreview : base.lastMessagePreview,
    messageCount: base.messageCount + 1,
    updatedAt: maxIso(base.updatedAt, message.at) ?? message.at,
  };
}

/** Folds the old conversations into the target: counts, first seen, type history and old IDs survive. */
export function foldMerge(target: ConversationRecord | undefined, olds: ConversationRecord[], merge: SeenMerge): ConversationRecord | undefined {
  const all = [...olds, ...(target ? [target] : [])];
  if (all.length === 0) return undefined;
  const newest = all.reduce((a, b) => ((b.lastMessageAt ?? '') > (a.lastMessageAt ?? '') ? b : a));
  const folded = all.reduce((acc, record) => ({
    ...acc,
    participant: mergeIds(record.participant, acc.participant),
    participantType: laterType(acc.participantType, record.participantType),
    messageCount: acc.messageCount + record.messageCount,
    firstMessageAt: minIso(acc.firstMessageAt, record.firstMessageAt),
    lastMessageAt: maxIso(acc.lastMessageAt, record.lastMessageAt),
    typeHistory: [...acc.typeHistory, ...record.typeHistory],
    mergedFrom: [...acc.mergedFrom, ...record.mergedFrom],
  }), { ...(target ?? newest), messageCount: 0, firstMessageAt: undefined, lastMessageAt: undefined, typeHistory: [], mergedFrom: [] } as ConversationRecord);
  const oldIds = merge.oldConversationIds.filter((id) => id !== merge.targetConversationId);
  const named = bestNamed(all);
  return {
    ...folded,
    // Resolved only if the person was resolved as the type they are now; a known name beats a fallback either way.
    resolution: all.some((r) => r.resolution === 'resolved' && r.participantType === folded.participantType) ? 'resolved' : 'pending',
    displayName: named?.displayName ?? displayName(folded.participantType, folded.participant),
    ...definedOnly({ email: named?.email ?? folded.email, phone: named?.phone ?? folded.phone }),
    conversationId: merge.targetConversationId,
    mergedFrom: unique([...folded.mergedFrom, ...olds.map((r) => r.conversationId), ...oldIds]).filter((id) => id !== merge.targetConversationId),
    typeHistory: normaliseHistory(folded.typeHistory),
    lastMessagePreview: newest.lastMessagePreview,
    channel: newest.channel,
    autoReply: latestAutoReply(all),
    updatedAt: maxIso(folded.updatedAt, merge.at) ?? merge.at,
  };
}

/** Applies what the Directory said about the person: type, name, email, phone. */
export function applyPerson(record: ConversationRecord, person: Participant, details: PersonDetails, at: string): ConversationRecord {
  const upgraded = upgradeType(record, person, at, record.conversationId);
  return {
    ...upgraded,
    displayName: displayName(upgraded.participantType, upgraded.participant, details),
    email: details.email ?? record.email,
    phone: details.phone ?? record.phone,
    resolution: 'resolved',
    updatedAt: maxIso(record.updatedAt, at) ?? at,
  };
}

function emptyRecord(message: SeenMessage, mergedFrom: string[]): ConversationRecord {
  const { type, ids } = message.participant;
  return {
    instanceId: message.instanceId,
    conversationId: message.conversationId,
    participantType: type,
    participant: ids,
    displayName: displayName(type, ids),
    messageCount: 0,
    mergedFrom: mergedFrom.filter((id) => id !== message.conversationId),
    typeHistory: [{ type, at: message.at, conversationId: message.conversationId }],
    resolution: 'pending',
    updatedAt: message.at,
  };
}

/** The record with a real name (not a fallback) of the latest type, newest on a tie: the best known details. */
function bestNamed(records: ConversationRecord[]): ConversationRecord | undefined {
  const rank = (r: ConversationRecord) => PARTICIPANT_TYPES.indexOf(r.participantType);
  return records
    .filter((r) => r.displayName !== displayName(r.participantType, r.participant))
    .reduce<ConversationRecord | undefined>((a, b) => {
      if (!a) return b;
      if (rank(a) !== rank(b)) return rank(b) > rank(a) ? b : a;
      return b.updatedAt > a.updatedAt ? b : a;
    }, undefined);
}

function latestAutoReply(records: ConversationRecord[]) {
  return records
    .map((r) => r.autoReply)
    .filter((s) => s !== undefined)
    .reduce<ConversationRecord['autoReply']>((a, b) => (!a || b!.at > a.at ? b : a), undefined);
}

function preview(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > PREVIEW_LENGTH ? `${clean.slice(0, PREVIEW_LENGTH - 1)}…` : clean;
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
