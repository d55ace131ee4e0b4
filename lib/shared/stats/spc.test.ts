/**
 * SPC rule functions against the peer's unit vectors (spc_05), plus hand-written edge cases.
 */

import { describe, expect, it } from 'vitest';
import { loadReference } from './reference-fixtures';
import {
  assuranceIconOf,
  assuranceTypeOf,
  combineSpecialCauseLabels,
  computeSpc,
  computeSpcFacets,
  type ImprovementDirection,
  type PointType,
  partOfSevenPointRun,
  partOfTwoInThree,
  pointTypeOf,
  type SpecialCauseLabel,
  sevenPointOneSideMean,
  sevenPointTrend,
  twoInThree,
  variationIconOf,
} from './spc';

interface VectorCase {
  input: number[];
  expected: number[];
}
interface TwoInThreeCase {
  close_to_limits: number[];
  relative_to_mean: number[];
  expected: number[];
}
interface Spc05 {
  functions: {
    seven_point_one_side_mean: { cases: VectorCase[] };
    part_of_seven_trend: { cases: VectorCase[] };
    seven_point_trend: { cases: VectorCase[] };
    two_in_three: { cases: TwoInThreeCase[] };
    part_of_two_in_three: { cases: TwoInThreeCase[] };
    special_cause_type_priority: {
      mocked_test: {
        y: number[];
        relative_to_mean: number[];
        outside_limits: number[];
        mocked_part_of_seven_trend_for_trend: number[];
        mocked_part_of_seven_trend_for_one_side: number[];
        mocked_part_of_two_in_three: number[];
        expected: SpecialCauseLabel[];
      };
    };
    point_type: {
      cases: {
        special_cause_type: SpecialCauseLabel;
        improvement_direction: ImprovementDirection;
        expected: string;
      }[];
    };
    variation_icon: { semantics: string };
    assurance_type: {
      cases: {
        improvement_direction: ImprovementDirection;
        target: number;
        rows?: { f: string; lpl: number; upl: number }[];
        single_facet_rows_in_order?: { lpl: number; upl: number }[];
        expected: (string | null)[] | string;
      }[];
    };
    short_group_warning: {
      cases: {
        threshold: number;
        group_sizes?: number[];
        group_sizes_by_facet?: Record<string, number[]>;
        expected_warning: boolean;
        expected_flags?: string;
      }[];
      warning_text: string;
    };
  };
}

const spc05 = loadReference<Spc05>('spc_05_rule_function_unit_vectors.json').functions;

