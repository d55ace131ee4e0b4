/**
 * Funnel plots (Spiegelhalter 2005) with over-dispersion adjustment, reproducing the R package FunnelPlotR 0.6.0
 * (`funnel_plot()`): proportions on the arcsine scale, indirectly standardised ratios (observed / expected) with
 * exact Poisson limits and the SHMI (log, truncation) or CQC (square root, Winsorisation) adjustment, and
 * ratios of counts on the log scale; 95% and 99.8% limits; phi and DerSimonian–Laird tau²; the fall-back to
 * unadjusted limits when phi ≤ 1; inclusive outlier flags.
 *
 * Pure and dependency-free; every result is JSON-serialisable (no NaN or Infinity: undefined values are null).
 */

import { qgamma } from './distributions';
import { averageRanks, quantileType7 } from './numeric';

// ---------------------------------------------------------------------------------------------------------
// Types

/**
 * - `proportion`: numerator / denominator in [0, 1] (e.g. delivered / planned sessions).
 * - `ratio`: indirectly standardised ratio, observed / expected (e.g. SHMI, or cases per session via
 *   {@link casesPerSessionUnits}).
 * - `ratio-of-counts`: numerator / denominator counts compared on the log scale.
 */
export type FunnelDataType = 'proportion' | 'ratio' | 'ratio-of-counts';

/** Standardised-ratio method: SHMI (log scale, 10% truncation) or CQC (square-root scale, Winsorisation). */
export type RatioMethod = 'shmi' | 'cqc';

/** Control-limit coverage: 95% or 99.8% (two-sided). */
export type FunnelLevel = 95 | 99.8;

export interface FunnelUnitInput {
  id: string;
  numerator: number;
  denominator: number;
}

export interface FunnelOptions {
  /** Default 'ratio', as the peer. */
  type?: FunnelDataType;
  /** For `ratio` only; default 'shmi'. */
  method?: RatioMethod;
  /** Share trimmed at each end before estimating phi (Winsorised, or truncated for SHMI); default 0.1, 0 for
   * no trimming. */
  trimBy?: number;
  /** Use over-dispersion-adjusted limits (default true). Falls back to unadjusted limits when phi ≤ 1. */
  adjusted?: boolean;
  /** Also draw unadjusted limits (default false). */
  unadjusted?: boolean;
  /** Which limits flag outliers (default 99.8). */
  outlierLevel?: FunnelLevel;
  /** Scale values and limits, e.g. 100 for percentages (default 1). */
  multiplier?: number;
  /** SHMI rounds expected counts to 2 decimal places before use (default true, as the peer). */
  shmiRounding?: boolean;
}

/** Lower and upper limits at 95% and 99.8%, on the plotted (multiplied) scale. */
export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelUnitResult {
  id: string;
  numerator: number;
  /** Denominator as used (SHMI expected counts rounded to 2 dp when `shmiRounding`). */
  denominator: number;
  /** numerator / denominator (unrounded denominator, unscaled). */
  value: number;
  /** value × multiplier, on the same scale as the limits. */
  scaledValue: number;
  /** Value on the transformed scale (log, square root, arcsine). */
  transformedValue: number | null;
  /** Within-unit standard error on the transformed scale. */
  standardError: number;
  /** Unadjusted z-score; null when not finite (an SHMI unit with nothing observed). */
  zScore: number | null;
  /** z-score after Winsorisation, or null when truncated (SHMI) or not finite. */
  trimmedZScore: number | null;
  /** Whether the z-score was Winsorised (not SHMI; true also for values equal to a cut-off, as the peer). */
  winsorised: boolean | null;
  /** SHMI only: whether the unit was truncated out of the dispersion estimate, its rank and 10% band. */
  truncated: boolean | null;
  rank: number | null;
  band: number | null;
  /** z-score against the adjusted spread, (Y − target) / √(s² + τ²). */
  adjustedZScore: number | null;
  unadjustedLimits: FunnelLimits;
  adjustedLimits: FunnelLimits;
  /** Outside the chosen limits (inclusive: a value on a limit is not an outlier). */
  outlier: boolean;
  outlierDirection: 'high' | 'low' | null;
}

export type FunnelMessageCode =
  | 'unadjusted-requested'
  | 'no-overdispersion'
  | 'non-finite-z-excluded'
  | 'too-few-units';

