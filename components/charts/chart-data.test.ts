import { Children, isValidElement, type ReactElement, type ReactNode } from 'react';
import { YAxis } from 'recharts';
import { describe, expect, it } from 'vitest';
import { computeCasesPerSessionFunnel, computeFunnel, computeSpc } from '@/lib/shared/stats';
import { summariseDistribution } from './distribution-data';
import { funnelXAxis, funnelYAxis, toFunnelChartData } from './funnel-data';
import { sparklinePath } from './sparkline-data';
import { SpcChartDrawing } from './spc-chart-drawing';
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

/** Weekly x values for a series of `length` values. */
const weeksOf = (values: readonly number[]) =>
  values.map((y, i) => ({ x: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), y }));

/** Every value an SPC chart draws: the points, means and limits of each group, and the target. */
const drawnValues = (data: ReturnType<typeof toSpcChartData>) =>
  [
    ...data.rows.flatMap((row) => [
      row.y,
      ...data.groups.flatMap((g) => [row[`mean${g}`], row[`upl${g}`], row[`lpl${g}`]]),
    ]),
    data.target,
  ].filter((value): value is number => typeof value === 'number');

/** A round step between ticks: 1, 2 or 5 times a power of ten. */
const isRoundStep = (step: number) =>
  [1, 2, 5].some((multiple) => Math.abs(step / 10 ** Math.floor(Math.log10(step)) - multiple) < 1e-9);

describe('toSpcChartData value axis', () => {
  it('has round ticks around the points, mean, limits and target of weekly patients, not the data’s extremes', () => {
    const values = Array.from({ length: 26 }, (_, i) => 400 + ((i * 37) % 120) - 60 + (i === 20 ? 250 : 0));
    const data = toSpcChartData(computeSpc(weeksOf(values), { target: 450 }), { floor: 0 });
    expect(data.ticks).toEqual([200, 300, 400, 500, 600, 700]);
    expect(data.domain).toEqual([200, 700]);
    const drawn = drawnValues(data);
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(data.domain[0]);
    expect(Math.max(...drawn)).toBeLessThanOrEqual(data.domain[1]);
  });

  it('gives a fulfilment chart of 79%–102% (limits included) the ticks 70%, 80% … 110%', () => {
    const values = Array.from({ length: 26 }, (_, i) => 0.86 + ((i * 7) % 10) / 100);
    const data = toSpcChartData(computeSpc(weeksOf(values), { target: 0.95 }));
    const drawn = drawnValues(data);
    expect(Math.min(...drawn)).toBeCloseTo(0.79, 2);
    expect(Math.max(...drawn)).toBeCloseTo(1.02, 2);
    expect(data.ticks).toEqual([0.7, 0.8, 0.9, 1, 1.1]);
    expect(data.domain).toEqual([0.7, 1.1]);
    // The drawing writes those ticks, rather than its own between the domain's ends.
    const drawing = SpcChartDrawing({ unit: 'ratio', data, height: 300, annotations: [], tickFontSize: 13 });
    const yAxis = Children.toArray(
      (drawing.props.children as ReactElement<{ children: ReactNode }>).props.children,
    ).find((child) => isValidElement(child) && child.type === YAxis) as ReactElement<Record<string, unknown>>;
    expect(yAxis.props).toMatchObject({ domain: [0.7, 1.1], ticks: [0.7, 0.8, 0.9, 1, 1.1] });
  });

  it('runs from one round tick to another, evenly, whatever the series', () => {
    for (const values of [
      [3, 0, 2, 5, 1, 0, 4, 2, 3, 1, 0, 2],
      [12.4, 13.1, 12.9, 11.8, 12.2, 13.4, 12.7, 12.5],
      [101.6, 350, 705.2, 420, 380, 290, 510, 460],
    ]) {
      const data = toSpcChartData(computeSpc(weeksOf(values), {}), { floor: 0 });
      expect(data.ticks[0]).toBe(data.domain[0]);
      expect(data.ticks.at(-1)).toBe(data.domain[1]);
      expect(data.ticks.length).toBeLessThanOrEqual(6);
      expect(isRoundStep((data.ticks[1] ?? 0) - (data.ticks[0] ?? 0))).toBe(true);
      expect(data.domain[0]).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('funnelXAxis', () => {
  it('runs from 0 to the largest denominator with round ticks no further than its end', () => {
    const units = Array.from({ length: 5 }, (_, i) => ({
      id: String(i),
      numerator: 50 + i * 30,
      denominator: 60 + i * 75.5,
    }));
    const data = toFunnelChartData(computeFunnel(units, { type: 'proportion' }), new Map());
    const axis = funnelXAxis(data);
    expect(axis.max).toBeGreaterThanOrEqual(362);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.ticks.at(-1)).toBeLessThanOrEqual(axis.max);
    // Round steps (1, 2 or 5 × 10ⁿ), not the max divided into equal parts (0, 95, 190, 285…).
    const step = (axis.ticks[1] ?? 0) - (axis.ticks[0] ?? 0);
    expect([50, 100, 200]).toContain(step);
    expect(axis.ticks.every((tick) => tick % step === 0)).toBe(true);
  });
});

describe('funnelYAxis', () => {
  it('zooms a fulfilment funnel to its points and the limits beside them, not 0% to 100%', () => {
    const units = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      numerator: Math.round((0.8 + i * 0.02) * (60 + i * 20)),
      denominator: 60 + i * 20,
    }));
    const data = toFunnelChartData(computeFunnel(units, { type: 'proportion' }), new Map());
    // The limits fan out to 0% and 100% left of the points…
    expect(Math.min(...data.curve.map((row) => row.lower998))).toBeLessThan(0.2);
    const axis = funnelYAxis(data, 0.95);
    // …but the axis is about the points (80%–94%), the limits at 60–200 sessions, the overall line and the target.
    expect(axis).toEqual({ domain: [0.6, 1], ticks: [0.6, 0.7, 0.8, 0.9, 1] });
    const beside = data.curve.filter((row) => row.x >= 60).flatMap((row) => [row.lower998, row.upper998]);
    for (const value of [...data.points.map((point) => point.y), ...beside, data.centre, 0.95]) {
      expect(value).toBeGreaterThanOrEqual(axis.domain[0]);
      expect(value).toBeLessThanOrEqual(axis.domain[1]);
    }
  });

  it('zooms a patients-per-session funnel to about 10 patients rather than 0 to 100', () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      cases: 9 * (30 + i * 10) + i * 7,
      sessions: 30 + i * 10,
    }));
    const cases = computeCasesPerSessionFunnel(rows);
    const data = toFunnelChartData(cases, new Map(), {
      scale: cases.pooledRate,
      toX: (expected) => expected / cases.pooledRate,
    });
    expect(Math.max(...data.curve.map((row) => row.upper998))).toBeGreaterThan(50);
    expect(funnelYAxis(data, null)).toEqual({ domain: [7, 12], ticks: [7, 8, 9, 10, 11, 12] });
  });

  it('keeps the centre line and the target in view, and never goes below zero', () => {
    const data = {
      points: [
        { id: 'a', label: 'A', x: 100, y: 0.03, outlier: null },
        { id: 'b', label: 'B', x: 200, y: 0.05, outlier: null },
      ],
      curve: [100, 200].map((x) => ({ x, lower95: -0.01, upper95: 0.08, lower998: -0.02, upper998: 0.09 })),
      centre: 0.04,
      isAdjusted: false,
    };
    expect(funnelYAxis(data, null).domain).toEqual([0, 0.1]);
    expect(funnelYAxis(data, 0.25).domain).toEqual([0, 0.25]);
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
