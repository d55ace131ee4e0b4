import { formatDate, formatDateTime, formatDaysAgo, formatNumber } from '@/components/format';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import type { SourceCoverage } from '@/lib/server/dal/organisation';

function PeriodCovered({ coverage }: { coverage: SourceCoverage }) {
  if (coverage.from && coverage.to) {
    return (
      <>
        <time dateTime={coverage.from}>{formatDate(coverage.from)}</time> to{' '}
        <time dateTime={coverage.to}>{formatDate(coverage.to)}</time>
      </>
    );
  }
  // Consultants are a register, not dated activity.
  return coverage.rows === 0 ? 'No rows yet' : 'Not dated';
}

function LastImported({ at, now }: { at: string | null; now: Date }) {
  if (at === null) return 'Never';
  return (
    <>
      <time dateTime={at}>{formatDateTime(at)}</time>
      <span className="block text-nhs-dark-grey">{formatDaysAgo(at, now)}</span>
    </>
  );
}

/** Rows, date range and latest import per source; `now` dates the imports' age ("3 days ago"). */
export function DataCoverageTable({ coverage, now }: { coverage: SourceCoverage[]; now: Date }) {
  return (
    <Table caption="Rows, period covered and latest import of each data source" isCaptionHidden>
      <TableHead>
        <TableRow>
          <ColumnHeader>Source</ColumnHeader>
          <ColumnHeader align="end">Rows</ColumnHeader>
          <ColumnHeader>Period covered</ColumnHeader>
          <ColumnHeader>Last imported</ColumnHeader>
        </TableRow>
      </TableHead>
      <TableBody>
        {coverage.map((source) => (
          <TableRow key={source.source}>
            <RowHeader>{source.label}</RowHeader>
            <TableCell align="end">{formatNumber(source.rows)}</TableCell>
            <TableCell>
              <PeriodCovered coverage={source} />
            </TableCell>
            <TableCell>
              <LastImported at={source.lastImportedAt} now={now} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
