import { describe, expect, it } from 'vitest';
import { computeFunnel, computeSpc } from '@/lib/shared/stats';
import { summariseDistribution } from './distribution-data';
import { toFunnelChartData } from './funnel-data';
import { sparklinePath } from './sparkline-data';
import { toSpcChartData } from './spc-data';
import { toWaterfallBars } from './waterfall-data';

describe('toSpcChartData', () => {
  it('splits mean and limits by rebase group and keeps point types and the target', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({
      x: `2024-01-${String(i + 1).padStart(2, '0')}`,
      y: i < 10 ? 10 + (i % 2) : 20 + (i % 2),
    }));
    const result = computeSpc(points, { rebaseAt: ['2024-01-11'], target: 15 });
    const data = toSpcChartData(result);
    expect(data.groups).toEqual([0, 1]);
    expect(data.rebaseAt).toEqual(['2024-01-11']);
    expect(data.rows[0]?.mean0).toBeCloseTo(10.5);
    expect(data.rows[0]?.mean1).toBeNull();
    expect(data.rows[15]?.mean1).toBeCloseTo(20.5);
    expect(data.rows[15]?.mean0).toBeNull();
    expect(data.target).toBe(15);
    expect(data.rows.every((row) => row.pointType !== null)).toBe(true);
    expect(data.domain[0]).toBeLessThanOrEqual(10);
    expect(data.domain[1]).toBeGreaterThanOrEqual(21);
  });
});

describe('toSpcChartData with a floor', () => {
  it('draws a negative lower process limit at the floor (counts cannot go below zero)', () => {
    const points = Array.from({ length: 12 }, (_, i) => ({
      x: `2024-02-${String(i + 1).padStart(2, '0')}`,
      y: i % 2 ? 0 : 3,
    }));
    const result = computeSpc(points, {});
    expect(result.points[0]?.lpl).toBeLessThan(0);
    const data = toSpcChartData(result, { floor: 0 });
    expect(data.rows.every((row) => row.lpl0 === 0)).toBe(true);
    expect(data.domain[0]).toBe(0);
    expect(toSpcChartData(result).rows[0]?.lpl0).toBeLessThan(0);
  });
});

describe('toFunnelChartData', () => {
  it('plots each unit with limit curves around the centre, scaled', () => {
    const result = computeFunnel(
      [
        { id: 'a', numerator: 40, denominator: 50 },
        { id: 'b', numerator: 90, denominator: 100 },
        { id: 'c', numerator: 10, denominator: 40 },
      ],
      { type: 'proportion' },
    );
    const data = toFunnelChartData(result, new Map([['a', 'Unit A']]), { curvePoints: 10 });
    expect(data.points.map((point) => point.label)).toEqual(['Unit A', 'b', 'c']);
    expect(data.points[0]).toMatchObject({ x: 50, y: 0.8 });
    expect(data.centre).toBeCloseTo(140 / 190);
    expect(data.curve.length).toBeGreaterThanOrEqual(10);
    for (const row of data.curve) {
      expect(row.lower998).toBeLessThanOrEqual(row.lower95);
      expect(row.upper95).toBeLessThanOrEqual(row.upper998);
    }
    const scaled = toFunnelChartData(result, new Map(), { scale: 2, toX: (x) => x / 2, curvePoints: 5 });
    expect(scaled.points[0]).toMatchObject({ x: 25, y: 1.6 });
  });
});

describe('summariseDistribution', () => {
  it('gives R type-7 quartiles of the values present', () => {
    expect(summariseDistribution([1, 2, null, 3, 4])).toEqual({
      n: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
    });
    expect(summariseDistribution([null])).toBeNull();
  });
});

describe('toWaterfallBars', () => {
  it('stacks positive steps largest first and ends with the total', () => {
    expect(
      toWaterfallBars([
        { label: 'A', value: 2 },
        { label: 'B', value: 5 },
        { label: 'C', value: 0 },
      ]),
    ).toEqual([
      { label: 'B', base: 0, value: 5, isTotal: false },
      { label: 'A', base: 5, value: 2, isTotal: false },
      { label: 'Total', base: 0, value: 7, isTotal: true },
    ]);
  });
});

describe('sparklinePath', () => {
  it('draws through values and breaks at gaps', () => {
    expect(sparklinePath([1], 100, 20)).toBeNull();
    const path = sparklinePath([0, 1, null, 1], 104, 24) ?? '';
    expect(path.startsWith('M2.0,22.0L35.3,2.0')).toBe(true);
    expect(path).toContain('M102.0,2.0');
  });
});
