import { type DistributionSummary, summariseDistribution } from '@/components/charts/distribution-data';
import { formatMetricValue } from '@/components/charts/format-value';
import {
  type ActivityCategory,
  categoriesHeld,
  PER_SESSION_LABELS,
  perSessionCategories,
} from '@/lib/shared/per-session';
import type { ActivityOption } from '@/lib/shared/periods';
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';

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

/** Where a value sits against its category's median, for screen readers (the table shows the number alone). */
export function comparedWithMedian(value: number | null, median: number | null): string {
  if (value === null || median === null) return '';
  return value >= median ? ' (at or above median)' : ' (below median)';
}

/**
 * Under a unit's patients-or-cases figure: with clinics and lists together, each category's own figure (the mixed
 * one depends on the mix), else the sums behind the figure.
 */
export function describePerSession(
  row: Pick<UnitReportRow, 'perSessionByCategory' | 'patients' | 'heldSessions'>,
): string {
  const categories = categoriesHeld(row);
  if (categories.length === 0) return 'No held sessions';
  if (categories.length === 1) {
    const held = formatMetricValue('sessions', row.heldSessions);
    return categories[0] === 'clinic'
      ? `${formatMetricValue('count', row.patients)} patients in ${held} held clinic sessions`
      : `${formatMetricValue('count', row.patients)} cases in ${held} held lists`;
  }
  return categories
    .map(
      (category) =>
        `${PER_SESSION_LABELS[category]}: ${formatMetricValue('patientsPerSession', row.perSessionByCategory[category]?.casesPerSession ?? null)}`,
    )
    .join(' · ');
}
