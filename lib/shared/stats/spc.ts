/**
 * XmR statistical process control with the NHS England "Making Data Count" rules, reproducing the R package
 * NHSRplotthedots 0.2.2 (`ptd_spc()`): limits, special-cause rules, point types, variation and assurance icons,
 * moving-range outlier screening, fixed limits, rebasing and short-group ("trial limits") warnings.
 *
 * Pure and dependency-free; every result is JSON-serialisable (no NaN: undefined quantities are null).
 */

import { mean, sign } from './numeric';

// ---------------------------------------------------------------------------------------------------------
// Types

/** Which way is better for the measure; 'neutral' gives purple (neutral) icons and no assurance. */
export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

/** One observation: `x` orders the series (ISO date string or number), `y` is the value (null when missing). */
export interface SpcPointInput {
  x: string | number;
  y: number | null;
}

export interface SpcOptions {
  /** Default 'increase'. */
  improvementDirection?: ImprovementDirection;
  /** Target for the assurance icon (compared with the latest limits). */
  target?: number | null;
  /** Start a new group (own mean, limits and rules) at each of these x values (exact match, as the peer). */
  rebaseAt?: ReadonlyArray<string | number>;
  /** Compute each group's mean and limits from its first n values only (at least 12, as the peer requires). */
  fixAfterN?: number | null;
  /** Drop moving ranges ≥ 3.267 × their mean once before computing the limits (default true, as the peer;
   * the NHSE Making Data Count Excel tool does not screen). */
  screenOutliers?: boolean;
  /** Groups with fewer values than this have "trial limits" and get a warning (default 13, as the peer). */
  shortGroupThreshold?: number;
}

/** The rule behind a special-cause label, in priority order. */
export type SpecialCauseRule = 'outside_limits' | 'trend' | 'two_in_three' | 'run';

/** The peer's per-point label (`special_cause_type`). */
export type SpecialCauseLabel =
  | 'Above UCL'
  | 'Below LCL'
  | '7 Point Trend (Increasing)'
  | '7 Point Trend (Decreasing)'
  | '2 in 3 Above CL'
  | '2 in 3 Below CL'
  | '7 Points Above CL'
  | '7 Points Below CL'
  | 'Common Cause';

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

/** Making Data Count variation icons (grey, blue, orange, purple; high/low is the side of the special cause). */
export type VariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low';

/** Assurance: the target is outside the latest limits on the good side (pass), the bad side (fail), or inside
 * them (inconsistent, "hit and miss"). */
export type AssuranceType = 'consistent_pass' | 'consistent_fail' | 'inconsistent';
export type AssuranceIcon = 'pass' | 'fail' | 'inconsistent';

export interface SpcPointResult {
  x: string | number;
  y: number | null;
  /** 0-based group index, incremented at each rebase (the peer's `rebase_group`). */
  rebaseGroup: number;
  mean: number | null;
  /** Lower / upper process limits: mean ∓ 2.66 × mean moving range. */
  lpl: number | null;
  upl: number | null;
  /** mean ∓ (2/3) × 2.66 × mean moving range ("2 sigma"). */
  nearLower: number | null;
  nearUpper: number | null;
  /** Mean moving range used for the limits (after screening). */
  meanMovingRange: number | null;
  /** |y - previous y| (null for the first value, after a missing value, or beyond the fixed points). */
  movingRange: number | null;
  /** True when screening dropped this moving range from the mean. */
  movingRangeExcluded: boolean;
  /** Strictly beyond a process limit. */
  outsideLimits: boolean;
  /** Beyond a near limit but inside the limits. */
  closeToLimits: boolean;
  /** sign(y - mean); null when y is missing. */
  relativeToMean: -1 | 0 | 1 | null;
  specialCause: boolean;
  specialCauseRule: SpecialCauseRule | null;
  /** One label per point, priority outside limits > trend > two-in-three > run; null when y is missing. */
  specialCauseLabel: SpecialCauseLabel | null;
  pointType: PointType | null;
  /** The point's group has fewer values than the short-group threshold (trial limits). */
  shortGroupWarning: boolean;
  target: number | null;
}

