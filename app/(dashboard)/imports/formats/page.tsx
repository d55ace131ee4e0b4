import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportFormatSection } from '@/components/imports/import-format-section';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { IMPORT_FORMATS, IMPORT_KIND_SLUGS } from '@/lib/shared/import-formats';

export const metadata: Metadata = { title: 'Import formats' };

const GENERAL_RULES = [
  'A CSV file with a header row (comma-separated, UTF-8; a byte-order mark is fine), or the first sheet of an XLSX workbook.',
  'Column names are matched ignoring case, spaces and punctuation, so “Session Date” is session_date. The names under “Also recognised as” work too, and any other name can be mapped once and saved as a column mapping.',
  'Dates are YYYY-MM-DD or dd/mm/yyyy, never in US order. Times are 24-hour HH:MM. Y/N columns take Y or N.',
  'All or nothing: if any row is invalid, nothing in the file is imported, and every problem is listed with its row and column.',
  'Importing the same file again changes nothing and says so. Use “Check only (dry run)” to check a file without importing it.',
  'Cells must hold values, not spreadsheet formulas; text must not start with = + - or @.',
  'Files up to 200 MB.',
];

export default function ImportFormatsPage() {
  return (
    <>
      <PageHeader caption={<Link href="/imports">Imports</Link>} title="Import formats">
        <p>The columns and rules of each kind of extract Fulfil imports, with a template to start from.</p>
      </PageHeader>
      <Panel aria-labelledby="general-rules-heading">
        <SectionHeading id="general-rules-heading">Every file</SectionHeading>
        <ul className="mb-6 max-w-4xl list-disc space-y-2 pl-6">
          {GENERAL_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <h3 className="mb-3 text-[1.375rem] font-bold">Kinds of extract</h3>
        <ul className="list-disc space-y-1 pl-6">
          {IMPORT_KIND_SLUGS.map((slug) => (
            <li key={slug}>
              <a href={`#${slug}`}>{IMPORT_FORMATS[slug].label}</a>
            </li>
          ))}
        </ul>
      </Panel>
      {IMPORT_KIND_SLUGS.map((slug) => (
        <ImportFormatSection key={slug} format={IMPORT_FORMATS[slug]} />
      ))}
    </>
  );
}
