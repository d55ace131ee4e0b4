'use client';

import { formatMetricValue } from '@/components/charts/format-value';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useMetricsReport } from '@/lib/client/hooks/use-metrics-report';
import type { ReportRequest } from '@/lib/client/metrics-requests';
import { getMetric, type MetricId } from '@/lib/shared/metrics';
import { describePeriod } from '@/lib/shared/periods';
import type { UnitReportResponse, UnitReportRowResponse } from '@/lib/shared/schemas/metrics';
import { specialtyRequests } from './specialty-requests';

type FigureId = MetricId & keyof UnitReportRowResponse;

/** The figures of how held sessions ran, per activity category (each defined within its category). */
const GROUPS: readonly { category: 'clinic' | 'list'; title: string; metricIds: readonly FigureId[] }[] = [
  { category: 'clinic', title: 'Outpatient clinics', metricIds: ['slotUtilisation', 'dnaRate'] },
  {
    category: 'list',
    title: 'Theatre and endoscopy lists',
    metricIds: [
      'theatreUtilisationCapped',
      'theatreUtilisationUncapped',
      'lateStart15',
      'lateStart30',
      'lateStartMeanMinutes',
      'earlyFinish15',
      'earlyFinish30',
      'earlyFinishMeanMinutes',
    ],
  },
];

function formatFigure(metricId: FigureId, value: number | null): string {
  const { unit } = getMetric(metricId);
  const text = formatMetricValue(unit, value);
  return unit === 'minutes' && value !== null ? `${text} min` : text;
}

/**
 * How the specialty's held sessions ran: clinics' slot utilisation and DNA rate, lists' theatre utilisation and
 * late starts and early finishes, for the period and activity chosen. Refetched when a filter changes.
 */
export function ProductivityPanel({
  specialtyId,
  initial,
}: {
  specialtyId: number;
  initial: { request: ReportRequest; data: UnitReportResponse };
}) {
  const filter = useDashboardFilter();
  const query = useMetricsReport(specialtyRequests(filter, specialtyId).specialty, initial);
  const report = query.data;
  const specialty = report?.rows[0];
  const activity = report?.activity ?? filter.activity;
  const groups = GROUPS.filter((group) => activity === 'all' || activity === group.category);
  return (
    <Panel aria-labelledby="productivity-heading">
      <SectionHeading id="productivity-heading">How the sessions ran</SectionHeading>
      <p className="mb-4 max-w-3xl">
        Held sessions only, {describePeriod(report?.period ?? filter.period)}. Each figure is a ratio of sums
        over the specialty’s sessions and links to its definition.
      </p>
      <QueryRegion queries={[query]} label="how the sessions ran">
        <div className="grid gap-6 md:grid-cols-2">
          {groups.map((group) => {
            const held = specialty?.perSessionByCategory[group.category]?.heldSessions ?? 0;
            return (
              <section key={group.category} aria-labelledby={`productivity-${group.category}`}>
                <h3 id={`productivity-${group.category}`} className="mb-2 text-[1.375rem] font-bold">
                  {group.title}
                </h3>
                {held === 0 ? (
                  <p>No {group.title.toLowerCase()} were held in this period.</p>
                ) : (
                  <dl className="grid grid-cols-[auto_auto] gap-x-6 gap-y-2">
                    {group.metricIds.map((metricId) => (
                      <div key={metricId} className="contents">
                        <dt>
                          <a href={`/definitions#${metricId}`}>{getMetric(metricId).label}</a>
                        </dt>
                        <dd
                          className="text-right font-bold tabular-nums"
                          data-testid={`productivity-${metricId}`}
                        >
                          {formatFigure(
                            metricId,
                            (specialty?.[metricId] as number | null | undefined) ?? null,
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </section>
            );
          })}
        </div>
      </QueryRegion>
    </Panel>
  );
}
