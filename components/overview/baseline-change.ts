import { formatMetricValue } from '@/components/charts/format-value';

/** (Patients a week now − in the baseline) ÷ the baseline; null without both, or with no patients in the baseline. */
export function baselineChange(current: number | null, baseline: number | null): number | null {
  return baseline && current !== null ? (current - baseline) / baseline : null;
}

/** "+18.2%", "-4.0%", or "–" without a baseline: the sign always shown, as a change needs it. */
export function formatBaselineChange(change: number | null): string {
  if (change === null) return '–';
  return `${change >= 0 ? '+' : ''}${formatMetricValue('ratio', change)}`;
}
