import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, toCsv, toSheetRows } from './csv';

describe('CSV export', () => {
  it('escapes formula cells, quotes and separators', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"|"$/g, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-3.5)).toBe('-3.5');
    // No floating-point noise: four decimal places, and no trailing zeros.
    expect(csvCell(0.8887897633485468)).toBe('0.8888');
    expect(csvCell(776.2356164383561)).toBe('776.2356');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes a header row and CRLF lines', () => {
    expect(
      toCsv({
        columns: ['Name', 'Value'],
        rows: [
          ['=cmd', 1],
          ['B', null],
        ],
      }),
    ).toBe("Name,Value\r\n'=cmd,1\r\nB,\r\n");
  });

  it('keeps numbers for XLSX and neutralises text', () => {
    expect(toSheetRows({ columns: ['a', 'b'], rows: [['@x', 2]] })).toEqual([["'@x", 2]]);
  });

  it('names files safely', () => {
    expect(exportFileName('Consultants: Ophthalmology 01/04/2024', 'xlsx')).toBe(
      'fulfil-consultants-ophthalmology-01-04-2024.xlsx',
    );
  });
});
