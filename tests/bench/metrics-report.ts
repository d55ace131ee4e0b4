/**
 * The metrics benchmark's results: their shape, the goals (issue 4, point 6) with PASS/FAIL, the tables printed
 * at the end, and the JSON written to .data/bench/metrics-<timestamp>.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StatementTotal } from './metrics-sql';
import type { Goal } from './report';

export interface Distribution {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

export interface LedgerRun {
  label: string;
  /** Wall time of the call (a transaction of its own). */
  seconds: number;
  /** The refresh's own durationMs (from its advisory lock to its last statement). */
  refreshSeconds: number;
  sessionsWritten: number;
  planLines: number;
  scope: string;
  /** Time by statement (label), from the pg client: where the refresh spent it. */
  statements: StatementTotal[];
}

export interface StatementResult {
  label: string;
  rows: number;
  /** Inside the recorded function call: when pool.query was called, and how long until its result. */
  startMs: number;
  inCallMs: number;
  psqlMedianMs: number;
  pgMedianMs: number;
  executionMs: number;
  planningMs: number;
  /** Index (in the call's order) of an earlier statement with the same SQL and parameters. */
  sameAs?: number;
  sql: string;
  params: unknown[];
  plan?: string;
}

export interface ViewResult {
  id: string;
  /** A page's first paint (every metric request it makes), or one metrics API view (its server function). */
  kind: 'page' | 'api';
  label: string;
  period: { from: string; to: string };
  activity: string;
  function: Distribution;
  /** Size of the result as JSON (what a server function sends on). */
  resultKb: number;
  statements: StatementResult[];
  baselines: {
    /** psql, the function's statements one after another: per-round totals. */
    psqlSum: Distribution;
    /** psql medians summed over the distinct statements only (each repeat counted once). */
    psqlDistinctSumMs: number;
    /** The slowest single statement in psql (median): the floor if everything ran in parallel. */
    psqlMaxMs: number;
    /** Raw pg client, one after another (same statements and parameters, no psql). */
    pgSequentialSum: Distribution;
    /** The same statements all at once on the function's pool: its SQL without its JavaScript. */
    pgParallel: Distribution;
    /** The same without the statements the call sent more than once (what de-duplicating them could give). */
    pgParallelDistinct: Distribution;
    distinctStatements: number;
    /** Sum of EXPLAIN ANALYZE execution times (server only, no network, no planning). */
    executionSumMs: number;
  };
  ratios: { psqlSumMedian: number; psqlSumP95: number; psqlMax: number; pgParallel: number };
}

export interface MetricsBenchResults {
  startedAt: string;
  options: Record<string, unknown>;
  environment: Record<string, unknown>;
  data: Record<string, unknown>;
  /** Null when the dashboards were measured on a database kept by an earlier run (--reuse-database). */
  ledger: {
    initialBuild: LedgerRun;
    fullBuilds: LedgerRun[];
    fullBuildMedianSeconds: number;
    heldBackImportSeconds: number;
    incremental: LedgerRun[];
  } | null;
  ledgerTable: { rows: number; mb: number };
  /** The pages first, then the API views. */
  dashboards: { views: ViewResult[] };
  goals: Goal[];
}

export const GOALS = {
  fullBuildSeconds: 60,
  incrementalSeconds: 5,
  p95Ms: 150,
  ratioToRawSql: 1.5,
} as const;

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    medianMs: percentile(values, 0.5),
    p95Ms: percentile(values, 0.95),
    minMs: Math.min(...values),
    maxMs: Math.max(...values),
    samples: values.length,
  };
}

function ledgerGoals(ledger: NonNullable<MetricsBenchResults['ledger']>): Goal[] {
  const [firstIncremental] = ledger.incremental;
  return [
    {
      description: `full ledger build (median of ${ledger.fullBuilds.length}) ≤ ${GOALS.fullBuildSeconds} s`,
      measured: `${ledger.fullBuildMedianSeconds.toFixed(2)} s`,
      pass: ledger.fullBuildMedianSeconds <= GOALS.fullBuildSeconds,
    },
    {
      description: `incremental refresh after importing one month ≤ ${GOALS.incrementalSeconds} s`,
      measured: firstIncremental ? `${firstIncremental.seconds.toFixed(2)} s` : 'not run',
      pass: !!firstIncremental && firstIncremental.seconds <= GOALS.incrementalSeconds,
    },
  ];
}

export function evaluateMetricsGoals(results: Omit<MetricsBenchResults, 'goals'>): Goal[] {
  const { ledger, dashboards } = results;
  const goals: Goal[] = ledger ? ledgerGoals(ledger) : [];
  for (const view of dashboards.views) {
    goals.push({
      description: `${view.id}: p95 ≤ ${GOALS.p95Ms} ms`,
      measured: `${view.function.p95Ms.toFixed(1)} ms`,
      pass: view.function.p95Ms <= GOALS.p95Ms,
    });
    goals.push({
      description: `${view.id}: p95 ≤ ${GOALS.ratioToRawSql}× raw SQL (p95 of its statements run one after another in psql)`,
      measured: `${view.ratios.psqlSumP95.toFixed(2)}× (${view.function.p95Ms.toFixed(1)} vs ${view.baselines.psqlSum.p95Ms.toFixed(1)} ms)`,
      pass: view.ratios.psqlSumP95 <= GOALS.ratioToRawSql,
    });
  }
  return goals;
}

