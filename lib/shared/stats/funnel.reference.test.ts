/**
 * Funnel plots against the FunnelPlotR 0.6.0 reference results (funnel_01–06): every case, every unit column
 * the API has an equivalent for, the limit-formula grids and the outlier classification vectors.
 */

import { describe, expect, it } from 'vitest';
import {
  classifyFunnelOutlier,
  computeFunnel,
  type FunnelDataType,
  type FunnelLevel,
  type FunnelLimitSpec,
  type FunnelLimits,
  type FunnelMessageCode,
  type FunnelOptions,
  type FunnelUnitInput,
  funnelLimitsAt,
} from './funnel';
import { expectClose, loadReference } from './reference-fixtures';

interface RefOptions {
  data_type: 'SR' | 'PR' | 'RC';
  limit: 95 | 99;
  draw_adjusted: boolean;
  draw_unadjusted: boolean;
  sr_method: 'SHMI' | 'CQC';
  trim_by: number;
  multiplier: number;
}

interface RefGroup {
  group: string;
  numerator: number;
  denominator: number;
  rr: number;
  target_transformed: number;
  Y: number;
  Uzscore: number;
  rk?: number;
  sp?: number;
  truncated?: number;
  winsorised?: number;
  Wuzscore: number | null;
  LCL95: number;
  UCL95: number;
  LCL99: number;
  UCL99: number;
  OD95LCL: number;
  OD95UCL: number;
  OD99LCL: number;
  OD99UCL: number;
  outlier: number;
}

interface RefCase {
  id: string;
  options: RefOptions;
  expected: {
    phi: number;
    tau2: number;
    draw_adjusted_effective: boolean;
    draw_unadjusted_effective: boolean;
    target: number;
    messages: string[];
    groups: RefGroup[];
    outlier_groups: string[];
  };
}

const DATA_TYPES: Record<RefOptions['data_type'], FunnelDataType> = {
  SR: 'ratio',
  PR: 'proportion',
  RC: 'ratio-of-counts',
};

/** The peer's messages (as printed, with its line-break whitespace collapsed) for our message codes. */
const PEER_MESSAGES: Partial<Record<FunnelMessageCode, string>> = {
  'unadjusted-requested': 'Plotting using unadjusted limits',
  'no-overdispersion':
    'No overdispersion detected, or draw_adjusted set to FALSE , plotting using unadjusted limits',
};

function optionsOf(o: RefOptions): FunnelOptions {
  return {
    type: DATA_TYPES[o.data_type],
    method: o.sr_method === 'SHMI' ? 'shmi' : 'cqc',
    trimBy: o.trim_by,
    adjusted: o.draw_adjusted,
    unadjusted: o.draw_unadjusted,
    outlierLevel: o.limit === 95 ? 95 : 99.8,
    multiplier: o.multiplier,
  };
}

function unitsOf(groups: string[], numerators: number[], denominators: number[]): FunnelUnitInput[] {
  return groups.map((id, i) => ({
    id,
    numerator: numerators[i] as number,
    denominator: denominators[i] as number,
  }));
}