export interface SpcGroupSummary {
  rebaseGroup: number;
  from: string | number;
  to: string | number;
  /** Values (non-missing points) in the group. */
  n: number;
  mean: number | null;
  lpl: number | null;
  upl: number | null;
  nearLower: number | null;
  nearUpper: number | null;
  meanMovingRange: number | null;
  /** Moving ranges in the mean, and those dropped by screening. */
  movingRangesUsed: number;
  movingRangesExcluded: number;
  /** Values the limits were computed from (n, or fixAfterN when the limits are fixed). */
  baselineN: number;
  commonCause: number;
  specialCauseImprovement: number;
  specialCauseConcern: number;
  specialCauseNeutral: number;
  /** Point type of the group's last value (the peer's summary `variation_type`). */
  variationType: PointType | null;
  /** Assurance against the target, for the latest group only (null otherwise, or without a target). */
  assuranceType: AssuranceType | null;
  shortGroupWarning: boolean;
}

export type SpcWarningCode = 'short-group' | 'rebase-not-found' | 'missing-values';

export interface SpcWarning {
  code: SpcWarningCode;
  message: string;
  rebaseGroup?: number;
}

export interface SpcResult {
  improvementDirection: ImprovementDirection;
  target: number | null;
  /** Points in x order. */
  points: SpcPointResult[];
  groups: SpcGroupSummary[];
  /** From the last value: its point type and the matching icon (null for an empty series). */
  variation: { pointType: PointType; icon: VariationIcon } | null;
  /** Target against the latest limits; null without a target or for a neutral direction. */
  assurance: { type: AssuranceType; icon: AssuranceIcon } | null;
  warnings: SpcWarning[];
}

// ---------------------------------------------------------------------------------------------------------
// Constants

/** Limits are mean ± 2.66 × mean moving range (3σ, with σ estimated as mean MR / 1.128). */
export const XMR_LIMIT_FACTOR = 2.66;
/** Moving ranges at or above 3.267 × their mean are screened out (the upper range limit). */
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;
/** The peer's default short-group threshold: groups under 13 values have trial limits. */
export const DEFAULT_SHORT_GROUP_THRESHOLD = 13;
/** The peer rejects fixing the limits on fewer than 12 points. */
export const MIN_FIX_AFTER_N = 12;

// ---------------------------------------------------------------------------------------------------------
// Rule functions (exported for unit tests; they mirror the peer's internal functions one to one)

/** 1 at the 7th and later points of a run of 7 equal, non-zero relative-to-mean signs; else 0. */
export function sevenPointOneSideMean(relativeToMean: readonly number[]): number[] {
  return relativeToMean.map((value, i) => {
    if (value === 0 || i < 6) return 0;
    for (let k = 1; k <= 6; k++) if (relativeToMean[i - k] !== value) return 0;
    return 1;
  });
}

/** Back-fill: 1 if this point or one of the next 6 carries a (±1) flag, so all 7 points of a run are marked. */
export function partOfSevenPointRun(flags: readonly number[]): number[] {
  return flags.map((_, i) => {
    for (let k = 0; k <= 6 && i + k < flags.length; k++) if (Math.abs(flags[i + k] as number) === 1) return 1;
    return 0;
  });
}

/** 1 where the 7 values ending here strictly increase, -1 where they strictly decrease (ties break a trend). */
export function sevenPointTrend(y: readonly number[]): number[] {
  return y.map((_, i) => {
    if (i < 6) return 0;
    let up = true;
    let down = true;
    for (let k = i - 5; k <= i; k++) {
      const d = (y[k] as number) - (y[k - 1] as number);
      if (!(d > 0)) up = false;
      if (!(d < 0)) down = false;
    }
    return up ? 1 : down ? -1 : 0;
  });
}

/**
 * 1 where a 3-point window containing the point has at least 2 points close to the limits and all 3 strictly
 * on the same side of the mean (the series is padded with two zeros at each end, as the peer does).
 */
export function twoInThree(closeToLimits: readonly number[], relativeToMean: readonly number[]): number[] {
  const n = closeToLimits.length;
  const close = (j: number) => (j >= 0 && j < n ? (closeToLimits[j] ?? 0) : 0);
  const rtm = (j: number) => (j >= 0 && j < n ? (relativeToMean[j] ?? 0) : 0);
  const window = (start: number) =>
    close(start) + close(start + 1) + close(start + 2) >= 2 &&
    Math.abs(rtm(start) + rtm(start + 1) + rtm(start + 2)) === 3;
  return closeToLimits.map((_, i) => (window(i - 2) || window(i - 1) || window(i) ? 1 : 0));
}

/** Only the close-to-limit points of a two-in-three window are flagged. */
export function partOfTwoInThree(
  twoInThreeFlags: readonly number[],
  closeToLimits: readonly number[],
): number[] {
  return twoInThreeFlags.map((flag, i) => (flag === 1 && Math.abs(closeToLimits[i] ?? 0) === 1 ? 1 : 0));
}

