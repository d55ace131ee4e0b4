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

/**
 * Planned sessions that were not delivered — cancelled by the hospital and not scheduled (lost), with the leave
 * outcomes beside them so that leave without backfill shows — with the reason and notice.
 */
export function LostSessionsTable({
  sessions,
  periodLabel,
  exportName,
  hasNoteLinks = false,
}: {
  sessions: LedgerEntry[];
  periodLabel: string;
  exportName: string;
  /** Each row links to the notes and challenges section with its session chosen (components/reviews). */
  hasNoteLinks?: boolean;
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
              {hasNoteLinks && <ColumnHeader>Note or challenge</ColumnHeader>}
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
                {hasNoteLinks && (
                  <TableCell>
                    <a href="#notes" data-note-session={`${entry.date}|${entry.period}`}>
                      Note or challenge
                      <span className="sr-only">
                        {' '}
                        the session of {formatDate(entry.date)}, {PERIOD_LABELS[entry.period]}
                      </span>
                    </a>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </>
  );
}
