import { isNotAvailable } from '../api/api-failure.js';
import type { DashboardApi, Stats } from '../api/dashboard-api.js';

/** Stats for the cards; `partial` when the server has no stats endpoint and only the type counts could be had. */
export interface StatsView {
  stats: Stats;
  partial: boolean;
}

/** The summary for a period. A server without `/api/stats` still gives the type counts, from the list totals. */
export async function loadStats(api: DashboardApi, range: { from: string; to: string }): Promise<StatsView> {
  try {
    return { stats: await api.stats(range), partial: false };
  } catch (error) {
    if (!isNotAvailable(error)) throw error;
    const count = (type: 'ANONYMOUS_VISITOR' | 'CONTACT' | 'MEMBER') =>
      api.list({ type, sort: 'lastMessageAt:desc', limit: 1, offset: 0 }).then((page) => page.total);
    const [ANONYMOUS_VISITOR, CONTACT, MEMBER] = await Promise.all([count('ANONYMOUS_VISITOR'), count('CONTACT'), count('MEMBER')]);
    return {
      stats: { byType: { ANONYMOUS_VISITOR, CONTACT, MEMBER }, becameContact: 0, becameMember: 0, autoReplies: { replied: 0, skipped: 0, failed: 0 } },
      partial: true,
    };
  }
}
