import type { ActivityOption, DatePeriod } from '@/lib/shared/periods';

/**
 * A consultant's page, over the period and activity on screen when given: a drill-down from a specialty shows the
 * same weeks, so the consultant's figures there are the ones in the row that was clicked.
 */
export function consultantHref(
  consultantId: number,
  view?: { period: DatePeriod; activity: ActivityOption },
): string {
  if (!view) return `/consultants/${consultantId}`;
  const params = new URLSearchParams({ from: view.period.from, to: view.period.to });
  if (view.activity !== 'all') params.set('activity', view.activity);
  return `/consultants/${consultantId}?${params}`;
}
