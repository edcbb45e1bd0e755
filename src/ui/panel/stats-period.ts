export const STATS_PERIODS = [
  { id: '7', label: 'Last 7 days', short: '7 days', days: 7 },
  { id: '30', label: 'Last 30 days', short: '30 days', days: 30 },
  { id: '365', label: 'Last 12 months', short: '1 year', days: 365 },
] as const;

export type StatsPeriodId = (typeof STATS_PERIODS)[number]['id'];

/** The ISO range a period covers, ending now. */
export function periodRange(id: StatsPeriodId, now = new Date()): { from: string; to: string } {
  const days = STATS_PERIODS.find((period) => period.id === id)?.days ?? 30;
  return { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
}
