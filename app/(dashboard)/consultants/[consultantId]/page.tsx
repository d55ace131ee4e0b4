import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CalendarHeatmap } from '@/components/consultant/calendar-heatmap';
import { FiltersForm } from '@/components/consultant/filters-form';
import { JobPlanPanel } from '@/components/consultant/job-plan-panel';
import { MetricTiles } from '@/components/consultant/metric-tiles';
import { PeerStrip, type PeerValue } from '@/components/consultant/peer-strip';
import { LostSessionsTable, SessionsTable } from '@/components/consultant/session-tables';
import { TrendPanel } from '@/components/consultant/trend-panel';
import { defaultPeriod, readViewFilters } from '@/components/consultant/view-filters';
import type { TrendPoint } from '@/components/consultant/weekly-trend-chart';
import { formatDate } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { listJobPlans } from '@/lib/server/dal/job-plans';
import { getDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import type { ActivityFilter } from '@/lib/server/metrics/period';
import type { SeriesPoint } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getConsultantView } from '@/lib/server/metrics/views';
import { computeSpc, type PointType } from '@/lib/shared/stats';

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

function signalOf(pointType: PointType | null): TrendPoint['signal'] {
  if (pointType === 'special_cause_improvement') return 'improvement';
  if (pointType === 'special_cause_concern') return 'concern';
  if (pointType === 'special_cause_neutral_high' || pointType === 'special_cause_neutral_low')
    return 'neutral';
  return null;
}

