/**
 * Patients per week against baseline (the registry's baselineChange): (now − baseline) ÷ baseline; null without
 * both figures, or with no patients in the baseline.
 */
export function baselineChange(current: number | null, baseline: number | null): number | null {
  return baseline && current !== null ? (current - baseline) / baseline : null;
}
