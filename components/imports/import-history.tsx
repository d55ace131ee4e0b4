'use client';

import { formatDate, formatDateTime, formatNumber } from '@/components/format';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { StatusDot } from '@/components/ui/status-dot';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useImportHistory } from '@/lib/client/hooks/use-import-history';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type {
  ImportBatchSummary,
  ImportHistoryResponse,
  SourceFreshness,
} from '@/lib/shared/schemas/imports';
import { formatDuration, IMPORT_STATUS_TEXT } from './import-labels';
import { issuesCsvHref } from './import-result';

function Period({ period }: { period: { from: string; to: string } | null }) {
  if (!period) return <span className="text-nhs-dark-grey">Not dated</span>;
  return (
    <>
      <time dateTime={period.from}>{formatDate(period.from)}</time> to{' '}
      <time dateTime={period.to}>{formatDate(period.to)}</time>
    </>
  );
}

function FreshnessTable({ freshness }: { freshness: readonly SourceFreshness[] }) {
  return (
    <ScrollRegion label="Data freshness by source">
      <Table caption="When each source was last imported, and the period that file covered" isCaptionHidden>
        <TableHead>
          <TableRow>
            <ColumnHeader>Source</ColumnHeader>
            <ColumnHeader>Last imported</ColumnHeader>
            <ColumnHeader>Period covered</ColumnHeader>
            <ColumnHeader align="end">Rows in that file</ColumnHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {freshness.map(({ kind, lastImport }) => (
            <TableRow key={kind}>
              <RowHeader>{IMPORT_FORMATS[kind].label}</RowHeader>
              {lastImport ? (
                <>
                  <TableCell>
                    <time dateTime={lastImport.finishedAt}>{formatDateTime(lastImport.finishedAt)}</time>
                    <span className="block text-nhs-dark-grey">{lastImport.fileName}</span>
                  </TableCell>
                  <TableCell>
                    <Period period={lastImport.period} />
                  </TableCell>
                  <TableCell align="end">{formatNumber(lastImport.rowsRead)}</TableCell>
                </>
              ) : (
                <TableCell colSpan={3}>Never imported</TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function HistoryTable({ batches }: { batches: readonly ImportBatchSummary[] }) {
  return (
    <ScrollRegion label="Import history table">
      <Table caption="Recent imports, newest first" isCaptionHidden>
        <TableHead>
          <TableRow>
            <ColumnHeader>When</ColumnHeader>
            <ColumnHeader>Kind</ColumnHeader>
            <ColumnHeader>File</ColumnHeader>
            <ColumnHeader>Status</ColumnHeader>
            <ColumnHeader align="end">Read</ColumnHeader>
            <ColumnHeader align="end">Inserted</ColumnHeader>
            <ColumnHeader align="end">Updated</ColumnHeader>
            <ColumnHeader align="end">Unchanged</ColumnHeader>
            <ColumnHeader align="end">Deleted</ColumnHeader>
            <ColumnHeader align="end">Rejected</ColumnHeader>
            <ColumnHeader>Errors and warnings</ColumnHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {batches.map((batch) => {
            const status = IMPORT_STATUS_TEXT[batch.status];
            const issueCount = batch.errorCount + batch.warningCount;
            return (
              <TableRow key={batch.id}>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={batch.startedAt}>{formatDateTime(batch.startedAt)}</time>
                  {batch.durationMs !== null && (
                    <span className="block text-nhs-dark-grey">{formatDuration(batch.durationMs)}</span>
                  )}
                </TableCell>
                <TableCell>{IMPORT_FORMATS[batch.kind].label}</TableCell>
                <TableCell className="max-w-[16rem] break-words">
                  {batch.fileName}
                  <span className="block text-nhs-dark-grey">
                    #{batch.id}
                    {batch.isViaApi ? ' · API' : ''}
                  </span>
                </TableCell>
                <TableCell>
                  <span className="flex items-center gap-2 whitespace-nowrap">
                    <StatusDot tone={status.tone} />
                    {status.label}
                  </span>
                </TableCell>
                <TableCell align="end">{formatNumber(batch.rows.read)}</TableCell>
                <TableCell align="end">{formatNumber(batch.rows.inserted)}</TableCell>
                <TableCell align="end">{formatNumber(batch.rows.updated)}</TableCell>
                <TableCell align="end">{formatNumber(batch.rows.unchanged)}</TableCell>
                <TableCell align="end">{formatNumber(batch.rows.deleted)}</TableCell>
                <TableCell align="end">{formatNumber(batch.rows.rejected)}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {issueCount === 0 ? (
                    'None'
                  ) : (
                    <a href={issuesCsvHref(batch.id)} download>
                      {[
                        batch.errorCount > 0 && `${formatNumber(batch.errorCount)} errors`,
                        batch.warningCount > 0 && `${formatNumber(batch.warningCount)} warnings`,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                      <span className="sr-only"> of import #{batch.id}</span> (CSV)
                    </a>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** Data freshness per source and the import history, kept current as imports finish. */
export function ImportHistory({ initialHistory }: { initialHistory: ImportHistoryResponse }) {
  const history = useImportHistory(initialHistory);
  const refreshError = history.isError && (
    <Notice>
      <p className="mb-3">
        <strong>The import history could not be refreshed:</strong> {history.error.message}
      </p>
      <SecondaryButton onClick={() => history.refetch()}>Try again</SecondaryButton>
    </Notice>
  );
  const { batches, freshness } = history.data ?? initialHistory;
  return (
    <>
      <Panel aria-labelledby="freshness-heading">
        <SectionHeading id="freshness-heading">Data freshness</SectionHeading>
        <p className="mb-6 max-w-3xl">
          The latest import of each source that was taken in (committed, or unchanged because the data was
          already current), and the dates its file covered.
        </p>
        <FreshnessTable freshness={freshness} />
      </Panel>
      <Panel aria-labelledby="history-heading">
        <SectionHeading id="history-heading">Import history</SectionHeading>
        {refreshError}
        {batches.length === 0 ? (
          <EmptyState title="No imports yet">
            <p>Imports appear here, newest first, once a file has been imported or checked.</p>
          </EmptyState>
        ) : (
          <>
            <p className="mb-6 max-w-3xl">
              The latest {formatNumber(batches.length)} imports and checks, newest first. Times are
              Europe/London.
            </p>
            <HistoryTable batches={batches} />
          </>
        )}
      </Panel>
    </>
  );
}
