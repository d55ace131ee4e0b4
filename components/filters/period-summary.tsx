'use client';

import { ACTIVITY_LABELS, describePeriod } from '@/lib/shared/periods';
import { useDashboardFilter, useDivisionOptions } from './dashboard-filter-context';

/** The period, activity and division every number on the page covers, in words (and data attributes for tests). */
export function PeriodSummary() {
  const { period, activity, divisionId } = useDashboardFilter();
  const division = useDivisionOptions().find((option) => option.id === divisionId) ?? null;
  return (
    <p
      className="mb-6 text-[1.1875rem]"
      data-testid="period-summary"
      data-from={period.from}
      data-to={period.to}
      data-activity={activity}
      data-division={division?.id ?? ''}
    >
      Showing <strong>{describePeriod(period)}</strong>, {ACTIVITY_LABELS[activity].toLowerCase()}
      {division ? (
        <>
          , <strong>{division.name}</strong> division
        </>
      ) : (
        ''
      )}
      .
    </p>
  );
}
