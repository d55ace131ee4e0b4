import { z } from 'zod';

/*
 * The record of a table download (POST /api/exports). The tables' CSV and XLSX files are made in the browser from
 * the data on screen, so the browser says what it saved; the server adds who and when.
 */

export const TABLE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TableExportFormat = (typeof TABLE_EXPORT_FORMATS)[number];

/** Most file systems allow names of 255 characters. */
export const TABLE_EXPORT_FILE_NAME_MAX = 255;
/** A page's path with its query (the filters in the URL); the browser cuts a longer one to this. */
export const TABLE_EXPORT_PAGE_PATH_MAX = 1000;
/** More rows than a spreadsheet holds (1,048,576) is not a table the app shows. */
export const TABLE_EXPORT_ROWS_MAX = 10_000_000;

// Control characters (line breaks, tabs, NUL) would let a record forge lines in a reader of the log.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export const tableExportRecordSchema = z.strictObject({
  fileName: z
    .string({ error: 'Give the file name as text' })
    .trim()
    .min(1, 'Give the file name')
    .max(TABLE_EXPORT_FILE_NAME_MAX, `Give a file name of at most ${TABLE_EXPORT_FILE_NAME_MAX} characters`)
    .refine((value) => !CONTROL_CHARACTER.test(value), 'Give a file name without control characters'),
  format: z.enum(TABLE_EXPORT_FORMATS, { error: 'Give the format: csv or xlsx' }),
  rows: z
    .number({ error: 'Give the number of rows as a number' })
    .int('Give the number of rows as a whole number')
    .min(0, 'Give the number of rows as 0 or more')
    .max(TABLE_EXPORT_ROWS_MAX, `Give at most ${TABLE_EXPORT_ROWS_MAX.toLocaleString('en-GB')} rows`),
  pagePath: z
    .string({ error: 'Give the page’s path as text' })
    .max(TABLE_EXPORT_PAGE_PATH_MAX, `Give a page path of at most ${TABLE_EXPORT_PAGE_PATH_MAX} characters`)
    .refine(
      (value) => value.startsWith('/') && !value.startsWith('//') && !CONTROL_CHARACTER.test(value),
      'Give the page’s path within the app, starting with a single “/”',
    ),
});
export type TableExportRecord = z.infer<typeof tableExportRecordSchema>;
