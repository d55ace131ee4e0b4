/**
 * SPC against the NHSRplotthedots 0.2.2 reference results (spc_01–04, 06, 07): every case, every point field,
 * the summary rows and the icons.
 */

import { describe, expect, it } from 'vitest';
import { expectClose, loadReference } from './reference-fixtures';
import {
  computeSpc,
  computeSpcFacets,
  type ImprovementDirection,
  type SpcOptions,
  type SpcPointInput,
  type SpcResult,
} from './spc';

interface RefOptions {
  improvement_direction: ImprovementDirection;
  target: number | null;
  screen_outliers: boolean;
  fix_after_n_points: number | null;
  rebase: string | null;
  facet_field: string | null;
}

interface RefPoint {
  facet: string | number;
  date: string;
  value: number;
  rebase_group: number;
  mean: number;
  lpl: number;
  upl: number;
  amr_used: number;
  near_lower: number;
  near_upper: number;
  outside_limits: boolean;
  relative_to_mean: number;
  close_to_limits: boolean;
  special_cause_type: string;
  special_cause_flag: boolean;
  point_type: string;
  short_group_warning: boolean;
  target: number | null;
}

interface RefSummary {
  f?: string | number;
  rebase_group?: number;
  mean_col: number;
  lpl: number;
  upl: number;
  n: number;
  common_cause: number;
  special_cause_improvement: number;
  special_cause_concern: number;
  variation_type: string;
  assurance_type?: string | null;
}

interface RefCase {
  id: string;
  options: RefOptions;
  expected: {
    summary: RefSummary[];
    icons: { f: string | number; type: 'variation' | 'assurance'; icon: string }[];
    points: RefPoint[];
  };
  input?: { values: number[] };
  python_port_expected?: {
    mean: number;
    lpl: number;
    upl: number;
    near_lower: number | null;
    near_upper: number | null;
    flags?: {
      outside_limits: boolean[];
      relative_to_mean: number[];
      close_to_limits: boolean[];
      special_cause_flag: boolean[];
    };
  };
}

interface RefFile<I> {
  input: I;
  cases: RefCase[];
}

/** One series of the case: facet key (as the reference prints it) and its points. */
interface Series {
  facet: string | number;
  points: SpcPointInput[];
}

const NO_FACET = 'no facet';

function seriesOf(dates: readonly string[], values: readonly number[], facets?: readonly number[]): Series[] {
  expect(values.length).toBe(dates.length);
  if (!facets) return [{ facet: NO_FACET, points: dates.map((x, i) => ({ x, y: values[i] as number })) }];
  const keys = [...new Set(facets)];
  return keys.map((facet) => ({
    facet,
    points: dates.flatMap((x, i) => (facets[i] === facet ? [{ x, y: values[i] as number }] : [])),
  }));
}

function optionsOf(refCase: RefCase, shortGroupThreshold?: number): SpcOptions {
  const o = refCase.options;
  return {
    improvementDirection: o.improvement_direction,
    target: o.target,
    screenOutliers: o.screen_outliers,
    fixAfterN: o.fix_after_n_points,
    rebaseAt: o.rebase === null ? [] : [o.rebase],
    ...(shortGroupThreshold === undefined ? {} : { shortGroupThreshold }),
  };
}

function run(series: Series[], options: SpcOptions): Map<string, SpcResult> {
  const results = computeSpcFacets(
    series.map((s) => ({ facet: String(s.facet), points: s.points })),
    options,
  );
  return new Map(results.map((result) => [result.facet, result]));
}

