/**
 * The one shape every benchmark section reports in. `npm run bench` (bench/run.ts) runs the sections, prints
 * each figure with its ratio to the floor measured in the same run, and writes them all to bench/results.json;
 * the README's Benchmarks section is made from that file. A section never asserts speed: it measures.
 */
export interface Figure {
  /** The README subsection it belongs to, e.g. "Dashboard at scale". */
  section: string;
  /** What was measured, e.g. "page of 50, newest first, 100,000 conversations, p99". */
  what: string;
  unit: 'ms' | 'events/s' | 'calls' | 'MB' | 'sub-requests' | 'count';
  /** The app's figure. */
  app: number;
  /** The floor's figure for the same work, measured in the same run (absent when there is no floor). */
  floor?: number;
  /** Which way is better: the ratio app / floor is judged against `target` in that direction. */
  better: 'lower' | 'higher';
  /** The bound on app / floor (e.g. 2 for "within 2×", 0.8 for "≥ 0.8× the floor"), or on `app` when no floor. */
  target?: number;
  /** One line on how it was measured or what the floor is. */
  note?: string;
}

export interface BenchContext {
  /** `npm run bench -- --quick`: small sizes, few runs; proves the figures are produced, not that they are fast. */
  quick: boolean;
  print(line: string): void;
}

/** One benchmark section: measures and returns its figures (printing progress as it goes). */
export type BenchSection = (context: BenchContext) => Promise<Figure[]>;

/** app / floor, or undefined when there is no floor. */
export function ratioOf(figure: Figure): number | undefined {
  return figure.floor === undefined || figure.floor === 0 ? undefined : figure.app / figure.floor;
}

/** Whether a figure meets its target (true when it has none). */
export function meetsTarget(figure: Figure): boolean {
  if (figure.target === undefined) return true;
  const value = ratioOf(figure) ?? figure.app;
  return figure.better === 'lower' ? value <= figure.target : value >= figure.target;
}
