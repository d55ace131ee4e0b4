import 'server-only';
import { cache } from 'react';
import { loadReport } from '@/components/dashboard/load-metrics';
import { getPageDatabase } from '@/components/dashboard/page-database';
import { listJobPlans } from '@/lib/server/dal/job-plans';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { getLedgerEntries } from '@/lib/server/metrics/ledger-entries';
import type { ActivityFilter } from '@/lib/server/metrics/period';
import { getSeries } from '@/lib/server/metrics/series';
import { trendWindow } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

/*
 * The consultant page's reads, one per section so that each section streams in on its own; cached for the request
 * (React cache compares arguments by identity, so they are primitives).
 */

/** The consultant's own row (metrics, name, specialty) for the period: null when unknown or out of scope. */
export async function loadConsultantRow(
  scope: Scope,
  consultantId: number,
  from: string,
  to: string,
  activity: ActivityFilter,
) {
  const report = await loadReport(scope, {
    level: 'consultant',
    from,
    to,
    activity,
    within: { level: 'consultant', id: consultantId },
  });
  return { row: report.rows[0] ?? null, report };
}

/** Every ledger session of the consultant in the period (calendar and lost sessions). */
export const loadLedgerEntries = cache(
  async (scope: Scope, consultantId: number, from: string, to: string, activity: ActivityFilter) =>
    getLedgerEntries(await getPageDatabase(), scope, { consultantId, period: { from, to }, activity }),
);

/** The consultant's weekly series over the trend's weeks: the year to the period's end (see trendWindow). */
export const loadConsultantWeekly = cache(
  async (scope: Scope, consultantId: number, to: string, activity: ActivityFilter) => {
    const series = await getSeries(await getPageDatabase(), scope, {
      level: 'consultant',
      bucket: 'week',
      unit: { level: 'consultant', id: consultantId },
      period: trendWindow({ to }),
      activity,
    });
    return series[0]?.points ?? [];
  },
);

/** The consultant's job plans (every version) and its currency on the period's last day. */
export const loadJobPlans = cache(async (scope: Scope, consultantId: number, asOf: string) => {
  const database = await getPageDatabase();
  const [versions, currency] = await Promise.all([
    listJobPlans(database, scope, consultantId),
    getJobPlanCurrency(database, scope, { asOf, within: { level: 'consultant', id: consultantId } }),
  ]);
  return { versions, currency };
});

/** The categories the peer strip compares, each on its own (like with like). */
export function peerCategories(activity: ActivityFilter): ('clinic' | 'list')[] {
  return activity === 'all' ? ['clinic', 'list'] : [activity];
}

/** Every consultant of the specialty for one category (peers anonymised by the report), for the peer strip. */
export const loadSpecialtyPeers = cache(
  async (scope: Scope, specialtyId: number, from: string, to: string, category: 'clinic' | 'list') =>
    loadReport(scope, {
      level: 'consultant',
      from,
      to,
      activity: category,
      within: { level: 'specialty', id: specialtyId },
    }),
);
