import type { ExportTable } from '@/components/export/csv';
import { ExportButtons } from '@/components/export/export-buttons';
import { formatDate, formatNumber } from '@/components/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { LedgerEntry } from '@/lib/server/metrics/ledger-entries';
import { activityTypeLabel, CATEGORY_LABELS, LOST_OUTCOMES, outcomeLabel, PERIOD_LABELS } from './outcomes';

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

function weekdayOf(iso: string): string {
  return WEEKDAY.format(new Date(`${iso}T00:00:00Z`));
}

/** Every session of the calendar as a download: one row per ledger session, dates as ISO (sortable). */
function sessionsExport(sessions: LedgerEntry[]): ExportTable {
  return {
    columns: ['Date', 'Period', 'Category', 'Activity', 'Outcome', 'Clinic or theatre', 'Patients or cases'],
    rows: sessions.map((entry) => [
      entry.date,
      PERIOD_LABELS[entry.period],
      CATEGORY_LABELS[entry.category],
      activityTypeLabel(entry.activityType),
      outcomeLabel(entry.outcome),
      entry.location ?? '',
      entry.patients,
    ]),
  };
}

/** Every session of the calendar in words: the calendar's table alternative (in a disclosure, it is long). */
export function SessionsTable({ sessions, exportName }: { sessions: LedgerEntry[]; exportName: string }) {
  return (
    <details className="mt-6">
      <summary className="cursor-pointer text-[1.1875rem] font-bold text-nhs-blue underline">
        Show the calendar as a table ({formatNumber(sessions.length)} sessions)
      </summary>
      <div className="mt-3">
        <ExportButtons name={exportName} table={sessionsExport(sessions)} />
      </div>
      <ScrollRegion label="Sessions in the calendar">
        <Table caption="Every session in the calendar" isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Date</ColumnHeader>
              <ColumnHeader>Period</ColumnHeader>
              <ColumnHeader>Category</ColumnHeader>
              <ColumnHeader>Activity</ColumnHeader>
              <ColumnHeader>Outcome</ColumnHeader>
              <ColumnHeader>Clinic or theatre</ColumnHeader>
              <ColumnHeader align="end">Patients or cases</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {sessions.map((entry, index) => (
              // Ledger rows have no id of their own here; their order is fixed by the query.
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list in the query's order.
              <TableRow key={index} data-outcome={entry.outcome}>
                <TableCell>
                  {weekdayOf(entry.date)} {formatDate(entry.date)}
                </TableCell>
                <TableCell>{PERIOD_LABELS[entry.period]}</TableCell>
                <TableCell>{CATEGORY_LABELS[entry.category]}</TableCell>
                <TableCell>{activityTypeLabel(entry.activityType)}</TableCell>
                <TableCell>{outcomeLabel(entry.outcome)}</TableCell>
                <TableCell>{entry.location ?? ''}</TableCell>
                <TableCell align="end">{formatNumber(entry.patients)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </details>
  );
}

/**
 * Planned sessions that were not delivered — cancelled by the hospital and not scheduled (lost), with the leave
 * outcomes beside them so that leave without backfill shows — with the reason and notice.
 */
export function LostSessionsTable({
  sessions,
  periodLabel,
  exportName,
}: {
  sessions: LedgerEntry[];
  periodLabel: string;
  exportName: string;
}) {
  const lost = sessions.filter((entry) => (LOST_OUTCOMES as readonly string[]).includes(entry.outcome));
  if (lost.length === 0) {
    return <p>No planned session was lost or covered by leave in {periodLabel}.</p>;
  }
  const reasonOf = (entry: LedgerEntry) =>
    entry.cancelReason ?? (entry.outcome === 'not_scheduled' ? 'No record in the extracts' : '');
  const exportTable: ExportTable = {
    columns: ['Date', 'Period', 'Category', 'Activity', 'Outcome', 'Reason', 'Notice (days)'],
    rows: lost.map((entry) => [
      entry.date,
      PERIOD_LABELS[entry.period],
      CATEGORY_LABELS[entry.category],
      activityTypeLabel(entry.activityType),
      outcomeLabel(entry.outcome),
      reasonOf(entry),
      entry.noticeDays,
    ]),
  };
  return (
    <>
      <ExportButtons name={exportName} table={exportTable} />
      <ScrollRegion label="Lost sessions">
        <Table caption={`Sessions not delivered, ${periodLabel}`} isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Date</ColumnHeader>
              <ColumnHeader>Period</ColumnHeader>
              <ColumnHeader>Category</ColumnHeader>
              <ColumnHeader>Outcome</ColumnHeader>
              <ColumnHeader>Reason</ColumnHeader>
              <ColumnHeader align="end">Notice (days)</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {lost.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list in the query's order.
              <TableRow key={index} data-outcome={entry.outcome}>
                <TableCell>
                  {weekdayOf(entry.date)} {formatDate(entry.date)}
                </TableCell>
                <TableCell>{PERIOD_LABELS[entry.period]}</TableCell>
                <TableCell>
                  {CATEGORY_LABELS[entry.category]}
                  {entry.activityType ? ` (${activityTypeLabel(entry.activityType)})` : ''}
                </TableCell>
                <TableCell>{outcomeLabel(entry.outcome)}</TableCell>
                <TableCell>{reasonOf(entry)}</TableCell>
                <TableCell align="end">
                  {entry.noticeDays === null ? '' : formatNumber(entry.noticeDays)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
