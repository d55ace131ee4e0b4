import { Select } from '@/components/ui/form';
import { ScrollRegion } from '@/components/ui/scroll-region';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import type { ImportFormat } from '@/lib/shared/import-formats';
import { type HeaderMatchKind, type HeaderTarget, IGNORE_COLUMN } from './header-mapping';

const HOW_TEXT: Record<HeaderMatchKind, string> = {
  chosen: 'Your choice',
  name: 'Same name',
  alias: 'Recognised name',
  unknown: 'Not recognised: choose a column, or ignore it',
  blank: 'No header: choose a column, or ignore it',
};

interface ColumnMappingTableProps {
  format: ImportFormat;
  targets: readonly HeaderTarget[];
  /** First data row, for a sample of each column. */
  sample?: readonly string[];
  onChange: (header: string, target: string) => void;
  isDisabled?: boolean;
}

/** Each column of the file, the column it will be imported as (changeable), and how that was decided. */
export function ColumnMappingTable({
  format,
  targets,
  sample,
  onChange,
  isDisabled,
}: ColumnMappingTableProps) {
  return (
    <ScrollRegion label="Columns of your file">
      <Table caption="How the columns of your file will be read">
        <TableHead>
          <TableRow>
            <ColumnHeader>Column in your file</ColumnHeader>
            <ColumnHeader>First value</ColumnHeader>
            <ColumnHeader>Imported as</ColumnHeader>
            <ColumnHeader>Matched by</ColumnHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {targets.map((target) => {
            const isProblem = target.target === null;
            const headerText =
              target.header === '' ? `(column ${target.index + 1}, no header)` : target.header;
            return (
              <TableRow key={target.index}>
                <RowHeader>{headerText}</RowHeader>
                <TableCell className="max-w-[16rem] break-words">{sample?.[target.index] ?? ''}</TableCell>
                <TableCell>
                  <Select
                    aria-label={`Imported as, for the column “${headerText}”`}
                    value={target.target ?? ''}
                    disabled={isDisabled || target.header === ''}
                    aria-invalid={isProblem || undefined}
                    onChange={(event) => onChange(target.header, event.target.value)}
                  >
                    {target.target === null && <option value="">Choose a column…</option>}
                    <option value={IGNORE_COLUMN}>Ignore this column</option>
                    {format.columns.map((column) => (
                      <option key={column.name} value={column.name}>
                        {column.name}
                        {column.isRequired ? ' (required)' : ''}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell className={isProblem ? 'font-bold text-nhs-red' : undefined}>
                  {HOW_TEXT[target.how]}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
