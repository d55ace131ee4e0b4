import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type FileFormat, FileProblem, formatBytes, readRecords } from './read-records';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/imports');
const NO_LIMIT = 10 * 1024 * 1024;

interface ReadOutcome {
  rows: { rowNumber: number; cells: string[] }[];
  problem?: FileProblem;
  stats: { bytes: number; hash: string };
}

/** Reads every record; a FileProblem ends the reading and is returned, anything else fails the test. */
async function readAll(
  input: Buffer | Buffer[] | Readable,
  format: FileFormat = 'csv',
  maxBytes = NO_LIMIT,
): Promise<ReadOutcome> {
  const stream = input instanceof Readable ? input : Readable.from(Array.isArray(input) ? input : [input]);
  const source = readRecords(stream, format, maxBytes);
  const rows: ReadOutcome['rows'] = [];
  try {
    for await (const record of source.records) {
      // XLSX rows can have holes for empty cells; a missing cell reads as ''.
      rows.push({ rowNumber: record.rowNumber, cells: Array.from(record.cells, (cell) => cell ?? '') });
    }
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    return { rows, problem: error, stats: source.stats };
  }
  return { rows, stats: source.stats };
}

const csv = (text: string) => Buffer.from(text, 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('readRecords on CSV', () => {
  it('numbers rows as a spreadsheet does: the header is row 1', async () => {
    const { rows, problem } = await readAll(csv('a,b\n1,2\n3,4\n'));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 3, cells: ['3', '4'] },
    ]);
  });

  it('reads Windows line endings and a last line without a newline', async () => {
    const { rows } = await readAll(csv('a,b\r\n1,2\r\n3,4'));
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('drops a UTF-8 byte-order mark, so the first header is clean', async () => {
    const { rows } = await readAll(csv('\uFEFFgmc_number,name\n4123456,Dr Asha Patel\n'));
    expect(rows[0]?.cells).toEqual(['gmc_number', 'name']);
  });

  it('drops a byte-order mark split across chunks', async () => {
    const { rows } = await readAll([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), csv('a,b\n1,2\n')]);
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = csv('name\nDr Renée O’Brien\n');
    const splitInsideE = bytes.indexOf(0xc3) + 1;
    const { rows, problem } = await readAll([bytes.subarray(0, splitInsideE), bytes.subarray(splitInsideE)]);
    expect(problem).toBeUndefined();
    expect(rows[1]?.cells).toEqual(['Dr Renée O’Brien']);
  });

  it('keeps a newline inside a quoted value, and counts the record as one row', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Consultant sick\nNo locum"\nCS2,Room closed\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      { rowNumber: 2, cells: ['CS1', 'Consultant sick\nNo locum'] },
      { rowNumber: 3, cells: ['CS2', 'Room closed'] },
    ]);
  });

  it('reads quoted commas and doubled quotes', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Room unavailable, ""Eye Unit"" refurbishment"\n'));
    expect(rows[1]?.cells).toEqual(['CS1', 'Room unavailable, "Eye Unit" refurbishment']);
  });

  it('counts a blank line as a row, as a spreadsheet shows it', async () => {
    const { rows } = await readAll(csv('a,b\n1,2\n\n3,4\n'));
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 4]);
  });

  it('returns no records for an empty file', async () => {
    const { rows, problem, stats } = await readAll(Buffer.alloc(0));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([]);
    expect(stats.bytes).toBe(0);
  });

  it('measures the file: its size and SHA-256', async () => {
    const bytes = csv('a,b\n1,2\n');
    const { stats } = await readAll(bytes);
    expect(stats).toEqual({ bytes: bytes.length, hash: sha256(bytes) });
  });

  it('rejects bytes that are not UTF-8 (Latin-1 é) and says how to save the file', async () => {
    const { problem } = await readAll(await readFile(path.join(FIXTURES, 'consultants-latin1.csv')));
    expect(problem?.message).toMatch(/^the file is not UTF-8 text \(invalid bytes within the first .+\); /);
    expect(problem?.message).toContain('save it as "CSV UTF-8"');
  });

  it('rejects a UTF-16 file (Excel’s "Unicode text")', async () => {
    const { problem } = await readAll(await readFile(path.join(FIXTURES, 'consultants-utf16le.csv')));
    expect(problem?.message).toContain('the file is not UTF-8 text');
  });

  it('rejects non-UTF-8 bytes found after many valid rows', async () => {
    const valid = csv(`a,b\n${'1,2\n'.repeat(20_000)}`);
    const { problem } = await readAll([valid, Buffer.from([0x78, 0xe9, 0x2c, 0x32, 0x0a])]);
    expect(problem?.message).toContain('the file is not UTF-8 text');
  });

  it('rejects a file that ends in the middle of a character', async () => {
    const { problem } = await readAll(Buffer.concat([csv('a,b\n1,'), Buffer.from([0xc3])]));
    expect(problem?.message).toBe('the file is not UTF-8 text (it ends in the middle of a character)');
  });

  it('rejects a file over the size limit and states the limit', async () => {
    const { problem } = await readAll(csv(`a,b\n${'1,2\n'.repeat(200)}`), 'csv', 500);
    expect(problem?.message).toBe('the file is larger than the limit of 500 bytes');
  });

  it('accepts a file of exactly the size limit', async () => {
    const bytes = csv('a,b\n1,2\n');
    const { problem, rows } = await readAll(bytes, 'csv', bytes.length);
    expect(problem).toBeUndefined();
    expect(rows).toHaveLength(2);
  });

  it('stops reading an endless stream at the size limit', async () => {
    const endless = Readable.from(
      (function* () {
        for (;;) yield csv('CS000101,OPHC01,2026-05-11,AM\n');
      })(),
    );
    const { problem } = await readAll(endless, 'csv', 1024 * 1024);
    expect(problem?.message).toBe('the file is larger than the limit of 1 MB');
  }, 10_000);

  it('rejects a line longer than 64 KiB and names its row', async () => {
    const { problem } = await readAll(csv(`id,reason\nCS1,ok\nCS2,${'x'.repeat(70_000)}\nCS3,ok\n`));
    expect(problem?.message).toBe('row 3 is longer than 65,536 characters');
    expect(problem?.rowNumber).toBe(3);
  });

  it('rejects a file with no line breaks at all as one over-long row', async () => {
    const { problem } = await readAll(csv('x'.repeat(200_000)));
    expect(problem?.message).toBe('row 1 is longer than 65,536 characters');
  });

  it('rejects a quoted value that is never closed and names the row it starts on', async () => {
    const { problem } = await readAll(csv('id,reason\nCS1,ok\nCS2,"Consultant sick\nCS3,ok\n'));
    expect(problem?.message).toBe('a quoted value that starts at row 3 is never closed (a missing ")');
    expect(problem?.rowNumber).toBe(3);
  });

  it('rejects text after a closing quote and names the row', async () => {
    const { problem } = await readAll(csv('id,reason\nCS1,ok\nCS2,"Consultant" sick\n'));
    expect(problem?.message).toBe(
      'row 3 has a " in the middle of an unquoted value; quote the value and double the " inside it',
    );
    expect(problem?.rowNumber).toBe(3);
  });

  it('rejects a quote in the middle of an unquoted value and names the row', async () => {
    const { problem } = await readAll(csv('id,reason\nCS1,ok\nCS2,Patient said "no"\n'));
    expect(problem?.rowNumber).toBe(3);
    expect(problem?.message).toMatch(/^row 3 /);
  });

  it('turns a failing input stream into a FileProblem', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    const { problem } = await readAll(failing);
    expect(problem?.message).toBe('the file cannot be read: connection reset');
  });
});

