/**
 * Patients per week against baseline (the registry's baselineChange): (now − baseline) ÷ baseline; null without
 * both figures, or with no patients in the baseline.
 */
export function baselineChange(current: number | null, baseline: number | null): number | null {
  return baseline && current !== null ? (current - baseline) / baseline : null;
}

interface CoveredReport {
  period: { from: string; to: string };
  /** The part of the period the extracts cover (null: none). */
  coveredPeriod: { from: string; to: string } | null;
}

/**
 * Whether a baseline report may be compared: only when the extracts cover all of its period. A part-covered
 * baseline would set a few weeks (often the start of the extracts, with its own quirks) against a whole period.
 */
export function isWhollyCovered(report: CoveredReport): boolean {
  const covered = report.coveredPeriod;
  return covered !== null && covered.from === report.period.from && covered.to === report.period.to;
}
