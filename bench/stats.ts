/** Percentiles and rates for benchmark reports. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function summarise(samplesMs: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * The ratio of runs taken in pairs, app and floor back to back: the median of each pair's own app / floor. When the
 * machine slows down for a minute it slows both runs of a pair, where the ratio of the two medians would carry it.
 */
export const pairedRatio = (app: number[], floor: number[]) => median(app.map((value, i) => value / floor[i]!));

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}
