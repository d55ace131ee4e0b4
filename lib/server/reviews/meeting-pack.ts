import { agendaTables } from './agenda-tables';
import type { MeetingView } from './meeting-view';

/** Cells a spreadsheet would run as a formula if typed: kept as text with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The meeting pack's tables as an XLSX workbook: a cover sheet saying what the numbers are (frozen when the
 * meeting started), then one sheet per topic of the agenda, as the reader may see it (anonymised where required).
 */
export async function buildMeetingPackWorkbook(meeting: MeetingView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fulfil';
  const cover = workbook.addWorksheet('Meeting');
  cover.addRows([
    ['Review of', meeting.unit.name],
    ['Period', `${meeting.period.from} to ${meeting.period.to}`],
    ['Activity', meeting.activity],
    ['Numbers frozen at', meeting.agenda.takenAt],
    ['Anonymised', meeting.isAnonymised ? 'Yes' : 'No'],
  ]);
  cover.getColumn(1).font = { bold: true };
  cover.getColumn(1).width = 22;
  cover.getColumn(2).width = 40;
  for (const table of agendaTables(meeting.agenda)) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(
        row.map((cell) => (typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell)),
      );
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 32 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
