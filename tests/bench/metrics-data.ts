/**
 * The metrics benchmark's data: a demo trust (lib/server/demo) written as CSV, with the last month of clinic
 * sessions and theatre lists moved to files of their own, and imported through the real pipeline (importFile)
 * without refreshing the ledger, so that the benchmark times the ledger and the dashboards, not the import.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import type { Database } from '@/lib/server/db';
import { createDemoTrustStream } from '@/lib/server/demo/generate';
import { DEMO_ORGANISATION } from '@/lib/server/demo/reference';
import { DEMO_FILE_NAMES, writeDemoTrustStream } from '@/lib/server/demo/write-csv';
import { type ImportResult, importFile } from '@/lib/server/ingest/import-file';
import type { ImportKindSlug } from '@/lib/shared/import-formats';

export interface DemoOptions {
  seed: number;
  consultants: number;
  months: number;
  endDate: string;
}

export interface DemoFiles {
  folder: string;
  /** First and last day of the generated activity. */
  startDate: string;
  endDate: string;
  /** First day of the held-back month (the last month of activity). */
  heldBackFrom: string;
  /** Data rows per file name as generated (before the split). */
  generatedRows: Record<string, number>;
  /** Rows moved to the held-back files. */
  heldBackRows: { clinicSessions: number; theatreLists: number };
  /** Imported first, in this order (consultants before anything that refers to them). */
  bulk: { kind: ImportKindSlug; file: string }[];
  /** Imported after the full builds: the last month of clinic sessions and theatre lists. */
  heldBack: { kind: ImportKindSlug; file: string }[];
  generateSeconds: number;
}

const HELD_BACK_SUFFIX = '-last-month.csv';

async function writeChunk(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Moves the rows of `file` dated on or after `from` (ISO dates compare as strings) to `<name>-last-month.csv`;
 * both files keep the header. Rows are copied byte for byte (csv-parse's `raw`), quoting included.
 */
async function splitByDate(
  file: string,
  dateColumn: string,
  from: string,
): Promise<{ kept: string; moved: string; movedRows: number }> {
  const kept = file.replace(/\.csv$/, '-before.csv');
  const moved = file.replace(/\.csv$/, HELD_BACK_SUFFIX);
  const keptStream = createWriteStream(kept);
  const movedStream = createWriteStream(moved);
  const parser = createReadStream(file).pipe(parse({ raw: true }));
  let dateIndex = -1;
  let movedRows = 0;
  for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
    if (dateIndex === -1) {
      dateIndex = record.indexOf(dateColumn);
      if (dateIndex === -1) throw new Error(`${path.basename(file)} has no column ${dateColumn}`);
      await writeChunk(keptStream, raw);
      await writeChunk(movedStream, raw);
      continue;
    }
    if ((record[dateIndex] ?? '') >= from) {
      movedRows++;
      await writeChunk(movedStream, raw);
    } else {
      await writeChunk(keptStream, raw);
    }
  }
  await Promise.all([closeStream(keptStream), closeStream(movedStream)]);
  // The bulk import reads the usual file name; the full file is not needed any more.
  await rename(kept, file);
  return { kept: file, moved, movedRows };
}

/** Generates the demo trust into `folder` and splits off its last month of clinic sessions and theatre lists. */
export async function writeDemoFiles(folder: string, options: DemoOptions): Promise<DemoFiles> {
  const started = performance.now();
  const stream = createDemoTrustStream(options);
  const written = await writeDemoTrustStream(stream, folder);
  const { startDate, endDate } = stream.options;
  const heldBackFrom = `${endDate.slice(0, 7)}-01`;
  const file = (name: string) => path.join(folder, name);
  const clinic = await splitByDate(file(DEMO_FILE_NAMES.clinicSessions), 'session_date', heldBackFrom);
  const lists = await splitByDate(file(DEMO_FILE_NAMES.theatreLists), 'list_date', heldBackFrom);
  return {
    folder,
    startDate,
    endDate,
    heldBackFrom,
    generatedRows: written.rowCounts,
    heldBackRows: { clinicSessions: clinic.movedRows, theatreLists: lists.movedRows },
    bulk: [
      { kind: 'consultants', file: file(DEMO_FILE_NAMES.consultants) },
      { kind: 'job-plans', file: file(DEMO_FILE_NAMES.jobPlans) },
      { kind: 'clinic-sessions', file: clinic.kept },
      { kind: 'theatre-lists', file: lists.kept },
      { kind: 'leave', file: file(DEMO_FILE_NAMES.leave) },
    ],
    heldBack: [
      { kind: 'clinic-sessions', file: clinic.moved },
      { kind: 'theatre-lists', file: lists.moved },
    ],
    generateSeconds: (performance.now() - started) / 1000,
  };
}

/** The demo organisation, with default trust parameters (as `demo:setup` creates it). */
export async function createDemoOrganisation(database: Database): Promise<number> {
  const organisation = await database.prisma.organisation.create({
    data: { code: DEMO_ORGANISATION.code, name: DEMO_ORGANISATION.name, parameters: { create: {} } },
  });
  return organisation.id;
}

export interface ImportedFile {
  kind: ImportKindSlug;
  file: string;
  status: ImportResult['status'];
  rows: ImportResult['rows'];
  seconds: number;
}

/**
 * Imports the files in order through importFile with `refreshLedger: false`: each import records its ledger
 * refresh request and leaves it pending. Throws on a rejected file.
 */
export async function importFiles(
  database: Database,
  organisationId: number,
  files: readonly { kind: ImportKindSlug; file: string }[],
): Promise<ImportedFile[]> {
  const imported: ImportedFile[] = [];
  for (const { kind, file } of files) {
    const started = performance.now();
    const result = await importFile(database, {
      organisationId,
      kind,
      input: createReadStream(file),
      fileName: path.basename(file),
      refreshLedger: false,
    });
    if (result.status !== 'committed') {
      const first = result.errors[0];
      throw new Error(
        `${path.basename(file)} was not committed (${result.status}): row ${first?.row} ${first?.column}: ${first?.message}`,
      );
    }
    imported.push({
      kind,
      file,
      status: result.status,
      rows: result.rows,
      seconds: (performance.now() - started) / 1000,
    });
  }
  return imported;
}
