import type { StatsPeriod } from './auto-reply/ledger.js';
import type { ConversationRecord } from './conversation.js';
import type { ParticipantType } from './participant.js';

/**
 * The conversion funnel, defined once for every store:
 * - **who counts**: a person (one conversation record, merges folded in) whose FIRST message is in [from, to) — a
 *   cohort, so that each person is counted in one period only and a rate compares like with like;
 * - **contacts**: of them, those who were a contact (or a member) by the period's end — having started as one, or
 *   having left their details (or registered) before `to`; **members** likewise;
 * - **became**: only a change after the first message counts as a conversion — someone who first wrote as a contact
 *   is among the contacts but did not "become" one, and adds nothing to the median time to contact;
 * - **medians**: of the time from the first message to the conversion, over those who converted;
 * - **channels**: the same counts per channel of the conversation (`unknown` when none is known).
 */
export interface ConversionFunnel {
  wrote: number;
  /** How the people of the cohort first wrote. */
  startedAs: Record<ParticipantType, number>;
  contacts: number;
  members: number;
  /** Visitors who left their details (or registered) after first writing, before the period's end. */
  becameContact: number;
  /** Visitors or contacts who registered after first writing, before the period's end. */
  becameMember: number;
  /** Fractions 0–1; null when there is no one to divide by. */
  rates: { contact: number | null; member: number | null; visitorToContact: number | null; toMember: number | null };
  medianToContactMs: number | null;
  medianToMemberMs: number | null;
  byChannel: ChannelFunnel[];
  /** Set when a store could read only part of the cohort: the figures other than `wrote` are over `people` of `of`. */
  sample?: FunnelSample;
}

export interface ChannelFunnel {
  channel: string;
  wrote: number;
  contacts: number;
  members: number;
}

/** One person as the funnel sees them; a store may build it from a whole record or from a few indexed fields. */
export interface FunnelPerson {
  firstMessageAt: string;
  startedAs: ParticipantType;
  /** When they reached contact (or member) having started as a visitor. */
  contactAt?: string;
  /** When they became a member having started as a visitor or contact. */
  memberAt?: string;
  channel?: string;
}

const RANK: Record<ParticipantType, number> = { ANONYMOUS_VISITOR: 0, CONTACT: 1, MEMBER: 2 };

/** The funnel's view of a record; undefined for a record with no message yet (a merge seen before any message). */
export function funnelPersonOf(record: ConversationRecord): FunnelPerson | undefined {
  if (record.firstMessageAt === undefined) return undefined;
  const history = [...record.typeHistory].sort((a, b) => a.at.localeCompare(b.at) || RANK[a.type] - RANK[b.type]);
  const startedAs = history[0]?.type ?? record.participantType;
  const firstAt = (atLeast: ParticipantType) => history.find((step) => RANK[step.type] >= RANK[atLeast])?.at;
  return {
    firstMessageAt: record.firstMessageAt,
    startedAs,
    ...(RANK[startedAs] < RANK.CONTACT ? defined('contactAt', firstAt('CONTACT')) : {}),
    ...(RANK[startedAs] < RANK.MEMBER ? defined('memberAt', firstAt('MEMBER')) : {}),
    ...defined('channel', record.channel),
  };
}

/**
 * The people of the cohort counted by what the funnel tells apart: channel, how they started, and whether they were a
 * contact and a member by the period's end. A store may count these itself (SQLite does, in one GROUP BY).
 */
export interface FunnelGroup {
  channel: string;
  startedAs: ParticipantType;
  contact: boolean;
  member: boolean;
  people: number;
}

/** The medians of the conversions, in ms (null for none). */
export interface FunnelMedians {
  toContactMs: number | null;
  toMemberMs: number | null;
}

/** The funnel of the people who first wrote in [from, to); `sample` is passed through when the store read only part. */
export function funnelOf(people: Iterable<FunnelPerson>, period: StatsPeriod, sample?: FunnelSample): ConversionFunnel {
  const groups = new Map<string, FunnelGroup>();
  const toContact: number[] = [];
  const toMember: number[] = [];
  for (const person of people) {
    if (person.firstMessageAt < period.from || person.firstMessageAt >= period.to) continue;
    const visitor = person.startedAs === 'ANONYMOUS_VISITOR';
    const contactAt = visitor ? before(person.contactAt ?? person.memberAt, period.to) : undefined;
    const memberAt = person.startedAs !== 'MEMBER' ? before(person.memberAt, period.to) : undefined;
    if (contactAt !== undefined) toContact.push(since(person.firstMessageAt, contactAt));
    if (memberAt !== undefined) toMember.push(since(person.firstMessageAt, memberAt));
    const group: Omit<FunnelGroup, 'people'> = {
      channel: person.channel || UNKNOWN_CHANNEL,
      startedAs: person.startedAs,
      contact: !visitor || contactAt !== undefined,
      member: person.startedAs === 'MEMBER' || memberAt !== undefined,
    };
    const key = JSON.stringify(group);
    const counted = groups.get(key) ?? { ...group, people: 0 };
    counted.people++;
    groups.set(key, counted);
  }
  return funnelFromGroups([...groups.values()], { toContactMs: median(toContact), toMemberMs: median(toMember) }, sample);
}

export type FunnelSample = { people: number; of: number };
export const UNKNOWN_CHANNEL = 'unknown';

/** The funnel from counted groups and the medians: the one place the figures and rates are derived. */
export function funnelFromGroups(groups: FunnelGroup[], medians: FunnelMedians, sample?: FunnelSample): ConversionFunnel {
  const startedAs: Record<ParticipantType, number> = { ANONYMOUS_VISITOR: 0, CONTACT: 0, MEMBER: 0 };
  const channels = new Map<string, ChannelFunnel>();
  let wrote = 0, contacts = 0, members = 0, becameContact = 0, becameMember = 0;
  for (const group of groups) {
    const n = group.people;
    wrote += n;
    startedAs[group.startedAs] += n;
    const contact = group.contact || group.member;
    if (contact) contacts += n;
    if (group.member) members += n;
    if (contact && group.startedAs === 'ANONYMOUS_VISITOR') becameContact += n;
    if (group.member && group.startedAs !== 'MEMBER') becameMember += n;
    const row = channels.get(group.channel) ?? { channel: group.channel, wrote: 0, contacts: 0, members: 0 };
    row.wrote += n;
    if (contact) row.contacts += n;
    if (group.member) row.members += n;
    channels.set(group.channel, row);
  }
  return {
    wrote,
    startedAs,
    contacts,
    members,
    becameContact,
    becameMember,
    rates: {
      contact: ratio(contacts, wrote),
      member: ratio(members, wrote),
      visitorToContact: ratio(becameContact, startedAs.ANONYMOUS_VISITOR),
      toMember: ratio(becameMember, wrote - startedAs.MEMBER),
    },
    medianToContactMs: medians.toContactMs,
    medianToMemberMs: medians.toMemberMs,
    byChannel: [...channels.values()].filter((row) => row.wrote > 0).sort((a, b) => b.wrote - a.wrote || (a.channel < b.channel ? -1 : 1)),
    ...(sample ? { sample } : {}),
  };
}

/** The middle value (the mean of the two middle ones for an even count), in whole ms; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const before = (at: string | undefined, end: string) => (at !== undefined && at < end ? at : undefined);
/** A conversion stamped before the first message (clocks, reordering) took no time. */
const since = (from: string, to: string) => Math.max(0, Date.parse(to) - Date.parse(from));
const defined = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
