import 'server-only';
import type { Database } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { type PeriodFilter, resolvePeriodFilter } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';
import { type DashboardFilter, type DivisionOption, readDashboardFilter } from './dashboard-filter';
import { loadDivisionOptions } from './division-options';

export type PageSearchParams = Record<string, string | string[] | undefined>;

async function lastCoveredDateOf(database: Database, organisationId: number): Promise<string | null> {
  const { coverage } = await getMetricContext(database, organisationId);
  const ends = Object.values(coverage).map((span) => span.to);
  return ends.length ? ([...ends].sort().at(-1) as string) : null;
}

/** The filters of a dashboard page from its URL, presets ending at the last date the ledger covers. */
export async function readPageFilter(
  database: Database,
  organisationId: number,
  searchParams: PageSearchParams,
): Promise<{ filter: PeriodFilter; lastCoveredDate: string | null }> {
  const lastCoveredDate = await lastCoveredDateOf(database, organisationId);
  return { filter: resolvePeriodFilter(searchParams, lastCoveredDate), lastCoveredDate };
}

/** As readPageFilter, with the division filter and its options (the divisions the caller may see). */
export async function readDashboardPageFilter(
  database: Database,
  scope: Scope,
  searchParams: PageSearchParams,
): Promise<{ filter: DashboardFilter; lastCoveredDate: string | null; divisions: DivisionOption[] }> {
  const [lastCoveredDate, divisions] = await Promise.all([
    lastCoveredDateOf(database, scope.organisationId),
    loadDivisionOptions(scope),
  ]);
  return {
    filter: readDashboardFilter(searchParams, lastCoveredDate, divisions),
    lastCoveredDate,
    divisions,
  };
}