/** Compares one case's full output with the reference. */
function checkCase(refCase: RefCase, series: Series[], shortGroupThreshold?: number): void {
  const options = optionsOf(refCase, shortGroupThreshold);
  const byFacet = run(series, options);
  const { expected } = refCase;

  // The reference echoes its input: check we fed the same values.
  const fed = new Map(series.flatMap((s) => s.points.map((p) => [`${s.facet}|${p.x}`, p.y])));
  expect(fed.size, 'point count').toBe(expected.points.length);

  for (const ref of expected.points) {
    const label = `${refCase.id} ${ref.facet} ${ref.date}`;
    expect(fed.get(`${ref.facet}|${ref.date}`), `${label} input`).toBe(ref.value);
    const result = byFacet.get(String(ref.facet));
    const point = result?.points.find((p) => p.x === ref.date);
    expect(point, label).toBeDefined();
    if (!point) continue;
    expect(point.y, `${label} y`).toBe(ref.value);
    expect(point.rebaseGroup, `${label} rebase_group`).toBe(ref.rebase_group);
    expectClose(point.mean, ref.mean, `${label} mean`);
    expectClose(point.lpl, ref.lpl, `${label} lpl`);
    expectClose(point.upl, ref.upl, `${label} upl`);
    expectClose(point.meanMovingRange, ref.amr_used, `${label} amr_used`);
    expectClose(point.nearLower, ref.near_lower, `${label} near_lower`);
    expectClose(point.nearUpper, ref.near_upper, `${label} near_upper`);
    expect(point.outsideLimits, `${label} outside_limits`).toBe(ref.outside_limits);
    expect(point.relativeToMean, `${label} relative_to_mean`).toBe(ref.relative_to_mean);
    expect(point.closeToLimits, `${label} close_to_limits`).toBe(ref.close_to_limits);
    expect(point.specialCauseLabel, `${label} special_cause_type`).toBe(ref.special_cause_type);
    expect(point.specialCause, `${label} special_cause_flag`).toBe(ref.special_cause_flag);
    expect(point.pointType, `${label} point_type`).toBe(ref.point_type);
    expect(point.shortGroupWarning, `${label} short_group_warning`).toBe(ref.short_group_warning);
    expect(point.target, `${label} target`).toBe(ref.target);
  }

  expect(expected.summary.length, `${refCase.id} summary rows`).toBe(
    [...byFacet.values()].reduce((total, result) => total + result.groups.length, 0),
  );
  for (const row of expected.summary) {
    const facet = row.f === undefined ? NO_FACET : String(row.f);
    const result = byFacet.get(facet);
    const group = result?.groups.find((g) => g.rebaseGroup === (row.rebase_group ?? g.rebaseGroup));
    const label = `${refCase.id} summary ${facet}/${row.rebase_group ?? 0}`;
    expect(group, label).toBeDefined();
    if (!group) continue;
    expectClose(group.mean, row.mean_col, `${label} mean_col`);
    expectClose(group.lpl, row.lpl, `${label} lpl`);
    expectClose(group.upl, row.upl, `${label} upl`);
    expect(group.n, `${label} n`).toBe(row.n);
    expect(group.commonCause, `${label} common_cause`).toBe(row.common_cause);
    expect(group.specialCauseImprovement, `${label} special_cause_improvement`).toBe(
      row.special_cause_improvement,
    );
    expect(group.specialCauseConcern, `${label} special_cause_concern`).toBe(row.special_cause_concern);
    expect(group.variationType, `${label} variation_type`).toBe(row.variation_type);
    if ('assurance_type' in row)
      expect(group.assuranceType, `${label} assurance_type`).toBe(row.assurance_type);
    else expect(group.assuranceType, `${label} no assurance without a target`).toBeNull();
  }

  const icons = [...byFacet.entries()].flatMap(([facet, result]) => [
    ...(result.variation ? [{ f: facet, type: 'variation', icon: result.variation.icon }] : []),
  ]);
  const assurance = [...byFacet.entries()].flatMap(([facet, result]) =>
    result.assurance ? [{ f: facet, type: 'assurance', icon: result.assurance.icon }] : [],
  );
  expect([...icons, ...assurance], `${refCase.id} icons`).toEqual(
    expected.icons.map((icon) => ({ f: String(icon.f), type: icon.type, icon: icon.icon })),
  );
}

describe('spc_01 (20-point base series: screening, fixing, facets, target, rebase)', () => {
  const file = loadReference<RefFile<{ dates: string[]; values: number[]; values_y15_modified: number[] }>>(
    'spc_01_rnorm20_seed123.json',
  );
  it('has the expected cases', () => {
    expect(file.cases.map((c) => c.id)).toHaveLength(7);
  });
  for (const refCase of file.cases) {
    it(refCase.id, () => {
      const values = refCase.id.startsWith('y15') ? file.input.values_y15_modified : file.input.values;
      // The peer's facet test splits the 20 points as rep(c(0, 1), each = 10).
      const facets = refCase.options.facet_field
        ? file.input.dates.map((_, i) => (i < 10 ? 0 : 1))
        : undefined;
      checkCase(refCase, seriesOf(file.input.dates, values, facets));
    });
  }
});

describe('spc_02 (spike: screening on, as the package, and off, as the MDC Excel tool)', () => {
  const file = loadReference<RefFile<{ dates: string[]; values: number[] }>>(
    'spc_02_deviations_vignette_outlier_screening.json',
  );
  for (const refCase of file.cases) {
    it(refCase.id, () => checkCase(refCase, seriesOf(file.input.dates, file.input.values)));
  }
});

describe('spc_03 (every rule, variation and assurance icon outcome)', () => {
  const file = loadReference<
    RefFile<{
      dates: string[];
      f: number[];
      values_cases_s1_to_s4: number[];
      values_cases_s5_s6: number[];
      values_cases_s7_to_s9: number[];
    }>
  >('spc_03_icons_geom_ptd_icon_test.json');
  for (const refCase of file.cases) {
    it(refCase.id, () => {
      const n = Number(refCase.id.slice(1, 2));
      const values =
        n <= 4
          ? file.input.values_cases_s1_to_s4
          : n <= 6
            ? file.input.values_cases_s5_s6
            : file.input.values_cases_s7_to_s9;
      const facets = refCase.options.facet_field === 'f' ? file.input.f : undefined;
      // The peer's icon test sets options(ptd_spc.warning_threshold = 0).
      checkCase(refCase, seriesOf(file.input.dates, values, facets), 0);
    });
  }
});

