import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import { MAX_PERIOD_DAYS } from '@/lib/shared/schemas/metrics';

export interface ViewFilters {
  period: Period;
  activity: ActivityFilter;
  /** Set when the URL asked for something invalid and the defaults were used instead. */
  problem: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  return (
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

/** The default period: the 12 months up to the last day the extracts cover (today when nothing is covered). */
export function defaultPeriod(coverage: Partial<Record<'clinic' | 'list', Period>>, today: string): Period {
  const ends = Object.values(coverage).map((span) => span.to);
  const to = ends.length > 0 ? (ends.sort().at(-1) as string) : today;
  const end = new Date(`${to}T00:00:00Z`);
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate() + 1));
  return { from: start.toISOString().slice(0, 10), to };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Period and activity from the URL (`from`, `to`, `activity`), falling back to the defaults when invalid. */
export function readViewFilters(
  searchParams: Record<string, string | string[] | undefined>,
  fallback: Period,
): ViewFilters {
  const from = first(searchParams.from);
  const to = first(searchParams.to);
  const activityParam = first(searchParams.activity) ?? 'all';
  const activity: ActivityFilter =
    activityParam === 'clinic' || activityParam === 'list' ? activityParam : 'all';
  let problem: string | null =
    activityParam === activity ? null : `“${activityParam}” is not an activity; showing all activity.`;
  if (from === undefined && to === undefined) return { period: fallback, activity, problem };
  const wanted = { from: from ?? fallback.from, to: to ?? fallback.to };
  if (!isRealDate(wanted.from) || !isRealDate(wanted.to)) {
    problem = 'The dates must be real dates (yyyy-mm-dd); showing the default period.';
    return { period: fallback, activity, problem };
  }
  if (wanted.to < wanted.from) {
    return {
      period: fallback,
      activity,
      problem: 'The period must end on or after its start; showing the default period.',
    };
  }
  const days = (Date.parse(wanted.to) - Date.parse(wanted.from)) / 86_400_000 + 1;
  if (days > MAX_PERIOD_DAYS) {
    return {
      period: fallback,
      activity,
      problem: `The period can be at most ${MAX_PERIOD_DAYS.toLocaleString('en-GB')} days; showing the default period.`,
    };
  }
  return { period: wanted, activity, problem };
}
