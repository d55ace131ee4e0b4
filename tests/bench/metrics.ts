/**
 * Metrics benchmark (issue 4, point 6): how long the session ledger takes to build and to refresh after an import,
 * and how fast the server answers what the dashboard pages ask for on first paint (and the metrics API's views),
 * each beside the same SQL run directly. A benchmark that prints numbers, not a test: it exits 0 whenever it ran
 * to the end, whatever the goals say.
 *
 *   tsx tests/bench/metrics.ts [--consultants 600] [--months 36] [--seed N] [--end YYYY-MM-DD]
 *                              [--build-runs 3] [--incremental-runs 3] [--warmup 5] [--calls 30] [--rounds N]
 *                              [--explain] [--keep-database] [--keep-files] [--pg-options="-c jit=off"]
 *   tsx tests/bench/metrics.ts --reuse-database <url of a database kept with --keep-database> [--pg-options …]
 *   e.g. npm run bench:metrics -- --consultants 150 --months 12      (a quick run)
 *   BENCH_CONSULTANTS / BENCH_MONTHS set the size too (flags win).
 *
 * Needs: BENCH_DATABASE_URL, a PostgreSQL server URL whose user may create databases (default
 * postgresql://postgres@127.0.0.1:5432/postgres; a superuser also lets it CHECKPOINT between timed steps), and
 * psql on the PATH.
 *
 * What it does:
 *  1. Generates the demo trust (lib/server/demo, --consultants × --months ending --end) as CSV in a temporary
 *     folder and moves the last month of clinic sessions and theatre lists to files of their own.
 *  2. Creates a throwaway database fulfil_bench_<random> (dropped at the end, also on failure or Ctrl-C; kept with
 *     --keep-database), migrates it, and imports everything else through importFile with refreshLedger: false
 *     (not timed as part of any goal), then VACUUM ANALYZE.
 *  3. Ledger: the first build (processLedgerRefreshRequests of the imports' requests, i.e. the whole ledger), then
 *     --build-runs full builds (refreshLedger, FULL_LEDGER), each after VACUUM ANALYZE and CHECKPOINT; the median
 *     is the full build time.
 *  4. Incremental: imports the held-back month (refreshLedger: false), then times processLedgerRefreshRequests.
 *     Its request is then re-queued and processed again (--incremental-runs in all) for a median; the goal is
 *     judged on the first run, the one an import triggers.
 *  5. Dashboards, trust-wide scope; the specialty measured is the one with the most consultants, the consultant
 *     its busiest (ledger sessions in the last 12 months). First the pages, as the server paints them for a browser
 *     opening them from the navigation (no query in the URL): each page's metric requests, through the server
 *     functions its server components call, in the page's order and concurrency (metrics-pages.ts says what is
 *     left out):
 *       overview page   (app/(dashboard)/page.tsx), default last 13 weeks: readDashboardPageFilter (metric
 *                       context, division options), then at once the five requests of overviewRequests:
 *                       loadReport of the specialties, the headline and its baseline a year earlier, loadSeries
 *                       of the 52-week trust series, loadJobPlanCurrency;
 *       specialty page  (app/(dashboard)/specialties/[id]), default last 13 weeks: readPageFilter (metric
 *                       context), then at once the four requests of specialtyRequests: loadReport of its
 *                       consultants and of itself, loadWorkloadBalance, loadSeries of its 52-week series;
 *       consultant page (app/(dashboard)/consultants/[id]), default the 12 months to the last covered date:
 *                       getMetricContext, then at once loadLedgerEntries, loadConsultantWeekly, loadJobPlans
 *                       (versions, currency), getConsultantSpecialtyId followed by loadSpecialtyPeers per
 *                       category, and loadConsultantRow.
 *     Then the metrics API's views, which no page calls, over the last 12 months, activity 'all':
 *     getTrustOverview (GET /api/metrics/overview), getSpecialtyView (GET /api/metrics/specialties/:id, review
 *     agendas), getConsultantView (GET /api/metrics/consultants/:id).
 *     Each entry: --warmup calls, then --calls timed calls (median, p95). One more call is recorded (every
 *     statement it sends through the pg pool, with parameters and timing), and its statements are run as
 *     baselines, --rounds rounds each: psql with the parameters inlined (`\timing`, statements one after another:
 *     the sum per round, and the slowest statement, the floor had everything run in parallel), a raw pg client one
 *     after another, all at once on the app's pool (Promise.all), and EXPLAIN ANALYZE (server execution time).
 *     Every entry is judged against the same goals: p95 ≤ 150 ms, and p95 ≤ 1.5× its statements' psql sum (p95).
 *     --explain also keeps each statement's plan (EXPLAIN ANALYZE, BUFFERS) in the JSON.
 *  6. Prints the tables and the goals with PASS/FAIL and writes .data/bench/metrics-<timestamp>.json.
 *
 * Every connection the benchmark makes (the app's pool, the raw pg clients, psql) gets the session settings the
 * app's pool gives its own connections (lib/server/db.ts, e.g. work_mem), so the baselines run as the app does.
 * For investigating: --pg-options adds session options to all of them, e.g. --pg-options="-c jit=off" (with "=":
 * the value starts with a dash), to measure a setting without changing the code. --keep-database keeps the
 * database (its URL is printed); --reuse-database <url> then measures the dashboards alone on it, as it stands,
 * e.g. after creating an index by hand.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
// Renamed: useDatabase is not a React hook (it sets the process's database), whatever its name tells the linter.
import { type Database, openDatabase, useDatabase as setProcessDatabase } from '@/lib/server/db';
import { DEMO_DEFAULTS } from '@/lib/server/demo/generate';
import { DEMO_ORGANISATION } from '@/lib/server/demo/reference';
import { FULL_LEDGER, type LedgerRefreshResult, refreshLedger } from '@/lib/server/ledger/refresh-ledger';
import { processLedgerRefreshRequests } from '@/lib/server/ledger/refresh-requests';
import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import { getConsultantView, getSpecialtyView, getTrustOverview } from '@/lib/server/metrics/views';
import { type Scope, trustWideScope } from '@/lib/shared/scope';
import {
  checkpoint,
  createBenchDatabase,
  dropBenchDatabase,
  serverVersion,
  withClient,
} from './bench-database';
import { runMeasured } from './measure';
import {
  createDemoOrganisation,
  type DemoFiles,
  type ImportedFile,
  importFiles,
  writeDemoFiles,
} from './metrics-data';
// Types only: the module itself is imported after allowServerOnlyImports() (see runAll).
import type { PageFilter } from './metrics-pages';
import {
  distribution,
  evaluateMetricsGoals,
  formatLedger,
  formatLedgerStatements,
  formatStatements,
  formatViews,
  type LedgerRun,
  type MetricsBenchResults,
  type StatementResult,
  type ViewResult,
  writeMetricsResults,
} from './metrics-report';
import {
  ClientStatementTimer,
  explainStatement,
  inlineParameters,
  ledgerStatementLabel,
  pgParallelWalls,
  pgSequentialRounds,
  psqlRounds,
  roundTotals,
  StatementRecorder,
  type StatementTotal,
  statementKey,
  statementLabel,
  statementMedians,
} from './metrics-sql';
import { formatGoals, median } from './report';
import { allowServerOnlyImports } from './server-only';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

interface Options {
  consultants: number;
  months: number;
  seed: number;
  endDate: string;
  buildRuns: number;
  incrementalRuns: number;
  warmup: number;
  calls: number;
  rounds: number;
  explain: boolean;
  keepDatabase: boolean;
  keepFiles: boolean;
  pgOptions: string;
  reuseDatabase: string | undefined;
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
      consultants: { type: 'string', default: process.env.BENCH_CONSULTANTS || '600' },
      months: { type: 'string', default: process.env.BENCH_MONTHS || '36' },
      seed: { type: 'string', default: String(DEMO_DEFAULTS.seed) },
      end: { type: 'string', default: DEMO_DEFAULTS.endDate },
      'build-runs': { type: 'string', default: '3' },
      'incremental-runs': { type: 'string', default: '3' },
      warmup: { type: 'string', default: '5' },
      calls: { type: 'string', default: '30' },
      rounds: { type: 'string' },
      explain: { type: 'boolean', default: false },
      'keep-database': { type: 'boolean', default: false },
      'keep-files': { type: 'boolean', default: false },
      'pg-options': { type: 'string', default: '' },
      'reuse-database': { type: 'string' },
    },
  });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end)) throw new Error('--end must be a date, YYYY-MM-DD');
  const calls = wholeNumber(values.calls, '--calls', 1);
  return {
    consultants: wholeNumber(values.consultants, '--consultants', 30),
    months: wholeNumber(values.months, '--months', 12),
    seed: wholeNumber(values.seed, '--seed', 0),
    endDate: values.end,
    buildRuns: wholeNumber(values['build-runs'], '--build-runs', 1),
    incrementalRuns: wholeNumber(values['incremental-runs'], '--incremental-runs', 1),
    warmup: wholeNumber(values.warmup, '--warmup', 0),
    calls,
    rounds: values.rounds === undefined ? calls : wholeNumber(values.rounds, '--rounds', 1),
    explain: values.explain,
    keepDatabase: values['keep-database'],
    keepFiles: values['keep-files'],
    pgOptions: values['pg-options'],
    reuseDatabase: values['reuse-database'],
  };
}

function log(message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Cleanup steps, run once, last added first: at the end, on failure, or on Ctrl-C. */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private running: Promise<void> | undefined;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step().catch((error) =>
          log(`cleanup failed: ${error instanceof Error ? error.message : error}`),
        );
      }
    })();
    return this.running;
  }
}