function checkCase(refCase: RefCase, units: FunnelUnitInput[]): void {
  const { options, expected } = refCase;
  const result = computeFunnel(units, optionsOf(options));
  const id = refCase.id;

  if (options.draw_adjusted) {
    expectClose(result.phi, expected.phi, `${id} phi`);
    expectClose(result.tau2, expected.tau2, `${id} tau2`);
    expectClose(result.appliedTau2, expected.tau2, `${id} applied tau2`);
  } else {
    // The peer zeroes phi and tau2 when adjustment is off; we still report the estimates, and apply none.
    expect([expected.phi, expected.tau2], `${id} peer zeroes phi/tau2`).toEqual([0, 0]);
    expect(result.appliedTau2, `${id} applied tau2`).toBe(0);
  }
  expect(result.adjusted, `${id} draw_adjusted_effective`).toBe(expected.draw_adjusted_effective);
  expect(result.unadjusted, `${id} draw_unadjusted_effective`).toBe(expected.draw_unadjusted_effective);
  expectClose(result.target, expected.target, `${id} target`);
  const peerMessages = result.messages.flatMap((m) => (PEER_MESSAGES[m.code] ? [PEER_MESSAGES[m.code]] : []));
  expect(peerMessages, `${id} messages`).toEqual(expected.messages.map((m) => m.replace(/\s+/g, ' ')));
  expect(
    result.messages.every((m) => m.code in PEER_MESSAGES),
    `${id} no extra messages`,
  ).toBe(true);
  expect([...result.outliers].sort(), `${id} outlier_groups`).toEqual([...expected.outlier_groups].sort());

  expect(result.units.length, `${id} unit count`).toBe(expected.groups.length);
  for (const ref of expected.groups) {
    const label = `${id} ${ref.group}`;
    const unit = result.units.find((u) => u.id === ref.group);
    expect(unit, label).toBeDefined();
    if (!unit) continue;
    expect(unit.numerator, `${label} numerator`).toBe(ref.numerator);
    expectClose(unit.denominator, ref.denominator, `${label} denominator`);
    expectClose(unit.value, ref.rr, `${label} rr`);
    expectClose(result.transformedTarget, ref.target_transformed, `${label} target_transformed`);
    expectClose(unit.transformedValue, ref.Y, `${label} Y`);
    expectClose(unit.zScore, ref.Uzscore, `${label} Uzscore`);
    if (ref.rk !== undefined) expectClose(unit.rank, ref.rk, `${label} rk`);
    if (ref.sp !== undefined) expectClose(unit.band, ref.sp, `${label} sp`);
    if (ref.truncated !== undefined) expect(unit.truncated, `${label} truncated`).toBe(ref.truncated === 1);
    if (ref.winsorised !== undefined)
      expect(unit.winsorised, `${label} winsorised`).toBe(ref.winsorised === 1);
    expectClose(unit.trimmedZScore, ref.Wuzscore, `${label} Wuzscore`);
    expectClose(unit.unadjustedLimits.lower95, ref.LCL95, `${label} LCL95`);
    expectClose(unit.unadjustedLimits.upper95, ref.UCL95, `${label} UCL95`);
    expectClose(unit.unadjustedLimits.lower998, ref.LCL99, `${label} LCL99`);
    expectClose(unit.unadjustedLimits.upper998, ref.UCL99, `${label} UCL99`);
    expectClose(unit.adjustedLimits.lower95, ref.OD95LCL, `${label} OD95LCL`);
    expectClose(unit.adjustedLimits.upper95, ref.OD95UCL, `${label} OD95UCL`);
    expectClose(unit.adjustedLimits.lower998, ref.OD99LCL, `${label} OD99LCL`);
    expectClose(unit.adjustedLimits.upper998, ref.OD99UCL, `${label} OD99UCL`);
    expect(unit.outlier, `${label} outlier`).toBe(ref.outlier === 1);
  }
}

describe('funnel_01 (standardised ratios, SHMI and CQC, adjusted and unadjusted)', () => {
  const file = loadReference<{
    input: { group: string[]; numerator_observed: number[]; denominator_expected: number[] };
    stated_expectations: { a_default_SR_SHMI_limit99_adjusted: { phi_rounded_6dp: number } };
    cases: RefCase[];
  }>('funnel_01_sr_six_groups_test.json');
  const units = unitsOf(file.input.group, file.input.numerator_observed, file.input.denominator_expected);
  for (const refCase of file.cases) it(refCase.id, () => checkCase(refCase, units));

  it('states phi = 2.948033 and the peer assertions between cases', () => {
    const a = computeFunnel(units, { type: 'ratio', outlierLevel: 99.8 });
    expect(Number((a.phi as number).toFixed(6))).toBe(
      file.stated_expectations.a_default_SR_SHMI_limit99_adjusted.phi_rounded_6dp,
    );
    const b = computeFunnel(units, { type: 'ratio', adjusted: false, multiplier: 100, outlierLevel: 95 });
    const c = computeFunnel(units, {
      type: 'ratio',
      method: 'cqc',
      trimBy: 0.05,
      multiplier: 100,
      outlierLevel: 95,
    });
    const e = (r: typeof a) => r.units.find((u) => u.id === 'e') as (typeof a.units)[number];
    // b LCL95[e] > a OD95LCL[e] (scaled by 100 in b), b OD95LCL[e] < c OD95LCL[e]
    expect(e(b).unadjustedLimits.lower95).toBeGreaterThan(e(a).adjustedLimits.lower95);
    expect(e(b).adjustedLimits.lower95).toBeLessThan(e(c).adjustedLimits.lower95);
  });
});