describe('spc_05 rule functions (peer unit vectors)', () => {
  it('seven points on one side of the mean', () => {
    for (const c of spc05.seven_point_one_side_mean.cases)
      expect(sevenPointOneSideMean(c.input)).toEqual(c.expected);
  });

  it('part of a seven-point run (back-fill)', () => {
    for (const c of spc05.part_of_seven_trend.cases) expect(partOfSevenPointRun(c.input)).toEqual(c.expected);
  });

  it('seven-point trend', () => {
    for (const c of spc05.seven_point_trend.cases) expect(sevenPointTrend(c.input)).toEqual(c.expected);
  });

  it('two in three', () => {
    for (const c of spc05.two_in_three.cases) {
      expect(twoInThree(c.close_to_limits, c.relative_to_mean)).toEqual(c.expected);
    }
  });

  it('part of two in three (only the close points)', () => {
    for (const c of spc05.part_of_two_in_three.cases) {
      const flags = twoInThree(c.close_to_limits, c.relative_to_mean);
      expect(partOfTwoInThree(flags, c.close_to_limits)).toEqual(c.expected);
    }
  });

  it('label priority: outside > trend > two-in-three > run (the peer mocked test)', () => {
    const m = spc05.special_cause_type_priority.mocked_test;
    const labels = combineSpecialCauseLabels({
      y: m.y,
      relativeToMean: m.relative_to_mean,
      outsideLimits: m.outside_limits,
      partOfTrend: m.mocked_part_of_seven_trend_for_trend,
      partOfTwoInThree: m.mocked_part_of_two_in_three,
      partOfRun: m.mocked_part_of_seven_trend_for_one_side,
    });
    expect(labels).toEqual(m.expected);
  });

  it('point type from label and direction', () => {
    for (const c of spc05.point_type.cases) {
      expect(pointTypeOf(c.special_cause_type, c.improvement_direction)).toBe(c.expected);
    }
  });

  it('variation icon from the point type (as geom_ptd_icon)', () => {
    const cases: [PointType, ImprovementDirection, string][] = [
      ['common_cause', 'increase', 'common_cause'],
      ['special_cause_neutral_high', 'neutral', 'neutral_high'],
      ['special_cause_neutral_low', 'neutral', 'neutral_low'],
      ['special_cause_concern', 'increase', 'concern_low'],
      ['special_cause_concern', 'decrease', 'concern_high'],
      ['special_cause_improvement', 'increase', 'improvement_high'],
      ['special_cause_improvement', 'decrease', 'improvement_low'],
    ];
    expect(spc05.variation_icon.semantics).toContain('concern_low if direction increase');
    for (const [type, direction, icon] of cases) expect(variationIconOf(type, direction)).toBe(icon);
  });

  it('assurance type from the target and the latest limits', () => {
    for (const c of spc05.assurance_type.cases) {
      if (c.rows) {
        // One facet per row: each row is that facet's last row.
        const got = c.rows.map((row) => assuranceTypeOf(c.target, row.lpl, row.upl, c.improvement_direction));
        expect(got).toEqual(c.expected);
      } else if (c.single_facet_rows_in_order) {
        // One facet: only its last row counts.
        const last = c.single_facet_rows_in_order[c.single_facet_rows_in_order.length - 1] as {
          lpl: number;
          upl: number;
        };
        expect(assuranceTypeOf(c.target, last.lpl, last.upl, c.improvement_direction)).toBe(c.expected);
      }
    }
    expect(assuranceIconOf('consistent_fail')).toBe('fail');
    expect(assuranceIconOf('consistent_pass')).toBe('pass');
    expect(assuranceIconOf('inconsistent')).toBe('inconsistent');
  });

  it('short-group warnings per facet and rebase group', () => {
    const { cases } = spc05.short_group_warning;
    const series = (sizes: number[]) => {
      const total = sizes.reduce((a, b) => a + b, 0);
      const points = Array.from({ length: total }, (_, i) => ({ x: i, y: Math.sin(i) }));
      const rebaseAt = sizes.slice(0, -1).map((_, k) => sizes.slice(0, k + 1).reduce((a, b) => a + b, 0));
      return { points, rebaseAt };
    };
    for (const c of cases) {
      const facets = c.group_sizes_by_facet ?? { only: c.group_sizes ?? [] };
      const results = computeSpcFacets(
        Object.entries(facets).map(([facet, sizes]) => ({ facet, ...series(sizes) })),
        { shortGroupThreshold: c.threshold },
      );
      const warned = results.some((r) => r.warnings.some((w) => w.code === 'short-group'));
      expect(warned).toBe(c.expected_warning);
      for (const [facet, sizes] of Object.entries(facets)) {
        const result = results.find((r) => r.facet === facet);
        expect(result?.groups.map((g) => g.shortGroupWarning)).toEqual(sizes.map((n) => n < c.threshold));
        for (const point of result?.points ?? []) {
          expect(point.shortGroupWarning).toBe((sizes[point.rebaseGroup] as number) < c.threshold);
        }
      }
    }
  });
});

