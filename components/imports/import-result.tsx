import { formatDate, formatNumber } from '@/components/format';
import { StatusDot } from '@/components/ui/status-dot';
import { SummaryList } from '@/components/ui/summary-list';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { ImportResultResponse } from '@/lib/shared/schemas/imports';
import { ImportIssuesTable } from './import-issues-table';
import { formatDuration, IMPORT_STATUS_TEXT } from './import-labels';

const COUNT_COLUMNS = [
  ['read', 'Read'],
  ['inserted', 'Inserted'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['deleted', 'Deleted'],
  ['rejected', 'Rejected'],
] as const;

/** The link to a batch's errors and warnings as CSV. */
export function issuesCsvHref(batchId: number): string {
  return `/api/imports/${batchId}/issues.csv`;
}

function downloadLabel(errorCount: number, warningCount: number): string {
  if (errorCount > 0 && warningCount > 0) return 'Download errors and warnings as CSV';
  return errorCount > 0 ? 'Download errors as CSV' : 'Download warnings as CSV';
}

/** What an import did: status in words, row counts, period, duration, then its errors and warnings. */
export function ImportResult({ result }: { result: ImportResultResponse }) {
  const status = IMPORT_STATUS_TEXT[result.status];
  const hasIssues = result.errorCount + result.warningCount > 0;
  return (
    <section aria-labelledby="import-result-heading" className="mt-8">
      <h3 id="import-result-heading" className="mb-2 flex items-center gap-3 text-[1.75rem] font-bold">
        <StatusDot tone={status.tone} />
        <span>Status: {status.label}</span>
      </h3>
      <p className="mb-6 text-[1.375rem]">{status.meaning}</p>

      <SummaryList
        items={[
          { key: 'file', label: 'File', value: result.fileName },
          { key: 'kind', label: 'Kind', value: IMPORT_FORMATS[result.kind].label },
          {
            key: 'period',
            label: 'Period covered',
            value: result.period ? (
              <>
                <time dateTime={result.period.from}>{formatDate(result.period.from)}</time> to{' '}
                <time dateTime={result.period.to}>{formatDate(result.period.to)}</time>
              </>
            ) : (
              'Not dated'
            ),
          },
          { key: 'duration', label: 'Took', value: formatDuration(result.durationMs) },
          { key: 'batch', label: 'Import number', value: `#${result.batchId}` },
          ...(result.sameFileAsBatchId !== null
            ? [
                {
                  key: 'same',
                  label: 'Same file as',
                  value: `import #${result.sameFileAsBatchId} (the very same file was imported before)`,
                },
              ]
            : []),
        ]}
      />

      <div className="mb-8 max-w-3xl">
        <Table caption="Rows">
          <TableHead>
            <TableRow>
              {COUNT_COLUMNS.map(([key, label]) => (
                <ColumnHeader key={key} align="end">
                  {label}
                </ColumnHeader>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              {COUNT_COLUMNS.map(([key]) => (
                <TableCell key={key} align="end" className="text-[1.375rem] font-bold">
                  {formatNumber(result.rows[key])}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </div>

      {result.errorCount > 0 && (
        <ImportIssuesTable
          caption={`Errors (${formatNumber(result.errorCount)}): correct these and import the file again`}
          issues={result.errors}
          total={result.errorCount}
        />
      )}
      {result.warningCount > 0 && (
        <ImportIssuesTable
          caption={`Warnings (${formatNumber(result.warningCount)}): imported, but worth checking`}
          issues={result.warnings}
          total={result.warningCount}
        />
      )}
      {hasIssues && (
        <p>
          <a href={issuesCsvHref(result.batchId)} download className="font-bold">
            {downloadLabel(result.errorCount, result.warningCount)}
          </a>
        </p>
      )}
    </section>
  );
}
