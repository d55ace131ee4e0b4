import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import { DashboardFilterProvider } from '@/components/filters/dashboard-filter-context';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readDashboardPageFilter } from '@/components/filters/read-filter';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { overviewRequests } from '@/components/overview/overview-requests';
import { SpecialtyComparisonSection } from '@/components/overview/overview-sections';
import { WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getDatabase } from '@/lib/server/db';

export const metadata: Metadata = { title: 'Specialties' };

export default async function SpecialtiesPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await connection();
  const caller = await getPageCaller('metrics:view', '/specialties');
  const organisation = await getCurrentOrganisation();
  if (!organisation) {
    return (
      <>
        <PageHeader title="Specialties" />
        <NoDataYet />
      </>
    );
  }
  const { filter, firstCoveredDate, lastCoveredDate, divisions } = await readDashboardPageFilter(
    await getDatabase(),
    caller.scope,
    await searchParams,
  );
  return (
    <DashboardFilterProvider
      lastCoveredDate={lastCoveredDate}
      firstCoveredDate={firstCoveredDate}
      divisions={divisions}
    >
      <PageHeader title="Specialties">
        <p>
          Each specialty you can see, with its fulfilment, opportunity and patients a week against a baseline.
          Open one for its consultants.
        </p>
      </PageHeader>
      <FilterBar hasDivisionFilter hasBaselineFilter />
      <PeriodSummary />
      {lastCoveredDate === null ? (
        <EmptyState title="No activity to show yet">
          <p>
            Specialties fill in once consultants, job plans and activity have been imported (
            <Link href="/imports">Imports</Link>).
          </p>
        </EmptyState>
      ) : (
        <Suspense fallback={<WidgetSkeleton label="the specialties" rows={8} />}>
          <SpecialtyComparisonSection scope={caller.scope} requests={overviewRequests(filter)} />
        </Suspense>
      )}
    </DashboardFilterProvider>
  );
}
