/**
 * What the Node side of the import costs, with no database: runs the real pipeline (`importFile`, entry point of
 * lib/server/ingest/import-file.ts) against a stand-in PostgreSQL driver that accepts every statement at once and
 * discards the COPY data. Its time is what Node spends reading, hashing, decoding, parsing, validating and
 * writing COPY text: the part of the staging COPY that runs in Node, on the other core from PostgreSQL's.
 * The benchmark (tests/bench/import.ts) gives the database side.
 *
 *   tsx tests/bench/import-phases.ts [--rows 1000000] [--file clinic-sessions.csv] [--seed 1] [--only TEXT]
 *
 * For where inside Node the time goes, profile one pass and summarise the profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/import-phases.ts --only importFile
 *   tsx tests/bench/cpu-profile-summary.ts /tmp/prof/<file>.cpuprofile
 *
 * Passes: reading the bytes; the pipeline's importFile (everything but the database); and, for comparison,
 * readline + split(',') of each line, a lower bound for parsing quote-free rows.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { Database } from '@/lib/server/db';
import { importFile } from '@/lib/server/ingest/import-file';
import { makeConsultants, writeSessionsCsv } from './generate-csv';

interface Pass {
  name: string;
  run: (file: string) => Promise<number>;
}

/** Reads the bytes and counts the lines (rows = lines − header). */
async function readBytes(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  }
  return lines - 1;
}

/** A COPY stream that counts the rows it is sent and drops them. */
function discardingCopy(counter: { rows: number }): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      const text = String(chunk);
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) counter.rows++;
      callback();
    },
  });
}

/** Canned answers to the pipeline's statements: a batch id, a period, counts from the rows COPYed. */
function answer(
  sql: string,
  copied: { rows: number },
): { rows: Record<string, unknown>[]; rowCount: number } {
  const rows = (list: Record<string, unknown>[], rowCount = 0) => ({ rows: list, rowCount });
  if (/RETURNING id/.test(sql)) return rows([{ id: 1 }], 1);
  if (/AS "from"/.test(sql)) return rows([{ from: '2023-04-03', to: '2026-04-01' }]);
  if (/WITH upserted/.test(sql)) return rows([{ inserted: copied.rows, updated: 0 }]);
  if (/WITH deleted/.test(sql)) return rows([{ deleted: 0 }]);
  if (/^\s*INSERT INTO (?!import_)/.test(sql)) return rows([], copied.rows);
  return rows([]);
}

/** A Database whose PostgreSQL pool answers at once and drops what it is sent. */
function discardingDatabase(copied: { rows: number }): Database {
  const client = {
    query(statement: unknown) {
      if (typeof statement === 'string') return Promise.resolve(answer(statement, copied));
      return discardingCopy(copied);
    },
    release() {},
  };
  const pool = { connect: async () => client };
  return { kind: 'postgresql', driver: { kind: 'postgresql', pool } } as unknown as Database;
}

async function pipelineWithoutDatabase(file: string): Promise<number> {
  const copied = { rows: 0 };
  const result = await importFile(discardingDatabase(copied), {
    organisationId: 1,
    kind: 'clinic-sessions',
    input: createReadStream(file),
    fileName: path.basename(file),
  });
  if (result.status === 'rejected') {
    throw new Error(`importFile: ${result.status} ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  return copied.rows;
}

async function splitLines(file: string): Promise<number> {
  let rows = 0;
  let cells = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    cells += line.split(',').length;
    rows++;
  }
  return cells > 0 ? rows - 1 : 0;
}

const PASSES: Pass[] = [
  { name: 'read the bytes', run: readBytes },
  { name: 'importFile without a database (all Node work)', run: pipelineWithoutDatabase },
  { name: 'comparison: readline + split(",")', run: splitLines },
];

interface PassTime {
  seconds: number;
  /** CPU time of this process (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number;
  rows: number;
  rssMb: number;
}

async function timePass(pass: Pass, file: string): Promise<PassTime> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const rows = await pass.run(file);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { seconds, cpuSeconds, rows, rssMb: process.memoryUsage().rss / 1024 / 1024 };
}

function formatPass(name: string, time: PassTime): string {
  const perRow = ((time.cpuSeconds / time.rows) * 1e6).toFixed(2);
  const cells = [
    name.padEnd(48),
    `CPU ${time.cpuSeconds.toFixed(2).padStart(6)} s`,
    `wall ${time.seconds.toFixed(2).padStart(6)} s`,
    `${time.rows.toLocaleString('en-GB').padStart(10)} rows`,
    `${perRow.padStart(6)} µs CPU/row`,
    `RSS ${time.rssMb.toFixed(0)} MB`,
  ];
  return `  ${cells.join('  ')}\n`;
}

async function sessionsFile(values: { file?: string; rows: string; seed: string }, folder: string) {
  if (values.file) return values.file;
  const file = path.join(folder, 'clinic-sessions.csv');
  const seed = Number(values.seed);
  await writeSessionsCsv(file, makeConsultants(600, seed), { totalRows: Number(values.rows), seed });
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      file: { type: 'string' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
    },
  });
  const only = values.only;
  const passes = only ? PASSES.filter((pass) => pass.name.includes(only)) : PASSES;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fulfil-bench-phases-'));
  try {
    const file = await sessionsFile(values, folder);
    process.stdout.write(`Node-side cost of the import of ${path.basename(file)} (no database):\n\n`);
    for (const pass of passes) process.stdout.write(formatPass(pass.name, await timePass(pass, file)));
    const load = os.loadavg().map((value) => value.toFixed(2));
    process.stdout.write(`\n  load average ${load.join(' ')} on ${os.cpus().length} CPUs\n`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
