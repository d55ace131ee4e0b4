import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import { loadReport } from '@/components/dashboard/load-metrics';
import { getPageDatabase } from '@/components/dashboard/page-database';
import { SectionErrorBoundary } from '@/components/dashboard/section-error-boundary';
import { DashboardFilterProvider } from '@/components/filters/dashboard-filter-context';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readDashboardPageFilter } from '@/components/filters/read-filter';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { DataFreshness } from '@/components/overview/data-freshness';
import { overviewRequests } from '@/components/overview/overview-requests';
import {
  HeadlineTilesSection,
  JobPlanCurrencySection,
  SpecialtyComparisonSection,
  SpecialtyFunnelSection,
} from '@/components/overview/overview-sections';
import { OwnFigures } from '@/components/overview/own-figures';
import { TilesSkeleton, WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { ReviewAlerts } from '@/components/reviews/review-alerts';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await connection();
  const caller = await getPageCaller('metrics:view', '/');
  const organisation = await getCurrentOrganisation();
  if (!organisation) {
    return (
      <>
        <PageHeader title="Overview" />
        <NoDataYet />
      </>
    );
  }
  const { filter, firstCoveredDate, lastCoveredDate, divisions } = await readDashboardPageFilter(
    await getPageDatabase(),
    caller.scope,
    await searchParams,
  );
  const props = { scope: caller.scope, requests: overviewRequests(filter) };
  // Start the main chart's query first (the sections share it through the request cache); a failure is the
  // section's to show.
  if (lastCoveredDate !== null) loadReport(caller.scope, props.requests.specialties).catch(() => undefined);
  return (
    <DashboardFilterProvider
      lastCoveredDate={lastCoveredDate}
      firstCoveredDate={firstCoveredDate}
      divisions={divisions}
    >
      <PageHeader caption="Overview" title={organisation.name}>
        <p>Job-planned sessions against what was delivered, and where capacity was lost.</p>
      </PageHeader>
      <SectionErrorBoundary label="your own figures">
        <Suspense fallback={null}>
          <OwnFigures scope={caller.scope} />
        </Suspense>
      </SectionErrorBoundary>
      <FilterBar hasDivisionFilter hasBaselineFilter />
      <PeriodSummary />
      {/* Overdue actions, the "for review" list and escalations: streamed on their own, never holding the page. */}
      <SectionErrorBoundary label="what needs your attention">
        <Suspense fallback={null}>
          <ReviewAlerts caller={caller} />
        </Suspense>
      </SectionErrorBoundary>
      {lastCoveredDate === null ? (
        <div className="mb-8">
          <EmptyState title="No activity to show yet">
            <p>
              The dashboards fill in once job plans and clinic or theatre extracts have been imported (
              <Link href="/imports">Imports</Link>).
            </p>
          </EmptyState>
        </div>
      ) : (
        <>
          <h2 className="sr-only">Headline figures</h2>
          <Suspense fallback={<TilesSkeleton />}>
            <HeadlineTilesSection {...props} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="the specialty comparison" rows={8} />}>
            <SpecialtyComparisonSection {...props} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="the funnel plot" rows={8} />}>
            <SpecialtyFunnelSection {...props} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="job plan currency" />}>
            <JobPlanCurrencySection {...props} />
          </Suspense>
        </>
      )}
      <Suspense fallback={<WidgetSkeleton label="data freshness" />}>
        <DataFreshness scope={caller.scope} />
      </Suspense>
    </DashboardFilterProvider>
  );
}
