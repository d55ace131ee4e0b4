import 'server-only';
import type { Database } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { type PeriodFilter, resolvePeriodFilter } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';
import { type DashboardFilter, type DivisionOption, readDashboardFilter } from './dashboard-filter';
import { loadDivisionOptions } from './division-options';

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The first and last dates the ledger covers (any category), or nulls before the first import. */
async function coveredDatesOf(
  database: Database,
  organisationId: number,
): Promise<{ firstCoveredDate: string | null; lastCoveredDate: string | null }> {
  const { coverage } = await getMetricContext(database, organisationId);
  const starts = Object.values(coverage)
    .map((span) => span.from)
    .sort();
  const ends = Object.values(coverage)
    .map((span) => span.to)
    .sort();
  return { firstCoveredDate: starts[0] ?? null, lastCoveredDate: ends.at(-1) ?? null };
}

/** The filters of a dashboard page from its URL, presets ending at the last date the ledger covers. */
export async function readPageFilter(
  database: Database,
  organisationId: number,
  searchParams: PageSearchParams,
): Promise<{ filter: PeriodFilter; firstCoveredDate: string | null; lastCoveredDate: string | null }> {
  const { firstCoveredDate, lastCoveredDate } = await coveredDatesOf(database, organisationId);
  return { filter: resolvePeriodFilter(searchParams, lastCoveredDate), firstCoveredDate, lastCoveredDate };
}

/**
 * As readPageFilter, with the division filter and its options (the divisions the caller may see), the baseline,
 * and the first covered date (how far back a baseline can reach).
 */
export async function readDashboardPageFilter(
  database: Database,
  scope: Scope,
  searchParams: PageSearchParams,
): Promise<{
  filter: DashboardFilter;
  firstCoveredDate: string | null;
  lastCoveredDate: string | null;
  divisions: DivisionOption[];
}> {
  const [{ firstCoveredDate, lastCoveredDate }, divisions] = await Promise.all([
    coveredDatesOf(database, scope.organisationId),
    loadDivisionOptions(scope),
  ]);
  return {
    filter: readDashboardFilter(searchParams, lastCoveredDate, divisions),
    firstCoveredDate,
    lastCoveredDate,
    divisions,
  };
}