describe('funnel_03 (proportions, 10% Winsorisation)', () => {
  const file = loadReference<{
    input: { group: string[]; numerator: number[]; denominator: number[] };
    stated_expectations: {
      dev_script_reference: {
        pbar: number;
        target_transformed: number;
        z_unwinsorised: number[];
        phi_unwinsorised: number;
        tau2_from_unwinsorised_phi: number;
      };
    };
    cases: RefCase[];
  }>('funnel_03_proportion_ten_groups.json');
  const units = unitsOf(file.input.group, file.input.numerator, file.input.denominator);
  for (const refCase of file.cases) it(refCase.id, () => checkCase(refCase, units));

  it('matches the dev script without Winsorisation (trimBy 0)', () => {
    const dev = file.stated_expectations.dev_script_reference;
    const result = computeFunnel(units, { type: 'proportion', trimBy: 0 });
    expectClose(result.target, dev.pbar, 'pbar');
    expectClose(result.transformedTarget, dev.target_transformed, 'target_transformed');
    result.units.forEach((unit, i) => {
      expectClose(unit.zScore, dev.z_unwinsorised[i], `z ${unit.id}`);
    });
    expectClose(result.phi, dev.phi_unwinsorised, 'phi');
    expectClose(result.tau2, dev.tau2_from_unwinsorised_phi, 'tau2');
  });
});

describe('funnel_04 (phi ≤ 1 falls back to unadjusted limits)', () => {
  const file = loadReference<{
    input: { group: string[]; numerator_observed: number[]; denominator_expected: number[] };
    cases: RefCase[];
  }>('funnel_04_vignette_sr_seven_units.json');
  const units = unitsOf(file.input.group, file.input.numerator_observed, file.input.denominator_expected);
  for (const refCase of file.cases) it(refCase.id, () => checkCase(refCase, units));

  // Skipped on purpose, not failing: this reference case illustrates the vignette's own hand-rolled Poisson limits,
  // which funnel_plot() (and so our computeFunnel) never computes; it stays listed so the reference file is covered
  // case by case and the gap is visible.
  it.skip(
    'vignette_qpois_illustration: the vignette hand-rolls (qpois(p, x) ∓ …) / x limits that funnel_plot() does ' +
      'not use (it uses the exact chi-square limits tested above), so the API has no equivalent',
    () => {},
  );
});

describe('funnel_06 (larger n: SHMI truncation; 134 trusts for proportions and ratios of counts)', () => {
  const file = loadReference<{
    input: {
      los_model: { group: string[]; numerator_observed: number[]; denominator_expected: number[] };
      ae_2019_03_type1: { group: string[]; numerator: number[]; denominator: number[] };
    };
    cases_los_model: RefCase[];
    cases_ae_2019_03: RefCase[];
  }>('funnel_06_larger_n_truncation_winsorisation.json');
  const los = unitsOf(
    file.input.los_model.group,
    file.input.los_model.numerator_observed,
    file.input.los_model.denominator_expected,
  );
  const ae = unitsOf(
    file.input.ae_2019_03_type1.group,
    file.input.ae_2019_03_type1.numerator,
    file.input.ae_2019_03_type1.denominator,
  );
  for (const refCase of file.cases_los_model) it(`los_model ${refCase.id}`, () => checkCase(refCase, los));
  for (const refCase of file.cases_ae_2019_03) it(`ae_2019_03 ${refCase.id}`, () => checkCase(refCase, ae));
});

