import type { MetricUnit } from '@/lib/shared/metrics';

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const upToOne = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A metric's value as shown on screen: ratios as percentages, counts whole, rates to one decimal place. */
export function formatMetricValue(unit: MetricUnit, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ratio':
      return `${oneDecimal.format(value * 100)}%`;
    case 'patientsPerSession':
    case 'patientsPerWeek':
      return oneDecimal.format(value);
    case 'sessions':
      return upToOne.format(value);
    default:
      return whole.format(value);
  }
}

/** A change as a signed percentage, "+18.2%" or "-4.0%" ("–" when there is none): a change needs its sign. */
export function formatChange(change: number | null): string {
  if (change === null) return '–';
  return `${change >= 0 ? '+' : ''}${formatMetricValue('ratio', change)}`;
}

/** An axis tick's label: the value as shown elsewhere, less a trailing ".0" (ticks are round: "70%", not "70.0%"). */
export function formatTick(text: string): string {
  return text.replace(/\.0(?=%?$)/, '');
}
