import { createHash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import Papa from 'papaparse';

/** A problem with the file as a whole: it cannot be read as a table. The import is rejected. */
export class FileProblem extends Error {
  constructor(
    message: string,
    readonly rowNumber?: number,
  ) {
    super(message);
  }
}

export interface FileStats {
  bytes: number;
  /** SHA-256 of the file's bytes, hex; complete once the whole file has been read. */
  hash: string;
}

/** One row of the file. `rowNumber` counts as a spreadsheet does (the header is row 1, blank rows count). */
export interface SourceRecord {
  rowNumber: number;
  cells: string[];
  /** Set when the row cannot be a record of the table (e.g. more or fewer values than the header). */
  problem?: string;
}

export interface RecordSource {
  /** Records in file order, the header first, in batches (cheaper than one promise per row). */
  batches: AsyncIterable<SourceRecord[]>;
  /** The same records one at a time. */
  records: AsyncIterable<SourceRecord>;
  stats: FileStats;
  /** Stops reading and releases the file (e.g. after a rejection). */
  finish(): Promise<void>;
}

export type FileFormat = 'csv' | 'xlsx';

/** The longest line accepted, in characters: far beyond any real row, short of a runaway line. */
export const MAX_LINE_CHARS = 64 * 1024;
const BATCH_ROWS = 2000;

/** Counts and hashes the bytes going through, and stops the file once it passes `maxBytes`. */
class MeasuringStream extends Transform {
  readonly stats: FileStats = { bytes: 0, hash: '' };
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.stats.bytes += chunk.length;
    if (this.stats.bytes > this.maxBytes) {
      callback(new FileProblem(`the file is larger than the limit of ${formatBytes(this.maxBytes)}`));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback) {
    this.stats.hash = this.hash.digest('hex');
    callback();
  }
}

/**
 * Decodes strict UTF-8 (a byte-order mark is dropped): anything else is a clear error, not mojibake. Also refuses
 * runaway lines, which would otherwise be held in memory whole.
 */
class Utf8DecodingStream extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private bytes = 0;
  private line = 1;
  private lineChars = 0;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
    this.setEncoding('utf8');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(
        new FileProblem(
          `the file is not UTF-8 text (invalid bytes within its first ${formatBytes(this.bytes + chunk.length)}); save it as "CSV UTF-8"`,
        ),
      );
      return;
    }
    this.bytes += chunk.length;
    const problem = this.checkLineLengths(text);
    callback(problem, problem ? undefined : text);
  }

  override _flush(callback: TransformCallback) {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new FileProblem('the file is not UTF-8 text (it ends in the middle of a character)'));
    }
  }

  private checkLineLengths(text: string): FileProblem | null {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      if (this.lineChars + newline - start > MAX_LINE_CHARS) break;
      this.line++;
      this.lineChars = 0;
      start = newline + 1;
    }
    this.lineChars += text.length - start;
    if (this.lineChars > MAX_LINE_CHARS || text.indexOf('\n', start) !== -1) {
      return new FileProblem(
        `line ${this.line} is longer than ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters; is this a CSV file with one row per line?`,
        this.line,
      );
    }
    return null;
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Spreadsheets often write trailing empty cells; only values beyond the header's width count. */
function onlyEmptyBeyond(cells: readonly string[], width: number): boolean {
  return cells.length > width && cells.slice(width).every((cell) => cell.trim() === '');
}

/** Opens a CSV or XLSX file as a stream of records, measuring it on the way. */
export function readRecords(input: Readable, format: FileFormat, maxBytes: number): RecordSource {
  const measuring = new MeasuringStream(maxBytes);
  // A failure anywhere (the file, the size limit) ends reading with that error instead of leaving it hanging.
  const failure = new Promise<never>((_, reject) => {
    measuring.once('error', reject);
    input.once('error', reject);
  });
  failure.catch(() => {});
  const batches = format === 'xlsx' ? readXlsx(input, measuring, failure) : readCsv(input, measuring);
  return {
    batches,
    records: flatten(batches),
    stats: measuring.stats,
    finish: () => finishReading(input, measuring),
  };
}

async function* flatten(batches: AsyncIterable<SourceRecord[]>): AsyncGenerator<SourceRecord> {
  for await (const batch of batches) yield* batch;
}