describe('funnel_02 (limit formulas at fixed denominators)', () => {
  type Row = Record<string, number>;
  const file = loadReference<{
    stated_expectations: {
      exact_poisson_SR_target1: {
        number_seq: number[];
        ll95_round7: number[];
        ul95_round6: number[];
        ll998_round7: number[];
        ul998_round6: number[];
      };
    };
    peer_output: Record<string, Row[]>;
  }>('funnel_02_limit_formulas.json');

  const specs: Record<string, FunnelLimitSpec> = {
    exact_poisson_SR_target1: { type: 'ratio', method: 'shmi', target: 1, tau2: 0, multiplier: 1 },
    'grid_SR_SHMI_tau2_0.02': { type: 'ratio', method: 'shmi', target: 1, tau2: 0.02, multiplier: 1 },
    'grid_SR_CQC_tau2_0.02': { type: 'ratio', method: 'cqc', target: 1, tau2: 0.02, multiplier: 1 },
    grid_SR_exact_poisson: { type: 'ratio', method: 'shmi', target: 1, tau2: 0, multiplier: 1 },
    'grid_PR_target0.3_unadjusted': { type: 'proportion', method: null, target: 0.3, tau2: 0, multiplier: 1 },
    'grid_PR_target0.3_tau2_0.02': {
      type: 'proportion',
      method: null,
      target: 0.3,
      tau2: 0.02,
      multiplier: 1,
    },
    'grid_RC_target2.5_tau2_0.02': {
      type: 'ratio-of-counts',
      method: null,
      target: 2.5,
      tau2: 0.02,
      multiplier: 1,
    },
  };
  const columns: Record<string, ['unadjusted' | 'adjusted', keyof FunnelLimits]> = {
    ll95: ['unadjusted', 'lower95'],
    ul95: ['unadjusted', 'upper95'],
    ll998: ['unadjusted', 'lower998'],
    ul998: ['unadjusted', 'upper998'],
    odll95: ['adjusted', 'lower95'],
    odul95: ['adjusted', 'upper95'],
    odll998: ['adjusted', 'lower998'],
    odul998: ['adjusted', 'upper998'],
  };

  it('covers every block of peer output', () => {
    expect(Object.keys(file.peer_output).sort()).toEqual(Object.keys(specs).sort());
  });

  for (const [block, rows] of Object.entries(file.peer_output)) {
    it(block, () => {
      const spec = specs[block] as FunnelLimitSpec;
      // The peer evaluated these formulas on exactly these rows, so its proportion monotonicity fix compares
      // each row with the next one: reproduce that with the grid rule.
      const got = funnelLimitsAt(
        rows.map((row) => row.number_seq as number),
        spec,
        { monotonicity: 'grid' },
      );
      rows.forEach((row, i) => {
        const limits = got[i];
        for (const [column, value] of Object.entries(row)) {
          if (column === 'number_seq') {
            expect(limits?.denominator).toBe(value);
            continue;
          }
          if (column === 's') {
            // The standard error at x: 1/√x for SHMI, 1/(2√x) otherwise (not part of the limit rows).
            const s =
              spec.type === 'ratio' && spec.method === 'shmi'
                ? 1 / Math.sqrt(row.number_seq as number)
                : 1 / (2 * Math.sqrt(row.number_seq as number));
            expectClose(s, value, `${block} s @${row.number_seq}`);
            continue;
          }
          const mapping = columns[column];
          expect(mapping, `${block} column ${column}`).toBeDefined();
          if (!mapping || !limits) continue;
          expectClose(limits[mapping[0]][mapping[1]], value, `${block} ${column} @${row.number_seq}`);
        }
      });
    });
  }

  it('the default angle rule differs from the grid rule only where the grid left a reflected lower limit', () => {
    for (const block of ['grid_PR_target0.3_unadjusted', 'grid_PR_target0.3_tau2_0.02']) {
      const spec = specs[block] as FunnelLimitSpec;
      const rows = file.peer_output[block] as Row[];
      const xs = rows.map((row) => row.number_seq as number);
      const grid = funnelLimitsAt(xs, spec, { monotonicity: 'grid' });
      const angle = funnelLimitsAt(xs, spec);
      const target = Math.asin(Math.sqrt(spec.target));
      angle.forEach((row, i) => {
        for (const [kind, variance] of [
          ['unadjusted', 1 / (4 * row.denominator)],
          ['adjusted', 1 / (4 * row.denominator) + spec.tau2],
        ] as const) {
          for (const [key, z] of [
            ['lower95', -1.959964],
            ['upper95', 1.959964],
            ['lower998', -3.090232],
            ['upper998', 3.090232],
          ] as const) {
            const reflected = target + z * Math.sqrt(variance) < 0;
            const got = row[kind][key];
            if (reflected) expect(got, `${block} ${kind} ${key} @${row.denominator}`).toBe(0);
            else expectClose(got, (grid[i] as (typeof grid)[number])[kind][key], `${block} ${kind} ${key}`);
          }
        }
      });
    }
    // The two reflected rows the peer's grid did not fix:
    const unadjusted = funnelLimitsAt([5], specs['grid_PR_target0.3_unadjusted'] as FunnelLimitSpec)[0];
    expect(unadjusted?.unadjusted.lower998).toBe(0);
    const adjusted = funnelLimitsAt([15], specs['grid_PR_target0.3_tau2_0.02'] as FunnelLimitSpec)[0];
    expect(adjusted?.adjusted.lower998).toBe(0);
  });

  it('matches the peer unit test (rounded)', () => {
    const stated = file.stated_expectations.exact_poisson_SR_target1;
    const got = funnelLimitsAt(stated.number_seq, specs.exact_poisson_SR_target1 as FunnelLimitSpec);
    const round = (x: number, d: number) => Number(x.toFixed(d));
    expect(got.map((r) => round(r.unadjusted.lower95, 7))).toEqual(stated.ll95_round7);
    expect(got.map((r) => round(r.unadjusted.upper95, 6))).toEqual(stated.ul95_round6);
    expect(got.map((r) => round(r.unadjusted.lower998, 7))).toEqual(stated.ll998_round7);
    expect(got.map((r) => round(r.unadjusted.upper998, 6))).toEqual(stated.ul998_round6);
  });
});

