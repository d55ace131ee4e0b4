/**
 * The dashboard pages' first paint as the metrics benchmark times it: the server functions that each page's server
 * components call for its metrics, with the filters the page reads from a URL without a query (the page as opened
 * from the navigation), started in the order the page starts them and awaited as the page awaits them, through
 * the page's own loaders (components/dashboard/load-metrics.ts, components/consultant/load-consultant.ts) on the
 * process's database (useDatabase).
 *
 * React's per-request cache makes a page run each distinct request once, however many sections share it, and gives
 * the request one database that runs each distinct read once (getPageDatabase); outside a render that cache does
 * nothing, so each distinct request is called once here, inside asOneRequest. Not part of it: the session
 * (getPageCaller), the sections that are not metrics (review alerts and data freshness on the overview, the
 * actions panel, the consultant's notes) and the consultant page's audit record of a named view (a write).
 *
 * Mirrors app/(dashboard)/page.tsx, app/(dashboard)/specialties/[specialtyId]/page.tsx and
 * app/(dashboard)/consultants/[consultantId]/page.tsx with their sections: keep it in step with them. It imports
 * modules marked 'server-only': import it dynamically after allowServerOnlyImports() (server-only.ts).
 */

import {
  loadConsultantRow,
  loadConsultantWeekly,
  loadJobPlans,
  loadLedgerEntries,
  loadSpecialtyPeers,
  peerCategories,
} from '@/components/consultant/load-consultant';
import { defaultPeriod, readViewFilters } from '@/components/consultant/view-filters';
import {
  loadJobPlanCurrency,
  loadReport,
  loadSeries,
  loadWorkloadBalance,
} from '@/components/dashboard/load-metrics';
import { readDashboardPageFilter, readPageFilter } from '@/components/filters/read-filter';
import { overviewRequests } from '@/components/overview/overview-requests';
import { specialtyRequests } from '@/components/specialty/specialty-requests';
import { getConsultantSpecialtyId } from '@/lib/server/dal/consultants';
import { type Database, getDatabase, useDatabase as setProcessDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import { sharingReads } from '@/lib/server/metrics/query';
import { todayInLondon } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

/** What a page asks for with no query in its URL. */
export interface PageFilter {
  period: Period;
  activity: ActivityFilter;
  /** The period preset (overview and specialty pages); the consultant page has none. */
  preset?: string;
}

const NO_QUERY = {};

/**
 * One page request: the loaders read through getPageDatabase, which a render gives one sharing database per
 * request (React cache); here each call gets its own in the same way, so reads are shared within a call, never
 * between calls.
 */
async function asOneRequest<T>(paint: () => Promise<T>): Promise<T> {
  const base: Database = await getDatabase();
  setProcessDatabase(sharingReads(base));
  try {
    return await paint();
  } finally {
    setProcessDatabase(base);
  }
}

/** The overview's filters and requests, as app/(dashboard)/page.tsx reads them. */
async function overviewFilter(scope: Scope) {
  const { filter, lastCoveredDate } = await readDashboardPageFilter(await getDatabase(), scope, NO_QUERY);
  if (lastCoveredDate === null) {
    throw new Error('overview page: the ledger covers no dates (no metrics to load)');
  }
  return { filter, requests: overviewRequests(filter) };
}

/** The specialty page's filters and requests, as app/(dashboard)/specialties/[specialtyId]/page.tsx reads them. */
async function specialtyFilter(scope: Scope, specialtyId: number) {
  const { filter, lastCoveredDate } = await readPageFilter(
    await getDatabase(),
    scope.organisationId,
    NO_QUERY,
  );
  if (lastCoveredDate === null) {
    throw new Error('specialty page: the ledger covers no dates (no metrics to load)');
  }
  return { filter, requests: specialtyRequests(filter, specialtyId) };
}

/** The consultant page's period and activity, as app/(dashboard)/consultants/[consultantId]/page.tsx reads them. */
async function consultantFilter(scope: Scope) {
  const context = await getMetricContext(await getDatabase(), scope.organisationId);
  return readViewFilters(NO_QUERY, defaultPeriod(context.coverage, todayInLondon()));
}

/** Each page's filters with no query in its URL (for the benchmark's labels; the timed calls read them again). */
export async function pageFilters(
  scope: Scope,
  specialtyId: number,
): Promise<Record<'overview' | 'specialty' | 'consultant', PageFilter>> {
  const [overview, specialty, consultant] = await Promise.all([
    overviewFilter(scope),
    specialtyFilter(scope, specialtyId),
    consultantFilter(scope),
  ]);
  return {
    overview: overview.filter,
    specialty: specialty.filter,
    consultant: { period: consultant.period, activity: consultant.activity },
  };
}

/**
 * The overview: its filters (metric context and division options, at once), then the six requests of
 * overviewRequests all at once: the specialties' report first (the page starts it before rendering) and their
 * baseline, then the headline tiles' (headline report, weekly series, baseline report) and job plan currency.
 */
export async function paintOverviewPage(scope: Scope) {
  return asOneRequest(async () => {
    const { filter, requests } = await overviewFilter(scope);
    const [specialties, specialtiesBaseline, headline, weekly, baseline, currency] = await Promise.all([
      loadReport(scope, requests.specialties),
      loadReport(scope, requests.specialtiesBaseline),
      loadReport(scope, requests.headline),
      loadSeries(scope, requests.weekly),
      loadReport(scope, requests.baseline),
      loadJobPlanCurrency(scope, requests.currency),
    ]);
    return { filter, headline, weekly, baseline, specialties, specialtiesBaseline, currency };
  });
}

/**
 * The specialty page: its filters (metric context), then the five requests of specialtyRequests all at once: the
 * consultants' report, workload balance and weekly series the page starts first, the job plan currency its table
 * marks, and the specialty's own report it awaits before streaming (an empty one would be a 404).
 */
export async function paintSpecialtyPage(scope: Scope, specialtyId: number) {
  return asOneRequest(async () => {
    const { filter, requests } = await specialtyFilter(scope, specialtyId);
    const [consultants, workload, weekly, specialty, currency] = await Promise.all([
      loadReport(scope, requests.consultants),
      loadWorkloadBalance(scope, requests.workload),
      loadSeries(scope, requests.weekly),
      loadReport(scope, requests.specialty),
      loadJobPlanCurrency(scope, requests.currency),
    ]);
    if (!specialty.rows[0]) throw new Error(`specialty page: specialty ${specialtyId} is not found (404)`);
    return { filter, specialty, consultants, weekly, workload, currency };
  });
}

/**
 * The consultant page in its two stages: the metric context (for the default period); then at once the ledger
 * entries, the weekly series, the job plans with their currency, the specialty lookup followed by the peers'
 * reports (one per category), and the consultant's own row (the page's 404 check), until all of it has arrived.
 */
export async function paintConsultantPage(scope: Scope, consultantId: number) {
  return asOneRequest(async () => {
    const { period, activity } = await consultantFilter(scope);
    const { from, to } = period;
    const entriesRead = loadLedgerEntries(scope, consultantId, from, to, activity);
    const weeklyRead = loadConsultantWeekly(scope, consultantId, to, activity);
    const jobPlansRead = loadJobPlans(scope, consultantId, to);
    const peersRead = getConsultantSpecialtyId(scope, consultantId).then(async (specialtyId) => ({
      specialtyId,
      reports:
        specialtyId === null
          ? []
          : await Promise.all(
              peerCategories(activity).map((category) =>
                loadSpecialtyPeers(scope, specialtyId, from, to, category),
              ),
            ),
    }));
    // As the page: read on below, or left behind when the row answers 404 (never an unhandled rejection).
    for (const read of [entriesRead, weeklyRead, jobPlansRead, peersRead]) read.catch(() => undefined);
    const { row } = await loadConsultantRow(scope, consultantId, from, to, activity);
    if (!row || row.isAnonymised || row.id === null) {
      throw new Error(`consultant page: consultant ${consultantId} is not found (404)`);
    }
    const [sessions, weekly, { specialtyId, reports: peers }, jobPlans] = await Promise.all([
      entriesRead,
      weeklyRead,
      peersRead,
      jobPlansRead,
    ]);
    // The page's peers section reads by the row's specialty; outside a render nothing shares a second read.
    if (specialtyId !== (row.specialty?.id ?? null)) {
      throw new Error(`consultant page: the specialty lookup (${specialtyId}) disagrees with the row`);
    }
    return { period, activity, row, sessions, weekly, peers, jobPlans };
  });
}
