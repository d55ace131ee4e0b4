'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { formatCount } from '@/components/format';
import { InputField } from '@/components/ui/field';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { findConsultants, type ListedConsultant } from './consultant-finder';

/**
 * The consultants the reader sees named, with a box to find one by name, GMC number, specialty or division as
 * they type (a large trust has hundreds).
 */
export function ConsultantList({ consultants }: { consultants: readonly ListedConsultant[] }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = findConsultants(consultants, query);
  return (
    <>
      <InputField
        id={`${id}-find`}
        type="search"
        label="Find a consultant"
        hint="Part of a name, a GMC number, a specialty or a division"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        fieldClassName="mb-4 max-w-xl"
        autoComplete="off"
      />
      <p aria-live="polite" className="mb-4" data-testid="consultant-count">
        {query.trim() === ''
          ? formatCount(consultants.length, 'consultant')
          : `${formatCount(shown.length, 'consultant')} of ${consultants.length} match “${query.trim()}”`}
      </p>
      {shown.length > 0 && (
        <Table caption="Consultants" isCaptionHidden>
          <TableHead>
            <TableRow>
              <ColumnHeader>Consultant</ColumnHeader>
              <ColumnHeader>GMC number</ColumnHeader>
              <ColumnHeader>Specialty</ColumnHeader>
              <ColumnHeader>Division</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((consultant) => (
              <TableRow key={consultant.id}>
                <RowHeader>
                  <Link href={`/consultants/${consultant.id}`}>{consultant.name}</Link>
                </RowHeader>
                <TableCell>{consultant.gmcNumber}</TableCell>
                <TableCell>{consultant.specialtyName}</TableCell>
                <TableCell>{consultant.divisionName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
