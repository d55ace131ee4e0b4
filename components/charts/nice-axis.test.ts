import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-axis';

describe('niceTicks', () => {
  it('gives round ticks around counts (101.6–705.2 → 0 to 800 by 200)', () => {
    expect(niceTicks(101.6, 705.2)).toEqual({ domain: [0, 800], ticks: [0, 200, 400, 600, 800] });
  });

  it('gives round percentages around proportions (74.5%–104.9% → 70% to 110% by 10%)', () => {
    expect(niceTicks(0.745, 1.049)).toEqual({ domain: [0.7, 1.1], ticks: [0.7, 0.8, 0.9, 1, 1.1] });
  });

  it('zooms to a narrow band of values, in steps without float noise', () => {
    expect(niceTicks(0.81, 0.93)).toEqual({ domain: [0.8, 0.95], ticks: [0.8, 0.85, 0.9, 0.95] });
    expect(niceTicks(8.7, 11.3).ticks).toEqual([8, 9, 10, 11, 12]);
  });

  it('keeps a domain that covers the values, with at most `count` evenly spaced ticks', () => {
    for (const [min, max] of [
      [0, 1],
      [3, 3.0001],
      [-12.3, 47],
      [0.0012, 0.0049],
      [1234, 98765],
      [0.5, 0.5],
    ] as const) {
      for (const count of [3, 5, 6, 10]) {
        const { domain, ticks } = niceTicks(min, max, count);
        expect(domain[0]).toBeLessThanOrEqual(min);
        expect(domain[1]).toBeGreaterThanOrEqual(max);
        expect(ticks[0]).toBe(domain[0]);
        expect(ticks.at(-1)).toBe(domain[1]);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(count);
        const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
        for (const [i, tick] of ticks.entries()) expect(tick).toBeCloseTo((ticks[0] ?? 0) + i * step, 9);
        // A round step: 1, 2 or 5 times a power of ten.
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 5].some((multiple) => Math.abs(mantissa - multiple) < 1e-9)).toBe(true);
      }
    }
  });

  it('never reaches below zero for values that are not negative, and spans a single value', () => {
    expect(niceTicks(0, 0)).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceTicks(0.02, 0.9).domain[0]).toBe(0);
    expect(niceTicks(12, 12).domain).toEqual([10, 14]);
    expect(niceTicks(Number.NaN, 1)).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });
});