interface Context {
  options: Options;
  database: Database;
  databaseUrl: string;
  organisationId: number;
  folder: string;
}

/** VACUUM (ANALYZE) the tables given (all when none) and CHECKPOINT: the state autovacuum would leave. */
async function settle(url: string, tables: readonly string[] = []): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
    await checkpoint(client);
  });
}

function ledgerRun(
  label: string,
  measured: { seconds: number; result: LedgerRefreshResult | null; statements: StatementTotal[] },
): LedgerRun {
  const { seconds, result, statements } = measured;
  if (!result) throw new Error(`${label}: no ledger refresh request was pending`);
  const consultants = result.scope.consultants === 'all' ? 'all' : `${result.scope.consultants}`;
  const dates = result.scope.dates ? `${result.scope.dates.from} – ${result.scope.dates.to}` : 'all dates';
  return {
    label,
    seconds,
    refreshSeconds: result.durationMs / 1000,
    sessionsWritten: result.sessionsWritten,
    planLines: result.planLines,
    scope: `consultants ${consultants}, ${dates}`,
    statements,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

async function runLedger(context: Context, files: DemoFiles) {
  const { database, databaseUrl, organisationId, options } = context;
  const timer = new ClientStatementTimer(ledgerStatementLabel);
  /** Times a refresh, and each of its statements. */
  const measure = async (work: () => Promise<LedgerRefreshResult | null>) => {
    const started = performance.now();
    const { result, statements } = await timer.record(work);
    return { result, statements, seconds: (performance.now() - started) / 1000 };
  };
  log('ledger: first build (the bulk imports’ pending requests)');
  const first = await measure(() => processLedgerRefreshRequests(database, organisationId));
  const initialBuild = ledgerRun('first build (pending requests of the imports)', first);
  log(`ledger: first build ${first.seconds.toFixed(2)} s, ${first.result?.sessionsWritten} sessions`);

  const fullBuilds: LedgerRun[] = [];
  for (let run = 1; run <= options.buildRuns; run++) {
    await settle(databaseUrl, ['ledger_sessions', 'ledger_plan_lines']);
    const build = await measure(() => refreshLedger(database, organisationId, FULL_LEDGER));
    fullBuilds.push(ledgerRun(`full build run ${run} (refreshLedger, FULL_LEDGER)`, build));
    log(`ledger: full build run ${run}: ${build.seconds.toFixed(2)} s`);
  }

  await settle(databaseUrl, ['ledger_sessions', 'ledger_plan_lines']);
  log(`ledger: importing the held-back month (from ${files.heldBackFrom})`);
  const heldBack = await timed(() => importFiles(database, organisationId, files.heldBack));
  const requests = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT organisation_id, batch_id, consultant_ids, date_from, date_to
         FROM ledger_refresh_requests WHERE organisation_id = $1 ORDER BY id`,
      [organisationId],
    );
    await checkpoint(client);
    return rows;
  });
  const incremental: LedgerRun[] = [];
  for (let run = 1; run <= options.incrementalRuns; run++) {
    if (run > 1) {
      // The same requests again: the same month is deleted from the ledger and rewritten.
      await withClient(databaseUrl, async (client) => {
        for (const request of requests) {
          await client.query(
            `INSERT INTO ledger_refresh_requests (organisation_id, batch_id, consultant_ids, date_from, date_to)
             VALUES ($1, $2, $3, $4, $5)`,
            [
              request.organisation_id,
              request.batch_id,
              request.consultant_ids,
              request.date_from,
              request.date_to,
            ],
          );
        }
        await checkpoint(client);
      });
    }
    const refresh = await measure(() => processLedgerRefreshRequests(database, organisationId));
    const label =
      run === 1
        ? 'incremental: after importing the last month'
        : `incremental: same requests again, run ${run}`;
    incremental.push(ledgerRun(label, refresh));
    log(`ledger: ${label}: ${refresh.seconds.toFixed(2)} s, ${refresh.result?.sessionsWritten} sessions`);
  }
  return {
    initialBuild,
    fullBuilds,
    fullBuildMedianSeconds: median(fullBuilds.map((run) => run.seconds)),
    heldBackImport: heldBack.result,
    heldBackImportSeconds: heldBack.seconds,
    incremental,
  };
}

/** The last 12 months of activity, ending on its last day. */
function lastTwelveMonths(endDate: string): { from: string; to: string } {
  const end = new Date(`${endDate}T00:00:00Z`);
  const from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 12, end.getUTCDate() + 1));
  return { from: from.toISOString().slice(0, 10), to: endDate };
}

interface Subjects {
  specialty: { id: number; name: string; consultants: number };
  consultant: { id: number; name: string; sessions: number };
}

async function chooseSubjects(
  client: pg.Client,
  organisationId: number,
  period: { from: string; to: string },
) {
  const { rows: specialties } = await client.query<Subjects['specialty']>(
    `SELECT s.id, s.name, count(*)::int AS consultants
       FROM consultants c JOIN specialties s ON s.organisation_id = c.organisation_id AND s.id = c.specialty_id
      WHERE c.organisation_id = $1 GROUP BY s.id, s.name ORDER BY 3 DESC, 1 LIMIT 1`,
    [organisationId],
  );
  const specialty = specialties[0];
  if (!specialty) throw new Error('no specialty has consultants');
  const { rows: consultants } = await client.query<Subjects['consultant']>(
    `SELECT c.id, c.name, count(*)::int AS sessions
       FROM ledger_sessions l JOIN consultants c ON c.organisation_id = l.organisation_id AND c.id = l.consultant_id
      WHERE l.organisation_id = $1 AND c.specialty_id = $2 AND l.session_date BETWEEN $3 AND $4
      GROUP BY c.id, c.name ORDER BY 3 DESC, 1 LIMIT 1`,
    [organisationId, specialty.id, period.from, period.to],
  );
  const consultant = consultants[0];
  if (!consultant) throw new Error(`no consultant of ${specialty.name} has ledger sessions`);
  return { specialty, consultant };
}

type Pages = typeof import('./metrics-pages');

interface View {
  id: string;
  kind: ViewResult['kind'];
  label: string;
  period: Period;
  activity: ActivityFilter;
  call: () => Promise<unknown>;
}

function describeFilter(filter: PageFilter): string {
  const preset = filter.preset ? `${filter.preset} ` : '';
  return `${preset}${filter.period.from} to ${filter.period.to}, activity ${filter.activity}`;
}

/** The pages' first paint (metrics-pages.ts), each with the filters a URL without a query gives it. */
async function pageViews(pages: Pages, scope: Scope, subjects: Subjects): Promise<View[]> {
  const { specialty, consultant } = subjects;
  const filters = await pages.pageFilters(scope, specialty.id);
  const entry = (id: string, filter: PageFilter, label: string, call: () => Promise<unknown>): View => ({
    id,
    kind: 'page',
    label: `${label}; ${describeFilter(filter)}`,
    period: filter.period,
    activity: filter.activity,
    call,
  });
  return [
    entry(
      'overview page',
      filters.overview,
      'Overview page first paint (app/(dashboard)/page.tsx): its filters, then headline, baseline, ' +
        'specialties, weekly series and job-plan currency, at once',
      () => pages.paintOverviewPage(scope),
    ),
    entry(
      'specialty page',
      filters.specialty,
      `Specialty page first paint: ${specialty.name} (${specialty.consultants} consultants): its filters, then ` +
        'the specialty, its consultants, weekly series and workload balance, at once',
      () => pages.paintSpecialtyPage(scope, specialty.id),
    ),
    entry(
      'consultant page',
      filters.consultant,
      `Consultant page first paint: ${consultant.name}: metric context, then ledger entries, weekly series, ` +
        'job plans, the specialty lookup and its peers per category, and the own row, at once',
      () => pages.paintConsultantPage(scope, consultant.id),
    ),
  ];
}

/**
 * The metrics API's views (lib/server/metrics/views.ts), which no page calls: GET /api/metrics/overview,
 * /specialties/:id (and the review agendas) and /consultants/:id, over the 12 months the benchmark has always used.
 */
function apiViews(
  database: Database,
  scope: Scope,
  period: { from: string; to: string },
  subjects: Subjects,
): View[] {
  const request = { period, activity: 'all' } as const;
  const { specialty, consultant } = subjects;
  const present = async (label: string, result: Promise<unknown>) => {
    const value = await result;
    if (value === null) throw new Error(`${label} returned null`);
    return value;
  };
  const twelveMonths = `12 months ${period.from} to ${period.to}, activity all`;
  return [
    {
      id: 'overview API',
      kind: 'api',
      label: `GET /api/metrics/overview (getTrustOverview): trust, every specialty, monthly series; ${twelveMonths}`,
      ...request,
      call: () => getTrustOverview(database, scope, request),
    },
    {
      id: 'specialty API',
      kind: 'api',
      label:
        `GET /api/metrics/specialties/:id and review agendas (getSpecialtyView): ${specialty.name}, ` +
        `its consultants, weekly series; ${twelveMonths}`,
      ...request,
      call: () =>
        present(
          'getSpecialtyView',
          getSpecialtyView(database, scope, { ...request, specialtyId: specialty.id }),
        ),
    },
    {
      id: 'consultant API',
      kind: 'api',
      label:
        `GET /api/metrics/consultants/:id (getConsultantView): ${consultant.name} ` +
        `(${consultant.sessions} ledger sessions), weekly series, every session; ${twelveMonths}`,
      ...request,
      call: () =>
        present(
          'getConsultantView',
          getConsultantView(database, scope, { ...request, consultantId: consultant.id }),
        ),
    },
  ];
}

async function measureView(context: Context, recorder: StatementRecorder, view: View): Promise<ViewResult> {
  const { options, database, databaseUrl } = context;
  if (database.driver.kind !== 'postgresql') throw new Error('the metrics benchmark needs PostgreSQL');
  const pool = database.driver.pool;
  for (let call = 0; call < options.warmup; call++) await view.call();
  const walls: number[] = [];
  for (let call = 0; call < options.calls; call++) {
    const started = performance.now();
    await view.call();
    walls.push(performance.now() - started);
  }
  const recorded = await recorder.record(view.call);
  const resultKb = Buffer.byteLength(JSON.stringify(recorded.result)) / 1024;
  const statements = recorded.statements;
  const inlined = statements.map((statement) => inlineParameters(statement.sql, statement.params));
  const rounds = { warmup: Math.min(options.warmup, 3), rounds: options.rounds };
  log(
    `${view.id}: ${options.calls} calls, median ${median(walls).toFixed(1)} ms; baselines (${statements.length} statements)`,
  );
  const psql = await psqlRounds(databaseUrl, inlined, {
    ...rounds,
    folder: context.folder,
    name: view.id.replace(/\W+/g, '-'),
  });
  const pgSequential = await pgSequentialRounds(databaseUrl, statements, rounds);
  const pgParallel = await pgParallelWalls(pool, statements, rounds);
  const distinct = [...new Map(statements.map((statement) => [statementKey(statement), statement])).values()];
  const pgParallelDistinct =
    distinct.length === statements.length ? pgParallel : await pgParallelWalls(pool, distinct, rounds);
  const psqlMedians = statementMedians(psql);
  const pgMedians = statementMedians(pgSequential);
  const firstByKey = new Map<string, number>();
  const results: StatementResult[] = await withClient(databaseUrl, async (client) => {
    const list: StatementResult[] = [];
    for (const [index, statement] of statements.entries()) {
      const key = statementKey(statement);
      const sameAs = firstByKey.get(key);
      if (sameAs === undefined) firstByKey.set(key, index);
      const explained =
        sameAs === undefined
          ? await explainStatement(client, inlined[index] ?? '', 3, options.explain)
          : { ...(list[sameAs] as StatementResult), plan: undefined };
      list.push({
        label: statementLabel(statement.sql),
        rows: statement.rows,
        startMs: statement.startMs,
        inCallMs: statement.ms,
        psqlMedianMs: psqlMedians[index] ?? Number.NaN,
        pgMedianMs: pgMedians[index] ?? Number.NaN,
        executionMs: explained.executionMs,
        planningMs: explained.planningMs,
        sameAs,
        sql: statement.sql,
        params: statement.params,
        plan: explained.plan,
      });
    }
    return list;
  });
  const fn = distribution(walls);
  const psqlSum = distribution(roundTotals(psql));
  const psqlMaxMs = Math.max(...psqlMedians);
  const parallel = distribution(pgParallel);
  return {
    id: view.id,
    kind: view.kind,
    label: view.label,
    period: view.period,
    activity: view.activity,
    function: fn,
    resultKb,
    statements: results,
    baselines: {
      psqlSum,
      psqlMaxMs,
      psqlDistinctSumMs: results.reduce(
        (sum, statement) => sum + (statement.sameAs === undefined ? statement.psqlMedianMs : 0),
        0,
      ),
      pgSequentialSum: distribution(roundTotals(pgSequential)),
      pgParallel: parallel,
      pgParallelDistinct: distribution(pgParallelDistinct),
      distinctStatements: distinct.length,
      executionSumMs: results.reduce((sum, statement) => sum + statement.executionMs, 0),
    },
    ratios: {
      psqlSumMedian: fn.medianMs / psqlSum.medianMs,
      psqlSumP95: fn.p95Ms / psqlSum.p95Ms,
      psqlMax: fn.medianMs / psqlMaxMs,
      pgParallel: fn.medianMs / parallel.medianMs,
    },
  };
}

async function revision(): Promise<{ commit: string; changedFiles: string[] }> {
  const git = (args: string[]) => runMeasured('git', args).then((result) => result.stdout.trim());
  const commit = await git(['rev-parse', '--short', 'HEAD']);
  const status = await git([
    'status',
    '--porcelain',
    '--',
    'lib/server/db.ts',
    'lib/server/ledger',
    'lib/server/metrics',
    'lib/server/ingest',
    'prisma',
    'components/dashboard',
    'components/filters',
    'components/overview/overview-requests.ts',
    'components/specialty/specialty-requests.ts',
    'components/consultant',
  ]);
  return { commit, changedFiles: status.split('\n').filter(Boolean) };
}

function loadAverage(): number[] {
  return os.loadavg().map((value) => Number(value.toFixed(2)));
}

async function environmentFacts(client: pg.Client, loadAverageAtStart: number[]) {
  const cpus = os.cpus();
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting || COALESCE(unit, '') AS setting FROM pg_settings
      WHERE name IN ('shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost')
      ORDER BY name`,
  );
  return {
    revision: await revision(),
    node: process.version,
    postgres: await serverVersion(client),
    postgresSettings: Object.fromEntries(rows.map((row) => [row.name, row.setting])),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
  };
}

function importSummary(imported: readonly ImportedFile[]) {
  return imported.map((file) => ({
    kind: file.kind,
    file: path.basename(file.file),
    rows: file.rows.inserted,
    seconds: Number(file.seconds.toFixed(2)),
  }));
}

/** The session options (e.g. `-c jit=off`) on every connection the benchmark makes, through the URL. */
function withPgOptions(url: string, pgOptions: string): string {
  if (!pgOptions) return url;
  const parsed = new URL(url);
  parsed.searchParams.delete('options');
  // Not searchParams.set: it writes spaces as "+", which libpq (psql) does not read as spaces.
  return `${parsed.toString()}${parsed.search ? '&' : '?'}options=${encodeURIComponent(pgOptions)}`;
}

/**
 * The session settings the app's own pool gives its connections (lib/server/db.ts passes them as startup options,
 * e.g. work_mem), as `-c name=value` options: the baselines (psql, raw pg clients) must run with the same ones.
 * A URL's `options` replaces the pool's, so the benchmark's URL carries these first and --pg-options after them
 * (the last of two settings of one name wins).
 */
async function appSessionOptions(url: string): Promise<string> {
  const database = await openDatabase({ url });
  try {
    if (database.driver.kind !== 'postgresql') return '';
    const { rows } = await database.driver.pool.query<{ name: string; value: string }>(
      `SELECT name, current_setting(name) AS value FROM pg_settings
        WHERE source = 'client' AND name <> 'client_encoding' ORDER BY name`,
    );
    return rows.map((row) => `-c ${row.name}=${row.value.replaceAll(' ', '\\ ')}`).join(' ');
  } finally {
    await database.close();
  }
}

/**
 * Opens the app's database on the benchmark's URL. An idle pooled connection that the server ends (the final
 * DROP DATABASE … WITH (FORCE)) makes the pool emit 'error': logged, not a crash.
 */
async function openBenchDatabase(url: string): Promise<Database> {
  const database = await openDatabase({ url });
  if (database.driver.kind === 'postgresql') {
    database.driver.pool.on('error', (error) => log(`pooled connection ended: ${error.message}`));
  }
  return database;
}

async function sessionUrl(url: string, options: Options): Promise<{ url: string; sessionOptions: string }> {
  const sessionOptions = [await appSessionOptions(url), options.pgOptions].filter(Boolean).join(' ');
  return { url: withPgOptions(url, sessionOptions), sessionOptions };
}

interface Prepared {
  database: Database;
  databaseUrl: string;
  /** The session options on every connection: the app pool's own, then --pg-options. */
  sessionOptions: string;
  organisationId: number;
  endDate: string;
  data: Record<string, unknown>;
  ledger: Awaited<ReturnType<typeof runLedger>> | null;
}

/** Generates and imports the demo trust into a new database, and measures the ledger builds. */
async function prepareNew(
  options: Options,
  serverUrl: string,
  folder: string,
  cleanup: Cleanup,
): Promise<Prepared> {
  log(
    `generating the demo trust: ${options.consultants} consultants × ${options.months} months to ${options.endDate}`,
  );
  const files = await writeDemoFiles(folder, {
    seed: options.seed,
    consultants: options.consultants,
    months: options.months,
    endDate: options.endDate,
  });
  log(`wrote ${JSON.stringify(files.generatedRows)} in ${files.generateSeconds.toFixed(1)} s to ${folder}`);

  const created = await createBenchDatabase(serverUrl);
  if (options.keepDatabase) log(`database ${created.url} is kept (--keep-database)`);
  else cleanup.add(() => dropBenchDatabase(serverUrl, created.name));
  log(`database ${created.name}: migrating`);
  await (await openDatabase({ url: created.url, migrate: true })).close();
  const { url: databaseUrl, sessionOptions } = await sessionUrl(created.url, options);
  const database = await openBenchDatabase(databaseUrl);
  cleanup.add(() => database.close());
  const organisationId = await createDemoOrganisation(database);

  log('importing the extracts (refreshLedger: false; not timed for the goals)');
  const bulk = await timed(() => importFiles(database, organisationId, files.bulk));
  log(`imported in ${bulk.seconds.toFixed(1)} s; VACUUM ANALYZE`);
  await settle(databaseUrl);

  const ledger = await runLedger({ options, database, databaseUrl, organisationId, folder }, files);
  await settle(databaseUrl);
  return {
    database,
    databaseUrl,
    sessionOptions,
    organisationId,
    endDate: files.endDate,
    ledger,
    data: {
      consultants: options.consultants,
      months: options.months,
      activity: { from: files.startDate, to: files.endDate },
      heldBackFrom: files.heldBackFrom,
      generatedRows: files.generatedRows,
      heldBackRows: files.heldBackRows,
      generateSeconds: Number(files.generateSeconds.toFixed(1)),
      bulkImport: { seconds: Number(bulk.seconds.toFixed(1)), files: importSummary(bulk.result) },
      heldBackImport: importSummary(ledger.heldBackImport),
      database: options.keepDatabase ? created.url : created.name,
    },
  };
}

/** A database kept by an earlier run (--keep-database): only the dashboards are measured, as it stands. */
async function prepareReused(options: Options, url: string, cleanup: Cleanup): Promise<Prepared> {
  const { url: databaseUrl, sessionOptions } = await sessionUrl(url, options);
  const database = await openBenchDatabase(databaseUrl);
  cleanup.add(() => database.close());
  const facts = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ id: number; end_date: string | null; consultants: number }>(
      `SELECT o.id, (SELECT to_char(max(date_to), 'YYYY-MM-DD') FROM ledger_coverage c WHERE c.organisation_id = o.id)
                AS end_date,
              (SELECT count(*)::int FROM consultants c WHERE c.organisation_id = o.id) AS consultants
         FROM organisations o WHERE o.code = $1`,
      [DEMO_ORGANISATION.code],
    );
    return rows[0];
  });
  if (!facts?.end_date) throw new Error(`${url} has no demo organisation with a ledger`);
  log(`reusing ${url}: dashboards only`);
  return {
    database,
    databaseUrl,
    sessionOptions,
    organisationId: facts.id,
    endDate: facts.end_date,
    ledger: null,
    data: { consultants: facts.consultants, reusedDatabase: url, activity: { to: facts.end_date } },
  };
}

