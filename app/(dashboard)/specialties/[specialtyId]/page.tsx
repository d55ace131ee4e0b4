import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { ActionsPanel } from '@/components/reviews/actions-panel';
import '@/components/print/print.css';
import { loadReport, loadSeries, loadWorkloadBalance } from '@/components/dashboard/load-metrics';
import { getPageDatabase } from '@/components/dashboard/page-database';
import { DashboardFilterProvider } from '@/components/filters/dashboard-filter-context';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readPageFilter } from '@/components/filters/read-filter';
import { WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { ProductivityPanel } from '@/components/specialty/productivity-panel';
import { SpecialtyHeadline } from '@/components/specialty/specialty-panels';
import { specialtyRequests } from '@/components/specialty/specialty-requests';
import {
  ConsultantsSection,
  SpecialtySpcSection,
  WorkloadBalanceSection,
} from '@/components/specialty/specialty-sections';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';

export const metadata: Metadata = { title: 'Specialty' };

interface PageProps {
  params: Promise<{ specialtyId: string }>;
  searchParams: Promise<PageSearchParams>;
}

const NO_DIVISIONS: never[] = [];

export default async function SpecialtyPage({ params, searchParams }: PageProps) {
  await connection();
  const { specialtyId: rawId } = await params;
  const caller = await getPageCaller('metrics:view', `/specialties/${encodeURIComponent(rawId)}`);
  if (!/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) notFound();
  const specialtyId = Number(rawId);
  const { filter, firstCoveredDate, lastCoveredDate } = await readPageFilter(
    await getPageDatabase(),
    caller.scope.organisationId,
    await searchParams,
  );
  const requests = specialtyRequests(filter, specialtyId);
  // The sections' queries start now, beside the specialty's own row (scope applies inside each; the sections share
  // them through the request cache and show their failures).
  if (lastCoveredDate !== null) {
    loadReport(caller.scope, requests.consultants).catch(() => undefined);
    loadWorkloadBalance(caller.scope, requests.workload).catch(() => undefined);
    loadSeries(caller.scope, requests.weekly).catch(() => undefined);
  }
  // Only the specialty's own row is awaited before the page starts: out of scope answers 404, not a streamed 200.
  const specialtyReport = await loadReport(caller.scope, requests.specialty);
  const specialty = specialtyReport.rows[0];
  if (!specialty) notFound();
  const props = { caller, specialtyId, requests };
  return (
    <DashboardFilterProvider
      lastCoveredDate={lastCoveredDate}
      firstCoveredDate={firstCoveredDate}
      divisions={NO_DIVISIONS}
    >
      <PageHeader caption={specialty.division?.name ?? 'Specialty'} title={specialty.name}>
        <p>
          <Link href="/specialties">All specialties</Link> ·{' '}
          <SpecialtyHeadline
            specialtyId={specialtyId}
            initial={{ request: requests.specialty, data: specialtyReport }}
          />
        </p>
      </PageHeader>
      <FilterBar />
      <PeriodSummary />
      {lastCoveredDate === null ? (
        <EmptyState title="No activity to show yet">
          <p>
            The dashboards fill in once job plans and clinic or theatre extracts have been imported (
            <Link href="/imports">Imports</Link>).
          </p>
        </EmptyState>
      ) : (
        <>
          <Suspense fallback={<WidgetSkeleton label="the consultants" rows={8} />}>
            <ConsultantsSection {...props} specialtyName={specialty.name} />
          </Suspense>
          <ProductivityPanel
            specialtyId={specialtyId}
            initial={{ request: requests.specialty, data: specialtyReport }}
          />
          <Suspense fallback={<WidgetSkeleton label="the SPC charts" rows={8} />}>
            <SpecialtySpcSection {...props} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="workload balance" rows={8} />}>
            <WorkloadBalanceSection {...props} />
          </Suspense>
          <Suspense fallback={<WidgetSkeleton label="the actions" rows={3} />}>
            <ActionsPanel caller={caller} about={{ specialtyId }} />
          </Suspense>
        </>
      )}
    </DashboardFilterProvider>
  );
}