describe('funnel_05 (inclusive outlier classification)', () => {
  interface Row {
    org: string;
    rr: number;
    UCL95: number;
    LCL95: number;
    OD95UCL: number;
    OD95LCL: number;
    UCL99: number;
    LCL99: number;
    OD99UCL: number;
    OD99LCL: number;
  }
  const file = loadReference<{
    input: Row[];
    cases: {
      draw_adjusted: boolean;
      draw_unadjusted: boolean;
      limit: 95 | 99;
      multiplier: number;
      expected: number[];
      peer_output: number[];
    }[];
  }>('funnel_05_outlier_classification_unit.json');

  file.cases.forEach((c, index) => {
    it(`case ${index + 1}: adjusted=${c.draw_adjusted} unadjusted=${c.draw_unadjusted} limit=${c.limit} ×${c.multiplier}`, () => {
      const basis = c.draw_adjusted ? 'adjusted' : c.draw_unadjusted ? 'unadjusted' : null;
      const level: FunnelLevel = c.limit === 95 ? 95 : 99.8;
      const got = file.input.map((row) => {
        const limits = {
          unadjusted: { lower95: row.LCL95, upper95: row.UCL95, lower998: row.LCL99, upper998: row.UCL99 },
          adjusted: {
            lower95: row.OD95LCL,
            upper95: row.OD95UCL,
            lower998: row.OD99LCL,
            upper998: row.OD99UCL,
          },
        };
        return classifyFunnelOutlier(row.rr * c.multiplier, limits, basis, level).outlier ? 1 : 0;
      });
      expect(got).toEqual(c.expected);
      expect(got).toEqual(c.peer_output);
    });
  });

  it('flags nothing when no limits are drawn', () => {
    const limits = {
      unadjusted: { lower95: 0.9, upper95: 1.1, lower998: 0.8, upper998: 1.2 },
      adjusted: { lower95: 0.9, upper95: 1.1, lower998: 0.8, upper998: 1.2 },
    };
    expect(classifyFunnelOutlier(5, limits, null, 95)).toEqual({ outlier: false, direction: null });
    expect(classifyFunnelOutlier(1.1, limits, 'unadjusted', 95)).toEqual({ outlier: false, direction: null });
    expect(classifyFunnelOutlier(1.1000001, limits, 'unadjusted', 95)).toEqual({
      outlier: true,
      direction: 'high',
    });
  });
});