async function runAll(options: Options, serverUrl: string, cleanup: Cleanup): Promise<MetricsBenchResults> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fulfil-bench-metrics-'));
  if (!options.keepFiles) cleanup.add(() => rm(folder, { recursive: true, force: true }));
  const prepared = options.reuseDatabase
    ? await prepareReused(options, options.reuseDatabase, cleanup)
    : await prepareNew(options, serverUrl, folder, cleanup);
  const { database, databaseUrl, organisationId } = prepared;
  if (database.driver.kind !== 'postgresql') throw new Error('the metrics benchmark needs PostgreSQL');
  const recorder = new StatementRecorder(database.driver.pool);
  const context: Context = { options, database, databaseUrl, organisationId, folder };

  const period = lastTwelveMonths(prepared.endDate);
  // The pages' loaders read the process's database and import modules marked 'server-only'.
  setProcessDatabase(database);
  allowServerOnlyImports();
  const pages: Pages = await import('./metrics-pages');
  return withClient(databaseUrl, async (client) => {
    const subjects = await chooseSubjects(client, organisationId, period);
    const scope = trustWideScope(organisationId);
    const measured: ViewResult[] = [];
    const views = [
      ...(await pageViews(pages, scope, subjects)),
      ...apiViews(database, scope, period, subjects),
    ];
    for (const view of views) measured.push(await measureView(context, recorder, view));
    const { rows } = await client.query<{ rows: number; mb: number }>(
      `SELECT (SELECT count(*)::int FROM ledger_sessions) AS rows,
              (pg_total_relation_size('ledger_sessions') / 1e6)::float8 AS mb`,
    );
    const { ledger } = prepared;
    const partial = {
      startedAt,
      options: {
        ...options,
        serverUrl: serverUrl.replace(/\/\/[^@/]*@/, '//…@'),
        folder: options.keepFiles ? folder : undefined,
      },
      environment: {
        ...(await environmentFacts(client, loadAverageAtStart)),
        sessionOptions: prepared.sessionOptions,
      },
      data: { ...prepared.data, subjects },
      ledger: ledger && {
        initialBuild: ledger.initialBuild,
        fullBuilds: ledger.fullBuilds,
        fullBuildMedianSeconds: ledger.fullBuildMedianSeconds,
        heldBackImportSeconds: ledger.heldBackImportSeconds,
        incremental: ledger.incremental,
      },
      ledgerTable: { rows: rows[0]?.rows ?? 0, mb: Number((rows[0]?.mb ?? 0).toFixed(1)) },
      dashboards: { views: measured },
    };
    return { ...partial, goals: evaluateMetricsGoals(partial) };
  });
}