export function formatColumns(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const seconds = (value: number) => value.toFixed(2);

export function formatLedger(ledger: NonNullable<MetricsBenchResults['ledger']>): string {
  const runs = [ledger.initialBuild, ...ledger.fullBuilds, ...ledger.incremental];
  return formatColumns(
    ['ledger refresh', 'wall s', 'refresh s', 'sessions written', 'plan lines', 'scope'],
    runs.map((run) => [
      run.label,
      seconds(run.seconds),
      seconds(run.refreshSeconds),
      run.sessionsWritten.toLocaleString('en-GB'),
      run.planLines.toLocaleString('en-GB'),
      run.scope,
    ]),
  );
}

export function formatViews(views: readonly ViewResult[]): string {
  const times = formatColumns(
    [
      'dashboard call (ms)',
      'p50',
      'p95',
      'psql Σ p50',
      'psql Σ p95',
      'psql Σ uniq',
      'psql max',
      'exec Σ',
      'pg Σ p50',
      'pg ∥ p50',
      'pg ∥ uniq',
      'stmts (uniq)',
      'result KB',
    ],
    views.map((view) => [
      view.id,
      ms(view.function.medianMs),
      ms(view.function.p95Ms),
      ms(view.baselines.psqlSum.medianMs),
      ms(view.baselines.psqlSum.p95Ms),
      ms(view.baselines.psqlDistinctSumMs),
      ms(view.baselines.psqlMaxMs),
      ms(view.baselines.executionSumMs),
      ms(view.baselines.pgSequentialSum.medianMs),
      ms(view.baselines.pgParallel.medianMs),
      ms(view.baselines.pgParallelDistinct.medianMs),
      `${view.statements.length} (${view.baselines.distinctStatements})`,
      view.resultKb.toFixed(0),
    ]),
  );
  const ratios = formatColumns(
    ['function ÷ baseline', 'p50 ÷ psql Σ p50', 'p95 ÷ psql Σ p95', 'p50 ÷ psql max', 'p50 ÷ pg ∥ p50'],
    views.map((view) => [
      view.id,
      ratio(view.ratios.psqlSumMedian),
      ratio(view.ratios.psqlSumP95),
      ratio(view.ratios.psqlMax),
      ratio(view.ratios.pgParallel),
    ]),
  );
  return `${times}\n\n${ratios}`;
}

/** Time by statement of the median full build and of the first incremental refresh, side by side. */
export function formatLedgerStatements(ledger: NonNullable<MetricsBenchResults['ledger']>): string {
  const sorted = [...ledger.fullBuilds].sort((a, b) => a.seconds - b.seconds);
  const columns = [
    { title: 'full build (median run) s', run: sorted[Math.floor((sorted.length - 1) / 2)] },
    { title: 'incremental (first run) s', run: ledger.incremental[0] },
  ];
  const runs = columns.flatMap((column) => (column.run ? [column.run] : []));
  const labels = [...new Set(runs.flatMap((run) => run.statements.map((statement) => statement.label)))];
  const cell = (run: LedgerRun, label: string) => {
    const total = run.statements.find((statement) => statement.label === label);
    if (!total) return '–';
    return `${total.seconds.toFixed(2)}${total.statements > 1 ? ` (${total.statements}×)` : ''}`;
  };
  return formatColumns(
    ['statement', ...columns.filter((column) => column.run).map((column) => column.title)],
    labels.map((label) => [label, ...runs.map((run) => cell(run, label))]),
  );
}

/** Each view's statements: what they are, when the function sent them, and what each costs on its own. */
export function formatStatements(view: ViewResult): string {
  return formatColumns(
    ['  #  statement', 'rows', 'sent at', 'in call', 'psql p50', 'pg p50', 'exec', 'plan', 'same as'],
    view.statements.map((statement, index) => [
      `  ${String(index + 1).padStart(2)} ${statement.label}`,
      String(statement.rows),
      ms(statement.startMs),
      ms(statement.inCallMs),
      ms(statement.psqlMedianMs),
      ms(statement.pgMedianMs),
      ms(statement.executionMs),
      ms(statement.planningMs),
      statement.sameAs === undefined ? '' : `#${statement.sameAs + 1}`,
    ]),
  );
}

/** Writes the results to .data/bench/metrics-<timestamp>.json and returns the path. */
export async function writeMetricsResults(results: MetricsBenchResults, root: string): Promise<string> {
  const folder = path.join(root, '.data/bench');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `metrics-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
