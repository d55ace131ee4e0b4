import 'server-only';
import type { Database } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { type PeriodFilter, resolvePeriodFilter } from '@/lib/shared/periods';

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The filters of a dashboard page from its URL, presets ending at the last date the ledger covers. */
export async function readPageFilter(
  database: Database,
  organisationId: number,
  searchParams: PageSearchParams,
): Promise<{ filter: PeriodFilter; lastCoveredDate: string | null }> {
  const { coverage } = await getMetricContext(database, organisationId);
  const ends = Object.values(coverage).map((span) => span.to);
  const lastCoveredDate = ends.length ? ([...ends].sort().at(-1) as string) : null;
  return { filter: resolvePeriodFilter(searchParams, lastCoveredDate), lastCoveredDate };
}
