/**
 * Import benchmark (issue 3, "Performance"): how fast the clinic-sessions import loads a large extract through
 * the CLI, compared with `psql \copy` of the same file into a plain table of the same columns and indexes.
 * A benchmark that prints numbers, not a test: it exits 0 whenever it ran to the end, whatever the goals say.
 *
 *   tsx tests/bench/import.ts [--rows 1000000] [--pglite-rows 100000] [--seed 1] [--baseline-runs 3]
 *                             [--timeout-minutes 10] [--simulate-delete-fix] [--keep-files]
 *   e.g. npm run bench:import -- --rows 100000 --pglite-rows 20000
 *
 * Needs: BENCH_DATABASE_URL, a PostgreSQL server URL whose user may create databases (default
 * postgresql://postgres@127.0.0.1:5432/postgres; a superuser also lets it CHECKPOINT between loads), psql on
 * the PATH, and /usr/bin/time for peak RSS (else /proc is polled).
 *
 * What it does, and what it measures:
 *  1. Writes a deterministic clinic-sessions CSV of --rows rows (canonical columns, 600 consultants, three
 *     years of weekdays) and the consultants CSV to a temporary folder, streaming.
 *  2. Creates a throwaway database fulfil_bench_<random> (dropped at the end, also on failure or Ctrl-C),
 *     migrates it, then creates the organisation and imports the consultants through the CLI.
 *  3. Baseline: `psql \copy` of the CSV into bench_baseline (clinic_sessions' columns, defaults and indexes),
 *     --baseline-runs times, with TRUNCATE and CHECKPOINT before each; the median is the reference.
 *  4. `cli import clinic-sessions <file>` into the empty clinic_sessions, then the same file again (all
 *     unchanged), each in a child process: wall time, peak RSS of the process tree, the CLI's own duration, and
 *     where the time went (tests/bench/cli-preload.ts logs each SQL statement of the child).
 *  5. The same on embedded PGlite (a fresh FULFIL_DATA_DIR) for the first --pglite-rows rows (0 skips it).
 *  6. Prints rows/s, wall time, ratio to the baseline and peak RSS, the goals of issue 3 with PASS/FAIL, and
 *     writes it all to bench-results/import-<timestamp>.json.
 * An import still running after --timeout-minutes is stopped and reported as such (with the statement it was
 * in). --simulate-delete-fix runs the pipeline's "delete rows missing from the file" statement with nested loops
 * disabled, to measure the rest of the pipeline until that statement's plan is fixed (see cli-preload.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { openDatabase } from '@/lib/server/db';
import {
  BASELINE_TABLE,
  baselineCopyColumns,
  checkpoint,
  countRows,
  createBaselineTable,
  createBenchDatabase,
  dropBenchDatabase,
  psqlCopyArgs,
  resetTable,
  serverVersion,
  terminateSessions,
  withClient,
} from './bench-database';
import { makeConsultants, writeConsultantsCsv, writeSessionsCsv } from './generate-csv';
import { killActiveChildren, type Measured, runMeasured } from './measure';
import {
  type BenchResults,
  type Environment,
  evaluateGoals,
  formatGoals,
  formatPhases,
  formatTable,
  type LoadResult,
  median,
  writeResults,
} from './report';
import { readSqlBreakdown } from './sql-log';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
const CLI_ARGS = ['--import', './tests/bench/cli-preload.ts', 'lib/cli/index.ts'];
const CONSULTANT_COUNT = 600;
const ORGANISATION = { code: 'RBENCH', name: 'Benchmark Hospitals NHS Trust' };

const BASELINE_CHOICE = [
  'bench_baseline is CREATE TABLE (LIKE clinic_sessions INCLUDING DEFAULTS): the same columns, types (enums,',
  'time, date, integer, boolean) and NOT NULLs, so psql converts exactly what the import must, with',
  'organisation_id defaulting to the benchmark organisation and id to a sequence of its own. Its indexes are',
  "clinic_sessions' own, read with pg_get_indexdef, with consultant_id replaced by gmc_number: \\copy cannot",
  'fill consultant_id (the import looks it up from gmc_number), and an index over an all-NULL column would',
  'be an unfairly cheap append, while gmc_number is spread like consultant_id (one per consultant). Not',
  'copied: the foreign key to organisations, which clinic_sessions checks on every inserted row.',
].join('\n  ');

interface Options {
  rows: number;
  pgliteRows: number;
  seed: number;
  baselineRuns: number;
  timeoutSeconds: number;
  simulateDeleteFix: boolean;
  keepFiles: boolean;
}

function wholeNumber(value: string, flag: string, min: number): number {
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < min) throw new Error(`${flag} must be a whole number ≥ ${min}`);
  return number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      'pglite-rows': { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      'baseline-runs': { type: 'string', default: '3' },
      'timeout-minutes': { type: 'string', default: '10' },
      'simulate-delete-fix': { type: 'boolean', default: false },
      'keep-files': { type: 'boolean', default: false },
    },
  });
  const rows = wholeNumber(values.rows, '--rows', 1);
  return {
    rows,
    pgliteRows: Math.min(wholeNumber(values['pglite-rows'], '--pglite-rows', 0), rows),
    seed: wholeNumber(values.seed, '--seed', 0),
    baselineRuns: wholeNumber(values['baseline-runs'], '--baseline-runs', 1),
    timeoutSeconds: wholeNumber(values['timeout-minutes'], '--timeout-minutes', 1) * 60,
    simulateDeleteFix: values['simulate-delete-fix'],
    keepFiles: values['keep-files'],
  };
}

function log(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Cleanup steps, run once, last added first: at the end, on failure, or on Ctrl-C (all callers await the same run). */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private running: Promise<void> | undefined;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.reverse()) {
      await step().catch((error) => log(`cleanup failed: ${error instanceof Error ? error.message : error}`));
    }
  }
}