/** Inputs to the label priority: per-point flags (non-zero = set). */
export interface SpecialCauseParts {
  y: readonly number[];
  relativeToMean: readonly number[];
  outsideLimits: readonly number[];
  partOfTrend: readonly number[];
  partOfTwoInThree: readonly number[];
  partOfRun: readonly number[];
}

/** One label per point: outside limits > 7-point trend > two-in-three > 7-point run > common cause. */
export function combineSpecialCauseLabels(parts: SpecialCauseParts): SpecialCauseLabel[] {
  const {
    y,
    relativeToMean,
    outsideLimits,
    partOfTrend,
    partOfTwoInThree: twoInThreeParts,
    partOfRun,
  } = parts;
  const n = y.length;
  return y.map((_, i): SpecialCauseLabel => {
    const rtm = relativeToMean[i] ?? 0;
    const side = rtm > 0 ? 'Above' : 'Below';
    if ((outsideLimits[i] ?? 0) !== 0) return rtm === 1 ? 'Above UCL' : 'Below LCL';
    if ((partOfTrend[i] ?? 0) !== 0) {
      // A point inside a trend takes the direction of the step to its right; the last point of a trend takes
      // the step from its left (the peer's rule).
      const next = i + 1 < n ? (partOfTrend[i + 1] ?? 0) : 0;
      const direction =
        next !== 0
          ? sign((y[i + 1] as number) - (y[i] as number))
          : i > 0
            ? sign((y[i] as number) - (y[i - 1] as number))
            : 0;
      return direction === 1 ? '7 Point Trend (Increasing)' : '7 Point Trend (Decreasing)';
    }
    if ((twoInThreeParts[i] ?? 0) !== 0) return side === 'Above' ? '2 in 3 Above CL' : '2 in 3 Below CL';
    if ((partOfRun[i] ?? 0) !== 0) return side === 'Above' ? '7 Points Above CL' : '7 Points Below CL';
    return 'Common Cause';
  });
}

/** Evaluates all four rules on one group's values and returns the label of each value. */
export function specialCauseLabels(
  y: readonly number[],
  relativeToMean: readonly number[],
  closeToLimits: readonly number[],
  outsideLimits: readonly number[],
): SpecialCauseLabel[] {
  return combineSpecialCauseLabels({
    y,
    relativeToMean,
    outsideLimits,
    partOfTrend: partOfSevenPointRun(sevenPointTrend(y)),
    partOfTwoInThree: partOfTwoInThree(twoInThree(closeToLimits, relativeToMean), closeToLimits),
    partOfRun: partOfSevenPointRun(sevenPointOneSideMean(relativeToMean)),
  });
}

/** The rule behind a label (null for common cause). */
export function specialCauseRuleOf(label: SpecialCauseLabel): SpecialCauseRule | null {
  if (label === 'Above UCL' || label === 'Below LCL') return 'outside_limits';
  if (label.startsWith('7 Point Trend')) return 'trend';
  if (label.startsWith('2 in 3')) return 'two_in_three';
  if (label.startsWith('7 Points')) return 'run';
  return null;
}

function directionValue(direction: ImprovementDirection): 1 | 0 | -1 {
  return direction === 'increase' ? 1 : direction === 'decrease' ? -1 : 0;
}

/** Point type from a label and the improvement direction. */
export function pointTypeOf(label: SpecialCauseLabel, direction: ImprovementDirection): PointType {
  const v = /Above|Increasing/.test(label) ? 1 : /Below|Decreasing/.test(label) ? -1 : 0;
  const d = directionValue(direction);
  if (d === 0)
    return v > 0 ? 'special_cause_neutral_high' : v < 0 ? 'special_cause_neutral_low' : 'common_cause';
  const oriented = v * d;
  return oriented > 0 ? 'special_cause_improvement' : oriented < 0 ? 'special_cause_concern' : 'common_cause';
}

/** Variation icon for the last point's type (concern is "low" when higher is better, and vice versa). */
export function variationIconOf(pointType: PointType, direction: ImprovementDirection): VariationIcon {
  switch (pointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_neutral_high':
      return 'neutral_high';
    case 'special_cause_neutral_low':
      return 'neutral_low';
    case 'special_cause_concern':
      return direction === 'increase' ? 'concern_low' : 'concern_high';
    case 'special_cause_improvement':
      return direction === 'increase' ? 'improvement_high' : 'improvement_low';
  }
}