export interface FunnelMessage {
  code: FunnelMessageCode;
  message: string;
}

/** What the limit curves depend on; pass to {@link funnelLimitsAt} to draw them at any denominator. */
export interface FunnelLimitSpec {
  type: FunnelDataType;
  method: RatioMethod | null;
  /** Centre line, unscaled. */
  target: number;
  /** τ² used for the adjusted limits. */
  tau2: number;
  multiplier: number;
}

export interface FunnelResult {
  type: FunnelDataType;
  method: RatioMethod | null;
  /** Centre line, unscaled (1 for ratios; pooled proportion / ratio otherwise). */
  target: number;
  scaledTarget: number;
  transformedTarget: number;
  multiplier: number;
  trimBy: number;
  /** Units in the dispersion estimate (after truncation). */
  dispersionN: number;
  /** Over-dispersion factor: mean of the trimmed squared z-scores (null without units). */
  phi: number | null;
  /** DerSimonian–Laird between-unit variance (0 when phi shows no over-dispersion). */
  tau2: number;
  /** τ² in the adjusted limits: `tau2` when adjustment was requested, else 0. */
  appliedTau2: number;
  /** Whether adjusted / unadjusted limits are in effect (after the phi ≤ 1 fall-back). */
  adjusted: boolean;
  unadjusted: boolean;
  /** Limits that flag outliers: adjusted take precedence; null when neither is drawn (nothing flagged). */
  outlierBasis: 'adjusted' | 'unadjusted' | null;
  outlierLevel: FunnelLevel;
  messages: FunnelMessage[];
  units: FunnelUnitResult[];
  /** Ids of the outliers. */
  outliers: string[];
  limitSpec: FunnelLimitSpec;
}

// ---------------------------------------------------------------------------------------------------------
// Limits

/** The peer's normal deviates for the 95% and 99.8% limits (qnorm(0.975), qnorm(0.999) to 7 significant
 * figures; FunnelPlotR uses these rounded constants). */
export const FUNNEL_Z_95 = 1.959964;
export const FUNNEL_Z_998 = 3.090232;

/**
 * How proportion limits are kept monotonic where the arcsine angle asin(√target) ∓ z·√v leaves [0, π/2] and
 * sin² would turn back on itself:
 * - `angle` (default): the limit is 0 (lower) or 1 (upper) wherever the angle is outside [0, π/2];
 * - `grid`: FunnelPlotR's rule along the sorted denominators given: a lower limit above the next one becomes 0,
 *   an upper limit below the next one becomes 1 (so it depends on the grid, and the last point is never fixed).
 * The two agree except within one grid step of where the angle crosses 0 or π/2, and at the grid's last point.
 */
export type ProportionMonotonicity = 'angle' | 'grid';

function arcsineLimit(
  target: number,
  z: number,
  variance: number,
  multiplier: number,
  monotonicity: ProportionMonotonicity,
): number {
  const angle = Math.asin(Math.sqrt(target)) + z * Math.sqrt(variance);
  if (monotonicity === 'angle') {
    if (z < 0 && angle < 0) return 0;
    if (z > 0 && angle > Math.PI / 2) return multiplier;
  }
  return Math.min(multiplier, Math.max(0, multiplier * Math.sin(angle) ** 2));
}

function limitsFor(
  spec: FunnelLimitSpec,
  x: number,
  tau2: number,
  adjusted: boolean,
  monotonicity: ProportionMonotonicity,
): FunnelLimits {
  const m = spec.multiplier;
  const make = (f: (z: number) => number): FunnelLimits => ({
    lower95: f(-FUNNEL_Z_95),
    upper95: f(FUNNEL_Z_95),
    lower998: f(-FUNNEL_Z_998),
    upper998: f(FUNNEL_Z_998),
  });
  switch (spec.type) {
    case 'ratio': {
      if (!adjusted) {
        // Exact Poisson limits: chi-square quantiles / 2x, i.e. gamma quantiles / x.
        const t = m * spec.target;
        return {
          lower95: (t * qgamma(0.025, x)) / x,
          upper95: (t * qgamma(0.975, x + 1)) / x,
          lower998: (t * qgamma(0.001, x)) / x,
          upper998: (t * qgamma(0.999, x + 1)) / x,
        };
      }
      if (spec.method === 'cqc') {
        // Square-root scale, not squared back (as the peer; FunnelPlotR issue #33).
        const s2 = 1 / (4 * x);
        return make((z) => m * (1 + z * Math.sqrt(s2 + tau2)));
      }
      return make((z) => m * Math.exp(z * Math.sqrt(1 / x + tau2)));
    }
    case 'ratio-of-counts': {
      const v = 1 / (4 * x) + (adjusted ? tau2 : 0);
      return make((z) => m * Math.exp(Math.log(spec.target) + z * Math.sqrt(v)));
    }
    case 'proportion': {
      const v = 1 / (4 * x) + (adjusted ? tau2 : 0);
      return make((z) => arcsineLimit(spec.target, z, v, m, monotonicity));
    }
  }
}

