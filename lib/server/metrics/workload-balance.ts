import type { Scope } from '@/lib/shared/scope';
import type { Database } from '../db';
import { getMetricContext } from './context';
import { type ActivityFilter, dayNumber, isoFromDayNumber, type Period } from './period';
import type { UnitFilter } from './scope-sql';
import { getSeries } from './series';

export type WorkloadFlag = 'over' | 'under' | null;

export interface WorkloadBalance {
  /** Null for an anonymised consultant. */
  consultantId: number | null;
  /** GMC number, or an anonymised consultant's pseudonym. */
  key: string;
  /** Total delivery in each of the months judged, oldest first (null: no expected sessions that month). */
  months: { from: string; to: string; totalDelivery: number | null }[];
  flag: WorkloadFlag;
}

/**
 * Sustained over- and under-delivery: a consultant is flagged when their total delivery was at or above the
 * over-delivery threshold (or below the under-delivery threshold) in every one of the last N complete months of
 * the period (trust parameters, default 110%, 80%, 3 months). Months the extracts do not fully cover are not
 * complete, so a consultant is only flagged on evidence.
 */
export async function getWorkloadBalance(
  database: Database,
  scope: Scope,
  request: { period: Period; activity: ActivityFilter; within?: UnitFilter },
): Promise<{ window: Period | null; consultants: WorkloadBalance[] }> {
  const { parameters, coverage } = await getMetricContext(database, scope.organisationId);
  const coveredTo = [
    request.period.to,
    ...Object.values(coverage).map((span) => span.to),
  ].sort()[0] as string;
  // The flag is about the recent trend: the months before the period's end are judged even when the period is
  // shorter than them.
  const window = lastCompleteMonths(coveredTo, parameters.sustainedMonths);
  if (window === null) return { window: null, consultants: [] };
  const series = await getSeries(database, scope, {
    level: 'consultant',
    bucket: 'month',
    period: window,
    activity: request.activity,
    unit: request.within,
  });
  const consultants = series.map(({ unitId, key, points }) => {
    const months = points.map((point) => ({
      from: point.from,
      to: point.to,
      totalDelivery: point.totalDelivery,
    }));
    const isComplete = months.length === parameters.sustainedMonths;
    const values = months.map((month) => month.totalDelivery);
    const every = (test: (value: number) => boolean) =>
      isComplete && values.every((value) => value !== null && test(value));
    const flag: WorkloadFlag = every((value) => value >= parameters.overDeliveryThreshold)
      ? 'over'
      : every((value) => value < parameters.underDeliveryThreshold)
        ? 'under'
        : null;
    return { consultantId: unitId, key, months, flag };
  });
  return { window, consultants };
}

/** The N whole calendar months ending on or before `date` (the month of `date` counts if `date` is its last day). */
export function lastCompleteMonths(date: string, count: number): Period | null {
  if (count < 1) return null;
  const nextDay = isoFromDayNumber(dayNumber(date) + 1);
  const isMonthEnd = nextDay.slice(8) === '01';
  const [year, month] = date.split('-').map(Number) as [number, number];
  const lastMonthIndex = year * 12 + (month - 1) - (isMonthEnd ? 0 : 1);
  const firstMonthIndex = lastMonthIndex - count + 1;
  const monthStart = (index: number) =>
    `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  const to = isoFromDayNumber(dayNumber(monthStart(lastMonthIndex + 1)) - 1);
  return { from: monthStart(firstMonthIndex), to };
}
