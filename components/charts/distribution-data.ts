import { quantileType7 } from '@/lib/shared/stats';

export interface DistributionSummary {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Five-number summary (type-7 quartiles, as R) of the values present; null when there are none. */
export function summariseDistribution(values: readonly (number | null)[]): DistributionSummary | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return null;
  const sorted = [...present].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: quantileType7(sorted, 0.25),
    median: quantileType7(sorted, 0.5),
    q3: quantileType7(sorted, 0.75),
    max: sorted[sorted.length - 1] as number,
  };
}
