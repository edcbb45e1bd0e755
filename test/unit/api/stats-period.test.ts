import { describe, expect, it } from 'vitest';
import { periodOf } from '../../../src/api/stats.js';
import { BadRequestError } from '../../../src/api/errors.js';

const now = new Date('2026-03-10T12:00:00.000Z');
const inPeriod = (at: string, { from, to }: { from: string; to: string }) => from <= at && at < to;

describe('the period a dashboard route is asked about', () => {
  it('is the last 7 days up to and including the request\'s own millisecond when not given', () => {
    const period = periodOf(new URLSearchParams(), now);
    expect(inPeriod(now.toISOString(), period)).toBe(true);
    expect(inPeriod('2026-03-10T12:00:00.001Z', period)).toBe(false);
    expect(Date.parse(period.to) - Date.parse(period.from)).toBe(7 * 86_400_000);
  });

  it('is what was asked for when given, half-open', () => {
    const period = periodOf(new URLSearchParams({ from: '2026-03-01', to: '2026-03-02T00:00:00Z' }), now);
    expect(period).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
    expect(inPeriod(period.to, period)).toBe(false);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodOf(new URLSearchParams({ from: '2026-03-02', to: '2026-03-01' }), now)).toThrow(BadRequestError);
  });
});
