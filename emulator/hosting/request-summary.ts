import type { HostedRequestRecord } from './hosted-request.js';

/** Per request kind: how many, sub-requests (max, median), CPU ms (median, p95), wall ms (median). */
export interface KindSummary {
  kind: string;
  requests: number;
  subrequestsMax: number;
  subrequestsMedian: number;
  cpuMedianMs: number;
  cpuP95Ms: number;
  wallMedianMs: number;
  violations: number;
}

/**
 * Sums up recorded requests by kind. `warm` (default) leaves out the first request of each kind: it pays for
 * loading the worker's modules, which a warm isolate has done already.
 */
export function summarizeRequests(records: HostedRequestRecord[], options: { warm?: boolean } = {}): KindSummary[] {
  const byKind = new Map<string, HostedRequestRecord[]>();
  for (const record of records) byKind.set(record.kind, [...(byKind.get(record.kind) ?? []), record]);
  return [...byKind].map(([kind, all]) => {
    const kept = options.warm === false || all.length < 2 ? all : all.slice(1);
    const subrequests = kept.map((r) => r.subrequests.length);
    const cpu = kept.map((r) => r.cpuMs);
    return {
      kind,
      requests: kept.length,
      subrequestsMax: Math.max(...subrequests),
      subrequestsMedian: percentile(subrequests, 50),
      cpuMedianMs: percentile(cpu, 50),
      cpuP95Ms: percentile(cpu, 95),
      wallMedianMs: percentile(kept.map((r) => r.wallMs ?? 0), 50),
      violations: kept.reduce((n, r) => n + r.violations.length, 0),
    };
  });
}

/** The summary as a Markdown table, one row per kind. */
export function formatSummary(rows: KindSummary[]): string {
  const lines = [
    '| request kind | n | sub-requests max | median | CPU ms median | p95 | wall ms median | limit violations |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.kind} | ${r.requests} | ${r.subrequestsMax} | ${r.subrequestsMedian} | ` +
      `${r.cpuMedianMs.toFixed(1)} | ${r.cpuP95Ms.toFixed(1)} | ${r.wallMedianMs.toFixed(1)} | ${r.violations} |`),
  ];
  return lines.join('\n');
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
