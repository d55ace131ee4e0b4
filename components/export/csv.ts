/**
 * CSV for table downloads. Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) are prefixed with a single quote (OWASP CSV injection advice); numbers are written as numbers.
 */
export type ExportCell = string | number | null | undefined;

export interface ExportTable {
  columns: readonly string[];
  rows: readonly (readonly ExportCell[])[];
  /**
   * Each column's Excel number format (lib/shared/excel-formats.ts, e.g. percentages for ratios), or null for
   * text and plain numbers: the XLSX shows the figures as the page does, while the values stay full numbers.
   */
  formats?: readonly (string | null)[];
}

/** Decimal places kept in a CSV: enough for any figure on screen, without floating-point noise. */
const CSV_DECIMALS = 4;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? String(Number.parseFloat(cell.toFixed(CSV_DECIMALS))) : '';
  }
  const text = neutraliseFormula(cell);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The table as CSV text (CRLF line ends, as RFC 4180), with a header row. */
export function toCsv(table: ExportTable): string {
  return [table.columns, ...table.rows]
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Values for an XLSX sheet: numbers stay numbers, text is neutralised the same way. */
export function toSheetRows(table: ExportTable): (string | number | null)[][] {
  return table.rows.map((row) =>
    row.map((cell) =>
      cell === null || cell === undefined
        ? null
        : typeof cell === 'number'
          ? Number.isFinite(cell)
            ? cell
            : null
          : neutraliseFormula(cell),
    ),
  );
}

/** A file name safe on every system: "fulfil-<name>-<from>-to-<to>". */
export function exportFileName(name: string, extension: 'csv' | 'xlsx'): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `fulfil-${slug || 'table'}.${extension}`;
}
