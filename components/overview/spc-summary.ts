import { getMetric, type MetricId } from '@/lib/shared/metrics';
import { type AssuranceIcon, computeSpc, type VariationIcon } from '@/lib/shared/stats';

/** Variation and assurance icons of a weekly series (Making Data Count), with the metric's direction. */
export function spcIconsOf(
  metricId: MetricId,
  points: readonly { from: string; value: number | null }[],
  target: number | null = null,
): { variation: VariationIcon | null; assurance: AssuranceIcon | null } {
  const present = points.filter((point) => point.value !== null);
  if (present.length < 2) return { variation: null, assurance: null };
  const result = computeSpc(
    points.map((point) => ({ x: point.from, y: point.value })),
    { improvementDirection: getMetric(metricId).direction, target },
  );
  return { variation: result.variation?.icon ?? null, assurance: result.assurance?.icon ?? null };
}
