import * as z from 'zod/mini';
import { BadRequestError } from '../api/errors.js';
import { isWixId } from '../core/inbox-event.js';
import { once } from '../core/once.js';

/** The panel's auto-refresh: 0 turns it off; otherwise from 1 s to 1 h (the page's default is 5 s). */
export const REFRESH_MS = { min: 1000, max: 3_600_000 } as const;
const MAX_INBOX_TEMPLATE = 2000;

/**
 * The parameters the served pages read from their own URL (src/ui/browser/*-page.tsx), checked before the page is
 * served. Only these are checked: Wix adds parameters of its own to a dashboard page's URL, so others pass. Each
 * schema is built when its page is first served, not at start.
 */
const dashboardPage = once(() => z.object({
  refreshMs: z.optional(z.string()).check(z.refine((raw) => raw === undefined || raw === '0'
    || (/^\d{1,7}$/.test(raw) && Number(raw) >= REFRESH_MS.min && Number(raw) <= REFRESH_MS.max), {
    error: `refreshMs must be 0 (no auto refresh) or a whole number of milliseconds from ${REFRESH_MS.min} to ${REFRESH_MS.max}`,
  })),
  inbox: z.optional(z.string()).check(z.refine((raw) => raw === undefined || isInboxTemplate(raw), {
    error: 'inbox must be an http(s) URL with {conversationId} in it, where "Open in Wix Inbox" goes',
  })),
}));

const contactPage = once(() => z.object({
  contactId: z.string({ error: 'Add ?contactId=<the CRM contact ID>: this page shows one contact\'s conversations' }).check(
    z.refine((raw) => raw.trim() !== '', { error: 'Add ?contactId=<the CRM contact ID>: this page shows one contact\'s conversations' }),
    z.refine((raw) => raw.trim() === '' || isWixId(raw.trim()), { error: 'contactId is not a Wix ID (letters, digits, - and _)' }),
  ),
}));

function isInboxTemplate(raw: string): boolean {
  if (raw.length > MAX_INBOX_TEMPLATE || !raw.includes('{conversationId}')) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

export function checkDashboardPage(url: URL): void {
  check(dashboardPage(), url);
}

export function checkContactPage(url: URL): void {
  check(contactPage(), url);
}

function check(schema: z.ZodMiniType, url: URL): void {
  const given: Record<string, string> = Object.create(null);
  for (const name of ['refreshMs', 'inbox', 'contactId']) {
    const all = url.searchParams.getAll(name);
    if (all.length > 1) throw new BadRequestError(`${name} is given more than once; give it once`);
    if (all.length === 1) given[name] = all[0]!;
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw new BadRequestError(parsed.error.issues[0]!.message);
}