async function* readCsv(input: Readable, measuring: MeasuringStream): AsyncGenerator<SourceRecord[]> {
  const text = new Utf8DecodingStream();
  pipeline(input, measuring, text, () => {
    // Errors reach the parser through `text`, and the reader through papaparse's error callback.
  });
  const chunks = new ChunkQueue<Papa.ParseResult<string[]>>();
  Papa.parse<string[]>(text as unknown as File, {
    delimiter: ',',
    chunk: (results, parser) => {
      parser.pause();
      chunks.push(results, () => parser.resume());
    },
    complete: () => chunks.end(),
    error: (error: Error) => chunks.fail(error),
  });
  let rowNumber = 0;
  let headerWidth: number | undefined;
  try {
    for await (const results of chunks) {
      const quoteErrors = new Map(results.errors.map((error) => [error.row, error]));
      const batch: SourceRecord[] = [];
      results.data.forEach((cells, index) => {
        rowNumber++;
        const quoteError = quoteErrors.get(index);
        if (quoteError) {
          batch.push({ rowNumber, cells, problem: describeQuoteError(quoteError.code, rowNumber) });
          return;
        }
        if (isBlank(cells)) return;
        const record: SourceRecord = { rowNumber, cells };
        if (headerWidth === undefined) {
          headerWidth = cells.length;
        } else if (cells.length !== headerWidth && !onlyEmptyBeyond(cells, headerWidth)) {
          record.problem = `row ${rowNumber} has ${cells.length} values but the header has ${headerWidth} columns (a missing or extra comma?)`;
        }
        batch.push(record);
      });
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    throw toFileProblem(error);
  } finally {
    chunks.end();
    text.destroy();
  }
}

function describeQuoteError(code: string, rowNumber: number): string {
  if (code === 'MissingQuotes') {
    return `a quoted value that starts at row ${rowNumber} is never closed (a missing ")`;
  }
  return `row ${rowNumber} has a " inside a value that is not quoted, or text after a closing quote; put the whole value in quotes and double each " inside it`;
}

/** Hands parser chunks to an async reader one at a time, resuming the parser when the reader wants more. */
class ChunkQueue<T> implements AsyncIterable<T> {
  private readonly items: { value: T; resume: () => void }[] = [];
  private isEnded = false;
  private failure: unknown;
  private wake: (() => void) | undefined;

  push(value: T, resume: () => void) {
    this.items.push({ value, resume });
    this.notify();
  }
  end() {
    this.isEnded = true;
    this.notify();
  }
  fail(error: unknown) {
    this.failure = error;
    this.notify();
  }
  private notify() {
    this.wake?.();
    this.wake = undefined;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    while (true) {
      const item = this.items.shift();
      if (item) {
        yield item.value;
        item.resume();
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.isEnded) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}

function toFileProblem(error: unknown): FileProblem {
  if (error instanceof FileProblem) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new FileProblem(`the file cannot be read: ${message}`);
}

async function* readXlsx(
  input: Readable,
  measuring: MeasuringStream,
  failure: Promise<never>,
): AsyncGenerator<SourceRecord[]> {
  input.pipe(measuring);
  // Loaded only for workbooks: it is large, and most extracts are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(measuring, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles say which numbers are dates and times.
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let batch: SourceRecord[] = [];
  let width: number | undefined;
  try {
    for await (const worksheet of raceWith(workbook, failure)) {
      // The first sheet holds the extract; others (notes, pivots) are ignored.
      for await (const row of raceWith(worksheet, failure)) {
        const values = row.values as unknown[];
        width ??= values.length - 1;
        const cells = Array.from({ length: Math.max(width, values.length - 1) }, (_, index) =>
          xlsxCellText(values[index + 1], row.number),
        );
        if (isBlank(cells)) continue;
        batch.push({ rowNumber: row.number, cells });
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      break;
    }
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/FILE_ENDED|end of central directory|invalid signature/i.test(message)) {
      throw new FileProblem('the file is empty or not a complete XLSX workbook');
    }
    throw new FileProblem(`the file cannot be read as an XLSX workbook: ${message}`);
  }
}

/** Iterates `source`, but fails as soon as `failure` does (the XLSX reader would otherwise wait for ever). */
async function* raceWith<T>(source: AsyncIterable<T>, failure: Promise<never>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    while (true) {
      const next = await Promise.race([iterator.next(), failure]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Not awaited: after a failure the XLSX reader's pending read never settles, and would hold this up.
    iterator.return?.().catch(() => {});
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Excel's day zero: times of day are stored as fractions of a day after it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** XLSX cells arrive typed; turn them into the text a CSV would hold. */
function xlsxCellText(value: unknown, rowNumber: number): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (value.getUTCFullYear() < 1900) {
      const minutes = Math.round((value.getTime() - EXCEL_EPOCH) / 60_000) % (24 * 60);
      return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    }
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      throw new FileProblem(
        `row ${rowNumber} contains a spreadsheet formula; paste the values instead (Paste special → Values)`,
        rowNumber,
      );
    }
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
    }
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Stops reading and releases the file. (A file rejected at its header is not read further: its hash stays ''.) */
async function finishReading(input: Readable, measuring: MeasuringStream): Promise<void> {
  measuring.destroy();
  input.destroy();
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
