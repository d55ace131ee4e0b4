import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readPageFilter } from '@/components/filters/read-filter';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { DataFreshness } from '@/components/overview/data-freshness';
import { HeadlineTiles } from '@/components/overview/headline-tiles';
import { JobPlanCurrencySummary } from '@/components/overview/job-plan-currency-summary';
import { SpecialtyComparison } from '@/components/overview/specialty-comparison';
import { SpecialtyFunnel } from '@/components/overview/specialty-funnel';
import { TilesSkeleton, WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getDatabase } from '@/lib/server/db';

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
  const { filter, lastCoveredDate } = await readPageFilter(
    await getDatabase(),
    caller.scope.organisationId,
    await searchParams,
  );
  const { from, to } = filter.period;
  const props = { scope: caller.scope, from, to, activity: filter.activity };
  return (
    <>
      <PageHeader caption="Overview" title={organisation.name}>
        <p>Job-planned sessions against what was delivered, and where capacity was lost.</p>
      </PageHeader>
      <FilterBar preset={filter.preset} period={filter.period} activity={filter.activity} />
      <PeriodSummary period={filter.period} activity={filter.activity} />
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
          <Suspense key={`tiles-${from}-${to}-${filter.activity}`} fallback={<TilesSkeleton />}>
            <HeadlineTiles {...props} />
          </Suspense>
          <Suspense
            key={`comparison-${from}-${to}-${filter.activity}`}
            fallback={<WidgetSkeleton label="the specialty comparison" rows={8} />}
          >
            <SpecialtyComparison {...props} />
          </Suspense>
          <Suspense
            key={`funnel-${from}-${to}-${filter.activity}`}
            fallback={<WidgetSkeleton label="the funnel plot" rows={8} />}
          >
            <SpecialtyFunnel {...props} />
          </Suspense>
          <Suspense key={`currency-${to}`} fallback={<WidgetSkeleton label="job plan currency" />}>
            <JobPlanCurrencySummary scope={caller.scope} asOf={to} />
          </Suspense>
        </>
      )}
      <Suspense fallback={<WidgetSkeleton label="data freshness" />}>
        <DataFreshness scope={caller.scope} />
      </Suspense>
    </>
  );
}
