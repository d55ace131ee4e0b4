import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { DemoPatterns, DemoTrust, DemoTrustStream } from './generate';
import {
  CLINIC_SESSION_COLUMNS,
  type ClinicSessionRow,
  CONSULTANT_COLUMNS,
  type ConsultantRow,
  JOB_PLAN_COLUMNS,
  type JobPlanRow,
  LEAVE_COLUMNS,
  type LeaveRow,
  THEATRE_LIST_COLUMNS,
  type TheatreListRow,
} from './types';

/**
 * Writes the demo extracts as CSV (header row, `\n` line endings, UTF-8 without BOM, quoting only where needed)
 * plus patterns.json. Rows are stringified in chunks and written with back-pressure, so the streaming form never
 * holds more than one consultant's activity in memory.
 */

export const DEMO_FILE_NAMES = {
  consultants: 'consultants.csv',
  jobPlans: 'job-plans.csv',
  clinicSessions: 'clinic-sessions.csv',
  theatreLists: 'theatre-lists.csv',
  leave: 'leave.csv',
  patterns: 'patterns.json',
} as const;

export type DemoCsvKind = Exclude<keyof typeof DEMO_FILE_NAMES, 'patterns'>;

export interface DemoWriteResult {
  /** File name → absolute path, for the five CSVs and patterns.json. */
  files: Record<string, string>;
  /** Data rows written per CSV file name (header excluded; planted duplicates included). */
  rowCounts: Record<string, number>;
}

const CHUNK_ROWS = 5000;

class CsvFileWriter<Row extends object> {
  rows = 0;
  private readonly stream: WriteStream;
  private headerWritten = false;

  constructor(
    readonly path: string,
    private readonly columns: readonly (keyof Row & string)[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async write(rows: readonly Row[]): Promise<void> {
    for (let i = 0; i < rows.length || (!this.headerWritten && i === 0); i += CHUNK_ROWS) {
      const chunk = rows.slice(i, i + CHUNK_ROWS);
      const text = stringify(chunk as Row[], {
        header: !this.headerWritten,
        columns: [...this.columns],
        record_delimiter: '\n',
      });
      this.headerWritten = true;
      this.rows += chunk.length;
      if (!this.stream.write(text)) await once(this.stream, 'drain');
    }
  }

  async close(): Promise<void> {
    if (!this.headerWritten) await this.write([]);
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

interface Writers {
  consultants: CsvFileWriter<ConsultantRow>;
  jobPlans: CsvFileWriter<JobPlanRow>;
  clinicSessions: CsvFileWriter<ClinicSessionRow>;
  theatreLists: CsvFileWriter<TheatreListRow>;
  leave: CsvFileWriter<LeaveRow>;
}

async function openWriters(dir: string): Promise<{ root: string; writers: Writers }> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  return {
    root,
    writers: {
      consultants: new CsvFileWriter(join(root, DEMO_FILE_NAMES.consultants), CONSULTANT_COLUMNS),
      jobPlans: new CsvFileWriter(join(root, DEMO_FILE_NAMES.jobPlans), JOB_PLAN_COLUMNS),
      clinicSessions: new CsvFileWriter(join(root, DEMO_FILE_NAMES.clinicSessions), CLINIC_SESSION_COLUMNS),
      theatreLists: new CsvFileWriter(join(root, DEMO_FILE_NAMES.theatreLists), THEATRE_LIST_COLUMNS),
      leave: new CsvFileWriter(join(root, DEMO_FILE_NAMES.leave), LEAVE_COLUMNS),
    },
  };
}

async function closeWriters(
  root: string,
  writers: Writers,
  patterns: DemoPatterns,
): Promise<DemoWriteResult> {
  const all = Object.entries(writers) as [DemoCsvKind, CsvFileWriter<object>][];
  await Promise.all(all.map(([, w]) => w.close()));
  const patternsPath = join(root, DEMO_FILE_NAMES.patterns);
  await writeFile(patternsPath, `${JSON.stringify(patterns, null, 2)}\n`, 'utf8');
  const files: Record<string, string> = {};
  const rowCounts: Record<string, number> = {};
  for (const [kind, w] of all) {
    files[DEMO_FILE_NAMES[kind]] = w.path;
    rowCounts[DEMO_FILE_NAMES[kind]] = w.rows;
  }
  files[DEMO_FILE_NAMES.patterns] = patternsPath;
  return { files, rowCounts };
}

/** Writes an in-memory demo trust to `dir` (created if missing; existing files are overwritten). */
export async function writeDemoCsvs(trust: DemoTrust, dir: string): Promise<DemoWriteResult> {
  const { root, writers } = await openWriters(dir);
  await writers.consultants.write(trust.consultants);
  await writers.jobPlans.write(trust.jobPlans);
  await writers.clinicSessions.write(trust.clinicSessions);
  await writers.theatreLists.write(trust.theatreLists);
  await writers.leave.write(trust.leave);
  return closeWriters(root, writers, trust.patterns);
}

/**
 * Generates and writes a demo trust one consultant at a time (bounded memory at any size). The bytes are the same
 * as `writeDemoCsvs(generateDemoTrust(options), dir)`.
 */
export async function writeDemoTrustStream(stream: DemoTrustStream, dir: string): Promise<DemoWriteResult> {
  const { root, writers } = await openWriters(dir);
  await writers.consultants.write(stream.consultants);
  await writers.jobPlans.write(stream.jobPlans);
  for (const chunk of stream.chunks()) {
    await writers.clinicSessions.write(chunk.clinicSessions);
    await writers.theatreLists.write(chunk.theatreLists);
    await writers.leave.write(chunk.leave);
  }
  return closeWriters(root, writers, stream.patterns());
}