interface Files {
  folder: string;
  consultants: string;
  sessions: string;
  pgliteSessions: string;
  sessionsBytes: number;
}

async function writeFiles(options: Options, folder: string): Promise<Files> {
  const consultants = makeConsultants(CONSULTANT_COUNT, options.seed);
  const files = {
    folder,
    consultants: path.join(folder, 'consultants.csv'),
    sessions: path.join(folder, `clinic-sessions-${options.rows}.csv`),
    pgliteSessions: path.join(folder, `clinic-sessions-first-${options.pgliteRows}.csv`),
  };
  const started = performance.now();
  await writeConsultantsCsv(files.consultants, consultants);
  const layout = { totalRows: options.rows, seed: options.seed };
  const sessionsBytes = await writeSessionsCsv(files.sessions, consultants, layout);
  if (options.pgliteRows > 0) {
    await writeSessionsCsv(files.pgliteSessions, consultants, { ...layout, writeRows: options.pgliteRows });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (sessionsBytes / 1e6).toFixed(1);
  log(`wrote ${options.rows.toLocaleString('en-GB')} rows (${megabytes} MB) to ${folder} in ${seconds} s`);
  return { ...files, sessionsBytes };
}

interface CliImport {
  status: string;
  rows: {
    read: number;
    inserted: number;
    updated: number;
    unchanged: number;
    deleted: number;
    rejected: number;
  };
  durationMs: number;
  warningCount?: number;
  errors: unknown[];
}

interface CliRun {
  measured: Measured;
  output: unknown;
  sqlLog: string;
}

/** Runs the CLI in a child process (as `npm run --silent cli -- …` does, plus the preload) and parses its JSON. */
async function runCli(
  args: string[],
  env: Record<string, string>,
  context: { folder: string; options: Options },
): Promise<CliRun> {
  const sqlLog = path.join(context.folder, `sql-${Date.now()}-${args[0]}.jsonl`);
  const measured = await runMeasured(TSX, [...CLI_ARGS, ...args], {
    env: {
      ...env,
      BENCH_SQL_LOG: sqlLog,
      BENCH_SIMULATE_DELETE_FIX: context.options.simulateDeleteFix ? '1' : '',
    },
    timeoutSeconds: context.options.timeoutSeconds,
  });
  if (measured.timedOut) return { measured, output: undefined, sqlLog };
  let output: unknown;
  try {
    output = JSON.parse(measured.stdout.trim().split('\n').at(-1) ?? '');
  } catch {
    output = undefined;
  }
  if (measured.exitCode !== 0 || output === undefined) {
    const details = `${measured.stdout.slice(0, 2000)}\n${measured.stderr.slice(0, 4000)}`;
    throw new Error(`cli ${args.join(' ')} exited ${measured.exitCode}\n${details}`);
  }
  return { measured, output, sqlLog };
}

interface ImportExpectation {
  status: string;
  rows: number;
  field: 'inserted' | 'unchanged';
}

function checkImport(label: string, result: CliImport, expect: ImportExpectation): void {
  if (result.status === expect.status && result.rows[expect.field] === expect.rows) return;
  const got = { status: result.status, rows: result.rows, errors: result.errors.slice(0, 5) };
  throw new Error(
    `${label}: expected ${expect.status} with ${expect.field} = ${expect.rows}, got ${JSON.stringify(got)}`,
  );
}

async function importSessions(
  label: string,
  file: string,
  env: Record<string, string>,
  context: { folder: string; options: Options; expect: ImportExpectation },
): Promise<LoadResult> {
  log(`${label}: import clinic-sessions ${path.basename(file)}`);
  // The import alone, as the issue measures it: the ledger refresh it requests is left pending (--defer-ledger).
  const { measured, output, sqlLog } = await runCli(
    ['import', 'clinic-sessions', file, '--defer-ledger'],
    env,
    context,
  );
  const breakdown = await readSqlBreakdown(sqlLog);
  const base = {
    label,
    rows: context.expect.rows,
    wallSeconds: measured.wallSeconds,
    peakRssMb: measured.peakRssMb,
    startupSeconds: breakdown.startupSeconds,
    phases: breakdown.phases,
  };
  if (measured.timedOut) {
    log(`${label}: stopped after ${measured.wallSeconds.toFixed(0)} s, during "${breakdown.runningPhase}"`);
    const note = `did not finish in ${context.options.timeoutSeconds / 60} min: stopped during "${breakdown.runningPhase}"`;
    return { ...base, timedOut: true, runningPhase: breakdown.runningPhase, note };
  }
  const result = output as CliImport;
  checkImport(label, result, context.expect);
  log(`${label}: ${measured.wallSeconds.toFixed(2)} s, ${measured.peakRssMb?.toFixed(0) ?? '?'} MB`);
  return {
    ...base,
    pipelineSeconds: result.durationMs / 1000,
    note: `status ${result.status}, rows ${JSON.stringify(result.rows)}, ${result.warningCount ?? 0} warnings`,
  };
}

/** Creates the organisation and loads the consultants through the CLI; returns the organisation id. */
async function prepareOrganisation(
  env: Record<string, string>,
  context: { folder: string; options: Options; consultantsFile: string },
): Promise<number> {
  const created = await runCli(['organisation:create', ORGANISATION.code, ORGANISATION.name], env, context);
  const consultants = await runCli(['import', 'consultants', context.consultantsFile], env, context);
  const imported = consultants.output as CliImport | undefined;
  if (imported?.rows.inserted !== CONSULTANT_COUNT) {
    throw new Error(
      `the consultants import did not insert ${CONSULTANT_COUNT} rows: ${consultants.measured.stdout}`,
    );
  }
  return (created.output as { id: number }).id;
}

async function runBaseline(client: pg.Client, databaseUrl: string, files: Files, options: Options) {
  const columns = await baselineCopyColumns(client);
  const runs: LoadResult[] = [];
  for (let run = 1; run <= options.baselineRuns; run++) {
    await resetTable(client, BASELINE_TABLE);
    const measured = await runMeasured('psql', psqlCopyArgs(databaseUrl, files.sessions, columns));
    if (measured.exitCode !== 0) throw new Error(`psql \\copy failed: ${measured.stderr}`);
    const loaded = await countRows(client, BASELINE_TABLE);
    if (loaded !== options.rows) throw new Error(`psql \\copy loaded ${loaded} rows, not ${options.rows}`);
    log(`baseline run ${run}: ${measured.wallSeconds.toFixed(2)} s`);
    runs.push({
      label: `psql \\copy run ${run}`,
      rows: loaded,
      wallSeconds: measured.wallSeconds,
      peakRssMb: measured.peakRssMb,
    });
  }
  await client.query(`TRUNCATE ${BASELINE_TABLE}`);
  const baseline: LoadResult = {
    label: `psql \\copy (median of ${runs.length})`,
    rows: options.rows,
    wallSeconds: median(runs.map((run) => run.wallSeconds)),
    peakRssMb: median(runs.map((run) => run.peakRssMb ?? 0)),
    note: `runs ${runs.map((run) => run.wallSeconds.toFixed(2)).join(', ')} s`,
  };
  return { runs, baseline };
}

interface PostgresContext {
  client: pg.Client;
  database: { name: string; url: string };
  files: Files;
  options: Options;
}

/** First import into the empty table, then (if it finished) the same file again. */
async function runPostgresImports(context: PostgresContext): Promise<LoadResult[]> {
  const { client, database, files, options } = context;
  const env = { DATABASE_URL: database.url };
  const shared = { folder: files.folder, options };
  await checkpoint(client);
  const first = await importSessions('CLI import (empty table)', files.sessions, env, {
    ...shared,
    expect: { status: 'committed', rows: options.rows, field: 'inserted' },
  });
  if (first.timedOut) {
    // The killed CLI's statement goes on running in its server session until that session is ended.
    await terminateSessions(client, database.name);
    return [first];
  }
  // A nightly re-import finds the table vacuumed and analysed by autovacuum: do it now, not during the run.
  await client.query('VACUUM (ANALYZE) clinic_sessions');
  await checkpoint(client);
  const again = await importSessions('CLI re-import (unchanged)', files.sessions, env, {
    ...shared,
    expect: { status: 'unchanged', rows: options.rows, field: 'unchanged' },
  });
  if (again.timedOut) await terminateSessions(client, database.name);
  return [first, again];
}

async function runPglite(files: Files, options: Options, cleanup: Cleanup): Promise<LoadResult | undefined> {
  if (options.pgliteRows === 0) return undefined;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fulfil-bench-pglite-'));
  cleanup.add(() => rm(dataDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: '', FULFIL_DATA_DIR: dataDir };
  const shared = { folder: files.folder, options };
  log(`PGlite: organisation and consultants in ${dataDir}`);
  await prepareOrganisation(env, { ...shared, consultantsFile: files.consultants });
  const label = `PGlite, first ${options.pgliteRows.toLocaleString('en-GB')} rows`;
  const load = await importSessions(label, files.pgliteSessions, env, {
    ...shared,
    expect: { status: 'committed', rows: options.pgliteRows, field: 'inserted' },
  });
  return { ...load, note: `${load.note}; its × \\copy compares time per row with PostgreSQL's \\copy` };
}

/** The commit measured, and whether the pipeline's files differed from it (others may be editing them). */
async function revision(): Promise<{ commit: string; changedFiles: string[] }> {
  const git = (args: string[]) => runMeasured('git', args).then((result) => result.stdout.trim());
  const commit = await git(['rev-parse', '--short', 'HEAD']);
  const status = await git(['status', '--porcelain', '--', 'lib/server/ingest', 'lib/shared', 'prisma']);
  return { commit, changedFiles: status.split('\n').filter(Boolean) };
}

async function environmentFacts(client: pg.Client, loadAverageAtStart: number[]): Promise<Environment> {
  const cpus = os.cpus();
  return {
    revision: await revision(),
    node: process.version,
    postgres: await serverVersion(client),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
    rssMeasuredWith: '/usr/bin/time -f %M (else /proc VmHWM polling), whole tsx process tree',
  };
}

function loadAverage(): number[] {
  return os.loadavg().map((value) => Number(value.toFixed(2)));
}

async function runAll(options: Options, serverUrl: string, cleanup: Cleanup): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fulfil-bench-'));
  if (!options.keepFiles) cleanup.add(() => rm(folder, { recursive: true, force: true }));
  const files = await writeFiles(options, folder);

  const database = await createBenchDatabase(serverUrl);
  cleanup.add(() => dropBenchDatabase(serverUrl, database.name));
  log(`database ${database.name}: migrating`);
  await (await openDatabase({ url: database.url, migrate: true })).close();
  const organisationId = await prepareOrganisation(
    { DATABASE_URL: database.url },
    { folder, options, consultantsFile: files.consultants },
  );

  return withClient(database.url, async (client) => {
    const indexes = await createBaselineTable(client, organisationId);
    const { runs, baseline } = await runBaseline(client, database.url, files, options);
    const [first, again] = await runPostgresImports({ client, database, files, options });
    const pglite = await runPglite(files, options, cleanup);
    const loads = [baseline, first, again, pglite].filter((load): load is LoadResult => load !== undefined);
    return {
      startedAt,
      options: {
        ...options,
        csvBytes: files.sessionsBytes,
        csvFolder: options.keepFiles ? folder : undefined,
      },
      environment: await environmentFacts(client, loadAverageAtStart),
      baseline: { choice: BASELINE_CHOICE, indexes, runs, median: baseline },
      loads,
      goals: evaluateGoals(baseline, first, again),
    };
  });
}

function describeRevision(revision: { commit: string; changedFiles: string[] }): string {
  const changed = revision.changedFiles.length;
  return changed === 0 ? revision.commit : `${revision.commit} + ${changed} uncommitted pipeline file(s)`;
}

async function printResults(results: BenchResults): Promise<void> {
  const [baseline] = results.loads;
  if (!baseline) return;
  const file = await writeResults(results);
  const { environment, options } = results;
  const simulated = options.simulateDeleteFix
    ? [
        '',
        'NOTE: --simulate-delete-fix: the delete-missing statement ran with enable_nestloop = off (not as shipped).',
      ]
    : [];
  const lines = [
    '',
    `Import benchmark: ${baseline.rows.toLocaleString('en-GB')} clinic-session rows ` +
      `(${((options.csvBytes as number) / 1e6).toFixed(1)} MB CSV); ${environment.cpus} CPUs ` +
      `(${environment.cpuModel}), Node ${environment.node}, PostgreSQL ${environment.postgres}`,
    `Commit ${describeRevision(environment.revision)}; load average (1 min) ${environment.loadAverageAtStart[0]} at` +
      ` start, ${environment.loadAverageAtEnd[0]} at the end (other work on the machine skews wall times)`,
    ...simulated,
    '',
    `Baseline: ${results.baseline.choice}`,
    ...results.baseline.indexes.map((index) => `    ${index}`),
    '',
    formatTable(results.loads, baseline),
    '',
    'Where the time went (SQL statements of the CLI child; the COPY includes reading, parsing and validating):',
    formatPhases(results.loads),
    '',
    'Goals (issue 3):',
    formatGoals(results.goals),
    '',
    `Results written to ${path.relative(REPO_ROOT, file)}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.chdir(REPO_ROOT);
  const serverUrl = process.env.BENCH_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const cleanup = new Cleanup();
  let interrupted = false;
  const interrupt = (signal: NodeJS.Signals) => {
    interrupted = true;
    log(`${signal}: stopping the children and cleaning up`);
    killActiveChildren();
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await printResults(await runAll(options, serverUrl, cleanup));
  } catch (error) {
    // Stopping the children on Ctrl-C fails what they were doing: that is not the error to report.
    if (!interrupted) throw error;
  } finally {
    await cleanup.run();
  }
  if (interrupted) process.exit(130);
}

await main();