function describeData(data: Record<string, unknown>): string[] {
  if (data.reusedDatabase) {
    return [
      `Metrics benchmark on ${data.reusedDatabase} (--reuse-database: dashboards only, as the database stands)`,
    ];
  }
  const generated = data.generatedRows as Record<string, number>;
  const heldBack = data.heldBackRows as { clinicSessions: number; theatreLists: number };
  const activity = data.activity as { from: string; to: string };
  const count = (value: number | undefined) => (value ?? 0).toLocaleString('en-GB');
  return [
    `Metrics benchmark: demo trust of ${data.consultants} consultants × ${data.months} months ` +
      `(${activity.from} to ${activity.to}); ${count(generated['clinic-sessions.csv'])} clinic sessions, ` +
      `${count(generated['theatre-lists.csv'])} theatre lists, ${count(generated['leave.csv'])} leave records; ` +
      `held back from ${data.heldBackFrom}: ${count(heldBack.clinicSessions)} sessions, ` +
      `${count(heldBack.theatreLists)} lists`,
    `Generation ${data.generateSeconds} s and import ${(data.bulkImport as { seconds: number }).seconds} s ` +
      '(not timed for the goals).',
  ];
}

async function printResults(results: MetricsBenchResults): Promise<void> {
  const file = await writeMetricsResults(results, REPO_ROOT);
  const { environment, data, ledger, ledgerTable, dashboards, options } = results;
  const revisionInfo = environment.revision as { commit: string; changedFiles: string[] };
  const changed = revisionInfo.changedFiles.length;
  const viewDetails = dashboards.views.flatMap((view) => ['', `${view.id}:`, formatStatements(view)]);
  const ledgerLines = ledger
    ? [
        `Held-back month imported in ${ledger.heldBackImportSeconds.toFixed(2)} s (refreshLedger: false) before ` +
          'the incremental runs.',
        formatLedger(ledger),
        '',
        'Where the ledger refreshes spent their time (s, by statement; the median full build and the first incremental):',
        formatLedgerStatements(ledger),
      ]
    : [];
  const lines = [
    '',
    ...describeData(data),
    `${environment.cpus} CPUs (${environment.cpuModel}), Node ${environment.node}, PostgreSQL ${environment.postgres} ` +
      `${JSON.stringify(environment.postgresSettings)}`,
    `Session options on the app's pool and on every baseline connection: ${environment.sessionOptions || 'none'}` +
      `${options.pgOptions ? ` (--pg-options "${options.pgOptions}")` : ''}`,
    `Commit ${revisionInfo.commit}${changed ? ` + ${changed} uncommitted db/ledger/metrics/ingest/prisma/page-loader file(s)` : ''}; ` +
      `load average (1 min) ${(environment.loadAverageAtStart as number[])[0]} at start, ` +
      `${(environment.loadAverageAtEnd as number[])[0]} at the end (other work on the machine skews the times)`,
    '',
    `Ledger: ${ledgerTable.rows.toLocaleString('en-GB')} rows, ${ledgerTable.mb} MB with indexes.`,
    ...ledgerLines,
    '',
    `Dashboards, trust-wide scope: ms; ${options.calls} calls after ${options.warmup} warm-up; baselines over ` +
      `${options.rounds} rounds. A page: its first paint's metric requests, as the page runs them; an API: one view.`,
    ...dashboards.views.map((view) => `  ${view.id}: ${view.label}`),
    '  psql Σ: the statements the call sent, run one after another in psql (\\timing, parameters inlined), per round;',
    '  psql max: the slowest single statement; exec Σ: EXPLAIN ANALYZE execution times summed (server only);',
    '  pg Σ: raw pg client, one after another; pg ∥: all at once on the pool (Promise.all), no JavaScript;',
    '  uniq: without repeats (identical SQL and parameters sent again by the same call).',
    formatViews(dashboards.views),
    '',
    'Statements of one recorded call (ms; "sent at"/"in call": inside the call, waiting for a pooled connection',
    'included; "exec"/"plan": EXPLAIN ANALYZE execution/planning time; "same as": identical SQL and parameters):',
    ...viewDetails,
    '',
    'Goals (issue 4, point 6):',
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
    log(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    await printResults(await runAll(options, serverUrl, cleanup));
  } catch (error) {
    if (!interrupted) throw error;
  } finally {
    await cleanup.run();
  }
  if (interrupted) process.exit(130);
}

await main();
