import Link from 'next/link';
import { formatMetricValue } from '@/components/charts/format-value';
import { ExportButtons } from '@/components/export/export-buttons';
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
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';

const COLUMNS: readonly (readonly [string, string | null])[] = [
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
  ['Patients or cases per session', 'casesPerSession'],
  ['Opportunity (patients a week)', 'opportunityTotal'],
  ['Workload flag', 'overDelivery'],
];

const FLAG_TEXT: Record<'over' | 'under', string> = {
  over: 'Sustained over-delivery',
  under: 'Sustained under-delivery',
};

/** The specialty's consultants: plan against delivery, lost sessions by reason, productivity and flags. Named
 * consultants link to their page; anonymised ones do not. */
export function ConsultantTable({
  rows,
  flags,
  median,
  target,
  exportName,
}: {
  rows: UnitReportRow[];
  flags: ReadonlyMap<string, WorkloadFlag>;
  median: number | null;
  target: number | null;
  exportName: string;
}) {
  const exportTable = {
    columns: COLUMNS.map(([label]) => label),
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
      row.casesPerSession,
      row.opportunityPerWeek.total,
      (() => {
        const flag = flags.get(row.key);
        return flag ? FLAG_TEXT[flag] : '';
      })(),
    ]),
  };
  const compare = (value: number | null) => {
    if (value === null || median === null) return '';
    return value >= median ? ' (at or above median)' : ' (below median)';
  };
  return (
    <>
      <p className="mb-3">
        Specialty median patients or cases per session:{' '}
        <strong data-testid="specialty-median">{formatMetricValue('patientsPerSession', median)}</strong>
        {target !== null && (
          <>
            {' '}
            · target <strong>{formatMetricValue('patientsPerSession', target)}</strong>
          </>
        )}
      </p>
      <ExportButtons name={exportName} table={exportTable} />
      <div className="overflow-x-auto">
        <Table caption="Consultants: plan against delivery" isCaptionHidden>
          <TableHead>
            <TableRow>
              {COLUMNS.map(([label, metricId], index) => (
                <ColumnHeader key={label} align={index > 0 && index < COLUMNS.length - 1 ? 'end' : 'start'}>
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
                      <Link href={`/consultants/${row.id}`}>{row.name}</Link>
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
                  <TableCell align="end" data-col="casesPerSession">
                    {formatMetricValue('patientsPerSession', row.casesPerSession)}
                    <span className="sr-only">{compare(row.casesPerSession)}</span>
                  </TableCell>
                  <TableCell align="end" data-col="opportunity">
                    {formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total)}
                  </TableCell>
                  <TableCell>{flag ? FLAG_TEXT[flag] : 'None'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
