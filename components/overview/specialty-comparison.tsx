'use client';

import Link from 'next/link';
import { formatChange, formatMetricValue } from '@/components/charts/format-value';
import { QueryRegion } from '@/components/dashboard/query-region';
import { ExportButtons } from '@/components/export/export-buttons';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useMetricsReport } from '@/lib/client/hooks/use-metrics-report';
import type { ReportRequest } from '@/lib/client/metrics-requests';
import { baselineChange, isWhollyCovered } from '@/lib/shared/baseline-change';
import { columnFormat } from '@/lib/shared/excel-formats';
import { PER_SESSION_LABELS, perSessionCategories } from '@/lib/shared/per-session';
import { describePeriod, filterSearchParams } from '@/lib/shared/periods';
import type { UnitReportResponse, UnitReportRowResponse } from '@/lib/shared/schemas/metrics';
import { overviewRequests } from './overview-requests';

const COLUMNS_BEFORE = [
  ['Specialty', null],
  ['Division', null],
  ['Consultants', null],
  ['Fulfilment (net)', 'fulfilmentNet'],
  ['Fulfilment (gross)', 'fulfilmentGross'],
  ['Delivered / expected (net)', 'delivered'],
] as const;
const COLUMNS_AFTER = [
  ['Lost sessions', 'lostSessions'],
  ['Additional sessions', 'additional'],
  ['Opportunity (patients a week)', 'opportunityTotal'],
  ['Patients a week', 'patientsPerWeek'],
  ['Against baseline', 'baselineChange'],
] as const;

/** Rows by opportunity (most first), then name: where the most patients a week could be gained. */
export function byOpportunity<Row extends { name: string; opportunityPerWeek: { total: number } }>(
  rows: readonly Row[],
): Row[] {
  return [...rows].sort(
    (a, b) => b.opportunityPerWeek.total - a.opportunityPerWeek.total || a.name.localeCompare(b.name),
  );
}

type InitialReport = { request: ReportRequest; data: UnitReportResponse };

/**
 * Specialties sorted by opportunity (where the most patients a week could be gained), not a ranking of people,
 * with their patients a week against the baseline chosen in the filters.
 */
