import { type DistributionSummary, summariseDistribution } from '@/components/charts/distribution-data';
import { formatMetricValue } from '@/components/charts/format-value';
import type { ActivityOption } from '@/lib/shared/periods';
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';

export type ActivityCategory = 'clinic' | 'list';

/** One consultant's patients or cases per held session within one activity category. */
export interface PerSessionRow {
  key: string;
  name: string;
  id: number | null;
  heldSessions: number;
  patients: number;
  casesPerSession: number | null;
}

/** Consultants compared on patients or cases per session within one category, with its median and target. */
export interface PerSessionView {
  category: ActivityCategory;
  /** "Patients per clinic session" or "Cases per list". */
  label: string;
  rows: PerSessionRow[];
  /** Five-number summary over consultants with at least the benchmark's minimum of held sessions (null: none). */
  summary: DistributionSummary | null;
  median: number | null;
  /** The trust's target for the category, when the specialty's benchmark is a target. */
  target: number | null;
}

export const PER_SESSION_LABELS: Record<ActivityCategory, string> = {
  clinic: 'Patients per clinic session',
  list: 'Cases per list',
};

const CATEGORIES: readonly ActivityCategory[] = ['clinic', 'list'];

/**
 * Patients or cases per session is defined within one activity category (the metric dictionary): a clinic's
 * patients and a list's cases are not the same unit, and a consultant with more lists would look less productive
 * on a mixed figure. So with clinics and lists chosen together, consultants are compared once per category —
 * leaving out a category nobody in the table held a session of.
 */
export function perSessionViews(
  rows: readonly UnitReportRow[],
  activity: ActivityOption,
  options: {
    minHeldSessions: number;
    benchmarks?: UnitReportRow['benchmarks'];
  },
): PerSessionView[] {
  return perSessionCategories(rows, activity).map((category): PerSessionView => {
    const categoryRows = rows.map((row): PerSessionRow => {
      const own = row.perSessionByCategory[category];
      return {
        key: row.key,
        name: row.name,
        id: row.id,
        heldSessions: own?.heldSessions ?? 0,
        patients: own?.patients ?? 0,
        casesPerSession: own?.casesPerSession ?? null,
      };
    });
    const eligible = categoryRows.filter((row) => row.heldSessions >= options.minHeldSessions);
    const benchmark = options.benchmarks?.[category] ?? null;
    const summary = summariseDistribution(eligible.map((row) => row.casesPerSession));
    return {
      category,
      label: PER_SESSION_LABELS[category],
      rows: categoryRows,
      summary,
      median: summary?.median ?? null,
      target: benchmark?.source === 'target' ? benchmark.value : null,
    };
  });
}

/** The categories to compare rows on: the one chosen, or under both those any row held sessions in. */
export function perSessionCategories(
  rows: readonly Pick<UnitReportRow, 'perSessionByCategory'>[],
  activity: ActivityOption,
): ActivityCategory[] {
  if (activity !== 'all') return [activity];
  return CATEGORIES.filter((category) =>
    rows.some((row) => (row.perSessionByCategory[category]?.heldSessions ?? 0) > 0),
  );
}

/** Where a value sits against its category's median, for screen readers (the table shows the number alone). */
export function comparedWithMedian(value: number | null, median: number | null): string {
  if (value === null || median === null) return '';
  return value >= median ? ' (at or above median)' : ' (below median)';
}

/** The categories a unit's row covers in which it held sessions (a headline leaves out a category it never ran). */
export function categoriesHeld(row: Pick<UnitReportRow, 'perSessionByCategory'>): ActivityCategory[] {
  return perSessionCategories([row], 'all');
}

/**
 * Under a unit's patients-or-cases figure: with clinics and lists together, each category's own figure (the mixed
 * one depends on the mix), else the sums behind the figure.
 */
export function describePerSession(
  row: Pick<UnitReportRow, 'perSessionByCategory' | 'patients' | 'heldSessions'>,
): string {
  const categories = categoriesHeld(row);
  if (categories.length < 2) {
    return `${formatMetricValue('count', row.patients)} patients or cases in ${formatMetricValue('sessions', row.heldSessions)} held sessions`;
  }
  return categories
    .map(
      (category) =>
        `${PER_SESSION_LABELS[category]}: ${formatMetricValue('patientsPerSession', row.perSessionByCategory[category]?.casesPerSession ?? null)}`,
    )
    .join(' · ');
}
