import { describe, expect, it } from 'vitest';
import { percent, waitTime } from '../../../src/ui/panel/funnel-figures.js';

// How the Conversion card words the core's figures (src/ui/panel/funnel-figures.ts).
describe('the conversion card\'s wording', () => {
  it.each([
    { rate: null, text: '—' },
    { rate: 0, text: '0%' },
    { rate: 0.004, text: '<1%' },
    { rate: 0.005, text: '1%' },
    { rate: 2 / 3, text: '67%' },
    { rate: 1, text: '100%' },
  ])('percent($rate) → $text', ({ rate, text }) => {
    expect(percent(rate)).toBe(text);
  });

  const MIN = 60_000;
  it.each([
    { ms: null, text: '—' },
    { ms: 20_000, text: 'under a minute' },
    { ms: 3 * MIN, text: '3 min' },
    { ms: 59 * MIN, text: '59 min' },
    { ms: 60 * MIN, text: '1 h' },
    { ms: 200 * MIN, text: '3 h 20 min' },
    { ms: 11 * 60 * MIN + 20 * MIN, text: '11 h' },
    { ms: 47 * 60 * MIN, text: '47 h' },
    { ms: 4 * 24 * 60 * MIN, text: '4 days' },
  ])('waitTime($ms) → $text', ({ ms, text }) => {
    expect(waitTime(ms)).toBe(text);
  });
});
