import type { Database } from '../db';
import { type ActivityFilter, daysInclusive, intersectPeriods, type Period } from './period';
import { queryRows } from './query';

/** The trust parameters the metrics use, with the defaults of the metric dictionary when none are set. */
export interface MetricParameters {
  noticeThresholdDays: number;
  fulfilmentTarget: number;
  dnaIncludesLateNotSeen: boolean;
  benchmarkMinHeldSessions: number;
  overDeliveryThreshold: number;
  underDeliveryThreshold: number;
  sustainedMonths: number;
  jobPlanReviewMonths: number;
}

export const DEFAULT_PARAMETERS: MetricParameters = {
  noticeThresholdDays: 42,
  fulfilmentTarget: 0.95,
  dnaIncludesLateNotSeen: true,
  benchmarkMinHeldSessions: 10,
  overDeliveryThreshold: 1.1,
  underDeliveryThreshold: 0.8,
  sustainedMonths: 3,
  jobPlanReviewMonths: 12,
};

export type Coverage = Partial<Record<'clinic' | 'list', Period>>;

/** What every metric call needs besides the ledger: parameters and the dates the ledger covers. */
export interface MetricContext {
  parameters: MetricParameters;
  coverage: Coverage;
}

export async function getMetricContext(database: Database, organisationId: number): Promise<MetricContext> {
  const [parameters, coverage] = await Promise.all([
    queryRows<MetricParameters>(
      database,
      `SELECT notice_threshold_days AS "noticeThresholdDays", fulfilment_target::float8 AS "fulfilmentTarget",
              dna_includes_late_not_seen AS "dnaIncludesLateNotSeen",
              benchmark_min_held_sessions AS "benchmarkMinHeldSessions",
              over_delivery_threshold::float8 AS "overDeliveryThreshold",
              under_delivery_threshold::float8 AS "underDeliveryThreshold", sustained_months AS "sustainedMonths",
              job_plan_review_months AS "jobPlanReviewMonths"
         FROM trust_parameters WHERE organisation_id = $1`,
      [organisationId],
    ),
    queryRows<{ category: 'clinic' | 'list'; from: string; to: string }>(
      database,
      `SELECT category::text AS category, to_char(date_from, 'YYYY-MM-DD') AS "from",
              to_char(date_to, 'YYYY-MM-DD') AS "to"
         FROM ledger_coverage WHERE organisation_id = $1`,
      [organisationId],
    ),
  ]);
  return {
    parameters: parameters[0] ?? DEFAULT_PARAMETERS,
    coverage: Object.fromEntries(coverage.map((row) => [row.category, { from: row.from, to: row.to }])),
  };
}

const CATEGORIES_OF: Record<ActivityFilter, ('clinic' | 'list')[]> = {
  clinic: ['clinic'],
  list: ['list'],
  all: ['clinic', 'list'],
};

export function categoriesOf(activity: ActivityFilter): ('clinic' | 'list')[] {
  return CATEGORIES_OF[activity];
}

/**
 * Weeks of a period that the ledger covers for a category (days ÷ 7), so that per-week figures are not diluted by
 * days with no extracts yet. For several categories, the longest.
 */
export function coveredWeeks(coverage: Coverage, period: Period, activity: ActivityFilter): number {
  let days = 0;
  for (const category of CATEGORIES_OF[activity]) {
    const span = coverage[category];
    const overlap = span ? intersectPeriods(span, period) : null;
    if (overlap) days = Math.max(days, daysInclusive(overlap.from, overlap.to));
  }
  return days / 7;
}

/** The part of a period the ledger covers for the activity, or null if none. */
export function coveredPeriod(coverage: Coverage, period: Period, activity: ActivityFilter): Period | null {
  const spans = CATEGORIES_OF[activity].flatMap((category) =>
    coverage[category] ? [coverage[category]] : [],
  );
  if (spans.length === 0) return null;
  const hull = {
    from: spans.map((span) => span.from).sort()[0] as string,
    to: spans
      .map((span) => span.to)
      .sort()
      .at(-1) as string,
  };
  return intersectPeriods(hull, period);
}