/** A weekly series as an XmR chart's points, per covered week (partial weeks scaled to a whole week). */
function trendOf(points: SeriesPoint[], value: (point: SeriesPoint) => number): TrendPoint[] {
  const spc = computeSpc(
    points.map((point) => ({ x: point.from, y: point.weeks > 0 ? value(point) / point.weeks : null })),
    { improvementDirection: 'increase' },
  );
  return spc.points.map((point) => ({
    x: String(point.x),
    y: point.y,
    mean: point.mean,
    upl: point.upl,
    // Counts cannot go below zero: a negative lower limit is drawn at zero.
    lpl: point.lpl === null ? null : Math.max(0, point.lpl),
    signal: signalOf(point.pointType),
  }));
}

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
  const database = await getDatabase();
  const context = await getMetricContext(database, caller.organisationId);
  const fallback = defaultPeriod(context.coverage, todayInLondon());
  const { period, activity, problem } = readViewFilters(await searchParams, fallback);

  const view = await getConsultantView(database, caller.scope, { period, activity, consultantId });
  if (!view || view.consultant.isAnonymised || view.consultant.id === null) notFound();
  const { consultant } = view;
  await recordNamedViews(caller, [consultantId], {
    view: 'consultant page',
    from: period.from,
    to: period.to,
    activity,
  });

  const specialty = consultant.specialty;
  const categories: ('clinic' | 'list')[] = activity === 'all' ? ['clinic', 'list'] : [activity];
  const [jobPlans, currency, peerReports] = await Promise.all([
    listJobPlans(database, caller.scope, consultantId),
    getJobPlanCurrency(database, caller.scope, {
      asOf: period.to,
      within: { level: 'consultant', id: consultantId },
    }),
    specialty
      ? Promise.all(
          categories.map((category) =>
            getUnitReport(database, caller.scope, {
              level: 'consultant',
              within: { level: 'specialty', id: specialty.id },
              period,
              activity: category,
            }),
          ),
        )
      : Promise.resolve([]),
  ]);
  const currencyStatus = currency.consultants[0]?.status ?? 'missing';
  const periodLabel = `${formatDate(period.from)} to ${formatDate(period.to)}, ${ACTIVITY_LABELS[activity]}`;

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
      {view.report.coveredPeriod === null ? (
        <Notice>
          <p>The extracts do not cover any of this period yet, so there is nothing to compare.</p>
        </Notice>
      ) : (
        (view.report.coveredPeriod.from !== period.from || view.report.coveredPeriod.to !== period.to) && (
          <Notice>
            <p>
              The extracts cover {formatDate(view.report.coveredPeriod.from)} to{' '}
              {formatDate(view.report.coveredPeriod.to)} of this period; the figures are for those dates.
            </p>
          </Notice>
        )
      )}

      <MetricTiles metrics={consultant} periodLabel={periodLabel} />

      <Panel aria-labelledby="calendar-heading">
        <SectionHeading id="calendar-heading">Plan against delivery, session by session</SectionHeading>
        <p className="mb-4">
          Each square is a half-day session in the job plan, marked with what happened. Focus or point at a
          square for its details.
        </p>
        {view.sessions.length === 0 ? (
          <p>No planned or held sessions in this period.</p>
        ) : (
          <>
            <CalendarHeatmap sessions={view.sessions} period={period} />
            <SessionsTable sessions={view.sessions} />
          </>
        )}
      </Panel>

      <Panel aria-labelledby="lost-heading">
        <SectionHeading id="lost-heading">
          <a href="/definitions#lostSessions">Lost sessions</a> and leave
        </SectionHeading>
        <p className="mb-4">
          Planned sessions cancelled by the hospital or with no record (lost), and those covered by leave or
          sickness, with the reason given.
        </p>
        <LostSessionsTable sessions={view.sessions} periodLabel={periodLabel} />
      </Panel>

      <Panel aria-labelledby="trend-heading">
        <SectionHeading id="trend-heading">Trend</SectionHeading>
        <TrendPanel
          title="Sessions held"
          metricId="heldSessions"
          unitLabel="Sessions held a week"
          points={trendOf(view.weekly, (point) => point.heldSessions)}
          periodLabel={periodLabel}
        />
        <TrendPanel
          title="Patients or cases"
          metricId="patientsPerWeek"
          unitLabel="Patients or cases a week"
          points={trendOf(view.weekly, (point) => point.patients)}
          periodLabel={periodLabel}
        />
      </Panel>

      <Panel aria-labelledby="peers-heading">
        <SectionHeading id="peers-heading">
          <a href="/definitions#casesPerSession">Cases per session</a> in the specialty
        </SectionHeading>
        <p className="mb-4">
          This consultant (blue diamond) against the other consultants of {specialty?.name ?? 'the specialty'}{' '}
          (grey circles, not named), {formatDate(period.from)} to {formatDate(period.to)}, like activity with
          like.
        </p>
        {peerReports.map((report, index) => {
          const category = categories[index] as 'clinic' | 'list';
          let peer = 0;
          const values: PeerValue[] = report.rows
            .filter((row) => row.casesPerSession !== null)
            .map((row) => {
              const isSelf = row.id === consultantId;
              if (!isSelf) peer += 1;
              return {
                label: isSelf ? 'This consultant' : row.isAnonymised ? row.key : `Peer ${peer}`,
                value: row.casesPerSession as number,
                isSelf,
              };
            });
          const title = category === 'clinic' ? 'Patients per clinic' : 'Cases per list';
          if (values.filter((value) => !value.isSelf).length < 2) {
            return (
              <p key={category} className="mb-4">
                <strong>{title}:</strong> not shown — too few other consultants in the specialty held{' '}
                {category === 'clinic' ? 'clinics' : 'lists'} in this period to compare without identifying
                them.
              </p>
            );
          }
          return (
            <PeerStrip
              key={category}
              title={title}
              values={values}
              unitLabel={category === 'clinic' ? 'patients per clinic' : 'cases per list'}
            />
          );
        })}
      </Panel>

      <Panel aria-labelledby="job-plan-heading">
        <SectionHeading id="job-plan-heading">Job plan</SectionHeading>
        <JobPlanPanel
          versions={jobPlans}
          status={currencyStatus}
          asOf={period.to}
          reviewMonths={currency.reviewMonths}
        />
      </Panel>
    </>
  );
}