/** FunnelPlotR's row-wise monotonicity fix over rows sorted by denominator (compares the unfixed values). */
function gridFix(rows: FunnelLimits[], multiplier: number): FunnelLimits[] {
  return rows.map((row, i) => {
    const next = rows[i + 1];
    if (!next) return row;
    return {
      lower95: row.lower95 > next.lower95 ? 0 : row.lower95,
      upper95: row.upper95 < next.upper95 ? multiplier : row.upper95,
      lower998: row.lower998 > next.lower998 ? 0 : row.lower998,
      upper998: row.upper998 < next.upper998 ? multiplier : row.upper998,
    };
  });
}

export interface FunnelLimitRow {
  denominator: number;
  unadjusted: FunnelLimits;
  adjusted: FunnelLimits;
}

/**
 * Unadjusted and adjusted limits at the given denominators (expected counts for ratios), e.g. to draw the
 * funnel. Use `result.limitSpec` from {@link computeFunnel}. Rows come back in the order given.
 */
export function funnelLimitsAt(
  denominators: readonly number[],
  spec: FunnelLimitSpec,
  options: { monotonicity?: ProportionMonotonicity } = {},
): FunnelLimitRow[] {
  for (const denominator of denominators) {
    if (!(denominator > 0 && Number.isFinite(denominator))) {
      throw new RangeError(`denominators must be positive and finite, got ${denominator}`);
    }
  }
  const monotonicity = options.monotonicity ?? 'angle';
  if (monotonicity === 'grid' && spec.type === 'proportion') {
    const sorted = [...new Set(denominators)].sort((a, b) => a - b);
    const unadjusted = gridFix(
      sorted.map((x) => limitsFor(spec, x, 0, false, 'grid')),
      spec.multiplier,
    );
    const adjusted = gridFix(
      sorted.map((x) => limitsFor(spec, x, spec.tau2, true, 'grid')),
      spec.multiplier,
    );
    const at = new Map(sorted.map((x, i) => [x, i]));
    return denominators.map((denominator) => {
      const i = at.get(denominator) as number;
      return {
        denominator,
        unadjusted: unadjusted[i] as FunnelLimits,
        adjusted: adjusted[i] as FunnelLimits,
      };
    });
  }
  return denominators.map((denominator) => ({
    denominator,
    unadjusted: limitsFor(spec, denominator, 0, false, 'angle'),
    adjusted: limitsFor(spec, denominator, spec.tau2, true, 'angle'),
  }));
}

/**
 * Limit curves for drawing a funnel: `points` denominators evenly spaced from `from` to `to` (by default, as
 * the peer: 1.1 for ratios or 3 otherwise, up to the largest denominator rounded up, 1000 points), plus the
 * units' own denominators.
 */
export function funnelLimitCurve(
  result: FunnelResult,
  options: { from?: number; to?: number; points?: number; monotonicity?: ProportionMonotonicity } = {},
): FunnelLimitRow[] {
  const maxDenominator = Math.max(0, ...result.units.map((unit) => unit.denominator));
  const from = options.from ?? (result.type === 'ratio' ? 1.1 : 3);
  const to = options.to ?? Math.max(from, Math.ceil(maxDenominator));
  const count = Math.max(2, Math.floor(options.points ?? 1000));
  const grid = Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
  const all = [...new Set([...grid, ...result.units.map((unit) => unit.denominator)])]
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  return funnelLimitsAt(all, result.limitSpec, { monotonicity: options.monotonicity ?? 'angle' });
}

