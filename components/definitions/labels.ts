import type { ImprovementDirection, MetricDefinition, MetricUnit } from '@/lib/shared/metrics';

/** Display words for the metric registry on the Definitions page (and wherever a metric is explained). */

export type MetricGroup = MetricDefinition['group'];

/** The groups in the order the page shows them, with their headings. */
export const METRIC_GROUPS: readonly { group: MetricGroup; title: string; description: string }[] = [
  {
    group: 'sessions',
    title: 'Sessions and fulfilment',
    description:
      'Every planned session has exactly one outcome in the session ledger; these count the outcomes and compare what was delivered with what was expected.',
  },
  {
    group: 'productivity',
    title: 'Productivity',
    description:
      'How many patients or cases each held session saw, always compared within like activity (clinics with clinics, lists with lists).',
  },
  {
    group: 'theatre',
    title: 'Theatre and endoscopy lists',
    description: 'How the planned time of held lists was used. Ratios are ratios of sums, never averages.',
  },
  {
    group: 'opportunity',
    title: 'Opportunity',
    description:
      'Extra patients or cases a week if fulfilment reached the target and productivity reached the benchmark.',
  },
  {
    group: 'balance',
    title: 'Workload balance',
    description:
      'Over-delivery is a workload and well-being signal; under-delivery is usually fixable lost capacity.',
  },
  {
    group: 'data',
    title: 'Job plans and data quality',
    description: 'Whether the job plans are current and the extracts complete enough to trust the numbers.',
  },
];

const DIRECTION_TEXT: Record<ImprovementDirection, string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  neutral: 'Neither higher nor lower is better in itself',
};

export function describeDirection(direction: ImprovementDirection): string {
  return DIRECTION_TEXT[direction];
}

const UNIT_TEXT: Record<MetricUnit, string> = {
  sessions: 'Sessions',
  ratio: 'Percentage',
  patients: 'Patients or cases',
  patientsPerSession: 'Patients or cases per session',
  patientsPerWeek: 'Patients or cases per week',
  minutes: 'Minutes',
  count: 'Count',
};

export function describeUnit(unit: MetricUnit): string {
  return UNIT_TEXT[unit];
}

const percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** 0.95 → "95%". */
export function formatPercent(value: number): string {
  return percentFormat.format(value);
}

/** A value in a metric's unit: ratios as percentages, the rest as numbers with their unit. */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'sessions':
      return `${decimalFormat.format(value)} ${value === 1 ? 'session' : 'sessions'}`;
    case 'minutes':
      return `${decimalFormat.format(value)} ${value === 1 ? 'minute' : 'minutes'}`;
    case 'patientsPerSession':
      return `${decimalFormat.format(value)} per session`;
    case 'patientsPerWeek':
      return `${decimalFormat.format(value)} a week`;
    default:
      return decimalFormat.format(value);
  }
}

/** "Yes" or "No". */
export function formatYesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
