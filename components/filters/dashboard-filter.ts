import {
  type DatePeriod,
  filterSearchParams,
  MAX_BASELINE_YEARS,
  minBaselineYears,
  type PeriodFilter,
  resolvePeriodFilter,
} from '@/lib/shared/periods';

/** The URL parameter of the overview's baseline: the same period this many years earlier (1 when absent). */
export const BASELINE_PARAM = 'baseline';

/** A division the caller may see the totals of (the division filter's options). */
export interface DivisionOption {
  id: number;
  name: string;
}

/**
 * The dashboard filters: period preset, period, activity, (overview, specialties) one division or all, and (the
 * overview) the baseline patients a week are compared with.
 */
export interface DashboardFilter extends PeriodFilter {
  divisionId: number | null;
  /** The baseline is the same period this many years earlier. */
  baselineYears: number;
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

/** The URL's word for the whole trust, where a caller's view opens on their division (defaultDivisionOf). */
const WHOLE_TRUST = 'all';

/**
 * The division a view opens on: the caller's one division when they see the totals of only one (a divisional
 * director), so that the headline figures and the specialties under them are of the same division; otherwise
 * none (the whole trust).
 */
export function defaultDivisionOf(divisions: readonly DivisionOption[]): number | null {
  return divisions.length === 1 ? (divisions[0]?.id ?? null) : null;
}

/**
 * The filters in a URL, presets ending at the last date the ledger covers. A division the caller cannot see (or
 * not a number) is ignored: the filter shows the caller's default (defaultDivisionOf), so a shared link never shows
 * more; `division=all` asks for the whole trust. A baseline that is not 1 to MAX_BASELINE_YEARS years is read as
 * the nearest that does not overlap the period.
 */
export function readDashboardFilter(
  searchParams: SearchParams,
  lastCoveredDate: string | null,
  divisions: readonly DivisionOption[],
  now?: Date,
): DashboardFilter {
  const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw);
  const asked = first(searchParams.division);
  const wanted = Number(asked);
  const divisionId =
    asked === WHOLE_TRUST
      ? null
      : divisions.some((division) => division.id === wanted)
        ? wanted
        : defaultDivisionOf(divisions);
  const years = first(searchParams[BASELINE_PARAM]) ?? '';
  const askedYears =
    /^\d{1,2}$/.test(years) && Number(years) >= 1 && Number(years) <= MAX_BASELINE_YEARS ? Number(years) : 1;
  const filter = resolvePeriodFilter(searchParams, lastCoveredDate, now);
  // Never a baseline that overlaps the period.
  return { ...filter, divisionId, baselineYears: Math.max(askedYears, minBaselineYears(filter.period)) };
}

/** The URL query of the filters (defaults left out to keep links short). */
export function dashboardSearchParams(filter: {
  preset: DashboardFilter['preset'];
  period?: DatePeriod;
  activity: DashboardFilter['activity'];
  divisionId: number | null;
  /** The division the view opens on (defaultDivisionOf): left out of the URL, the whole trust then said. */
  defaultDivisionId?: number | null;
  baselineYears?: number;
}): URLSearchParams {
  const params = filterSearchParams(filter);
  const defaultDivisionId = filter.defaultDivisionId ?? null;
  if (filter.divisionId !== defaultDivisionId) {
    params.set('division', filter.divisionId === null ? WHOLE_TRUST : String(filter.divisionId));
  }
  if (filter.baselineYears !== undefined && filter.baselineYears !== 1) {
    params.set(BASELINE_PARAM, String(filter.baselineYears));
  }
  return params;
}