/**
 * Outlier flag against one set of limits: outside iff below the lower or above the upper limit (inclusive
 * limits). `basis` null (no limits drawn) flags nothing.
 */
export function classifyFunnelOutlier(
  scaledValue: number,
  limits: { unadjusted: FunnelLimits; adjusted: FunnelLimits },
  basis: 'adjusted' | 'unadjusted' | null,
  level: FunnelLevel,
): { outlier: boolean; direction: 'high' | 'low' | null } {
  if (basis === null) return { outlier: false, direction: null };
  const set = limits[basis];
  const lower = level === 95 ? set.lower95 : set.lower998;
  const upper = level === 95 ? set.upper95 : set.upper998;
  if (scaledValue > upper) return { outlier: true, direction: 'high' };
  if (scaledValue < lower) return { outlier: true, direction: 'low' };
  return { outlier: false, direction: null };
}

// ---------------------------------------------------------------------------------------------------------
// The funnel

/** R's round(x, 2) for positive x: nearest 2-dp value of the double, ties to even. */
function round2(x: number): number {
  const scaled = x * 100;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5) return (floor % 2 === 0 ? floor : floor + 1) / 100;
  return Number(x.toFixed(2));
}

function validateUnits(units: readonly FunnelUnitInput[], type: FunnelDataType): FunnelUnitInput[] {
  // Units with the same id are summed, as the peer aggregates by group.
  const byId = new Map<string, FunnelUnitInput>();
  for (const unit of units) {
    if (typeof unit.id !== 'string' || unit.id === '') throw new RangeError('each unit needs a non-empty id');
    if (!(Number.isFinite(unit.numerator) && unit.numerator >= 0)) {
      throw new RangeError(`unit ${unit.id}: numerator must be a non-negative number`);
    }
    if (!(Number.isFinite(unit.denominator) && unit.denominator > 0)) {
      throw new RangeError(`unit ${unit.id}: denominator must be a positive number`);
    }
    const existing = byId.get(unit.id);
    byId.set(
      unit.id,
      existing
        ? {
            id: unit.id,
            numerator: existing.numerator + unit.numerator,
            denominator: existing.denominator + unit.denominator,
          }
        : { id: unit.id, numerator: unit.numerator, denominator: unit.denominator },
    );
  }
  const merged = [...byId.values()];
  if (type === 'proportion') {
    for (const unit of merged) {
      if (unit.numerator > unit.denominator) {
        throw new RangeError(`unit ${unit.id}: a proportion's numerator cannot exceed its denominator`);
      }
    }
  }
  return merged;
}

/**
 * Funnel-plot statistics for units (consultants, specialties, trusts): target, z-scores, phi, tau², limits at
 * each unit's denominator and outlier flags, as FunnelPlotR 0.6.0's `funnel_plot()`.
 */
