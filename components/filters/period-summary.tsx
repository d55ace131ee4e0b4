import { ACTIVITY_LABELS, type ActivityOption, type DatePeriod, describePeriod } from '@/lib/shared/periods';

/** The period and activity every number on the page covers, in words (and in data attributes for tests). */
export function PeriodSummary({ period, activity }: { period: DatePeriod; activity: ActivityOption }) {
  return (
    <p
      className="mb-6 text-[1.1875rem]"
      data-testid="period-summary"
      data-from={period.from}
      data-to={period.to}
      data-activity={activity}
    >
      Showing <strong>{describePeriod(period)}</strong>, {ACTIVITY_LABELS[activity].toLowerCase()}.
    </p>
  );
}
