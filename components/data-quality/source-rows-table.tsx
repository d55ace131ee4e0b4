import Link from 'next/link';
import { formatDate } from '@/components/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';

export interface SourceRow {
  key: string;
  category: 'clinic' | 'list';
  /** One or more source ids (several for a group of duplicates). */
  sourceIds: string[];
  date: string;
  period: string;
  location: string;
  gmcNumber: string;
  consultantId: number | null;
  consultantName: string | null;
  status?: string;
  /** An extra column's value (e.g. which timestamps are missing). */
  note?: string;
}

const SOURCE_LABELS = { clinic: 'Clinic session (PAS)', list: 'Theatre or endoscopy list' } as const;

interface SourceRowsTableProps {
  caption: string;
  rows: SourceRow[];
  noteHeader?: string;
}

/** Rows of the clinic and theatre extracts, named by their source ids, linking to the consultant where known. */
export function SourceRowsTable({ caption, rows, noteHeader }: SourceRowsTableProps) {
  return (
    <ScrollRegion label={caption}>
      <Table caption={caption} isCaptionHidden>
        <TableHead>
          <TableRow>
            <ColumnHeader>Source</ColumnHeader>
            <ColumnHeader>Source id</ColumnHeader>
            <ColumnHeader>Date</ColumnHeader>
            <ColumnHeader>Period</ColumnHeader>
            <ColumnHeader>Clinic or theatre</ColumnHeader>
            <ColumnHeader>GMC number</ColumnHeader>
            <ColumnHeader>Consultant</ColumnHeader>
            {rows.some((row) => row.status) && <ColumnHeader>Status</ColumnHeader>}
            {noteHeader && <ColumnHeader>{noteHeader}</ColumnHeader>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key}>
              <TableCell>{SOURCE_LABELS[row.category]}</TableCell>
              <TableCell>
                <span className="font-mono">{row.sourceIds.join(', ')}</span>
              </TableCell>
              <TableCell>{formatDate(row.date)}</TableCell>
              <TableCell>{row.period}</TableCell>
              <TableCell>{row.location}</TableCell>
              <TableCell>{row.gmcNumber}</TableCell>
              <TableCell>
                {row.consultantId === null ? (
                  'Unknown'
                ) : (
                  <Link href={`/consultants/${row.consultantId}`}>{row.consultantName ?? row.gmcNumber}</Link>
                )}
              </TableCell>
              {rows.some((candidate) => candidate.status) && <TableCell>{row.status ?? ''}</TableCell>}
              {noteHeader && <TableCell>{row.note ?? ''}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