export function computeFunnel(units: readonly FunnelUnitInput[], options: FunnelOptions = {}): FunnelResult {
  const type = options.type ?? 'ratio';
  if (type !== 'proportion' && type !== 'ratio' && type !== 'ratio-of-counts') {
    throw new RangeError(`type must be 'proportion', 'ratio' or 'ratio-of-counts', got '${type}'`);
  }
  const method: RatioMethod | null = type === 'ratio' ? (options.method ?? 'shmi') : null;
  if (method !== null && method !== 'shmi' && method !== 'cqc') {
    throw new RangeError(`method must be 'shmi' or 'cqc', got '${method}'`);
  }
  const trimBy = options.trimBy ?? 0.1;
  if (!(trimBy >= 0 && trimBy < 0.5)) throw new RangeError('trimBy must be in [0, 0.5)');
  const multiplier = options.multiplier ?? 1;
  if (!(multiplier > 0 && Number.isFinite(multiplier))) throw new RangeError('multiplier must be positive');
  const outlierLevel = options.outlierLevel ?? 99.8;
  if (outlierLevel !== 95 && outlierLevel !== 99.8) throw new RangeError('outlierLevel must be 95 or 99.8');
  const requestedAdjusted = options.adjusted ?? true;
  const requestedUnadjusted = options.unadjusted ?? false;
  const shmi = method === 'shmi';
  const rounding = shmi && (options.shmiRounding ?? true);

  const merged = validateUnits(units, type);
  const messages: FunnelMessage[] = [];

  let sumNumerator = 0;
  let sumDenominator = 0;
  for (const unit of merged) {
    sumNumerator += unit.numerator;
    sumDenominator += unit.denominator;
  }
  const target = type === 'ratio' ? 1 : merged.length > 0 ? sumNumerator / sumDenominator : Number.NaN;
  const transformedTarget =
    type === 'ratio'
      ? shmi
        ? 0
        : 1
      : type === 'proportion'
        ? Math.asin(Math.sqrt(target))
        : Math.log(target);

  // Transform to z-scores.
  const rows = merged.map((unit) => {
    const value = unit.numerator / unit.denominator;
    const denominator = rounding ? round2(unit.denominator) : unit.denominator;
    const o = unit.numerator;
    let y: number;
    let s: number;
    let z: number;
    if (type === 'ratio') {
      if (shmi) {
        y = Math.log(o / denominator);
        s = 1 / Math.sqrt(denominator);
        z = Math.sqrt(denominator) * Math.log(o / denominator);
      } else {
        y = Math.sqrt(o / denominator);
        s = 1 / (2 * Math.sqrt(denominator));
        z = (y - transformedTarget) / s;
      }
    } else if (type === 'proportion') {
      y = Math.asin(Math.sqrt(o / denominator));
      s = 1 / (2 * Math.sqrt(denominator));
      z = (y - transformedTarget) / s;
    } else {
      y = Math.log((o + 0.5) / (denominator + 0.5));
      s = Math.sqrt(o / (o + 0.5) ** 2 + denominator / (denominator + 0.5) ** 2);
      z = (y - transformedTarget) / s;
    }
    return { unit, value, denominator, y, s, z };
  });

  // Trim: SHMI truncates by rank band, the others Winsorise at the trimBy quantiles. Non-finite z-scores (an
  // SHMI unit with nothing observed) are left out of the estimate.
  const finite = rows.filter((row) => Number.isFinite(row.z));
  if (finite.length < rows.length) {
    messages.push({
      code: 'non-finite-z-excluded',
      message: `${rows.length - finite.length} unit(s) with nothing observed were left out of the over-dispersion estimate.`,
    });
  }
  const trimmed = new Map<
    (typeof rows)[number],
    { w: number | null; flag: boolean; rank?: number; band?: number }
  >();
  if (trimBy === 0) {
    for (const row of finite) trimmed.set(row, { w: row.z, flag: false });
  } else if (shmi) {
    const k = 1 / trimBy;
    const ranks = averageRanks(finite.map((row) => row.z));
    finite.forEach((row, i) => {
      const rank = ranks[i] as number;
      const band = Math.floor((rank * k) / (finite.length + 1));
      const truncated = !(band > 0 && band < k - 1);
      trimmed.set(row, { w: truncated ? null : row.z, flag: truncated, rank, band });
    });
  } else {
    const zs = finite.map((row) => row.z);
    const lz = quantileType7(zs, trimBy);
    const uz = quantileType7(zs, 1 - trimBy);
    for (const row of finite) {
      const winsorised = !(row.z > lz && row.z < uz);
      trimmed.set(row, { w: Math.min(uz, Math.max(lz, row.z)), flag: winsorised });
    }
  }

  const kept = finite.filter((row) => trimmed.get(row)?.w !== null);
  const n = kept.length;
  let phi: number | null = null;
  let tau2 = 0;
  if (n > 0) {
    let sumSquares = 0;
    let sumW = 0;
    let sumW2 = 0;
    for (const row of kept) {
      const w = (trimmed.get(row)?.w as number) ** 2;
      sumSquares += w;
      const weight = 1 / row.s ** 2;
      sumW += weight;
      sumW2 += weight * weight;
    }
    phi = sumSquares / n;
    if (!(n * phi < n - 1)) {
      const denominator = sumW - sumW2 / sumW;
      if (denominator > 0) tau2 = Math.max(0, (n * phi - (n - 1)) / denominator);
    }
  }
  if (n < 2 && merged.length > 0) {
    messages.push({
      code: 'too-few-units',
      message:
        'Fewer than two units are in the over-dispersion estimate, so tau² cannot be estimated (set to 0).',
    });
  }

  let adjusted = requestedAdjusted;
  let unadjusted = requestedUnadjusted;
  if (!adjusted && unadjusted) {
    messages.push({ code: 'unadjusted-requested', message: 'Plotting using unadjusted limits.' });
  }
  if (adjusted && !unadjusted && (phi === null || phi <= 1)) {
    adjusted = false;
    unadjusted = true;
    messages.push({
      code: 'no-overdispersion',
      message: 'No over-dispersion detected (phi ≤ 1): plotting using unadjusted limits.',
    });
  }
  const appliedTau2 = requestedAdjusted ? tau2 : 0;
  const limitSpec: FunnelLimitSpec = { type, method, target, tau2: appliedTau2, multiplier };
  const outlierBasis: FunnelResult['outlierBasis'] = adjusted ? 'adjusted' : unadjusted ? 'unadjusted' : null;

  const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
  const results: FunnelUnitResult[] = rows.map((row) => {
    const [limits] = funnelLimitsAt([row.denominator], limitSpec) as [FunnelLimitRow];
    const scaledValue = row.value * multiplier;
    const flag = classifyFunnelOutlier(scaledValue, limits, outlierBasis, outlierLevel);
    const trim = trimmed.get(row);
    return {
      id: row.unit.id,
      numerator: row.unit.numerator,
      denominator: row.denominator,
      value: row.value,
      scaledValue,
      transformedValue: finiteOrNull(row.y),
      standardError: row.s,
      zScore: finiteOrNull(row.z),
      trimmedZScore: trim?.w ?? null,
      winsorised: shmi ? null : (trim?.flag ?? null),
      truncated: shmi ? (trim?.flag ?? null) : null,
      rank: trim?.rank ?? null,
      band: trim?.band ?? null,
      adjustedZScore: finiteOrNull((row.y - transformedTarget) / Math.sqrt(row.s ** 2 + appliedTau2)),
      unadjustedLimits: limits.unadjusted,
      adjustedLimits: limits.adjusted,
      outlier: flag.outlier,
      outlierDirection: flag.direction,
    };
  });

  return {
    type,
    method,
    target,
    scaledTarget: target * multiplier,
    transformedTarget,
    multiplier,
    trimBy,
    dispersionN: n,
    phi,
    tau2,
    appliedTau2,
    adjusted,
    unadjusted,
    outlierBasis,
    outlierLevel,
    messages,
    units: results,
    outliers: results.filter((unit) => unit.outlier).map((unit) => unit.id),
    limitSpec,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cases per session

export interface CasesPerSessionInput {
  id: string;
  cases: number;
  sessions: number;
}

/**
 * Cases per session as a standardised ratio (FunnelPlotR has no rate type): observed = cases and expected =
 * pooled rate × sessions, so a ratio of 1 is the pooled rate. Multiply ratios and limits by `pooledRate` to
 * show them as cases per session.
 */
export function casesPerSessionUnits(rows: readonly CasesPerSessionInput[]): {
  pooledRate: number;
  units: FunnelUnitInput[];
} {
  let cases = 0;
  let sessions = 0;
  for (const row of rows) {
    if (!(Number.isFinite(row.cases) && row.cases >= 0)) {
      throw new RangeError(`unit ${row.id}: cases must be a non-negative number`);
    }
    if (!(Number.isFinite(row.sessions) && row.sessions > 0)) {
      throw new RangeError(`unit ${row.id}: sessions must be a positive number`);
    }
    cases += row.cases;
    sessions += row.sessions;
  }
  if (rows.length > 0 && !(cases > 0)) throw new RangeError('cases per session needs at least one case');
  const pooledRate = rows.length > 0 ? cases / sessions : 0;
  return {
    pooledRate,
    units: rows.map((row) => ({ id: row.id, numerator: row.cases, denominator: pooledRate * row.sessions })),
  };
}

/** A cases-per-session funnel: {@link casesPerSessionUnits} then {@link computeFunnel} as a ratio. */
export function computeCasesPerSessionFunnel(
  rows: readonly CasesPerSessionInput[],
  options: Omit<FunnelOptions, 'type'> = {},
): FunnelResult & { pooledRate: number } {
  const { pooledRate, units } = casesPerSessionUnits(rows);
  return { ...computeFunnel(units, { ...options, type: 'ratio' }), pooledRate };
}
