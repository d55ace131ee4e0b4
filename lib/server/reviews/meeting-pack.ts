import type { Worksheet } from 'exceljs';
import { PACK_FORMATS } from '@/lib/shared/excel-formats';
import { ACTIVITY_LABELS, describePeriod } from '@/lib/shared/periods';
import { agendaTables, type FormattedNumber, type PackCell } from './agenda-tables';
import type { MeetingView } from './meeting-view';

/** Cells a spreadsheet would run as a formula if typed: kept as text with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Column widths, in characters: wide enough for a heading or a date, never wider than a note needs. */
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
const DATE_WIDTH = 12;

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the Excel date-time of its wall-clock time in London: Excel has no time zones, so the cell holds
 * what a clock in the trust read (GMT or BST), and its label says "UK time".
 */
export function londonWallClock(instant: string | Date): Date {
  const parts = LONDON_PARTS.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return new Date(
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')),
  );
}

const isFormatted = (cell: PackCell | FormattedNumber): cell is FormattedNumber =>
  cell !== null && typeof cell === 'object' && !(cell instanceof Date);

const safeText = (cell: PackCell) =>
  typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;

/** Widths from the longest heading or text in each column (dates and numbers need little). */
function fitColumns(sheet: Worksheet) {
  sheet.columns.forEach((column) => {
    let longest = 0;
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      const value = cell.value;
      const length =
        value instanceof Date
          ? DATE_WIDTH
          : typeof value === 'number'
            ? 8
            : String(value ?? '')
                .split('\n')
                .reduce((max, line) => Math.max(max, line.length), 0);
      longest = Math.max(longest, length);
    });
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
    if (longest + 2 > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * The meeting pack's tables as an XLSX workbook: a cover sheet saying what the numbers are (frozen when the
 * meeting started), then one sheet per topic of the agenda, as the reader may see it (anonymised where required).
 * Numbers are numbers with the format the dashboards show them in, dates are Excel dates (dd/mm/yyyy), codes are
 * the app's words; each sheet's heading row is bold and stays in view.
 */
export async function buildMeetingPackWorkbook(meeting: MeetingView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fulfil';
  const cover = workbook.addWorksheet('Meeting');
  cover.addRows([
    ['Review of', meeting.unit.name],
    ['Period', describePeriod(meeting.period)],
    ['Activity', ACTIVITY_LABELS[meeting.activity]],
    ['Numbers frozen at (UK time)', londonWallClock(meeting.agenda.takenAt)],
    ['Anonymised', meeting.isAnonymised ? 'Yes' : 'No'],
  ]);
  cover.getCell('B4').numFmt = PACK_FORMATS.dateTime;
  cover.getCell('B4').alignment = { horizontal: 'left' };
  cover.getColumn(1).font = { bold: true };
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 40;
  for (const table of agendaTables(meeting.agenda)) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns.map((column) => column.header)).font = { bold: true };
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((cell) => (isFormatted(cell) ? cell.value : safeText(cell))));
      cells.forEach((cell, index) => {
        const format = isFormatted(cell) ? cell.format : table.columns[index]?.format;
        if (format && cell !== null) row.getCell(index + 1).numFmt = format;
      });
    }
    fitColumns(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
