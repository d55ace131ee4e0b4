import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';

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
  /** SHA-256 of the file's bytes, hex; complete once reading has finished. */
  hash: string;
}

export interface RecordSource {
  /** Records in file order; the first is the header row. `rowNumber` counts as a spreadsheet does (header = 1). */
  records: AsyncIterable<{ rowNumber: number; cells: string[] }>;
  stats: FileStats;
}

export type FileFormat = 'csv' | 'xlsx';

/** The longest CSV record accepted, in characters: far beyond any real row, short of a runaway line. */
const MAX_RECORD_CHARS = 64 * 1024;

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

/** Decodes strict UTF-8 (a byte-order mark is dropped); anything else is a clear error, not mojibake. */
class Utf8DecodingStream extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private offset = 0;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false });
    this.setEncoding('utf8');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.offset += chunk.length;
      callback(null, text);
    } catch {
      callback(
        new FileProblem(
          `the file is not UTF-8 text (invalid bytes within the first ${formatBytes(this.offset + chunk.length)}); save it as "CSV UTF-8"`,
        ),
      );
    }
  }

  override _flush(callback: TransformCallback) {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new FileProblem('the file is not UTF-8 text (it ends in the middle of a character)'));
    }
  }
}

/** Opens a CSV or XLSX file as a stream of records, measuring it on the way. */
export function readRecords(input: Readable, format: FileFormat, maxBytes: number): RecordSource {
  const measuring = new MeasuringStream(maxBytes);
  input.on('error', (error) => measuring.destroy(error));
  input.pipe(measuring);
  const records = format === 'xlsx' ? readXlsx(measuring) : readCsv(measuring);
  return { records, stats: measuring.stats };
}

async function* readCsv(bytes: Readable): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  const text = bytes.pipe(new Utf8DecodingStream());
  bytes.on('error', (error) => text.destroy(error));
  const parser = text.pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS }),
  );
  text.on('error', (error) => parser.destroy(error));
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells };
    }
  } catch (error) {
    throw toFileProblem(error, rowNumber + 1);
  }
}

function toFileProblem(error: unknown, rowNumber: number): FileProblem {
  if (error instanceof FileProblem) return error;
  if (error instanceof CsvError) {
    const messages: Record<string, string> = {
      CSV_MAX_RECORD_SIZE: `row ${rowNumber} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-GB')} characters`,
      CSV_QUOTE_NOT_CLOSED: `a quoted value that starts at row ${rowNumber} is never closed (a missing ")`,
      CSV_INVALID_CLOSING_QUOTE: `row ${rowNumber} has a " in the middle of an unquoted value; quote the value and double the " inside it`,
    };
    return new FileProblem(
      messages[error.code] ?? `row ${rowNumber} cannot be read as CSV: ${error.message}`,
      rowNumber,
    );
  }
  return new FileProblem(
    `the file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
  );
}

async function* readXlsx(bytes: Readable): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of workbook) {
      // The first sheet holds the extract; others (notes, pivots) are ignored.
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1);
        yield { rowNumber: row.number, cells: values.map((value) => xlsxCellText(value, row.number)) };
      }
      return;
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem(
      `the file cannot be read as an XLSX workbook: ${error instanceof Error ? error.message : error}`,
    );
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** XLSX cells arrive typed; turn them into the text a CSV would hold. */
function xlsxCellText(value: unknown, rowNumber: number): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores times of day as dates on 30/12/1899.
    if (value.getUTCFullYear() < 1900) return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
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

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
