import type { ColumnFormat, ImportFormat } from '@/lib/shared/import-formats';
import { type ColumnMapping, IGNORE_COLUMN, normaliseHeader } from '@/lib/shared/import-headers';

/** How a file's column was matched to a format's column. */
export type HeaderMatchKind = 'chosen' | 'name' | 'alias' | 'unknown' | 'blank';

export interface HeaderTarget {
  index: number;
  header: string;
  /** The format's column it gives, IGNORE_COLUMN, or null when not recognised. */
  target: string | null;
  how: HeaderMatchKind;
}

/**
 * For each header of a file, the column it will be imported as, and why: the explicit mapping first, then the
 * format's own column names, then their aliases — the same order as `matchHeaders`, which has the final word.
 */
export function resolveHeaderTargets(
  format: ImportFormat,
  headers: readonly string[],
  mapping: ColumnMapping = {},
): HeaderTarget[] {
  const names = new Map(format.columns.map((column) => [normaliseHeader(column.name), column.name]));
  const aliases = new Map<string, string>();
  for (const column of format.columns) {
    for (const alias of column.aliases) aliases.set(normaliseHeader(alias), column.name);
  }
  const chosen = new Map(
    Object.entries(mapping).map(([source, target]) => [normaliseHeader(source), target]),
  );
  return headers.map((raw, index) => {
    const header = raw.trim();
    const key = normaliseHeader(header);
    if (header === '') return { index, header, target: null, how: 'blank' };
    const choice = chosen.get(key);
    if (choice !== undefined) return { index, header, target: choice, how: 'chosen' };
    const byName = names.get(key);
    if (byName) return { index, header, target: byName, how: 'name' };
    const byAlias = aliases.get(key);
    if (byAlias) return { index, header, target: byAlias, how: 'alias' };
    return { index, header, target: null, how: 'unknown' };
  });
}

/** Required columns of the format that no header gives. */
export function findMissingColumns(format: ImportFormat, targets: readonly HeaderTarget[]): ColumnFormat[] {
  const given = new Set(targets.map((target) => target.target));
  return format.columns.filter((column) => column.isRequired && !given.has(column.name));
}

/** Every recognised or chosen header → its column: the mapping to save as a profile. */
export function toColumnMapping(targets: readonly HeaderTarget[]): ColumnMapping {
  return Object.fromEntries(
    targets
      .filter((target) => target.header !== '' && target.target !== null)
      .map((target) => [target.header, target.target as string]),
  );
}

export { IGNORE_COLUMN };
