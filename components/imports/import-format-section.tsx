import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
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
import { describeFieldType } from './import-labels';

/** The template download of a kind (served by GET /api/import-formats/[kind]/template). */
export function templateHref(format: ImportFormat): string {
  return `/api/import-formats/${format.slug}/template`;
}

/** One import kind's published format: its columns, its rules and its template. */
export function ImportFormatSection({ format }: { format: ImportFormat }) {
  const headingId = `${format.slug}-heading`;
  return (
    <Panel id={format.slug} aria-labelledby={headingId}>
      <SectionHeading id={headingId}>{format.label}</SectionHeading>
      <p className="mb-4 max-w-4xl">{format.description}</p>
      <p className="mb-2 max-w-4xl">
        Kind: <code className="bg-nhs-pale-grey px-1 font-mono">{format.slug}</code>. Rows are matched on{' '}
        {format.naturalKey.map((column, index) => (
          <span key={column}>
            {index > 0 && ' + '}
            <code className="bg-nhs-pale-grey px-1 font-mono">{column}</code>
          </span>
        ))}
        : importing a row again updates it.
      </p>
      <p className="mb-6">
        <a href={templateHref(format)} download className="font-bold">
          Download the {format.label.toLowerCase()} template (CSV)
        </a>
      </p>

      <ScrollRegion label={`${format.label} columns`}>
        <Table caption={`${format.label}: columns`}>
          <TableHead>
            <TableRow>
              <ColumnHeader>Column</ColumnHeader>
              <ColumnHeader>Required</ColumnHeader>
              <ColumnHeader>Type</ColumnHeader>
              <ColumnHeader>Description</ColumnHeader>
              <ColumnHeader>Example</ColumnHeader>
              <ColumnHeader>Also recognised as</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {format.columns.map((column) => (
              <TableRow key={column.name}>
                <RowHeader>
                  <code className="font-mono">{column.name}</code>
                </RowHeader>
                <TableCell>{column.isRequired ? 'Yes' : 'No'}</TableCell>
                <TableCell className="min-w-[12rem]">{describeFieldType(column.type)}</TableCell>
                <TableCell className="min-w-[16rem]">{column.description}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {column.example === '' ? (
                    <span className="text-nhs-dark-grey">(empty)</span>
                  ) : (
                    <code className="font-mono">{column.example}</code>
                  )}
                </TableCell>
                <TableCell className="min-w-[12rem]">
                  {column.aliases.length === 0 ? (
                    <span className="text-nhs-dark-grey">None</span>
                  ) : (
                    column.aliases.join(', ')
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>

      <h3 className="mt-8 mb-3 text-[1.375rem] font-bold">Rules</h3>
      <ul className="max-w-4xl list-disc space-y-2 pl-6">
        {format.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </Panel>
  );
}