describe('spc_04 (two-in-three sides, 7-point trends)', () => {
  interface Input {
    alternating: {
      dates: string[];
      values: number[];
      values_control_same_side: number[];
      values_control_same_side_with_preceding: number[];
    };
    trend_up: { dates: string[]; values: number[] };
    trend_down: { dates: string[]; values: number[] };
  }
  const file = loadReference<RefFile<Input>>('spc_04_two_in_three_and_trend_edge_cases.json');
  const inputs: Record<string, [string[], number[]]> = {
    two_close_points_opposite_sides: [file.input.alternating.dates, file.input.alternating.values],
    control_two_close_points_same_side_NOT_IN_PEER_TESTS: [
      file.input.alternating.dates,
      file.input.alternating.values_control_same_side,
    ],
    control_same_side_with_preceding_point_same_side_NOT_IN_PEER_TESTS: [
      file.input.alternating.dates,
      file.input.alternating.values_control_same_side_with_preceding,
    ],
    trend_up_0_to_7: [file.input.trend_up.dates, file.input.trend_up.values],
    trend_down_0_to_minus7: [file.input.trend_down.dates, file.input.trend_down.values],
    trend_down_0_to_minus7_decrease: [file.input.trend_down.dates, file.input.trend_down.values],
  };
  it('maps every case to its input', () => {
    expect(file.cases.map((c) => c.id).sort()).toEqual(Object.keys(inputs).sort());
  });
  for (const refCase of file.cases) {
    it(refCase.id, () => {
      const [dates, values] = inputs[refCase.id] as [string[], number[]];
      checkCase(refCase, seriesOf(dates, values));
    });
  }
});

describe('spc_06 (A&E breaches, with a rebase)', () => {
  type Series2 = { dates: string[]; values: number[] };
  const file = loadReference<RefFile<{ RQM: Series2; RRK_stable: Series2; RRK_all: Series2 }>>(
    'spc_06_ae_attendances_RQM_RRK.json',
  );
  for (const refCase of file.cases) {
    it(refCase.id, () => {
      const input = refCase.id.startsWith('RQM')
        ? file.input.RQM
        : refCase.id.startsWith('RRK_stable')
          ? file.input.RRK_stable
          : file.input.RRK_all;
      checkCase(refCase, seriesOf(input.dates, input.values));
    });
  }
});

describe('spc_07 (Python port limits, collapsed limits, run on the mean, 2 points)', () => {
  const file = loadReference<RefFile<unknown>>('spc_07_python_port_limits_and_edge_cases.json');
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
  for (const refCase of file.cases) {
    it(refCase.id, () => {
      const values = refCase.input?.values ?? [];
      checkCase(
        refCase,
        seriesOf(
          values.map((_, i) => day(i)),
          values,
        ),
      );
      const python = refCase.python_port_expected;
      if (python) {
        // The Python port's own expectations agree with the R peer on limits and, where given, on the flags.
        const result = computeSpc(
          values.map((y, i) => ({ x: day(i), y })),
          optionsOf(refCase),
        );
        const group = result.groups[0];
        expectClose(group?.mean, python.mean, 'python mean');
        expectClose(group?.lpl, python.lpl, 'python lpl');
        expectClose(group?.upl, python.upl, 'python upl');
        if (python.near_lower !== null) expectClose(group?.nearLower, python.near_lower, 'python near_lower');
        if (python.near_upper !== null) expectClose(group?.nearUpper, python.near_upper, 'python near_upper');
        if (python.flags) {
          expect(result.points.map((p) => p.outsideLimits)).toEqual(python.flags.outside_limits);
          expect(result.points.map((p) => p.relativeToMean)).toEqual(python.flags.relative_to_mean);
          expect(result.points.map((p) => p.closeToLimits)).toEqual(python.flags.close_to_limits);
          expect(result.points.map((p) => p.specialCause)).toEqual(python.flags.special_cause_flag);
        }
      }
    });
  }

  it('rejects fixing the limits on fewer than 12 points, with the peer message', () => {
    const stated = (
      loadReference<{ stated_expectations: { fix_after_n_points_lt_12: { r_error: string } } }>(
        'spc_07_python_port_limits_and_edge_cases.json',
      ) as { stated_expectations: { fix_after_n_points_lt_12: { r_error: string } } }
    ).stated_expectations.fix_after_n_points_lt_12;
    const points = [1, 2, 3, 4, 5, 6, 7, 8].map((y, i) => ({ x: day(i), y }));
    expect(() => computeSpc(points, { fixAfterN: 3 })).toThrow(stated.r_error);
  });
});
