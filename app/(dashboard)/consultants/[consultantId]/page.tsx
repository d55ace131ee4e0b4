import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { Suspense } from 'react';
import '@/components/print/print.css';
import {
  CalendarSection,
  JobPlanBanner,
  JobPlanSection,
  LostSessionsSection,
  PeersSection,
  TrendSection,
} from '@/components/consultant/consultant-sections';
import { FiltersForm } from '@/components/consultant/filters-form';
import {
  loadConsultantRow,
  loadConsultantWeekly,
  loadJobPlans,
  loadLedgerEntries,
  loadSpecialtyPeers,
  peerCategories,
} from '@/components/consultant/load-consultant';
import { MetricTiles } from '@/components/consultant/metric-tiles';
import { defaultPeriod, readViewFilters } from '@/components/consultant/view-filters';
import { getPageDatabase } from '@/components/dashboard/page-database';
import { SectionErrorBoundary } from '@/components/dashboard/section-error-boundary';
import { formatDate } from '@/components/format';
import { WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { ActionsPanel } from '@/components/reviews/actions-panel';
import { loadConsultantAnnotations } from '@/components/reviews/annotation-data';
import { AnnotationsPanel } from '@/components/reviews/annotations-panel';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getConsultantSpecialtyId } from '@/lib/server/dal/consultants';
import { getMetricContext } from '@/lib/server/metrics/context';
import type { ActivityFilter } from '@/lib/server/metrics/period';

export const metadata: Metadata = { title: 'Consultant' };

interface ConsultantPageProps {
  params: Promise<{ consultantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ACTIVITY_LABELS: Record<ActivityFilter, string> = {
  all: 'all clinics and lists',
  clinic: 'clinics',
  list: 'theatre and endoscopy lists',
};

function todayInLondon(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export default async function ConsultantPage({ params, searchParams }: ConsultantPageProps) {
  await connection();
  const { consultantId: rawId } = await params;
  const path = `/consultants/${encodeURIComponent(rawId)}`;
  const caller = await getPageCaller('metrics:view', path);
  if (!/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) notFound();
  const consultantId = Number(rawId);
  const context = await getMetricContext(await getPageDatabase(), caller.organisationId);
  const fallback = defaultPeriod(context.coverage, todayInLondon());
  const { period, activity, problem } = readViewFilters(await searchParams, fallback);

  // The sections' queries start now, beside the consultant's own row (scope applies inside each; the sections
  // share them through the request cache and show their failures): the calendar's, the trend's, the job plan's
  // and, once the specialty is looked up, the peers'.
  loadLedgerEntries(caller.scope, consultantId, period.from, period.to, activity).catch(() => undefined);
  loadConsultantWeekly(caller.scope, consultantId, period.to, activity).catch(() => undefined);
  loadJobPlans(caller.scope, consultantId, period.to).catch(() => undefined);
  // The lookup checks only the organisation: it just starts the peers' reads, which apply the caller's scope; the
  // peers section reads by the own row's specialty, and the own row still decides the 404.
  getConsultantSpecialtyId(caller.scope, consultantId)
    .then((specialtyId) =>
      specialtyId === null
        ? []
        : Promise.all(
            peerCategories(activity).map((category) =>
              loadSpecialtyPeers(caller.scope, specialtyId, period.from, period.to, category),
            ),
          ),
    )
    .catch(() => undefined);
  // The notes the caller may read (scope applies inside too): those about a figure are listed on its tile. A
  // failure leaves the tiles without notes; the notes panel shows it.
  const notes = loadConsultantAnnotations(caller, consultantId, period.from, period.to).catch(() => []);
  // Only the consultant's own row is awaited before the page starts streaming, so that a consultant outside the
  // caller's scope (or only visible anonymised) answers 404 rather than a streamed 200.
  const { row: consultant, report } = await loadConsultantRow(
    caller.scope,
    consultantId,
    period.from,
    period.to,
    activity,
  );
  if (!consultant || consultant.isAnonymised || consultant.id === null) notFound();
  await recordNamedViews(caller, [consultantId], {
    view: 'consultant page',
    from: period.from,
    to: period.to,
    activity,
  });

  const specialty = consultant.specialty ?? null;
  const periodLabel = `${formatDate(period.from)} to ${formatDate(period.to)}, ${ACTIVITY_LABELS[activity]}`;
  const section = {
    scope: caller.scope,
    consultantId,
    name: consultant.name,
    period,
    activity,
    periodLabel,
  };

  return (
    <>
      <PageHeader
        title={consultant.name}
        caption={
          <>
            <Link href="/consultants">Consultants</Link>
            {specialty ? ` · ${specialty.name}` : ''}
          </>
        }
      >
        <p>
          GMC {consultant.key}. Job-planned sessions against the sessions delivered, {periodLabel}.
        </p>
      </PageHeader>

      {problem && (
        <Notice>
          <p>{problem}</p>
        </Notice>
      )}
      <FiltersForm action={path} period={period} activity={activity} defaultPeriod={fallback} />
      {report.coveredPeriod === null ? (
        <Notice>
          <p>The extracts do not cover any of this period yet, so there is nothing to compare.</p>
        </Notice>
      ) : (
        (report.coveredPeriod.from !== period.from || report.coveredPeriod.to !== period.to) && (
          <Notice>
            <p>
              The extracts cover {formatDate(report.coveredPeriod.from)} to{' '}
              {formatDate(report.coveredPeriod.to)} of this period; the figures are for those dates.
            </p>
          </Notice>
        )
      )}

      {/* No agreed plan in force: said before any figure measured against it (streamed, never holding the page). */}
      <SectionErrorBoundary label="the job plan warning">
        <Suspense fallback={null}>
          <JobPlanBanner {...section} />
        </Suspense>
      </SectionErrorBoundary>

      <MetricTiles metrics={consultant} periodLabel={periodLabel} notes={await notes} />

      <SectionErrorBoundary label="the calendar of sessions">
        <Suspense fallback={<WidgetSkeleton label="the calendar of sessions" rows={8} />}>
          <CalendarSection {...section} />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the lost sessions">
        <Suspense fallback={<WidgetSkeleton label="the lost sessions" rows={6} />}>
          <LostSessionsSection
            {...section}
            hasNoteLinks={
              caller.permissions.has('annotations:write') || caller.permissions.has('challenges:raise')
            }
          />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the notes and challenges">
        <Suspense fallback={<WidgetSkeleton label="the notes and challenges" rows={4} />}>
          <AnnotationsPanel caller={caller} consultantId={consultantId} period={period} activity={activity} />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the actions">
        <Suspense fallback={<WidgetSkeleton label="the actions" rows={3} />}>
          <ActionsPanel caller={caller} about={{ consultantId }} />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the trend">
        <Suspense fallback={<WidgetSkeleton label="the trend charts" rows={8} />}>
          <TrendSection {...section} caller={caller} />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the comparison with the specialty">
        <Suspense fallback={<WidgetSkeleton label="cases per session in the specialty" rows={4} />}>
          <PeersSection
            {...section}
            specialty={specialty ? { id: specialty.id, name: specialty.name } : null}
          />
        </Suspense>
      </SectionErrorBoundary>
      <SectionErrorBoundary label="the job plan">
        <Suspense fallback={<WidgetSkeleton label="the job plan" rows={6} />}>
          <JobPlanSection {...section} />
        </Suspense>
      </SectionErrorBoundary>
    </>
  );
}
