import { describe, expect, it } from 'vitest';
import { meetsTarget, ratioOf, type Figure } from '../../../bench/figures.js';
import { median, pairedRatio } from '../../../bench/stats.js';

describe('the ratio of runs taken in pairs', () => {
  it('is the median of each pair’s own ratio: a slowdown both runs of a pair shared cancels out', () => {
    // The app does 0.9× the floor's events/s; the machine's speed drifts between pairs, and two pairs of about the
    // same speed have a few per cent of noise each way.
    const speed = [1, 1.02, 0.7, 1.4, 1.5];
    const floorNoise = [1.03, 0.97, 1, 1, 1];
    const appNoise = [0.97, 1.03, 1, 1, 1];
    const floor = speed.map((s, i) => 1000 * s * floorNoise[i]!);
    const app = speed.map((s, i) => 900 * s * appNoise[i]!);
    expect(pairedRatio(app, floor)).toBeCloseTo(0.9, 6);
    // The two medians come from different pairs (the floor's from the first, the app's from the second).
    expect(median(app) / median(floor)).toBeCloseTo(0.918, 3);
  });

  it('is the figure’s ratio, judged against its target, where app / floor would say otherwise', () => {
    const figure: Figure = { section: 'Processing', what: 'events/s', unit: 'events/s', app: 700, floor: 1000, ratio: 0.85, better: 'higher', target: 0.8 };
    expect(ratioOf(figure)).toBe(0.85);
    expect(meetsTarget(figure)).toBe(true);
    expect(meetsTarget({ ...figure, ratio: undefined })).toBe(false);
    expect(ratioOf({ ...figure, floor: undefined })).toBeUndefined();
  });
});
