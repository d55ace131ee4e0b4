import {
  type DatePeriod,
  filterSearchParams,
  type PeriodFilter,
  resolvePeriodFilter,
} from '@/lib/shared/periods';

/** A division the caller may see the totals of (the division filter's options). */
export interface DivisionOption {
  id: number;
  name: string;
}

/** The dashboard filters: period preset, period, activity and (overview, specialties) one division or all. */
export interface DashboardFilter extends PeriodFilter {
  divisionId: number | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** A URLSearchParams as the plain object `resolvePeriodFilter` reads. */
export function searchParamsObject(searchParams: URLSearchParams): SearchParams {
  const object: SearchParams = {};
  for (const name of new Set(searchParams.keys())) {
    const values = searchParams.getAll(name);
    object[name] = values.length === 1 ? values[0] : values;
  }
  return object;
}

/**
 * The filters in a URL, presets ending at the last date the ledger covers. A division the caller cannot see (or
 * not a number) is ignored: the filter shows all the caller's divisions, so a shared link never shows more.
 */
export function readDashboardFilter(
  searchParams: SearchParams,
  lastCoveredDate: string | null,
  divisions: readonly DivisionOption[],
  now?: Date,
): DashboardFilter {
  const raw = searchParams.division;
  const wanted = Number(Array.isArray(raw) ? raw[0] : raw);
  const divisionId = divisions.some((division) => division.id === wanted) ? wanted : null;
  return { ...resolvePeriodFilter(searchParams, lastCoveredDate, now), divisionId };
}

/** The URL query of the filters (defaults left out to keep links short). */
export function dashboardSearchParams(filter: {
  preset: DashboardFilter['preset'];
  period?: DatePeriod;
  activity: DashboardFilter['activity'];
  divisionId: number | null;
}): URLSearchParams {
  const params = filterSearchParams(filter);
  if (filter.divisionId !== null) params.set('division', String(filter.divisionId));
  return params;
}
