import type { FieldType, ImportFormat } from '@/lib/shared/import-formats';
import type { RowValues } from './row-validator';

/** The session-local table each import is staged in before its set-based merge. */
export const STAGE_TABLE = 'import_stage';

function sqlType(type: FieldType): string {
  switch (type.kind) {
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'count':
      return 'integer';
    case 'decimal':
      return 'numeric';
    case 'yesno':
      return 'boolean';
    default:
      return 'text';
  }
}

/** Staging columns: `row_number` (as a spreadsheet numbers it) then the format's columns, typed. */
export function stageColumns(format: ImportFormat): string[] {
  return ['row_number', ...format.columns.map((column) => column.name)];
}

export function createStageTableSql(format: ImportFormat): string {
  const columns = format.columns.map((column) => `${column.name} ${sqlType(column.type)}`);
  return `CREATE TEMP TABLE ${STAGE_TABLE} (row_number integer NOT NULL, ${columns.join(', ')}) ON COMMIT DROP`;
}

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * Writes rows as CSV lines for COPY: '' becomes NULL (an unquoted empty field); only free-text columns can hold
 * , " or newlines (every other type is parsed into a form without them), so only they are checked for quoting.
 */
export function createCopyLineWriter(format: ImportFormat): (rowNumber: number, values: RowValues) => string {
  const textColumns = format.columns.flatMap((column, index) => (column.type.kind === 'text' ? [index] : []));
  return (rowNumber, values) => {
    for (const index of textColumns) {
      const value = values[index];
      if (value && NEEDS_QUOTES.test(value)) values[index] = `"${value.replaceAll('"', '""')}"`;
    }
    return `${rowNumber},${values.join(',')}\n`;
  };
}
