import Link from 'next/link';
import { formatMetricValue } from '@/components/charts/format-value';
import { consultantHref } from '@/components/consultant/consultant-href';
import { comparedWithMedian, type PerSessionView } from '@/components/dashboard/per-session-views';
import { ExportButtons } from '@/components/export/export-buttons';
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
import type { WorkloadFlag } from '@/lib/server/metrics/workload-balance';
import { columnFormat } from '@/lib/shared/excel-formats';
import type { ActivityOption, DatePeriod } from '@/lib/shared/periods';
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';

const COLUMNS_BEFORE: readonly (readonly [string, string | null])[] = [
  ['Consultant', null],
  ['Fulfilment (net)', 'fulfilmentNet'],
  ['Fulfilment (gross)', 'fulfilmentGross'],
  ['Delivered', 'delivered'],
  ['Expected (net)', 'expectedNet'],
  ['Additional', 'additional'],
  ['Cancelled by the hospital', 'hospitalCancelled'],
  ['Not scheduled', 'notScheduled'],
  ['Leave, adequate notice', 'leaveAdequateNotice'],
  ['Leave, short notice', 'leaveShortNotice'],
  ['Sickness', 'sickness'],
];
const COLUMNS_AFTER: readonly (readonly [string, string | null])[] = [
  ['Opportunity (patients a week)', 'opportunityTotal'],
  ['Workload flag', 'overDelivery'],
];

type NotCurrentStatus = 'review_overdue' | 'draft_only' | 'expired' | 'missing';

/** Beside a consultant's name: their figures are measured against a plan that is not current, or none. */
const PLAN_STATUS_TEXT: Record<NotCurrentStatus, string> = {
  review_overdue: 'Job plan review overdue',
  draft_only: 'Only a draft job plan',
  expired: 'No job plan in force',
  missing: 'No job plan recorded',
};

const FLAG_TEXT: Record<'over' | 'under', string> = {
  over: 'Sustained over-delivery',
  under: 'Sustained under-delivery',
};

/** The specialty's consultants: plan against delivery, lost sessions by reason, productivity and flags. Named
 * consultants link to their page; anonymised ones do not. */
export function ConsultantTable({
  rows,
  flags,
  perSession,
  exportName,
  view,
  planStatus,
}: {
  /** Consultants whose job plan is not current on the period's last day, by id (the others are not in it). */
  planStatus: ReadonlyMap<number, NotCurrentStatus>;
  /** The period and activity on screen: a consultant's page opens on them. */
  view: { period: DatePeriod; activity: ActivityOption };
  rows: UnitReportRow[];
  flags: ReadonlyMap<string, WorkloadFlag>;
  /** Patients or cases per session, one column per activity category shown (see perSessionViews). */
  perSession: readonly PerSessionView[];
  exportName: string;
}) {
  const columns = [
    ...COLUMNS_BEFORE,
    ...perSession.map((view) => [view.label, 'casesPerSession'] as const),
    ...COLUMNS_AFTER,
  ];
  const valuesByKey = perSession.map(
    (view) => new Map(view.rows.map((own) => [own.key, own.casesPerSession])),
  );
  const perSessionOf = (row: UnitReportRow) => valuesByKey.map((values) => values.get(row.key) ?? null);
  const exportTable = {
    columns: columns.map(([label]) => label),
    formats: columns.map(([, metricId]) => columnFormat(metricId)),
    rows: rows.map((row) => [
      row.name,
      row.fulfilmentNet,
      row.fulfilmentGross,
      row.delivered,
      row.expectedNet,
      row.additional,
      row.lost.hospitalCancelled,
      row.lost.notScheduled,
      row.lost.leaveAdequateNotice,
      row.lost.leaveShortNotice,
      row.lost.sickness,
      ...perSessionOf(row),
      row.opportunityPerWeek.total,
      (() => {
        const flag = flags.get(row.key);
        return flag ? FLAG_TEXT[flag] : '';
      })(),
    ]),
  };
  return (
    <>
      <ul className="mb-3">
        {perSession.map((view) => (
          <li key={view.category}>
            {view.label}, specialty median:{' '}
            <strong data-testid={`specialty-median-${view.category}`}>
              {formatMetricValue('patientsPerSession', view.median)}
            </strong>
            {view.target !== null && (
              <>
                {' '}
                · target <strong>{formatMetricValue('patientsPerSession', view.target)}</strong>
              </>
            )}
          </li>
        ))}
      </ul>
      <ExportButtons name={exportName} table={exportTable} />
      <ScrollRegion label="Consultants: plan against delivery, scrolls sideways">
        <Table caption="Consultants: plan against delivery" isCaptionHidden>
          <TableHead>
            <TableRow>
              {columns.map(([label, metricId], index) => (
                <ColumnHeader key={label} align={index > 0 && index < columns.length - 1 ? 'end' : 'start'}>
                  {metricId ? <Link href={`/definitions#${metricId}`}>{label}</Link> : label}
                </ColumnHeader>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => {
              const flag = flags.get(row.key);
              return (
                <TableRow key={row.key} data-consultant={row.key} data-anonymised={row.isAnonymised}>
                  <RowHeader>
                    {row.id !== null && !row.isAnonymised ? (
                      <>
                        <Link href={consultantHref(row.id, view)}>{row.name}</Link>
                        {planStatus.has(row.id) && (
                          <span
                            className="block text-base font-normal"
                            data-plan-status={planStatus.get(row.id)}
                          >
                            {PLAN_STATUS_TEXT[planStatus.get(row.id) as NotCurrentStatus]}
                          </span>
                        )}
                      </>
                    ) : (
                      row.name
                    )}
                  </RowHeader>
                  <TableCell align="end" data-col="fulfilmentNet">
                    {formatMetricValue('ratio', row.fulfilmentNet)}
                  </TableCell>
                  <TableCell align="end">{formatMetricValue('ratio', row.fulfilmentGross)}</TableCell>
                  <TableCell align="end">{formatMetricValue('sessions', row.delivered)}</TableCell>
                  <TableCell align="end">{formatMetricValue('sessions', row.expectedNet)}</TableCell>
                  <TableCell align="end">{formatMetricValue('sessions', row.additional)}</TableCell>
                  <TableCell align="end">
                    {formatMetricValue('sessions', row.lost.hospitalCancelled)}
                  </TableCell>
                  <TableCell align="end">{formatMetricValue('sessions', row.lost.notScheduled)}</TableCell>
                  <TableCell align="end">
                    {formatMetricValue('sessions', row.lost.leaveAdequateNotice)}
                  </TableCell>
                  <TableCell align="end">
                    {formatMetricValue('sessions', row.lost.leaveShortNotice)}
                  </TableCell>
                  <TableCell align="end">{formatMetricValue('sessions', row.lost.sickness)}</TableCell>
                  {perSessionOf(row).map((value, index) => {
                    const view = perSession[index] as PerSessionView;
                    return (
                      <TableCell
                        key={view.category}
                        align="end"
                        data-col={`casesPerSession-${view.category}`}
                      >
                        {formatMetricValue('patientsPerSession', value)}
                        <span className="sr-only">{comparedWithMedian(value, view.median)}</span>
                      </TableCell>
                    );
                  })}
                  <TableCell align="end" data-col="opportunity">
                    {formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total)}
                  </TableCell>
                  <TableCell>{flag ? FLAG_TEXT[flag] : 'None'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