describe('computeSpc edge cases', () => {
  const days = (values: (number | null)[]) =>
    values.map((y, i) => ({ x: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), y }));

  it('defaults: screening on, increase, threshold 13 (trial limits warning)', () => {
    const result = computeSpc(days([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1]));
    expect(result.improvementDirection).toBe('increase');
    expect(result.groups[0]?.movingRangesExcluded).toBe(2);
    expect(result.points.filter((p) => p.movingRangeExcluded).map((p) => p.x)).toEqual([
      '2024-01-05',
      '2024-01-06',
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['short-group']);
    expect(result.groups[0]?.shortGroupWarning).toBe(true);
  });

  it('a constant series has limits collapsed onto the mean and no special cause', () => {
    const result = computeSpc(days([5, 5, 5, 5, 5, 5, 5, 5]));
    const group = result.groups[0];
    expect([group?.mean, group?.lpl, group?.upl, group?.meanMovingRange]).toEqual([5, 5, 5, 0]);
    expect(result.points.every((p) => p.pointType === 'common_cause' && p.relativeToMean === 0)).toBe(true);
  });

  it('a single point has a mean but no limits, and nothing is NaN', () => {
    const result = computeSpc([{ x: 1, y: 3 }], { target: 2 });
    expect(result.points[0]).toMatchObject({ mean: 3, lpl: null, upl: null, meanMovingRange: null });
    expect(result.assurance?.type).toBe('inconsistent');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('an empty series gives no groups, no icons', () => {
    const result = computeSpc([], { target: 1 });
    expect(result).toMatchObject({ points: [], groups: [], variation: null, assurance: null });
  });

  it('sorts by x, and rejects duplicate or mixed x', () => {
    const result = computeSpc([
      { x: 3, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ]);
    expect(result.points.map((p) => p.x)).toEqual([1, 2, 3]);
    expect(() =>
      computeSpc([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toThrow(/duplicate/);
    expect(() =>
      computeSpc([
        { x: 1, y: 1 },
        { x: '2', y: 2 },
      ]),
    ).toThrow(/all strings or all numbers/);
  });

  it('missing values: kept without a label, break moving ranges, skipped by the rules', () => {
    // 7 rising values with a gap in the middle still form a trend.
    const result = computeSpc(days([1, 2, 3, null, 4, 5, 6, 7]));
    const gap = result.points[3];
    expect(gap).toMatchObject({ y: null, pointType: null, specialCauseLabel: null, relativeToMean: null });
    expect(result.points[4]?.movingRange).toBeNull();
    expect(result.groups[0]?.n).toBe(7);
    expect(result.points.filter((p) => p.specialCauseRule !== null).length).toBe(7);
    expect(result.warnings.map((w) => w.code)).toContain('missing-values');
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it('rebasing: each group has its own limits; an unknown rebase date is reported', () => {
    const values = [
      ...Array(15)
        .fill(0)
        .map((_, i) => 10 + (i % 3)),
      ...Array(15)
        .fill(0)
        .map((_, i) => 20 + (i % 3)),
    ];
    const points = days(values);
    const rebase = points[15]?.x as string;
    const result = computeSpc(points, { rebaseAt: [rebase, '1999-01-01'] });
    expect(result.groups.map((g) => [g.rebaseGroup, g.n, g.mean])).toEqual([
      [0, 15, 11],
      [1, 15, 21],
    ]);
    expect(result.points.every((p) => p.specialCause === false)).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['rebase-not-found']);
  });

  it('fixAfterN: limits from the first n values only; later values are still judged', () => {
    const values = [
      ...Array(12)
        .fill(0)
        .map((_, i) => i % 2),
      9,
      9,
    ];
    const result = computeSpc(days(values), { fixAfterN: 12 });
    expect(result.groups[0]).toMatchObject({ mean: 0.5, meanMovingRange: 1, baselineN: 12, n: 14 });
    expect(result.points[12]?.movingRange).toBeNull();
    expect(result.points.slice(12).map((p) => p.specialCauseLabel)).toEqual(['Above UCL', 'Above UCL']);
    expect(() => computeSpc(days(values), { fixAfterN: 11 })).toThrow(/greater than or equal to 12/);
  });

  it('neutral direction: purple icons and no assurance', () => {
    const result = computeSpc(days([0, 1, 2, 3, 4, 5, 6, 7]), {
      improvementDirection: 'neutral',
      target: 100,
    });
    expect(result.variation).toEqual({ pointType: 'special_cause_neutral_high', icon: 'neutral_high' });
    expect(result.assurance).toBeNull();
  });

  it('assurance compares the target with the latest group, strictly', () => {
    const base = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
    const result = computeSpc(days(base), { target: 5, improvementDirection: 'decrease' });
    expect(result.assurance).toEqual({ type: 'consistent_fail', icon: 'fail' });
    const onLimit = result.groups[0]?.lpl as number;
    expect(
      computeSpc(days(base), { target: onLimit, improvementDirection: 'decrease' }).assurance?.type,
    ).toBe('inconsistent');
  });

  it('screening can be switched off (the MDC Excel behaviour)', () => {
    const values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const on = computeSpc(days(values));
    const off = computeSpc(days(values), { screenOutliers: false });
    expect((off.groups[0]?.upl as number) > (on.groups[0]?.upl as number)).toBe(true);
    expect(off.points.some((p) => p.movingRangeExcluded)).toBe(false);
  });
});
