import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import { summariseDistribution } from '@/components/charts/distribution-data';
import { DistributionPlot } from '@/components/charts/distribution-plot';
import { formatMetricValue } from '@/components/charts/format-value';
import { FilterBar } from '@/components/filters/filter-bar';
import { PeriodSummary } from '@/components/filters/period-summary';
import { type PageSearchParams, readPageFilter } from '@/components/filters/read-filter';
import { WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { ConsultantTable } from '@/components/specialty/consultant-table';
import { loadSpecialtyView, loadWorkloadBalance } from '@/components/specialty/load-specialty';
import { SpecialtyFunnels, SpecialtySpc } from '@/components/specialty/specialty-charts';
import { WorkloadPanel } from '@/components/specialty/workload-panel';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import type { Caller } from '@/lib/server/api/caller';
import { getPageCaller } from '@/lib/server/api/caller';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { type ActivityOption, describePeriod } from '@/lib/shared/periods';

export const metadata: Metadata = { title: 'Specialty' };

interface PageProps {
  params: Promise<{ specialtyId: string }>;
  searchParams: Promise<PageSearchParams>;
}

async function WorkloadSection({
  caller,
  specialtyId,
  from,
  to,
  activity,
}: {
  caller: Caller;
  specialtyId: number;
  from: string;
  to: string;
  activity: ActivityOption;
}) {
  const [view, balance] = await Promise.all([
    loadSpecialtyView(caller.scope, specialtyId, from, to, activity),
    loadWorkloadBalance(caller.scope, specialtyId, from, to, activity),
  ]);
  if (!view) return null;
  const flags = new Map(balance.consultants.map((consultant) => [consultant.key, consultant.flag]));
  return (
    <WorkloadPanel
      rows={view.consultants.rows}
      flags={flags}
      period={describePeriod({ from, to })}
      over={view.consultants.parameters.overDeliveryThreshold}
      under={view.consultants.parameters.underDeliveryThreshold}
      flagWindow={balance.window ? describePeriod(balance.window) : null}
    />
  );
}

async function ConsultantSection({
  caller,
  specialtyId,
  from,
  to,
  activity,
}: {
  caller: Caller;
  specialtyId: number;
  from: string;
  to: string;
  activity: ActivityOption;
}) {
  const [view, balance] = await Promise.all([
    loadSpecialtyView(caller.scope, specialtyId, from, to, activity),
    loadWorkloadBalance(caller.scope, specialtyId, from, to, activity),
  ]);
  if (!view) return null;
  const rows = view.consultants.rows;
  const parameters = view.consultants.parameters;
  const period = describePeriod({ from, to });
  const eligible = rows.filter((row) => row.heldSessions >= parameters.benchmarkMinHeldSessions);
  const summary = summariseDistribution(eligible.map((row) => row.casesPerSession));
  const benchmark = activity === 'all' ? null : (view.specialty.benchmarks?.[activity] ?? null);
  const target = benchmark?.source === 'target' ? benchmark.value : null;
  const flags = new Map(balance.consultants.map((consultant) => [consultant.key, consultant.flag]));
  const ownIds = new Set(caller.scope.viewer?.consultantIds ?? []);
  return (
    <>
      <Panel aria-labelledby="consultants-heading">
        <SectionHeading id="consultants-heading">Consultants</SectionHeading>
        <p className="mb-4 max-w-3xl">
          Plan against delivery for each consultant, {period}. This is for finding lost capacity and its
          causes together, not a ranking.
        </p>
        {rows.length === 0 ? (
          <p>No consultants to show for this period.</p>
        ) : (
          <ConsultantTable
            rows={rows}
            flags={flags}
            median={summary?.median ?? null}
            target={target}
            exportName={`${view.specialty.name} consultants ${from} to ${to}`}
          />
        )}
        <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">
          <a href="/definitions#casesPerSession">Patients or cases per session</a>: distribution
        </h3>
        <DistributionPlot
          label={`Consultants' patients or cases per session, ${period}, against the specialty median`}
          points={rows
            .filter((row) => row.casesPerSession !== null)
            .map((row) => ({
              label: row.name,
              value: row.casesPerSession as number,
              isHighlighted: row.id !== null && ownIds.has(row.id),
            }))}
          summary={summary}
          median={summary?.median ?? null}
          target={target}
          caption={`The box spans the middle half of consultants with at least ${parameters.benchmarkMinHeldSessions} held sessions; the line is their median.`}
        />
      </Panel>
      <SpecialtyFunnels rows={rows} period={period} fulfilmentTarget={parameters.fulfilmentTarget} />
    </>
  );
}

export default async function SpecialtyPage({ params, searchParams }: PageProps) {
  await connection();
  const { specialtyId: rawId } = await params;
  const caller = await getPageCaller('metrics:view', `/specialties/${encodeURIComponent(rawId)}`);
  if (!/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) notFound();
  const specialtyId = Number(rawId);
  const { filter, lastCoveredDate } = await readPageFilter(
    await getDatabase(),
    caller.scope.organisationId,
    await searchParams,
  );
  const { from, to } = filter.period;
  const view = await loadSpecialtyView(caller.scope, specialtyId, from, to, filter.activity);
  if (!view) notFound();
  await recordNamedViews(
    caller,
    view.consultants.rows.map((row) => row.id),
    { view: 'specialty-page', specialtyId, from, to, activity: filter.activity },
  );
  const specialty = view.specialty;
  const props = { caller, specialtyId, from, to, activity: filter.activity };
  const key = `${from}-${to}-${filter.activity}`;
  return (
    <>
      <PageHeader caption={specialty.division?.name ?? 'Specialty'} title={specialty.name}>
        <p>
          <Link href="/specialties">All specialties</Link> · fulfilment (net){' '}
          <strong data-testid="specialty-fulfilment">
            {formatMetricValue('ratio', specialty.fulfilmentNet)}
          </strong>
          , patients or cases per session{' '}
          <strong data-testid="specialty-cases">
            {formatMetricValue('patientsPerSession', specialty.casesPerSession)}
          </strong>
          , opportunity{' '}
          <strong data-testid="specialty-opportunity">
            {formatMetricValue('patientsPerWeek', specialty.opportunityPerWeek.total)}
          </strong>{' '}
          patients a week.
        </p>
      </PageHeader>
      <FilterBar preset={filter.preset} period={filter.period} activity={filter.activity} />
      <PeriodSummary period={filter.period} activity={filter.activity} />
      {lastCoveredDate === null ? (
        <EmptyState title="No activity to show yet">
          <p>
            The dashboards fill in once job plans and clinic or theatre extracts have been imported (
            <Link href="/imports">Imports</Link>).
          </p>
        </EmptyState>
      ) : (
        <>
          <Suspense key={`consultants-${key}`} fallback={<WidgetSkeleton label="the consultants" rows={8} />}>
            <ConsultantSection {...props} />
          </Suspense>
          <Suspense key={`spc-${key}`} fallback={<WidgetSkeleton label="the SPC charts" rows={8} />}>
            <SpecialtySpc
              scope={caller.scope}
              specialtyId={specialtyId}
              to={to}
              activity={filter.activity}
              fulfilmentTarget={view.consultants.parameters.fulfilmentTarget}
            />
          </Suspense>
          <Suspense key={`workload-${key}`} fallback={<WidgetSkeleton label="workload balance" rows={8} />}>
            <WorkloadSection {...props} />
          </Suspense>
        </>
      )}
    </>
  );
}
