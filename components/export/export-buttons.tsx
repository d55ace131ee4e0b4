'use client';

import { useState } from 'react';
import { type ExportTable, exportFileName, toCsv, toSheetRows } from './csv';
import { recordTableExport } from './record-export';

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Saves the table as CSV, then records the download in the audit log (without waiting for it). */
export function saveCsv(name: string, table: ExportTable): void {
  const fileName = exportFileName(name, 'csv');
  download(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName);
  recordTableExport(fileName, 'csv', table.rows.length);
}

/** Saves the table as XLSX (exceljs loaded only now), then records the download as saveCsv does. */
export async function saveXlsx(name: string, table: ExportTable): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Table');
  sheet.addRow([...table.columns]);
  sheet.getRow(1).font = { bold: true };
  for (const row of toSheetRows(table)) sheet.addRow(row);
  table.formats?.forEach((format, index) => {
    if (format) sheet.getColumn(index + 1).numFmt = format;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  const fileName = exportFileName(name, 'xlsx');
  download(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    fileName,
  );
  recordTableExport(fileName, 'xlsx', table.rows.length);
}

/** Download buttons for one table: CSV at once, XLSX with exceljs loaded only when asked for. */
export function ExportButtons({ name, table }: { name: string; table: ExportTable }) {
  const [isWorking, setIsWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function downloadXlsx() {
    setIsWorking(true);
    setError(null);
    try {
      await saveXlsx(name, table);
    } catch {
      setError('The spreadsheet could not be made. Try the CSV download.');
    } finally {
      setIsWorking(false);
    }
  }

  return (
    <div className="export-buttons mb-3 flex flex-wrap items-center gap-3 print:hidden">
      <button
        type="button"
        className="border-2 border-nhs-blue px-3 py-1 text-nhs-blue underline hover:bg-nhs-pale-grey"
        onClick={() => saveCsv(name, table)}
      >
        Download CSV<span className="sr-only"> of {name}</span>
      </button>
      <button
        type="button"
        className="border-2 border-nhs-blue px-3 py-1 text-nhs-blue underline hover:bg-nhs-pale-grey"
        onClick={downloadXlsx}
        disabled={isWorking}
      >
        {isWorking ? 'Preparing spreadsheet…' : 'Download XLSX'}
        <span className="sr-only"> of {name}</span>
      </button>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
