/**
 * The CLI adapter: request validation and results.
 */

import { describe, expect, it } from 'vitest';
import type { FunnelResult } from './funnel';
import { runStatsRequest, StatsRequestError } from './request';
import type { SpcFacetResult, SpcResult } from './spc';

const points = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1].map((y, i) => ({
  x: new Date(Date.UTC(2021, 2, 22 + i)).toISOString().slice(0, 10),
  y,
}));

describe('runStatsRequest spc', () => {
  it('runs a single series with defaults', () => {
    const result = runStatsRequest('spc', { points }) as SpcResult;
    expect(result.groups[0]?.upl).toBeCloseTo(4.60444444444444, 12);
    expect(result.variation?.icon).toBe('common_cause');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('runs facets with per-facet targets', () => {
    const result = runStatsRequest('spc', {
      facets: [
        { facet: 'A', points, target: -5 },
        { facet: 'B', points: points.map((p) => ({ ...p, y: (p.y as number) * 2 })) },
      ],
      improvementDirection: 'decrease',
      target: 100,
      screenOutliers: false,
    }) as { facets: SpcFacetResult[] };
    expect(result.facets.map((f) => [f.facet, f.assurance?.type])).toEqual([
      ['A', 'consistent_fail'],
      ['B', 'consistent_pass'],
    ]);
  });

  it('rejects bad requests with a clear message', () => {
    expect(() => runStatsRequest('spc', { points: [{ x: '2024-01-01', y: 'ten' }] })).toThrow(
      /Invalid spc request: points\.0\.y/,
    );
    expect(() => runStatsRequest('spc', { points, improvementDirection: 'up' })).toThrow(StatsRequestError);
    expect(() => runStatsRequest('spc', { points, fixAfterN: 5 })).toThrow(/at least 12/);
    expect(() => runStatsRequest('spc', { points, colour: 'red' })).toThrow(/Invalid spc request/);
    expect(() => runStatsRequest('spc', { points: [points[0], points[0]] })).toThrow(/duplicate x value/);
    expect(() => runStatsRequest('spc', null)).toThrow(/Invalid spc request/);
    expect(() => runStatsRequest('spc', {})).toThrow(/give either points or facets/);
  });
});

describe('runStatsRequest funnel', () => {
  const units = [
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

  it('runs proportions (funnel_03 PR_adjusted_limit95) and accepts limit 99 as 99.8', () => {
    const result = runStatsRequest('funnel', { type: 'proportion', units, outlierLevel: 95 }) as FunnelResult;
    expect(result.phi).toBeCloseTo(4.00905291702055, 12);
    expect(result.outliers).toEqual(['A', 'I']);
    const r99 = runStatsRequest('funnel', { type: 'proportion', units, outlierLevel: 99 }) as FunnelResult;
    expect(r99.outlierLevel).toBe(99.8);
  });

  it('runs cases per session, with a curve on request', () => {
    const result = runStatsRequest('funnel', {
      type: 'cases-per-session',
      units: [
        { id: 'x', cases: 120, sessions: 40 },
        { id: 'y', cases: 300, sessions: 80 },
        { id: 'z', cases: 30, sessions: 20 },
      ],
      curve: { points: 50 },
    }) as FunnelResult & { pooledRate: number; curve: unknown[] };
    expect(result.pooledRate).toBeCloseTo(450 / 140, 14);
    expect(result.curve.length).toBeGreaterThanOrEqual(50);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('rejects bad requests with a clear message', () => {
    expect(() => runStatsRequest('funnel', { type: 'rate', units })).toThrow(/Invalid funnel request: type/);
    expect(() =>
      runStatsRequest('funnel', { type: 'ratio', units: [{ id: 'a', numerator: 1, denominator: 0 }] }),
    ).toThrow(/units\.0\.denominator/);
    expect(() =>
      runStatsRequest('funnel', { type: 'proportion', units: [{ id: 'a', numerator: 5, denominator: 4 }] }),
    ).toThrow(/Invalid funnel request: unit a: a proportion's numerator cannot exceed its denominator/);
    expect(() => runStatsRequest('funnel', { type: 'ratio', units, outlierLevel: 90 })).toThrow(
      /outlierLevel/,
    );
  });

  it('rejects an unknown kind', () => {
    expect(() => runStatsRequest('cusum' as 'spc', {})).toThrow(/kind must be 'spc' or 'funnel'/);
  });
});
