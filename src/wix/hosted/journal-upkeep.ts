import { JOURNAL_RETENTION_MS } from '../../services/journal-pruner.js';
import type { WixDataSession } from '../data-store/data-session.js';

/**
 * A webhook prunes its site's journal only when it made no Wix call of its own but its read and its bulk save (a
 * message with no reply due): with the prune's one call and the runtime's 2 it stays within that request's budget
 * of 5. A request that made more, or fewer (a redelivery writes nothing), leaves it to the next one. (A dashboard
 * call has room when it made none: see the settings route.)
 */
export const WEBHOOK_CALLS_WITH_ROOM = 2;
/** How often one isolate prunes one site's journal. */
export const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
const MAX_SITES = 1000;
const prunedAt = new Map<string, number>();

/**
 * Wix hosting has no long-lived worker to prune the journal on a timer, so a request with room to spare removes its
 * site's done entries older than the retention (one remove-by-filter, however many), at most every 6 hours per site
 * in an isolate. A failed prune is logged and never fails the request; it is tried again after the same interval.
 */
export async function keepJournalPruned(store: Pick<WixDataSession, 'pruneSiteJournal'>, instanceId: string, now: Date): Promise<void> {
  const last = prunedAt.get(instanceId);
  if (last !== undefined && now.getTime() - last < PRUNE_EVERY_MS) return;
  prunedAt.delete(instanceId);
  if (prunedAt.size >= MAX_SITES) prunedAt.delete(prunedAt.keys().next().value!);
  prunedAt.set(instanceId, now.getTime());
  try {
    await store.pruneSiteJournal(instanceId, new Date(now.getTime() - JOURNAL_RETENTION_MS).toISOString());
  } catch (error) {
    console.warn(JSON.stringify({ msg: 'inbox-identity: journal prune failed; tried again in 6 hours', instanceId, reason: String(error) }));
  }
}
