import type { FunnelResult } from '@/lib/shared/stats';
import { funnelLimitCurve } from '@/lib/shared/stats';
import { type NiceAxis, niceTicks } from './nice-axis';

export interface FunnelChartPoint {
  id: string;
  label: string;
  /** Denominator as drawn (sessions). */
  x: number;
  /** Value as drawn (e.g. a proportion, or cases per session). */
  y: number;
  outlier: 'high' | 'low' | null;
}

export interface FunnelCurveRow {
  x: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface FunnelChartData {
  points: FunnelChartPoint[];
  curve: FunnelCurveRow[];
  centre: number;
  /** Whether the limits allow for over-dispersion (Spiegelhalter). */
  isAdjusted: boolean;
}

/**
 * Shapes a funnel result for drawing. `scale` turns a unit's value and the limits into the plotted unit (1 for a
 * proportion; the pooled rate for cases per session, whose funnel is a standardised ratio), and `toX` turns the
 * statistical denominator into the plotted one (expected cases ÷ pooled rate = sessions).
 */
export function toFunnelChartData(
  result: FunnelResult,
  labels: ReadonlyMap<string, string>,
  options: { scale?: number; toX?: (denominator: number) => number; curvePoints?: number } = {},
): FunnelChartData {
  const scale = options.scale ?? 1;
  const toX = options.toX ?? ((denominator: number) => denominator);
  const basis = result.adjusted ? 'adjusted' : 'unadjusted';
  const points = result.units.map((unit) => ({
    id: unit.id,
    label: labels.get(unit.id) ?? unit.id,
    x: toX(unit.denominator),
    y: unit.scaledValue * scale,
    outlier: unit.outlierDirection,
  }));
  const curve =
    result.units.length === 0
      ? []
      : funnelLimitCurve(result, { points: options.curvePoints ?? 80 }).map((row) => ({
          x: toX(row.denominator),
          lower95: row[basis].lower95 * scale,
          upper95: row[basis].upper95 * scale,
          lower998: row[basis].lower998 * scale,
          upper998: row[basis].upper998 * scale,
        }));
  return { points, curve, centre: result.scaledTarget * scale, isAdjusted: result.adjusted };
}

/**
 * A funnel's denominator axis (sessions), the interactive drawing's and the static one's: from 0 to the largest
 * point or limit, with round ticks no further than its end.
 */
export function funnelXAxis(data: FunnelChartData): { max: number; ticks: number[] } {
  const max = Math.max(1, ...data.points.map((point) => point.x), ...data.curve.map((row) => row.x));
  return { max, ticks: niceTicks(0, max, 7).ticks.filter((tick) => tick <= max) };
}

/** At most this many ticks on a funnel's value axis. */
const FUNNEL_TICKS = 6;

/**
 * A funnel's value axis (the interactive drawing's and the static one's): zoomed to what is read on it, the
 * points, the limits over the points' range of sessions, the overall line and the target, with round ticks. The
 * limits fan out towards 0% and 100% at the smallest denominators, left of every point: they are cut at the plot's
 * edge there rather than squeezing the points into a band. Never below zero for values that cannot be negative.
 */
export function funnelYAxis(data: FunnelChartData, target: number | null | undefined): NiceAxis {
  const smallestX = Math.min(...data.points.map((point) => point.x));
  const limits = data.curve
    .filter((row) => row.x >= smallestX)
    .flatMap((row) => [row.lower998, row.upper998])
    .filter(Number.isFinite);
  const values = [
    ...data.points.map((point) => point.y),
    ...limits,
    data.centre,
    ...(target === null || target === undefined ? [] : [target]),
  ].filter(Number.isFinite);
  if (values.length === 0) return niceTicks(0, 1, FUNNEL_TICKS);
  const isNonNegative = data.centre >= 0 && data.points.every((point) => point.y >= 0);
  const low = Math.min(...values);
  return niceTicks(isNonNegative ? Math.max(0, low) : low, Math.max(...values), FUNNEL_TICKS);
}
