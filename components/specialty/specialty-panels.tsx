'use client';

import { Fragment } from 'react';
import { DistributionPlot } from '@/components/charts/distribution-plot';
import { formatMetricValue } from '@/components/charts/format-value';
import { perSessionViews } from '@/components/dashboard/per-session-views';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useJobPlanCurrency } from '@/lib/client/hooks/use-job-plan-currency';
import { useMetricsReport } from '@/lib/client/hooks/use-metrics-report';
import { useWorkloadBalance } from '@/lib/client/hooks/use-workload-balance';
import type {
  JobPlanCurrencyRequest,
  JobPlanCurrencyResponse,
  ReportRequest,
  WorkloadBalanceRequest,
  WorkloadBalanceResponse,
} from '@/lib/client/metrics-requests';
import { PER_SESSION_LABELS, perSessionCategories } from '@/lib/shared/per-session';
import { describePeriod } from '@/lib/shared/periods';
import type { UnitReportResponse } from '@/lib/shared/schemas/metrics';
import { ConsultantTable } from './consultant-table';
import { SpecialtyFunnels } from './specialty-charts';
import { specialtyRequests } from './specialty-requests';
import { WorkloadPanel } from './workload-panel';

type WorkloadFlag = WorkloadBalanceResponse['consultants'][number]['flag'];

function flagsOf(balance: WorkloadBalanceResponse | undefined): ReadonlyMap<string, WorkloadFlag> {
  return new Map((balance?.consultants ?? []).map((consultant) => [consultant.key, consultant.flag]));
}

/** The specialty's headline figures under its name, refetched when a filter changes. */
export function SpecialtyHeadline({
  specialtyId,
  initial,
}: {
  specialtyId: number;
  initial: { request: ReportRequest; data: UnitReportResponse };
}) {
  const filter = useDashboardFilter();
  const query = useMetricsReport(specialtyRequests(filter, specialtyId).specialty, initial);
  const specialty = query.data?.rows[0];
  const period = describePeriod(query.data?.period ?? filter.period);
  return (
    <span aria-busy={query.isPlaceholderData} className={query.isPlaceholderData ? 'opacity-50' : undefined}>
      {specialty ? (
        <>
          Fulfilment (net){' '}
          <strong data-testid="specialty-fulfilment">
            {formatMetricValue('ratio', specialty.fulfilmentNet)}
          </strong>
          {perSessionCategories([specialty], query.data?.activity ?? filter.activity).map((category) => (
            <Fragment key={category}>
              , {PER_SESSION_LABELS[category].toLowerCase()}{' '}
              <strong data-testid={`specialty-cases-${category}`}>
                {formatMetricValue(
                  'patientsPerSession',
                  specialty.perSessionByCategory[category]?.casesPerSession ?? null,
                )}
              </strong>
            </Fragment>
          ))}
          , opportunity{' '}
          <strong data-testid="specialty-opportunity">
            {formatMetricValue('patientsPerWeek', specialty.opportunityPerWeek.total)}
          </strong>{' '}
          patients a week ({period}).
        </>
      ) : query.error ? (
        'The specialty’s figures could not be loaded.'
      ) : (
        `No figures for ${period}.`
      )}
    </span>
  );
}

interface ConsultantsInitial {
  consultants: { request: ReportRequest; data: UnitReportResponse };
  specialty: { request: ReportRequest; data: UnitReportResponse };
  workload: { request: WorkloadBalanceRequest; data: WorkloadBalanceResponse };
  currency: { request: JobPlanCurrencyRequest; data: JobPlanCurrencyResponse };
}

/** The consultants' table, their cases per session against the specialty's, and the funnel plots. */
export function ConsultantsPanel({
  specialtyId,
  specialtyName,
  ownConsultantIds,
  initial,
}: {
  specialtyId: number;
  specialtyName: string;
  /** The viewer's own consultant record(s), highlighted in the distribution. */
  ownConsultantIds: readonly number[];
  initial: ConsultantsInitial;
}) {
  const filter = useDashboardFilter();
  const requests = specialtyRequests(filter, specialtyId);
  const consultantsQuery = useMetricsReport(requests.consultants, initial.consultants);
  const specialtyQuery = useMetricsReport(requests.specialty, initial.specialty);
  const workloadQuery = useWorkloadBalance(requests.workload, initial.workload);
  const currencyQuery = useJobPlanCurrency(requests.currency, initial.currency);
  const report = consultantsQuery.data;
  const rows = report?.rows ?? [];
  const parameters = report?.parameters ?? initial.consultants.data.parameters;
  const { from, to } = report?.period ?? filter.period;
  const period = describePeriod({ from, to });
  const perSession = perSessionViews(rows, report?.activity ?? filter.activity, {
    minHeldSessions: parameters.benchmarkMinHeldSessions,
    benchmarks: specialtyQuery.data?.rows[0]?.benchmarks,
  });
  const flags = flagsOf(workloadQuery.data);
  const own = new Set(ownConsultantIds);
  return (
    <QueryRegion
      queries={[consultantsQuery, specialtyQuery, workloadQuery, currencyQuery]}
      label="the consultants"
    >
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
            perSession={perSession}
            exportName={`${specialtyName} consultants ${from} to ${to}`}
            view={{ period: { from, to }, activity: report?.activity ?? filter.activity }}
            planStatus={new Map(currencyQuery.data?.notCurrent.map((row) => [row.consultantId, row.status]))}
          />
        )}
        {perSession.map((view) => (
          <div key={view.category}>
            <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">
              <a href="/definitions#casesPerSession">{view.label}</a>: distribution
            </h3>
            <DistributionPlot
              label={`Consultants' ${view.label.toLowerCase()}, ${period}, against the specialty median`}
              points={view.rows
                .filter((row) => row.casesPerSession !== null)
                .map((row) => ({
                  label: row.name,
                  value: row.casesPerSession as number,
                  isHighlighted: row.id !== null && own.has(row.id),
                }))}
              summary={view.summary}
              median={view.median}
              target={view.target}
              caption={`The box spans the middle half of consultants with at least ${parameters.benchmarkMinHeldSessions} held sessions; the line is their median.`}
            />
          </div>
        ))}
      </Panel>
      <SpecialtyFunnels
        rows={rows}
        perSession={perSession}
        period={period}
        fulfilmentTarget={parameters.fulfilmentTarget}
      />
    </QueryRegion>
  );
}

/** Lost sessions by reason and total delivery per consultant, with the sustained over/under-delivery flags. */
export function WorkloadSection({
  specialtyId,
  initial,
}: {
  specialtyId: number;
  initial: Omit<ConsultantsInitial, 'specialty' | 'currency'>;
}) {
  const filter = useDashboardFilter();
  const requests = specialtyRequests(filter, specialtyId);
  const consultantsQuery = useMetricsReport(requests.consultants, initial.consultants);
  const workloadQuery = useWorkloadBalance(requests.workload, initial.workload);
  const report = consultantsQuery.data;
  const balance = workloadQuery.data;
  if (!report) return null;
  return (
    <QueryRegion queries={[consultantsQuery, workloadQuery]} label="workload balance">
      <WorkloadPanel
        rows={report.rows}
        flags={flagsOf(balance)}
        period={describePeriod(report.period)}
        over={report.parameters.overDeliveryThreshold}
        under={report.parameters.underDeliveryThreshold}
        flagWindow={balance?.window ? describePeriod(balance.window) : null}
      />
    </QueryRegion>
  );
}
