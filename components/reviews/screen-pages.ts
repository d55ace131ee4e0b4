/**
 * Rows split into projector screens by the lines they take, not a fixed count: a table whose cells wrap (long
 * names, long specialties) gets fewer rows a screen, one whose rows fit on a line more, and no screen runs off the
 * bottom. Lines are estimated from the cells' lengths and the characters a column holds at the slide's type size.
 */
export function pagesByLines<Row>(
  rows: readonly Row[],
  linesOf: (row: Row) => number,
  linesPerScreen: number,
): Row[][] {
  const pages: Row[][] = [];
  let page: Row[] = [];
  let used = 0;
  for (const row of rows) {
    const lines = Math.max(1, linesOf(row));
    // Every screen holds at least one row, however long.
    if (page.length > 0 && used + lines > linesPerScreen) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += lines;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Lines a cell's text wraps onto in a column that holds about `charsPerLine` characters. */
export function wrappedLines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(text.length / charsPerLine));
}
