import type { UnitReportRowResponse as UnitReportRow } from './schemas/metrics';

/**
 * Patients or cases per session is defined within one activity category (the metric dictionary): a clinic's
 * patients and a list's cases are not the same unit. With clinics and lists chosen together, the dashboards and
 * review meetings show each category's figure apart; these are their shared words and rules.
 */
export type ActivityCategory = 'clinic' | 'list';

export const ACTIVITY_CATEGORIES: readonly ActivityCategory[] = ['clinic', 'list'];

export const PER_SESSION_LABELS: Record<ActivityCategory, string> = {
  clinic: 'Patients per clinic session',
  list: 'Cases per list',
};

/** The categories to compare rows on: the one chosen, or under both those any row held sessions in. */
export function perSessionCategories(
  rows: readonly Pick<UnitReportRow, 'perSessionByCategory'>[],
  activity: ActivityCategory | 'all',
): ActivityCategory[] {
  if (activity !== 'all') return [activity];
  return ACTIVITY_CATEGORIES.filter((category) =>
    rows.some((row) => (row.perSessionByCategory[category]?.heldSessions ?? 0) > 0),
  );
}

/** The categories in which a unit's row held sessions (a headline leaves out a category it never ran). */
export function categoriesHeld(row: Pick<UnitReportRow, 'perSessionByCategory'>): ActivityCategory[] {
  return perSessionCategories([row], 'all');
}
