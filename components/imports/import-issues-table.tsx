import { formatNumber } from '@/components/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { ImportIssue } from '@/lib/shared/schemas/imports';

interface ImportIssuesTableProps {
  caption: string;
  issues: readonly ImportIssue[];
  /** All the issues there are (the list may hold only the first ones). */
  total: number;
}

/** Errors or warnings of an import: spreadsheet row, column, the value found and what is wrong. */
export function ImportIssuesTable({ caption, issues, total }: ImportIssuesTableProps) {
  return (
    <div className="mb-8">
      <ScrollRegion label={caption}>
        <Table caption={caption}>
          <TableHead>
            <TableRow>
              <ColumnHeader align="end">Row</ColumnHeader>
              <ColumnHeader>Column</ColumnHeader>
              <ColumnHeader>Value</ColumnHeader>
              <ColumnHeader>Message</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {issues.map((issue, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list; a row may have several.
              <TableRow key={index}>
                <TableCell align="end">{issue.row ?? '–'}</TableCell>
                <TableCell>
                  {issue.column ? <code className="font-mono">{issue.column}</code> : '–'}
                </TableCell>
                <TableCell className="max-w-[16rem] break-words">
                  {issue.value === null || issue.value === '' ? (
                    <span className="text-nhs-dark-grey">(empty)</span>
                  ) : (
                    issue.value
                  )}
                </TableCell>
                <TableCell className="min-w-[20rem]">{issue.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
      {total > issues.length && (
        <p className="mt-3">
          Showing the first {formatNumber(issues.length)} of {formatNumber(total)}. The download has them all.
        </p>
      )}
    </div>
  );
}
