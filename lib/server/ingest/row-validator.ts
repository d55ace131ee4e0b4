import type { ColumnFormat, FieldType, ImportFormat } from '@/lib/shared/import-formats';
import {
  FieldError,
  type FieldParser,
  memoise,
  parseCode,
  parseCount,
  parseDate,
  parseDecimal,
  parseGmcNumber,
  parseOneOf,
  parseText,
  parseTime,
  parseYesNo,
  truncate,
} from './field-parsers';

/** A problem in one cell (or one row, without a column) of the file. */
export interface RowProblem {
  column?: string;
  value?: string;
  message: string;
}

/** A row's values in the format's column order, normalised; '' for empty. */
export type RowValues = string[];

/** Cross-field rules of a kind (e.g. a cancelled session needs a reason); `value` gives a parsed column ('' if empty). */
export type RowCheck = (value: (column: string) => string) => RowProblem[];

/** Position of each canonical column in `RowValues`. */
export type ColumnPositions = Record<string, number>;

export function columnPositions(format: ImportFormat): ColumnPositions {
  return Object.fromEntries(format.columns.map((column, index) => [column.name, index]));
}

function parserFor(type: FieldType): FieldParser {
  switch (type.kind) {
    case 'date':
      return parseDate;
    case 'time':
      return parseTime;
    case 'count':
      return parseCount(type.max);
    case 'decimal':
      return parseDecimal(type.max);
    case 'gmc':
      return parseGmcNumber;
    case 'yesno':
      return parseYesNo;
    case 'oneOf':
      return parseOneOf(type.values);
    case 'text':
      return parseText(type.maxLength);
    case 'code':
      return parseCode(type.maxLength);
  }
}

/**
 * Builds the validator of one kind for one file: it reads each canonical column from the file's cell positions
 * (from header matching), parses it, applies the kind's row checks, and returns the values or the problems.
 */
export function createRowValidator(
  format: ImportFormat,
  sourceIndexes: Record<string, number>,
  rowCheck?: RowCheck,
): (cells: readonly string[]) => { values: RowValues } | { problems: RowProblem[] } {
  const plan = format.columns.map((column: ColumnFormat) => ({
    column,
    // Free text rarely repeats; everything else (dates, codes, counts, choices) does, so remember its answers.
    parse: column.type.kind === 'text' ? parserFor(column.type) : memoise(parserFor(column.type)),
    sourceIndex: sourceIndexes[column.name],
  }));
  const positions = columnPositions(format);
  return (cells) => {
    const values: RowValues = new Array(plan.length);
    const problems: RowProblem[] = [];
    // A plain loop: this runs for every cell of every row.
    let i = 0;
    for (const step of plan) {
      const raw = step.sourceIndex === undefined ? '' : (cells[step.sourceIndex] ?? '').trim();
      values[i] = '';
      if (raw === '') {
        if (step.column.isRequired) {
          problems.push({ column: step.column.name, value: '', message: `${step.column.name} is required` });
        }
      } else {
        const parsed = step.parse(raw);
        if (parsed instanceof FieldError) {
          problems.push({ column: step.column.name, value: truncate(raw, 200), message: parsed.message });
        } else {
          values[i] = parsed;
        }
      }
      i++;
    }
    if (problems.length > 0) return { problems };
    const rowProblems = rowCheck?.((column) => values[positions[column] ?? -1] ?? '');
    return rowProblems && rowProblems.length > 0 ? { problems: rowProblems } : { values };
  };
}
