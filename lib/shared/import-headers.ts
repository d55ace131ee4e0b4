import type { ImportFormat } from './import-formats';

/** A source profile's saved mapping: source header → canonical column, or IGNORE_COLUMN to skip it. */
export type ColumnMapping = Record<string, string>;
export const IGNORE_COLUMN = '(ignore)';

export interface HeaderProblem {
  /** Spreadsheet letter of the column (A, B, …), when the problem is one column. */
  column?: string;
  value?: string;
  message: string;
}

export type HeaderMatch =
  | { ok: true; indexes: Record<string, number>; ignored: string[] }
  | { ok: false; problems: HeaderProblem[] };

/** Header text compared ignoring case, spaces and punctuation: "Consultant GMC" ~ "consultant_gmc". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A, B, … Z, AA, AB, … for a 0-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Matches a file's headers to the format's columns: first the saved mapping, then the canonical names, then the
 * aliases. Every header must be understood (or mapped to IGNORE_COLUMN), no column may appear twice, and every
 * required column must be present.
 */
export function matchHeaders(
  format: ImportFormat,
  headers: readonly string[],
  mapping: ColumnMapping = {},
): HeaderMatch {
  const lookup = new Map<string, string>();
  for (const column of format.columns) {
    for (const alias of column.aliases) lookup.set(normaliseHeader(alias), column.name);
  }
  for (const column of format.columns) lookup.set(normaliseHeader(column.name), column.name);
  const savedMapping = new Map(
    Object.entries(mapping).map(([source, target]) => [normaliseHeader(source), target]),
  );
  const known = new Set(format.columns.map((column) => column.name));

  const problems: HeaderProblem[] = [];
  const indexes: Record<string, number> = {};
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const letter = columnLetter(index);
    const trimmed = header.trim();
    if (trimmed === '') {
      problems.push({ column: letter, message: `column ${letter} has no header` });
      return;
    }
    const target = savedMapping.get(normaliseHeader(trimmed)) ?? lookup.get(normaliseHeader(trimmed));
    if (target === IGNORE_COLUMN) {
      ignored.push(trimmed);
      return;
    }
    if (target === undefined || !known.has(target)) {
      problems.push({
        column: letter,
        value: trimmed,
        message: `column ${letter} "${trimmed}" is not a ${format.label.toLowerCase()} column; rename it to one of the format's columns, or map it (or ignore it) in a source profile`,
      });
      return;
    }
    const earlier = indexes[target];
    if (earlier !== undefined) {
      problems.push({
        column: letter,
        value: trimmed,
        message: `columns ${columnLetter(earlier)} "${headers[earlier]?.trim()}" and ${letter} "${trimmed}" both give ${target}; keep one`,
      });
      return;
    }
    indexes[target] = index;
  });
  if (Object.keys(indexes).length === 0 && ignored.length === 0) {
    const examples = format.columns.slice(0, 3).map((column) => column.name);
    return {
      ok: false,
      problems: [
        {
          message: `row 1 must be the header row naming the columns (such as ${examples.join(', ')}, …); none of its cells is a column name`,
        },
      ],
    };
  }
  for (const column of format.columns) {
    if (column.isRequired && indexes[column.name] === undefined) {
      const also = column.aliases.length > 0 ? ` (also recognised: ${column.aliases.join(', ')})` : '';
      problems.push({ value: column.name, message: `the required column ${column.name} is missing${also}` });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, indexes, ignored };
}
