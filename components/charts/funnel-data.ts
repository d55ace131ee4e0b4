import type { FunnelResult } from '@/lib/shared/stats';
import { funnelLimitCurve } from '@/lib/shared/stats';

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
