import { METRICS, type MetricUnit } from './metrics';

/** Excel formats: dates in UK order, ratios as percentages, rates to one decimal place, counts whole. */
export const PACK_FORMATS = {
  date: 'dd/mm/yyyy',
  dateTime: 'dd/mm/yyyy hh:mm',
  month: 'mmm yyyy',
  percent: '0.0%',
  oneDecimal: '0.0',
  whole: '0',
} as const;

/**
 * The Excel format of a value in a metric's unit, as the dashboards show it (components/charts/format-value.ts):
 * ratios as percentages to one decimal place, patients per session or week to one decimal place, counts whole;
 * sessions whole unless the value has a fraction (annualised expectations), then to one decimal place.
 */
export function unitFormat(unit: MetricUnit | string, value: number | null = null): string {
  switch (unit) {
    case 'ratio':
      return PACK_FORMATS.percent;
    case 'patientsPerSession':
    case 'patientsPerWeek':
      return PACK_FORMATS.oneDecimal;
    case 'sessions':
      return value !== null && !Number.isInteger(value) ? PACK_FORMATS.oneDecimal : PACK_FORMATS.whole;
    default:
      return PACK_FORMATS.whole;
  }
}

/**
 * The Excel format of a downloaded table's column of a metric (by its id), or null for text, counts and sessions
 * (which may have a fraction, from annualised lines): ratios as percentages, rates to one decimal place.
 */
export function columnFormat(metricId: string | null): string | null {
  const unit = METRICS.find((metric) => metric.id === metricId)?.unit;
  if (unit === 'ratio') return PACK_FORMATS.percent;
  if (unit === 'patientsPerSession' || unit === 'patientsPerWeek') return PACK_FORMATS.oneDecimal;
  return null;
}
