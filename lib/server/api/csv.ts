import { IMPORT_FORMATS, type ImportKindSlug } from '@/lib/shared/import-formats';
import type { ImportIssue } from '@/lib/shared/schemas/imports';

/** Cells a spreadsheet would run as a formula (CSV injection): =, +, -, @, and tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell for a CSV that people open in a spreadsheet: a would-be formula is defused with a leading '. */
export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text (CRLF line ends, as RFC 4180 and spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteField).join(',')}\r\n`).join('');
}

/** The template of a kind: its header row and one example row. */
export function buildTemplateCsv(kind: ImportKindSlug): string {
  const { columns } = IMPORT_FORMATS[kind];
  return toCsv([columns.map((column) => column.name), columns.map((column) => column.example)]);
}

/** A batch's errors and warnings as CSV, every cell defused against formula injection. */
export function buildIssuesCsv(issues: readonly (ImportIssue & { severity: 'error' | 'warning' })[]): string {
  const rows = issues.map((issue) =>
    [
      issue.row === null ? '' : String(issue.row),
      issue.column ?? '',
      issue.value ?? '',
      issue.severity,
      issue.message,
    ].map(defuseFormula),
  );
  return toCsv([['row', 'column', 'value', 'severity', 'message'], ...rows]);
}

/** A CSV file download response. */
export function csvDownload(body: string, fileName: string): Response {
  return new Response(`\uFEFF${body}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}
