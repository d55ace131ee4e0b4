import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type FileFormat, FileProblem, formatBytes, readRecords, type SourceRecord } from './read-records';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/imports');
const NO_LIMIT = 10 * 1024 * 1024;

interface ReadOutcome {
  /** The records as read: `problem` only where the reader set one. */
  rows: SourceRecord[];
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
  const rows: SourceRecord[] = [];
  try {
    for await (const { rowNumber, cells, problem } of source.records) {
      // A copy, so that a hole (an XLSX cell with no value) stays a hole and fails the comparison.
      rows.push(
        problem === undefined ? { rowNumber, cells: [...cells] } : { rowNumber, cells: [...cells], problem },
      );
    }
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    return { rows, problem: error, stats: source.stats };
  }
  return { rows, stats: source.stats };
}

/** `bytes` cut into chunks of `size` bytes, as a slow upload or a file stream delivers them. */
function chunks(bytes: Buffer, size: number): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) parts.push(bytes.subarray(start, start + size));
  return parts;
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
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 3, cells: ['3', '4'] },
    ]);
  });

  it('splits on commas only: a semicolon- or tab-separated file reads as one column', async () => {
    const { rows, problem } = await readAll(csv('a;b\n1;2\n'));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a;b'] },
      { rowNumber: 2, cells: ['1;2'] },
    ]);
    expect((await readAll(csv('a\tb\n1\t2\n'))).rows).toEqual([
      { rowNumber: 1, cells: ['a\tb'] },
      { rowNumber: 2, cells: ['1\t2'] },
    ]);
  });

  it('drops a UTF-8 byte-order mark, so the first header is clean', async () => {
    const { rows } = await readAll(csv('\uFEFFgmc_number,name\n4123456,Dr Asha Patel\n'));
    expect(rows[0]?.cells).toEqual(['gmc_number', 'name']);
  });

  it('drops a byte-order mark split across chunks', async () => {
    const { rows } = await readAll([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), csv('a,b\n1,2\n')]);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
    ]);
  });

  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = csv('name\nDr Renée O’Brien\n');
    const splitInsideE = bytes.indexOf(0xc3) + 1;
    const { rows, problem } = await readAll([bytes.subarray(0, splitInsideE), bytes.subarray(splitInsideE)]);
    expect(problem).toBeUndefined();
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['Dr Renée O’Brien'] });
  });

  it('keeps a newline inside a quoted value, and counts the record as one row', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Consultant sick\nNo locum"\nCS2,Room closed\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      { rowNumber: 2, cells: ['CS1', 'Consultant sick\nNo locum'] },
      { rowNumber: 3, cells: ['CS2', 'Room closed'] },
    ]);
  });

  it('keeps a blank line inside a quoted value as part of the value, not a row', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Consultant sick\n\nNo locum"\nCS2,Room closed\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      { rowNumber: 2, cells: ['CS1', 'Consultant sick\n\nNo locum'] },
      { rowNumber: 3, cells: ['CS2', 'Room closed'] },
    ]);
  });

  it('reads quoted commas and doubled quotes', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Room unavailable, ""Eye Unit"" refurbishment"\n'));
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ['CS1', 'Room unavailable, "Eye Unit" refurbishment'] });
  });

  it('counts a blank line as a row, as a spreadsheet shows it', async () => {
    const { rows } = await readAll(csv('a,b\n1,2\n\n3,4\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 4, cells: ['3', '4'] },
    ]);
    expect((await readAll(csv('a,b\r\n1,2\r\n\r\n3,4\r\n'))).rows.map((row) => row.rowNumber)).toEqual([
      1, 2, 4,
    ]);
  });

  it('skips rows whose cells are all blank (a spreadsheet’s ",,," lines), but counts them', async () => {
    const { rows, problem } = await readAll(csv('a,b\n1,2\n,\n  ,  \n,,,,\n3,4\n'));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2'] },
      { rowNumber: 6, cells: ['3', '4'] },
    ]);
  });

  it('skips blank lines before the header, and counts them', async () => {
    const { rows } = await readAll(csv('\n,\na,b\n1,2\n'));
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['a', 'b'] },
      { rowNumber: 4, cells: ['1', '2'] },
    ]);
  });

  it('numbers rows right across many chunks, with quoted newlines and blank lines', async () => {
    const lines = ['id,reason'];
    const expected: number[] = [1];
    for (let n = 0; n < 30_000; n++) {
      if (n % 1000 === 7) {
        lines.push('');
      } else {
        lines.push(`R${n},"line one\nline two"`);
        expected.push(n + 2);
      }
    }
    const { rows, problem } = await readAll(chunks(csv(`${lines.join('\n')}\n`), 4096));
    expect(problem).toBeUndefined();
    expect(rows.map((row) => row.rowNumber)).toEqual(expected);
    expect(rows.every((row) => row.problem === undefined)).toBe(true);
    expect(rows.at(-1)).toEqual({ rowNumber: 30_001, cells: ['R29999', 'line one\nline two'] });
  });

  it('gives the records in batches, in file order, the same records as one at a time', async () => {
    const bytes = csv(`a,b\n${Array.from({ length: 20_000 }, (_, n) => `${n},x`).join('\n')}\n`);
    const source = readRecords(Readable.from(chunks(bytes, 4096)), 'csv', NO_LIMIT);
    const batches: SourceRecord[][] = [];
    for await (const batch of source.batches) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((batch) => batch.length > 0)).toBe(true);
    const { rows } = await readAll(chunks(bytes, 4096));
    expect(batches.flat()).toEqual(rows);
    expect(rows).toHaveLength(20_001);
    expect(rows[20_000]).toEqual({ rowNumber: 20_001, cells: ['19999', 'x'] });
  });

  it('returns no records for an empty file', async () => {
    const { rows, problem, stats } = await readAll(Buffer.alloc(0));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([]);
    expect(stats).toEqual({ bytes: 0, hash: sha256(Buffer.alloc(0)) });
  });

  it('measures the file: its size and SHA-256', async () => {
    const bytes = csv('a,b\n1,2\n');
    const { stats } = await readAll(bytes);
    expect(stats).toEqual({ bytes: bytes.length, hash: sha256(bytes) });
  });

  it('measures a file read in many chunks', async () => {
    const bytes = csv(`a,b\n${'1,2\n'.repeat(10_000)}`);
    const { stats } = await readAll(chunks(bytes, 1000));
    expect(stats).toEqual({ bytes: bytes.length, hash: sha256(bytes) });
  });

  it('rejects bytes that are not UTF-8 (Latin-1 é) and says how to save the file', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'consultants-latin1.csv'));
    const { problem, rows } = await readAll(bytes);
    expect(problem?.message).toBe(
      `the file is not UTF-8 text (invalid bytes within its first ${formatBytes(bytes.length)}); save it as "CSV UTF-8"`,
    );
    expect(problem?.rowNumber).toBeUndefined();
    expect(rows).toEqual([]);
  });

  it('rejects a UTF-16 file (Excel’s "Unicode text")', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'consultants-utf16le.csv'));
    const { problem } = await readAll(bytes);
    expect(problem?.message).toBe(
      `the file is not UTF-8 text (invalid bytes within its first ${formatBytes(bytes.length)}); save it as "CSV UTF-8"`,
    );
  });

  it('rejects non-UTF-8 bytes found after many valid rows, saying roughly where', async () => {
    const valid = csv(`a,b\n${'1,2\n'.repeat(20_000)}`);
    const { problem } = await readAll([valid, Buffer.from([0x78, 0xe9, 0x2c, 0x32, 0x0a])]);
    expect(problem?.message).toBe(
      `the file is not UTF-8 text (invalid bytes within its first ${formatBytes(valid.length + 5)}); save it as "CSV UTF-8"`,
    );
  });

  it('rejects a file that ends in the middle of a character', async () => {
    const { problem } = await readAll(Buffer.concat([csv('a,b\n1,'), Buffer.from([0xc3])]));
    expect(problem?.message).toBe('the file is not UTF-8 text (it ends in the middle of a character)');
  });

  it('rejects a file over the size limit and states the limit', async () => {
    const { problem, stats } = await readAll(csv(`a,b\n${'1,2\n'.repeat(200)}`), 'csv', 500);
    expect(problem?.message).toBe('the file is larger than the limit of 500 bytes');
    expect(stats.hash).toBe('');
  });

  it('rejects a file over the size limit when reading starts after its bytes have arrived', async () => {
    const source = readRecords(Readable.from([csv(`a,b\n${'1,2\n'.repeat(200)}`)]), 'csv', 500);
    // The pipeline opens its transaction (database round trips) before it reads the first record.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const failure = await (async () => {
      for await (const _record of source.records) {
        // read on
      }
    })().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FileProblem);
    expect((failure as FileProblem).message).toBe('the file is larger than the limit of 500 bytes');
  }, 5_000);

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

  it('rejects a line longer than 64 KiB and names its line', async () => {
    const { problem } = await readAll(csv(`id,reason\nCS1,ok\nCS2,${'x'.repeat(70_000)}\nCS3,ok\n`));
    expect(problem?.message).toBe(
      'line 3 is longer than 65,536 characters; is this a CSV file with one row per line?',
    );
    expect(problem?.rowNumber).toBe(3);
  });

  it('rejects a file with no line breaks at all as one over-long line', async () => {
    const { problem } = await readAll(csv('x'.repeat(200_000)));
    expect(problem?.message).toBe(
      'line 1 is longer than 65,536 characters; is this a CSV file with one row per line?',
    );
    expect(problem?.rowNumber).toBe(1);
  });

  it('accepts a line of exactly 65,536 characters and rejects one of 65,537, in one chunk or many', async () => {
    const longest = csv(`a\n${'x'.repeat(65_536)}\nb\n`);
    for (const input of [longest, chunks(longest, 1000)]) {
      const { problem, rows } = await readAll(input);
      expect(problem).toBeUndefined();
      expect(rows.map((row) => [row.rowNumber, row.cells[0]?.length])).toEqual([
        [1, 1],
        [2, 65_536],
        [3, 1],
      ]);
    }
    const tooLong = csv(`a\n${'x'.repeat(65_537)}\nb\n`);
    for (const input of [tooLong, chunks(tooLong, 1000)]) {
      const { problem } = await readAll(input);
      expect(problem?.message).toBe(
        'line 2 is longer than 65,536 characters; is this a CSV file with one row per line?',
      );
      expect(problem?.rowNumber).toBe(2);
    }
  });

  it('counts lines, not rows, for an over-long line after a quoted newline', async () => {
    const { problem } = await readAll(csv(`id,reason\nCS1,"a\nb"\nCS2,${'x'.repeat(70_000)}\n`));
    expect(problem?.message).toBe(
      'line 4 is longer than 65,536 characters; is this a CSV file with one row per line?',
    );
    expect(problem?.rowNumber).toBe(4);
  });

  it('reports a quoted value that is never closed on the row it starts on, and reads no further', async () => {
    const { rows, problem } = await readAll(csv('id,reason\nCS1,ok\nCS2,"Consultant sick\nCS3,ok\n'));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      { rowNumber: 2, cells: ['CS1', 'ok'] },
      {
        rowNumber: 3,
        // The rest of the file is inside the quotes.
        cells: ['CS2', 'Consultant sick\nCS3,ok\n'],
        problem: 'a quoted value that starts at row 3 is never closed (a missing ")',
      },
    ]);
  });

  it('reports text after a closing quote on its row, and reads on after the value closes', async () => {
    const { rows, problem } = await readAll(
      csv('id,reason\nCS1,ok\nCS2,"Consultant" sick\nCS3,"ok"\nCS4,fine\n'),
    );
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      { rowNumber: 2, cells: ['CS1', 'ok'] },
      {
        rowNumber: 3,
        // The " after Consultant does not close the value: the next " that is followed by a comma or a line end does.
        cells: ['CS2', 'Consultant" sick\nCS3,"ok'],
        problem:
          'row 3 has a " inside a value that is not quoted, or text after a closing quote; put the whole value in quotes and double each " inside it',
      },
      { rowNumber: 4, cells: ['CS4', 'fine'] },
    ]);
  });

  it('reports a stray quote inside a quoted value on its row', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,"Consultant "sick"\nCS2,ok\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      {
        rowNumber: 2,
        cells: ['CS1', 'Consultant "sick'],
        problem:
          'row 2 has a " inside a value that is not quoted, or text after a closing quote; put the whole value in quotes and double each " inside it',
      },
      { rowNumber: 3, cells: ['CS2', 'ok'] },
    ]);
  });

  it('reports text after a closing quote at the end of the file as a quote never closed', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,ok\nCS2,"Consultant" sick\n'));
    expect(rows.at(-1)).toEqual({
      rowNumber: 3,
      cells: ['CS2', 'Consultant" sick\n'],
      problem: 'a quoted value that starts at row 3 is never closed (a missing ")',
    });
  });

  it('keeps a quote in the middle of an unquoted value as it is (the parser does not flag it)', async () => {
    const { rows, problem } = await readAll(csv('id,reason\nCS1,ok\nCS2,Patient said "no"\n'));
    expect(problem).toBeUndefined();
    expect(rows[2]).toEqual({ rowNumber: 3, cells: ['CS2', 'Patient said "no"'] });
  });

  it('reports an unquoted value whose quotes hold a comma by its width', async () => {
    const { rows } = await readAll(csv('id,reason\nCS1,Patient said "no, never"\nCS2,ok\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'reason'] },
      {
        rowNumber: 2,
        cells: ['CS1', 'Patient said "no', ' never"'],
        problem: 'row 2 has 3 values but the header has 2 columns (a missing or extra comma?)',
      },
      { rowNumber: 3, cells: ['CS2', 'ok'] },
    ]);
  });

  it('reports a row with more or fewer values than the header, and reads on', async () => {
    const { rows, problem } = await readAll(csv('a,b,c\n1,2,3,4\n1,2\n1,2,3\n'));
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b', 'c'] },
      {
        rowNumber: 2,
        cells: ['1', '2', '3', '4'],
        problem: 'row 2 has 4 values but the header has 3 columns (a missing or extra comma?)',
      },
      {
        rowNumber: 3,
        cells: ['1', '2'],
        problem: 'row 3 has 2 values but the header has 3 columns (a missing or extra comma?)',
      },
      { rowNumber: 4, cells: ['1', '2', '3'] },
    ]);
  });

  it('allows empty cells beyond the header’s width (a spreadsheet’s trailing commas)', async () => {
    const { rows } = await readAll(csv('a,b\n1,2,,\n3,4, \n5,6,,x\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['1', '2', '', ''] },
      { rowNumber: 3, cells: ['3', '4', ' '] },
      {
        rowNumber: 4,
        cells: ['5', '6', '', 'x'],
        problem: 'row 4 has 4 values but the header has 2 columns (a missing or extra comma?)',
      },
    ]);
  });

  it('reports row problems found after many chunks on the right rows', async () => {
    const many = 'CS,ok\n'.repeat(5_000);
    const bytes = csv(`id,reason\n${many}CS2,"a"b"\n${many}CS3,x,y\n${many}CS4,"unclosed\nCS5,x\n`);
    const { rows, problem } = await readAll(chunks(bytes, 4096));
    expect(problem).toBeUndefined();
    expect(rows.map((row) => row.rowNumber)).toEqual(Array.from({ length: 15_004 }, (_, n) => n + 1));
    expect(rows.filter((row) => row.problem !== undefined)).toEqual([
      {
        rowNumber: 5_002,
        cells: ['CS2', 'a"b'],
        problem:
          'row 5002 has a " inside a value that is not quoted, or text after a closing quote; put the whole value in quotes and double each " inside it',
      },
      {
        rowNumber: 10_003,
        cells: ['CS3', 'x', 'y'],
        problem: 'row 10003 has 3 values but the header has 2 columns (a missing or extra comma?)',
      },
      {
        rowNumber: 15_004,
        cells: ['CS4', 'unclosed\nCS5,x\n'],
        problem: 'a quoted value that starts at row 15004 is never closed (a missing ")',
      },
    ]);
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

/** Excel keeps a time of day as a fraction of a day, shown as a date on 30/12/1899. */
const excelTime = (hours: number, minutes: number, seconds = 0) =>
  new Date(Date.UTC(1899, 11, 30, hours, minutes, seconds));

/** A workbook of one sheet; `formats` gives number formats by cell address (e.g. { C2: 'hh:mm' }). */
async function workbook(rows: ExcelJS.CellValue[][], formats: Record<string, string> = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Extract');
  rows.forEach((values, index) => {
    sheet.getRow(index + 1).values = values;
  });
  for (const [address, numFmt] of Object.entries(formats)) sheet.getCell(address).numFmt = numFmt;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readRecords on XLSX', () => {
  const fixture = (name: string) => readFile(path.join(FIXTURES, name));

  it('reads the first sheet only, with dates as YYYY-MM-DD, times as HH:MM and numbers as text', async () => {
    const bytes = await fixture('theatre-lists-valid.xlsx');
    const { rows, problem, stats } = await readAll(bytes, 'xlsx');
    expect(problem).toBeUndefined();
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 2, 3]);
    expect(rows[0]?.cells).toEqual([
      'list_id',
      'theatre_code',
      'list_date',
      'period',
      'planned_start',
      'planned_end',
      'gmc_number',
      'specialty_code',
      'list_type',
      'status',
      'cancel_reason',
      'cancelled_on',
      'actual_start',
      'actual_end',
      'cases_booked',
      'cases_done',
      'touch_minutes',
      'additional',
    ]);
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
    // Empty cells are '' wherever they are, the row as wide as the header.
    expect(rows[2]?.cells).toEqual([
      'TL004702',
      'ENDO1',
      '2026-06-09',
      'PM',
      '13:30',
      '17:30',
      '6345678',
      '301',
      'endoscopy',
      'cancelled',
      'No anaesthetist available',
      '2026-06-02',
      '',
      '',
      '8',
      '0',
      '',
      'N',
    ]);
    expect(stats).toEqual({ bytes: bytes.length, hash: sha256(bytes) });
  });

  it('reads time cells as HH:MM rounded to the minute, and date cells as YYYY-MM-DD', async () => {
    const bytes = await workbook(
      [
        ['id', 'start', 'end', 'date'],
        ['A', excelTime(8, 29, 40), excelTime(12, 30, 20), new Date(Date.UTC(2026, 0, 5))],
        ['B', excelTime(0, 0), excelTime(23, 59), new Date(Date.UTC(2024, 1, 29))],
      ],
      { B2: 'hh:mm:ss', C2: 'hh:mm', D2: 'dd/mm/yyyy', B3: 'hh:mm', C3: 'hh:mm', D3: 'yyyy-mm-dd' },
    );
    const { rows, problem } = await readAll(bytes, 'xlsx');
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['id', 'start', 'end', 'date'] },
      { rowNumber: 2, cells: ['A', '08:30', '12:30', '2026-01-05'] },
      { rowNumber: 3, cells: ['B', '00:00', '23:59', '2024-02-29'] },
    ]);
  });

  it("reads empty cells as '', pads rows to the header’s width and skips blank rows, keeping sheet row numbers", async () => {
    const bytes = await workbook([
      ['a', 'b', 'c', 'd'],
      ['1', null, 3.5, null],
      ['2'],
      [],
      [null, null, null],
      [null, { richText: [{ text: 'Rich ' }, { text: 'text' }] }, 'w', null, 'beyond'],
    ]);
    const { rows, problem } = await readAll(bytes, 'xlsx');
    expect(problem).toBeUndefined();
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b', 'c', 'd'] },
      { rowNumber: 2, cells: ['1', '', '3.5', ''] },
      { rowNumber: 3, cells: ['2', '', '', ''] },
      { rowNumber: 6, cells: ['', 'Rich text', 'w', '', 'beyond'] },
    ]);
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
  }, 5_000);

  it('rejects a file that is not a workbook (CSV text named .xlsx)', async () => {
    const { problem } = await readAll(await fixture('theatre-lists-csv-named-xlsx.xlsx'), 'xlsx');
    expect(problem?.message).toBe('the file is empty or not a complete XLSX workbook');
  }, 5_000);

  it('rejects a truncated workbook', async () => {
    const bytes = await fixture('theatre-lists-valid.xlsx');
    const { problem } = await readAll(bytes.subarray(0, Math.floor(bytes.length / 2)), 'xlsx');
    expect(problem?.message).toBe('the file is empty or not a complete XLSX workbook');
  }, 5_000);

  it('rejects an empty .xlsx file', async () => {
    const { problem } = await readAll(Buffer.alloc(0), 'xlsx');
    expect(problem?.message).toBe('the file is empty or not a complete XLSX workbook');
  }, 5_000);
});
