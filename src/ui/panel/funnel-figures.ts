/** "63%" (whole percent; "<1%" for a small non-zero share); "—" when there is no one to divide by. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  if (rate > 0 && rate < 0.005) return '<1%';
  return `${Math.round(rate * 100)}%`;
}

/** A median wait in words: "under a minute", "12 min", "3 h 20 min", "4 days"; "—" when nobody converted. */
export function waitTime(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 || hours >= 10 ? `${Math.round(minutes / 60)} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}
