/**
 * Funnel edge cases and helpers (the reference cases are in funnel.reference.test.ts).
 */

import { describe, expect, it } from 'vitest';
import {
  casesPerSessionUnits,
  computeCasesPerSessionFunnel,
  computeFunnel,
  type FunnelUnitInput,
  funnelLimitCurve,
  funnelLimitsAt,
} from './funnel';
import { expectClose } from './reference-fixtures';

const sessions: FunnelUnitInput[] = [
  { id: 'A', numerator: 12, denominator: 82 },
  { id: 'B', numerator: 30, denominator: 98 },
  { id: 'C', numerator: 26, denominator: 100 },
  { id: 'D', numerator: 50, denominator: 125 },
  { id: 'E', numerator: 42, denominator: 162 },
  { id: 'F', numerator: 71, denominator: 151 },
  { id: 'G', numerator: 4, denominator: 12 },
  { id: 'H', numerator: 29, denominator: 100 },
  { id: 'I', numerator: 48, denominator: 82 },
  { id: 'J', numerator: 36, denominator: 99 },
];

describe('cases per session', () => {
  const rows = [
    { id: 'x', cases: 120, sessions: 40 },
    { id: 'y', cases: 300, sessions: 80 },
    { id: 'z', cases: 30, sessions: 20 },
  ];

  it('observed = cases, expected = pooled rate × sessions', () => {
    const { pooledRate, units } = casesPerSessionUnits(rows);
    expect(pooledRate).toBe(450 / 140);
    expect(units.map((u) => u.numerator)).toEqual([120, 300, 30]);
    units.forEach((u, i) => {
      expectClose(u.denominator, pooledRate * (rows[i]?.sessions as number), u.id);
    });
    const sumExpected = units.reduce((total, u) => total + u.denominator, 0);
    expectClose(sumExpected, 450, 'expected counts add up to the cases');
  });

  it('runs as a standardised ratio around 1', () => {
    const result = computeCasesPerSessionFunnel(rows, {
      outlierLevel: 95,
      adjusted: false,
      unadjusted: true,
    });
    expect(result.type).toBe('ratio');
    expect(result.target).toBe(1);
    expect(result.pooledRate).toBe(450 / 140);
    // z (1.5 against 3.2 cases per session) is a low outlier against the exact Poisson limits.
    expect(result.units.find((u) => u.id === 'z')?.outlierDirection).toBe('low');
    expect(() => casesPerSessionUnits([{ id: 'q', cases: 1, sessions: 0 }])).toThrow(RangeError);
  });
});

