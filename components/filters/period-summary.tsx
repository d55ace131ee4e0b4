'use client';

import { ACTIVITY_LABELS, describeCoverage, describePeriod } from '@/lib/shared/periods';
import {
  useDashboardFilter,
  useDivisionOptions,
  useFirstCoveredDate,
  useLastCoveredDate,
} from './dashboard-filter-context';

/**
 * The period, activity and division every number on the page covers, in words (and data attributes for tests),
 * and what the extracts cover of it when they do not cover it all.
 */
export function PeriodSummary() {
  const { period, activity, divisionId } = useDashboardFilter();
  const division = useDivisionOptions().find((option) => option.id === divisionId) ?? null;
  const coverage = describeCoverage(period, useFirstCoveredDate(), useLastCoveredDate());
  return (
    <>
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
      {coverage && (
        <p
          className="mb-6 border-l-8 border-nhs-warm-yellow bg-nhs-white p-4 font-bold"
          data-testid="period-coverage"
        >
          {coverage}
        </p>
      )}
    </>
  );
}