/**
 * Assurance from the target and the latest limits (strict comparisons: a target on a limit is inconsistent).
 * Null without a target or for a neutral direction. Undefined limits count as inconsistent (as the peer).
 */
export function assuranceTypeOf(
  target: number | null | undefined,
  lpl: number | null,
  upl: number | null,
  direction: ImprovementDirection,
): AssuranceType | null {
  if (target === null || target === undefined || direction === 'neutral') return null;
  const increasing = direction === 'increase';
  if (upl !== null && target > upl) return increasing ? 'consistent_fail' : 'consistent_pass';
  if (lpl !== null && target < lpl) return increasing ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}

/** Icon for an assurance type. */
export function assuranceIconOf(type: AssuranceType): AssuranceIcon {
  return type === 'consistent_pass' ? 'pass' : type === 'consistent_fail' ? 'fail' : 'inconsistent';
}

// ---------------------------------------------------------------------------------------------------------
// The chart

function compareX(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function validateOptions(options: SpcOptions): Required<Omit<SpcOptions, 'target' | 'fixAfterN'>> & {
  target: number | null;
  fixAfterN: number | null;
} {
  const direction = options.improvementDirection ?? 'increase';
  if (direction !== 'increase' && direction !== 'decrease' && direction !== 'neutral') {
    throw new RangeError(
      `improvementDirection must be 'increase', 'decrease' or 'neutral', got '${direction}'`,
    );
  }
  const target = options.target ?? null;
  if (target !== null && !Number.isFinite(target)) throw new RangeError('target must be a finite number');
  const fixAfterN = options.fixAfterN ?? null;
  if (fixAfterN !== null && !(Number.isInteger(fixAfterN) && fixAfterN >= MIN_FIX_AFTER_N)) {
    throw new RangeError(
      `fix_after_n_points must be a single numeric that is greater than or equal to ${MIN_FIX_AFTER_N}.`,
    );
  }
  const threshold = options.shortGroupThreshold ?? DEFAULT_SHORT_GROUP_THRESHOLD;
  if (!(Number.isInteger(threshold) && threshold >= 0)) {
    throw new RangeError('shortGroupThreshold must be a non-negative integer');
  }
  return {
    improvementDirection: direction,
    target,
    rebaseAt: options.rebaseAt ?? [],
    fixAfterN,
    screenOutliers: options.screenOutliers ?? true,
    shortGroupThreshold: threshold,
  };
}

interface GroupLimits {
  mean: number | null;
  meanMovingRange: number | null;
  movingRanges: (number | null)[];
  excluded: boolean[];
  used: number;
  excludedCount: number;
  baselineN: number;
}

/** Mean, moving ranges and mean moving range for one group (values in order; null = missing). */
function groupLimits(
  values: readonly (number | null)[],
  fixAfterN: number | null,
  screen: boolean,
): GroupLimits {
  // The baseline is the first fixAfterN values (missing points do not count), or all of them.
  const inBaseline: boolean[] = [];
  let seen = 0;
  for (const value of values) {
    if (value !== null) seen++;
    inBaseline.push(fixAfterN === null || (value !== null ? seen <= fixAfterN : seen < fixAfterN));
  }
  const baseline = values.filter((value, i): value is number => value !== null && (inBaseline[i] as boolean));
  const movingRanges = values.map((value, i) => {
    const previous = i > 0 ? values[i - 1] : null;
    if (i === 0 || value === null || previous === null || previous === undefined) return null;
    if (!(inBaseline[i] as boolean) || !(inBaseline[i - 1] as boolean)) return null;
    return Math.abs(value - previous);
  });
  const present = movingRanges.filter((mr): mr is number => mr !== null);
  let meanMovingRange = present.length > 0 ? mean(present) : Number.NaN;
  const excluded = movingRanges.map(() => false);
  let excludedCount = 0;
  if (screen && present.length > 0) {
    const cutoff = MOVING_RANGE_SCREEN_FACTOR * meanMovingRange;
    const kept: number[] = [];
    movingRanges.forEach((mr, i) => {
      if (mr === null) return;
      if (mr < cutoff) kept.push(mr);
      else {
        excluded[i] = true;
        excludedCount++;
      }
    });
    // Only an all-zero series loses every range (0 < 0 is false); the peer then has no limits at all, but
    // the limits of a constant series are better shown collapsed onto the mean.
    if (kept.length > 0) meanMovingRange = mean(kept);
    else {
      excluded.fill(false);
      excludedCount = 0;
    }
  }
  const m = baseline.length > 0 ? mean(baseline) : Number.NaN;
  return {
    mean: Number.isFinite(m) ? m : null,
    meanMovingRange: Number.isFinite(meanMovingRange) ? meanMovingRange : null,
    movingRanges,
    excluded,
    used: present.length - excludedCount,
    excludedCount,
    baselineN: baseline.length,
  };
}

/**
 * XmR chart with the Making Data Count rules for one series. Points are sorted by x (which must be unique);
 * each rebase group gets its own mean, limits and rules. Missing values (y null) stay in the output without a
 * label, break moving ranges (as the peer) and are skipped by the rules.
 */
export function computeSpc(points: readonly SpcPointInput[], options: SpcOptions = {}): SpcResult {
  const opts = validateOptions(options);
  const direction = opts.improvementDirection;
  for (const point of points) {
    if (typeof point.x !== 'string' && !(typeof point.x === 'number' && Number.isFinite(point.x))) {
      throw new RangeError('each point needs an x that is a string or a finite number');
    }
    if (point.y !== null && !Number.isFinite(point.y)) {
      throw new RangeError(`y must be a finite number or null (x = ${point.x})`);
    }
  }
  if (points.length > 0) {
    const kind = typeof points[0]?.x;
    if (points.some((point) => typeof point.x !== kind)) {
      throw new RangeError('x values must be all strings or all numbers');
    }
  }
  const sorted = [...points].sort((a, b) => compareX(a.x, b.x));
  for (let i = 1; i < sorted.length; i++) {
    if (compareX((sorted[i - 1] as SpcPointInput).x, (sorted[i] as SpcPointInput).x) === 0) {
      throw new RangeError(`duplicate x value: ${(sorted[i] as SpcPointInput).x}`);
    }
  }

  const warnings: SpcWarning[] = [];
  const rebaseKeys = new Set(opts.rebaseAt.map((value) => `${typeof value}:${value}`));
  const matched = new Set<string>();
  let group = 0;
  const groupOf = sorted.map((point) => {
    const key = `${typeof point.x}:${point.x}`;
    if (rebaseKeys.has(key)) {
      group++;
      matched.add(key);
    }
    return group;
  });
  for (const value of opts.rebaseAt) {
    if (!matched.has(`${typeof value}:${value}`)) {
      warnings.push({
        code: 'rebase-not-found',
        message: `No point has x = ${value}; the rebase there was ignored.`,
      });
    }
  }
  const missing = sorted.filter((point) => point.y === null).length;
  if (missing > 0) {
    warnings.push({
      code: 'missing-values',
      message: `${missing} point(s) have no value; they are shown without a label and skipped by the rules.`,
    });
  }

  const results: SpcPointResult[] = [];
  const groups: SpcGroupSummary[] = [];
  const groupIds = [...new Set(groupOf)];
  for (const id of groupIds) {
    const indexes = groupOf.flatMap((g, i) => (g === id ? [i] : []));
    const members = indexes.map((i) => sorted[i] as SpcPointInput);
    const values = members.map((point) => point.y);
    const limits = groupLimits(values, opts.fixAfterN, opts.screenOutliers);
    const m = limits.mean;
    const amr = limits.meanMovingRange;
    const hasLimits = m !== null && amr !== null;
    const lpl = hasLimits ? m - XMR_LIMIT_FACTOR * amr : null;
    const upl = hasLimits ? m + XMR_LIMIT_FACTOR * amr : null;
    const close = 2 * (XMR_LIMIT_FACTOR / 3);
    const nearLower = hasLimits ? m - close * amr : null;
    const nearUpper = hasLimits ? m + close * amr : null;

    // Rules run on the values present, in order.
    const presentIdx = values.flatMap((value, i) => (value === null ? [] : [i]));
    const y = presentIdx.map((i) => values[i] as number);
    const outside = y.map((v) => (lpl !== null && upl !== null && (v > upl || v < lpl) ? 1 : 0));
    const relative = y.map((v) => (m === null ? 0 : sign(v - m)));
    const closeFlags = y.map((v, k) =>
      nearLower !== null && nearUpper !== null && outside[k] === 0 && (v < nearLower || v > nearUpper)
        ? 1
        : 0,
    );
    const labels = specialCauseLabels(y, relative, closeFlags, outside);
    const n = y.length;
    const shortGroup = n < opts.shortGroupThreshold;

    const labelAt = new Map<number, number>();
    presentIdx.forEach((i, k) => {
      labelAt.set(i, k);
    });
    const groupPoints: SpcPointResult[] = members.map((point, i) => {
      const k = labelAt.get(i);
      const label = k === undefined ? null : (labels[k] as SpecialCauseLabel);
      return {
        x: point.x,
        y: point.y,
        rebaseGroup: id,
        mean: m,
        lpl,
        upl,
        nearLower,
        nearUpper,
        meanMovingRange: amr,
        movingRange: limits.movingRanges[i] ?? null,
        movingRangeExcluded: limits.excluded[i] ?? false,
        outsideLimits: k !== undefined && outside[k] === 1,
        closeToLimits: k !== undefined && closeFlags[k] === 1,
        relativeToMean: k === undefined || m === null ? null : (relative[k] as -1 | 0 | 1),
        specialCause: label !== null && label !== 'Common Cause',
        specialCauseRule: label === null ? null : specialCauseRuleOf(label),
        specialCauseLabel: label,
        pointType: label === null ? null : pointTypeOf(label, direction),
        shortGroupWarning: shortGroup,
        target: opts.target,
      };
    });
    results.push(...groupPoints);

    const types = groupPoints.map((point) => point.pointType);
    const lastPresent = [...groupPoints].reverse().find((point) => point.pointType !== null);
    groups.push({
      rebaseGroup: id,
      from: (members[0] as SpcPointInput).x,
      to: (members[members.length - 1] as SpcPointInput).x,
      n,
      mean: m,
      lpl,
      upl,
      nearLower,
      nearUpper,
      meanMovingRange: amr,
      movingRangesUsed: limits.used,
      movingRangesExcluded: limits.excludedCount,
      baselineN: limits.baselineN,
      commonCause: types.filter((t) => t === 'common_cause').length,
      specialCauseImprovement: types.filter((t) => t === 'special_cause_improvement').length,
      specialCauseConcern: types.filter((t) => t === 'special_cause_concern').length,
      specialCauseNeutral: types.filter(
        (t) => t === 'special_cause_neutral_high' || t === 'special_cause_neutral_low',
      ).length,
      variationType: lastPresent?.pointType ?? null,
      assuranceType: null,
      shortGroupWarning: shortGroup,
    });
    if (shortGroup) {
      warnings.push({
        code: 'short-group',
        rebaseGroup: id,
        message:
          `Group ${id} has ${n} value(s), fewer than ${opts.shortGroupThreshold}: these are trial limits, ` +
          'revised with each additional value until enough values are available.',
      });
    }
  }

  const lastGroup = groups[groups.length - 1];
  const assuranceType = lastGroup
    ? assuranceTypeOf(opts.target, lastGroup.lpl, lastGroup.upl, direction)
    : null;
  if (lastGroup) lastGroup.assuranceType = assuranceType;
  const lastPoint = [...results].reverse().find((point) => point.pointType !== null);
  return {
    improvementDirection: direction,
    target: opts.target,
    points: results,
    groups,
    variation: lastPoint?.pointType
      ? { pointType: lastPoint.pointType, icon: variationIconOf(lastPoint.pointType, direction) }
      : null,
    assurance: assuranceType ? { type: assuranceType, icon: assuranceIconOf(assuranceType) } : null,
    warnings,
  };
}

/** One facet (e.g. one consultant or specialty) of a faceted chart, with optional facet-specific settings. */
export interface SpcFacetInput {
  facet: string;
  points: readonly SpcPointInput[];
  /** Overrides the shared target for this facet. */
  target?: number | null;
  /** Overrides the shared rebase dates for this facet. */
  rebaseAt?: ReadonlyArray<string | number>;
}

export interface SpcFacetResult extends SpcResult {
  facet: string;
}

/** Runs `computeSpc` per facet (each facet has its own limits, rules and icons), as the peer's facet_field. */
export function computeSpcFacets(
  facets: readonly SpcFacetInput[],
  options: SpcOptions = {},
): SpcFacetResult[] {
  const seen = new Set<string>();
  return facets.map((facet) => {
    if (seen.has(facet.facet)) throw new RangeError(`duplicate facet: ${facet.facet}`);
    seen.add(facet.facet);
    const result = computeSpc(facet.points, {
      ...options,
      target: facet.target !== undefined ? facet.target : options.target,
      rebaseAt: facet.rebaseAt ?? options.rebaseAt,
    });
    return { facet: facet.facet, ...result };
  });
}
