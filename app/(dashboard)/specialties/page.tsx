import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readPageFilter } from '@/components/filters/read-filter';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { SpecialtyComparison } from '@/components/overview/specialty-comparison';
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
  const { filter, lastCoveredDate } = await readPageFilter(
    await getDatabase(),
    caller.scope.organisationId,
    await searchParams,
  );
  const { from, to } = filter.period;
  return (
    <>
      <PageHeader title="Specialties">
        <p>Each specialty you can see, with its fulfilment and opportunity. Open one for its consultants.</p>
      </PageHeader>
      <FilterBar preset={filter.preset} period={filter.period} activity={filter.activity} />
      <PeriodSummary period={filter.period} activity={filter.activity} />
      {lastCoveredDate === null ? (
        <EmptyState title="No activity to show yet">
          <p>
            Specialties fill in once consultants, job plans and activity have been imported (
            <Link href="/imports">Imports</Link>).
          </p>
        </EmptyState>
      ) : (
        <Suspense
          key={`${from}-${to}-${filter.activity}`}
          fallback={<WidgetSkeleton label="the specialties" rows={8} />}
        >
          <SpecialtyComparison scope={caller.scope} from={from} to={to} activity={filter.activity} />
        </Suspense>
      )}
    </>
  );
}