describe('computeFunnel', () => {
  it('is JSON-safe when a SHMI unit observed nothing (log 0), and leaves it out of phi', () => {
    const units = [
      { id: 'zero', numerator: 0, denominator: 10 },
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `u${i}`,
        numerator: 50 + 7 * i,
        denominator: 60 + 3 * i,
      })),
    ];
    const result = computeFunnel(units, { type: 'ratio' });
    const zero = result.units.find((u) => u.id === 'zero');
    expect(zero).toMatchObject({ zScore: null, transformedValue: null, trimmedZScore: null, rank: null });
    expect(result.messages.map((m) => m.code)).toContain('non-finite-z-excluded');
    expect(result.dispersionN).toBeLessThanOrEqual(12);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null,"phi"/);
    expect(zero?.outlierDirection).toBe('low');
  });

  it('sums units with the same id (as the peer aggregates by group)', () => {
    const result = computeFunnel(
      [
        { id: 'a', numerator: 3, denominator: 10 },
        { id: 'a', numerator: 4, denominator: 10 },
        { id: 'b', numerator: 5, denominator: 20 },
      ],
      { type: 'proportion' },
    );
    expect(result.units.map((u) => [u.id, u.numerator, u.denominator])).toEqual([
      ['a', 7, 20],
      ['b', 5, 20],
    ]);
  });

  it('validates its input', () => {
    expect(() => computeFunnel([{ id: 'a', numerator: 5, denominator: 4 }], { type: 'proportion' })).toThrow(
      /cannot exceed/,
    );
    expect(() => computeFunnel([{ id: 'a', numerator: 1, denominator: 0 }])).toThrow(/positive/);
    expect(() => computeFunnel([{ id: 'a', numerator: -1, denominator: 3 }])).toThrow(/non-negative/);
  });

  it('a single unit: no tau², no NaN', () => {
    const result = computeFunnel([{ id: 'a', numerator: 5, denominator: 20 }], { type: 'proportion' });
    expect(result.tau2).toBe(0);
    expect(result.messages.map((m) => m.code)).toContain('too-few-units');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('adjusted z-scores shrink towards 0 by the between-unit variance', () => {
    const result = computeFunnel(sessions, { type: 'proportion' });
    expect(result.tau2).toBeGreaterThan(0);
    for (const unit of result.units) {
      expect(Math.abs(unit.adjustedZScore as number)).toBeLessThanOrEqual(Math.abs(unit.zScore as number));
      expectClose(
        unit.adjustedZScore,
        ((unit.transformedValue as number) - result.transformedTarget) /
          Math.sqrt(unit.standardError ** 2 + result.tau2),
        unit.id,
      );
    }
  });

  it('adjustment off: phi and tau² are still estimated but not applied', () => {
    const result = computeFunnel(sessions, { type: 'proportion', adjusted: false, unadjusted: true });
    expect(result.phi).toBeGreaterThan(1);
    expect(result.appliedTau2).toBe(0);
    expect(result.outlierBasis).toBe('unadjusted');
    expect(result.messages.map((m) => m.code)).toEqual(['unadjusted-requested']);
  });

  it('both limit sets: adjusted limits flag outliers, and there is no fall-back', () => {
    const result = computeFunnel(sessions, { type: 'proportion', unadjusted: true });
    expect([result.adjusted, result.unadjusted, result.outlierBasis]).toEqual([true, true, 'adjusted']);
  });
});

describe('limit curves', () => {
  it('cover the peer grid plus the units, with monotone funnels', () => {
    const result = computeFunnel(sessions, { type: 'proportion' });
    const curve = funnelLimitCurve(result);
    expect(curve[0]?.denominator).toBe(3);
    expect(curve[curve.length - 1]?.denominator).toBe(162);
    expect(curve.length).toBeGreaterThanOrEqual(1000);
    for (let i = 1; i < curve.length; i++) {
      const [a, b] = [curve[i - 1], curve[i]] as [(typeof curve)[number], (typeof curve)[number]];
      for (const kind of ['unadjusted', 'adjusted'] as const) {
        expect(b[kind].lower998).toBeGreaterThanOrEqual(a[kind].lower998);
        expect(b[kind].lower95).toBeGreaterThanOrEqual(a[kind].lower95);
        expect(b[kind].upper95).toBeLessThanOrEqual(a[kind].upper95);
        expect(b[kind].upper998).toBeLessThanOrEqual(a[kind].upper998);
      }
    }
    // The curve passes through each unit's own limits.
    for (const unit of result.units) {
      const row = curve.find((r) => r.denominator === unit.denominator);
      expect(row?.adjusted).toEqual(unit.adjustedLimits);
    }
  });

  it('exact Poisson limits for ratios at fractional expected counts', () => {
    const [row] = funnelLimitsAt([160.1], {
      type: 'ratio',
      method: 'shmi',
      target: 1,
      tau2: 0,
      multiplier: 1,
    });
    expectClose(row?.unadjusted.lower95, 0.851097767617905, 'LCL95 at 160.1 (funnel_06 Trust1)');
    expect(() =>
      funnelLimitsAt([0], { type: 'ratio', method: 'shmi', target: 1, tau2: 0, multiplier: 1 }),
    ).toThrow(RangeError);
  });
});
