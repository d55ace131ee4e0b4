/**
 * Rows split into projector screens by the room they take, not a fixed count: a table whose cells wrap (long
 * names, long specialties) gets fewer rows a screen, one whose rows fit on a line more, and no screen runs off the
 * bottom. Sizes are estimated by the caller (e.g. from the lines its cells wrap onto: wrappedLines).
 */
export function pagesBySize<Row>(
  rows: readonly Row[],
  sizeOf: (row: Row) => number,
  sizePerScreen: number,
): Row[][] {
  const pages: Row[][] = [];
  let page: Row[] = [];
  let used = 0;
  for (const row of rows) {
    const size = sizeOf(row);
    // Every screen holds at least one row, however long.
    if (page.length > 0 && used + size > sizePerScreen) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += size;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Lines a cell's text wraps onto in a column that holds about `charsPerLine` characters. */
export function wrappedLines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine));
}