describe('readRecords on XLSX', () => {
  const fixture = (name: string) => readFile(path.join(FIXTURES, name));

  it('reads the first sheet only, with dates as YYYY-MM-DD, times as HH:MM and numbers as text', async () => {
    const { rows, problem } = await readAll(await fixture('theatre-lists-valid.xlsx'), 'xlsx');
    expect(problem).toBeUndefined();
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3]);
    expect(rows[0]?.cells.slice(0, 3)).toEqual(['list_id', 'theatre_code', 'list_date']);
    expect(rows[1]?.cells).toEqual([
      'TL004701',
      'TH03',
      '2026-06-08',
      'AM',
      '08:30',
      '12:30',
      '4123456',
      '130',
      'theatre',
      'held',
      '',
      '',
      '08:47',
      '12:10',
      '6',
      '6',
      '165',
      'N',
    ]);
    expect(rows[2]?.cells.slice(9, 12)).toEqual(['cancelled', 'No anaesthetist available', '2026-06-02']);
  });

  it('rejects a formula cell and names its row', async () => {
    const { problem } = await readAll(await fixture('theatre-lists-formula.xlsx'), 'xlsx');
    expect(problem?.message).toBe(
      'row 3 contains a spreadsheet formula; paste the values instead (Paste special → Values)',
    );
    expect(problem?.rowNumber).toBe(3);
  });

  it('rejects a workbook over the size limit', async () => {
    const { problem } = await readAll(await fixture('theatre-lists-valid.xlsx'), 'xlsx', 1000);
    expect(problem?.message).toBe(`the file is larger than the limit of ${formatBytes(1000)}`);
  }, 10_000);

  it('rejects a file that is not a workbook (CSV text named .xlsx)', async () => {
    const { problem } = await readAll(await fixture('theatre-lists-csv-named-xlsx.xlsx'), 'xlsx');
    expect(problem?.message).toMatch(/^the file cannot be read as an XLSX workbook: /);
  }, 10_000);

  it('rejects a truncated workbook', async () => {
    const bytes = await fixture('theatre-lists-valid.xlsx');
    const { problem } = await readAll(bytes.subarray(0, Math.floor(bytes.length / 2)), 'xlsx');
    expect(problem?.message).toMatch(/^the file cannot be read as an XLSX workbook: /);
  }, 10_000);

  it('rejects an empty .xlsx file', async () => {
    const { problem } = await readAll(Buffer.alloc(0), 'xlsx');
    expect(problem).toBeInstanceOf(FileProblem);
  }, 10_000);
});