export function SpecialtyComparison({
  initial,
}: {
  initial: { specialties: InitialReport; baseline: InitialReport };
}) {
  const filter = useDashboardFilter();
  const requests = overviewRequests(filter);
  const query = useMetricsReport(requests.specialties, initial.specialties);
  const baselineQuery = useMetricsReport(requests.specialtiesBaseline, initial.baseline);
  const report = query.data;
  const rows = report ? byOpportunity(report.rows) : [];
  const period = report?.period ?? filter.period;
  const { from, to } = period;
  const baselineReport = baselineQuery.data;
  const baselinePeriod = baselineReport?.period ?? requests.specialtiesBaseline;
  // Compared only where the extracts cover all of the baseline (see isWhollyCovered).
  const isBaselineCovered = baselineReport !== undefined && isWhollyCovered(baselineReport);
  const baselineByKey = new Map(
    isBaselineCovered ? baselineReport.rows.map((row) => [row.key, row.patientsPerWeek]) : [],
  );
  const changeOf = (row: UnitReportRowResponse) =>
    baselineChange(row.patientsPerWeek, baselineByKey.get(row.key) ?? null);
  // The specialty page opens on the same period and activity (it has no division filter).
  const linkQuery = filterSearchParams(filter).toString();
  // Patients or cases per session, one column per activity category: specialties differ in their mix of clinics
  // and lists, so a mixed figure would compare the mix, not the productivity.
  const categories = perSessionCategories(rows, report?.activity ?? filter.activity);
  const columns = [
    ...COLUMNS_BEFORE,
    ...categories.map((category) => [PER_SESSION_LABELS[category], 'casesPerSession'] as const),
    ...COLUMNS_AFTER,
  ];
  const perSessionOf = (row: UnitReportRowResponse) =>
    categories.map((category) => row.perSessionByCategory[category]?.casesPerSession ?? null);
  // The download has delivered and expected as two numbers (one column on screen), each column in its format.
  const exportColumns = columns.flatMap(([label, metricId]): (readonly [string, string | null])[] =>
    metricId === 'delivered'
      ? [
          ['Delivered', 'delivered'],
          ['Expected (net)', 'expectedNet'],
        ]
      : [[label, metricId]],
  );
  const exportTable = {
    columns: exportColumns.map(([label]) => label),
    formats: exportColumns.map(([, metricId]) => columnFormat(metricId)),
    rows: rows.map((row) => [
      row.name,
      row.division?.name ?? '',
      row.consultants,
      row.fulfilmentNet,
      row.fulfilmentGross,
      row.delivered,
      row.expectedNet,
      ...perSessionOf(row),
      row.lostSessions,
      row.additional,
      row.opportunityPerWeek.total,
      row.patientsPerWeek,
      changeOf(row),
    ]),
  };
  return (
    <Panel aria-labelledby="specialty-comparison-heading">
      <SectionHeading id="specialty-comparison-heading">Specialties by opportunity</SectionHeading>
      <p className="mb-4 max-w-3xl">
        Where the most patients a week could be gained, {describePeriod(period)}; patients a week against the
        baseline, {describePeriod(baselinePeriod)}
        {baselineReport && !isBaselineCovered && ' (not compared: the extracts do not cover all of it)'}. Each
        figure links to its definition.
      </p>
      <QueryRegion queries={[query, baselineQuery]} label="the specialties">
        {rows.length === 0 ? (
          <p>No specialties to show for these filters.</p>
        ) : (
          <>
            <ExportButtons name={`Specialties ${from} to ${to}`} table={exportTable} />
            <ScrollRegion label="Specialties by opportunity, scrolls sideways">
              <Table caption="Specialties by opportunity" isCaptionHidden>
                <TableHead>
                  <TableRow>
                    {columns.map(([label, metricId], index) => (
                      <ColumnHeader key={label} align={index >= 2 ? 'end' : 'start'}>
                        {metricId ? <Link href={`/definitions#${metricId}`}>{label}</Link> : label}
                      </ColumnHeader>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={row.key} data-specialty={row.key}>
                      <RowHeader>
                        {row.id !== null ? (
                          <Link href={`/specialties/${row.id}${linkQuery ? `?${linkQuery}` : ''}`}>
                            {row.name}
                          </Link>
                        ) : (
                          row.name
                        )}
                      </RowHeader>
                      <TableCell>{row.division?.name}</TableCell>
                      <TableCell align="end">{row.consultants}</TableCell>
                      <TableCell align="end" data-col="fulfilmentNet">
                        {formatMetricValue('ratio', row.fulfilmentNet)}
                      </TableCell>
                      <TableCell align="end">{formatMetricValue('ratio', row.fulfilmentGross)}</TableCell>
                      <TableCell align="end">
                        {formatMetricValue('sessions', row.delivered)} /{' '}
                        {formatMetricValue('sessions', row.expectedNet)}
                      </TableCell>
                      {perSessionOf(row).map((value, index) => (
                        <TableCell
                          key={categories[index]}
                          align="end"
                          data-col={`casesPerSession-${categories[index]}`}
                        >
                          {formatMetricValue('patientsPerSession', value)}
                        </TableCell>
                      ))}
                      <TableCell align="end">{formatMetricValue('sessions', row.lostSessions)}</TableCell>
                      <TableCell align="end">{formatMetricValue('sessions', row.additional)}</TableCell>
                      <TableCell align="end" data-col="opportunity">
                        {formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total)}
                      </TableCell>
                      <TableCell align="end" data-col="patientsPerWeek">
                        {formatMetricValue('patientsPerWeek', row.patientsPerWeek)}
                      </TableCell>
                      <TableCell align="end" data-col="baselineChange">
                        {formatChange(changeOf(row))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </ScrollRegion>
          </>
        )}
      </QueryRegion>
    </Panel>
  );
}
