import Papa from 'papaparse';

/** How much of the file the browser reads for the preview: the header and first rows, never the whole file. */
export const PREVIEW_BYTES = 64 * 1024;
export const PREVIEW_ROWS = 10;

export type CsvPreview = { ok: true; headers: string[]; rows: string[][] } | { ok: false; message: string };

/**
 * Reads the start of a CSV file in the browser and parses its header and first rows, reporting the problems that
 * would stop the import before anything is sent: an empty file, not UTF-8, not comma-separated, no data rows.
 */
export async function readCsvPreview(file: Blob): Promise<CsvPreview> {
  if (file.size === 0) return { ok: false, message: 'The file is empty (0 bytes).' };
  const isWholeFile = file.size <= PREVIEW_BYTES;
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  let text: string;
  try {
    // `stream` keeps a character cut in two at the end of the slice from counting as invalid.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !isWholeFile });
  } catch {
    return {
      ok: false,
      message: 'The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”.',
    };
  }
  if (!isWholeFile) {
    // Drop the last line: the slice probably cut it short.
    const lastBreak = text.lastIndexOf('\n');
    text = lastBreak === -1 ? text : text.slice(0, lastBreak);
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    preview: PREVIEW_ROWS + 1,
  });
  const [headers, ...rows] = parsed.data;
  if (!headers) return { ok: false, message: 'The file has no header row.' };
  const [only] = headers;
  if (headers.length === 1 && only !== undefined && /[;\t|]/.test(only)) {
    const separator = only.includes(';') ? 'semicolons' : only.includes('\t') ? 'tabs' : 'vertical bars';
    return {
      ok: false,
      message: `The file seems to be separated by ${separator}, not commas. Save it as CSV (comma-delimited).`,
    };
  }
  if (rows.length === 0 && isWholeFile) {
    return { ok: false, message: 'The file has a header row but no data rows.' };
  }
  return { ok: true, headers: headers.map((header) => header.trim()), rows };
}
