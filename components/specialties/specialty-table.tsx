import { formatNumber } from '@/components/format';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import type { SpecialtyRow } from '@/lib/server/dal/organisation';

interface DivisionGroup {
  divisionCode: string;
  divisionName: string;
  specialties: SpecialtyRow[];
}

/** Groups rows already sorted by division into one group per division, keeping their order. */
export function groupByDivision(specialties: SpecialtyRow[]): DivisionGroup[] {
  const groups = new Map<string, DivisionGroup>();
  for (const specialty of specialties) {
    let group = groups.get(specialty.divisionCode);
    if (!group) {
      group = { divisionCode: specialty.divisionCode, divisionName: specialty.divisionName, specialties: [] };
      groups.set(specialty.divisionCode, group);
    }
    group.specialties.push(specialty);
  }
  return [...groups.values()];
}

/** Specialties with one row group per division; the division heads its group. */
export function SpecialtyTable({ specialties }: { specialties: SpecialtyRow[] }) {
  return (
    <Table caption="Specialties by division" isCaptionHidden>
      <TableHead>
        <TableRow>
          <ColumnHeader>Division</ColumnHeader>
          <ColumnHeader>Code</ColumnHeader>
          <ColumnHeader>Specialty</ColumnHeader>
          <ColumnHeader align="end">Consultants</ColumnHeader>
        </TableRow>
      </TableHead>
      {groupByDivision(specialties).map((group) => (
        <TableBody key={group.divisionCode} className="border-b-2 border-nhs-dark-grey">
          {group.specialties.map((specialty, index) => (
            <TableRow key={specialty.code}>
              {index === 0 && (
                <RowHeader scope="rowgroup" rowSpan={group.specialties.length}>
                  {group.divisionName}
                </RowHeader>
              )}
              <TableCell>{specialty.code}</TableCell>
              <TableCell>{specialty.name}</TableCell>
              <TableCell align="end">{formatNumber(specialty.consultantCount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      ))}
    </Table>
  );
}
