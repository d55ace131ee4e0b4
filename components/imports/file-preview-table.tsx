import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import type { HeaderTarget } from './header-mapping';
import { IGNORE_COLUMN } from './header-mapping';

/** The first rows of the file as read, each column headed by its name in the file and what it maps to. */
export function FilePreviewTable({
  targets,
  rows,
}: {
  targets: readonly HeaderTarget[];
  rows: readonly string[][];
}) {
  return (
    <ScrollRegion label="First rows of your file">
      <Table caption={`The first ${rows.length === 1 ? 'row' : `${rows.length} rows`} of your file`}>
        <TableHead>
          <TableRow>
            <ColumnHeader align="end">Row</ColumnHeader>
            {targets.map((target) => (
              <ColumnHeader key={target.index}>
                {target.header || `(column ${target.index + 1})`}
                <span className="block font-normal text-nhs-dark-grey">
                  {target.target === null
                    ? 'not recognised'
                    : target.target === IGNORE_COLUMN
                      ? 'ignored'
                      : `→ ${target.target}`}
                </span>
              </ColumnHeader>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((cells, rowIndex) => (
            // Rows have no identity but their position, which never changes for a given file.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <TableRow key={rowIndex}>
              {/* The header is row 1, as in a spreadsheet and in the error table. */}
              <TableCell align="end">{rowIndex + 2}</TableCell>
              {targets.map((target) => (
                <TableCell key={target.index} className="max-w-[16rem] break-words whitespace-pre-line">
                  {cells[target.index] ?? ''}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
