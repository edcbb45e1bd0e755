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
  /**
   * The figure's ratio when it is not `app / floor`: for runs of the app and the floor taken in pairs, back to back,
   * the median of each pair's own ratio (`app` and `floor` are then each the median of its runs).
   */
  ratio?: number;
  /** Which way is better: the ratio (app / floor) is judged against `target` in that direction. */
  better: 'lower' | 'higher';
  /** The bound on app / floor (e.g. 2 for "within 2×", 0.8 for "≥ 0.8× the floor"), or on `app` when no floor. */
  target?: number;
  /**
   * A bound on `app` itself, in its unit, checked besides `target` (e.g. 500 ms for a cold start that also has a
   * floor to compare with).
   */
  limit?: number;
  /** One line on how it was measured or what the floor is. */
  note?: string;
}

/** A figure as bench/results.json holds it: with its ratio and whether it met its target, as printed. */
export interface RecordedFigure extends Figure {
  met: boolean;
}

export interface BenchContext {
  /** `npm run bench -- --quick`: small sizes, few runs; proves the figures are produced, not that they are fast. */
  quick: boolean;
  print(line: string): void;
}

/** One benchmark section: measures and returns its figures (printing progress as it goes). */
export type BenchSection = (context: BenchContext) => Promise<Figure[]>;

/**
 * Thrown by a section that cannot run here (e.g. the hosted worker before `npm run build`): the runner prints the
 * reason and goes on; it is not a failure.
 */
export class SectionSkipped extends Error {
  override name = 'SectionSkipped';
}

/** The figure's own ratio, else app / floor; undefined when there is no floor. */
export function ratioOf(figure: Figure): number | undefined {
  if (figure.floor === undefined) return undefined;
  return figure.ratio ?? (figure.floor === 0 ? undefined : figure.app / figure.floor);
}

/** Whether a figure meets its target and its limit (true when it has neither). */
export function meetsTarget(figure: Figure): boolean {
  const within = (value: number, bound: number) => (figure.better === 'lower' ? value <= bound : value >= bound);
  if (figure.limit !== undefined && !within(figure.app, figure.limit)) return false;
  if (figure.target === undefined) return true;
  return within(ratioOf(figure) ?? figure.app, figure.target);
}
