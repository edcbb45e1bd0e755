import type { items } from '@wix/data';
import type { StatsPeriod } from '../../core/auto-reply/ledger.js';
import { funnelOf, type ConversionFunnel, type FunnelPerson } from '../../core/conversion-funnel.js';
import type { ParticipantType } from '../../core/participant.js';
import { dateField, MAX_PAGE, READ } from './data-items.js';

/** The few fields of a conversation item the funnel reads: the query returns only these. */
export const FUNNEL_FIELDS = ['firstMessageAt', 'participantType', 'startedAs', 'becameContactAt', 'becameMemberAt', 'channel'];

/**
 * The conversion funnel on Wix hosting in ONE query (a dashboard route may make only a few sub-requests): the period's
 * cohort of conversation items, newest-active first on the (instanceId, kind, lastMessageAt) index — a cohort's last
 * message is at or after its first, hence after `from` — with only FUNNEL_FIELDS, at most one page of 1,000 and its
 * total. A larger cohort is reported as a sample of its 1,000 most recently active people (`sample`).
 */
export async function siteFunnel(query: () => items.WixDataQuery, instanceId: string, period: StatsPeriod): Promise<ConversionFunnel> {
  const [start, end] = [dateField(period.from), dateField(period.to)];
  const found = await query().eq('instanceId', instanceId).eq('kind', 'conversation')
    .ge('lastMessageAt', start).ge('firstMessageAt', start).lt('firstMessageAt', end)
    .descending('lastMessageAt').limit(MAX_PAGE).fields(...FUNNEL_FIELDS)
    .find({ ...READ, returnTotalCount: true });
  const people = found.items.map((item) => funnelPersonOfItem(item)).filter((p): p is FunnelPerson => p !== undefined);
  const total = found.totalCount ?? people.length;
  return funnelOf(people, period, total > found.items.length ? { people: found.items.length, of: total } : undefined);
}

/** A conversation item's funnel fields as the core's FunnelPerson (see site-items.ts for how they are written). */
export function funnelPersonOfItem(item: Record<string, unknown>): FunnelPerson | undefined {
  const firstMessageAt = iso(item.firstMessageAt);
  if (!firstMessageAt) return undefined;
  const contactAt = iso(item.becameContactAt);
  const memberAt = iso(item.becameMemberAt);
  const startedAs = startedAsOf(item, contactAt, memberAt);
  const channel = typeof item.channel === 'string' && item.channel ? item.channel : undefined;
  return {
    firstMessageAt,
    startedAs,
    ...(startedAs === 'ANONYMOUS_VISITOR' && (contactAt ?? memberAt) ? { contactAt: (contactAt ?? memberAt)! } : {}),
    ...(startedAs !== 'MEMBER' && memberAt ? { memberAt } : {}),
    ...(channel ? { channel } : {}),
  };
}

const TYPES = new Set<unknown>(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER']);

/** `startedAs` as saved; an item saved before that field existed is read from its type and conversion times. */
function startedAsOf(item: Record<string, unknown>, contactAt: string | undefined, memberAt: string | undefined): ParticipantType {
  if (TYPES.has(item.startedAs)) return item.startedAs as ParticipantType;
  if (contactAt || item.participantType === 'ANONYMOUS_VISITOR') return 'ANONYMOUS_VISITOR';
  // A member with no contact step: visitor → member and contact → member look alike here; the contact is the likelier.
  if (memberAt) return 'CONTACT';
  return TYPES.has(item.participantType) ? (item.participantType as ParticipantType) : 'ANONYMOUS_VISITOR';
}

function iso(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return undefined;
}
