import { describe, expect, it } from 'vitest';
import { pagesBySize, wrappedLines } from './screen-pages';

describe('pagesBySize', () => {
  const lines = (row: { lines: number }) => row.lines;

  it('fills each screen up to its room, rows that wrap counting for more', () => {
    const rows = [1, 1, 2, 1, 2, 2, 1].map((count, index) => ({ id: index + 1, lines: count }));
    const pages = pagesBySize(rows, lines, 4);
    expect(pages.map((page) => page.map((row) => row.id))).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('puts a row longer than a screen on a screen of its own, and gives no rows one empty screen', () => {
    const pages = pagesBySize([{ lines: 1 }, { lines: 9 }, { lines: 1 }], lines, 4);
    expect(pages.map((page) => page.length)).toEqual([1, 1, 1]);
    expect(pagesBySize([], lines, 4)).toEqual([[]]);
  });

  it('holds as many rows as fit', () => {
    const rows = Array.from({ length: 25 }, () => ({ lines: 1 }));
    expect(pagesBySize(rows, lines, 12).map((page) => page.length)).toEqual([12, 12, 1]);
  });
});

describe('wrappedLines', () => {
  it('counts the lines a text takes in a column of so many characters, at least one', () => {
    expect(wrappedLines('Ms Nicola Wells', 18)).toBe(1);
    expect(wrappedLines('Mr Christopher O’Connor', 18)).toBe(2);
    expect(wrappedLines('', 18)).toBe(1);
  });
});
