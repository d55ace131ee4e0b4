import { formatDate, formatNumber } from '@/components/format';
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

/** Rows and date range per imported source. */
export function DataCoverageTable({ coverage }: { coverage: SourceCoverage[] }) {
  return (
    <Table caption="Rows and period covered by each data source" isCaptionHidden>
      <TableHead>
        <TableRow>
          <ColumnHeader>Source</ColumnHeader>
          <ColumnHeader align="end">Rows</ColumnHeader>
          <ColumnHeader>Period covered</ColumnHeader>
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
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
