'use client';

import { useState } from 'react';
import type { ExportTable } from '@/components/export/csv';
import { ExportButtons } from '@/components/export/export-buttons';
import { formatDate, formatNumber } from '@/components/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { LedgerEntry } from '@/lib/server/metrics/ledger-entries';
import { activityTypeLabel, CATEGORY_LABELS, outcomeLabel, PERIOD_LABELS } from './outcomes';

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

/**
 * Every session of the calendar in words: the calendar's table alternative, in a disclosure (a year is hundreds of
 * rows). The rows are drawn when it is opened, so the page does not carry them twice (as HTML and as data).
 */
export function SessionsTable({ sessions, exportName }: { sessions: LedgerEntry[]; exportName: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details className="mt-6" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-[1.1875rem] font-bold text-nhs-blue underline">
        Show the calendar as a table ({formatNumber(sessions.length)} sessions)
      </summary>
      <div className="mt-3">
        <ExportButtons name={exportName} table={sessionsExport(sessions)} />
      </div>
      {isOpen && (
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
      )}
    </details>
  );
}
