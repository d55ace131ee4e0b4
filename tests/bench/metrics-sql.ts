/**
 * The metrics benchmark's SQL side: records the statements a dashboard page or API view sends through the pg pool
 * (lib/server/metrics/query.ts runs every metrics read as `pool.query(sql, params)`), and runs the very same
 * statements as baselines: through `psql` (parameters inlined as literals), one after another on a raw pg
 * client, all at once on the pool, and under EXPLAIN ANALYZE.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runMeasured } from './measure';
import { median } from './report';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
  /** When pool.query was called, in ms after the function call started. */
  startMs: number;
  /** From pool.query's call to its result: waiting for a pooled connection included. */
  ms: number;
  rows: number;
}

type QueryFunction = (...args: unknown[]) => unknown;

/**
 * Wraps `pool.query` of one pool so that, inside `record()`, each statement is kept with its parameters and
 * timing. Outside `record()` the wrapper only forwards the call.
 */
export class StatementRecorder {
  private current: { started: number; statements: CapturedStatement[] } | null = null;

  constructor(pool: pg.Pool) {
    const target = pool as unknown as { query: QueryFunction };
    const original = target.query.bind(pool) as QueryFunction;
    target.query = (...args: unknown[]) => {
      const recording = this.current;
      const result = original(...args);
      if (!recording || !(result instanceof Promise)) return result;
      const config = args[0] as string | { text: string; values?: unknown[] };
      const entry: CapturedStatement = {
        sql: typeof config === 'string' ? config : config.text,
        params: (Array.isArray(args[1]) ? args[1] : typeof config === 'string' ? [] : config.values) ?? [],
        startMs: performance.now() - recording.started,
        ms: 0,
        rows: 0,
      };
      recording.statements.push(entry);
      result.then(
        (value: pg.QueryResult) => {
          entry.ms = performance.now() - recording.started - entry.startMs;
          entry.rows = value.rows.length;
        },
        () => undefined,
      );
      return result;
    };
  }

  async record<T>(
    work: () => Promise<T>,
  ): Promise<{ result: T; ms: number; statements: CapturedStatement[] }> {
    if (this.current) throw new Error('already recording');
    const recording = { started: performance.now(), statements: [] as CapturedStatement[] };
    this.current = recording;
    try {
      const result = await work();
      return { result, ms: performance.now() - recording.started, statements: recording.statements };
    } finally {
      this.current = null;
    }
  }
}

/** A ledger refresh statement's part, from its SQL (lib/server/ledger); others by their first words. */
export function ledgerStatementLabel(sql: string): string {
  const rules: readonly (readonly [RegExp, string])[] = [
    [/^\s*(BEGIN|COMMIT|ROLLBACK)/i, 'transaction'],
    [/pg_advisory_xact_lock/, 'lock'],
    [/ledger_refresh_requests/, 'refresh requests'],
    [/WITH spans AS/, 'coverage: update'],
    [/FROM ledger_coverage WHERE organisation_id = \$1\s*$/, 'coverage: read'],
    [
      /DELETE FROM ledger_sessions s\s+WHERE s\.organisation_id = \$1\s+AND NOT EXISTS/,
      'coverage: delete rows outside',
    ],
    [/DELETE FROM ledger_plan_lines/, 'plan lines: delete'],
    [/INSERT INTO ledger_plan_lines/, 'plan lines: insert'],
    [/DELETE FROM ledger_sessions/, 'ledger sessions: delete'],
    [/INSERT INTO ledger_sessions/, 'ledger sessions: build and insert'],
    [/DELETE FROM ledger_monthly_sums/, 'monthly rollup: delete'],
    [/INSERT INTO ledger_monthly_sums/, 'monthly rollup: insert'],
    [/DELETE FROM ledger_weekly_sums/, 'weekly rollup: delete'],
    [/INSERT INTO ledger_weekly_sums/, 'weekly rollup: insert'],
    [/DELETE FROM ledger_monthly_group_sums/, 'monthly group sums: delete'],
    [/INSERT INTO ledger_monthly_group_sums/, 'monthly group sums: insert'],
    [/DELETE FROM ledger_weekly_group_sums/, 'weekly group sums: delete'],
    [/INSERT INTO ledger_weekly_group_sums/, 'weekly group sums: insert'],
    [/^\s*ANALYZE/i, 'analyse'],
  ];
  return rules.find(([pattern]) => pattern.test(sql))?.[1] ?? sql.replace(/\s+/g, ' ').trim().slice(0, 50);
}

export interface StatementTotal {
  label: string;
  seconds: number;
  statements: number;
}

/**
 * Times every statement any pg client of this process sends (pg.Client.prototype.query, pooled clients included)
 * inside `record()`, totalled by label: where a ledger refresh spends its time.
 */
export class ClientStatementTimer {
  private current: Map<string, StatementTotal> | null = null;

  constructor(private readonly labelOf: (sql: string) => string) {
    const prototype = pg.Client.prototype as unknown as { query: QueryFunction };
    const original = prototype.query;
    const timer = this;
    prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const totals = timer.current;
      const result = original.apply(this, args);
      if (!totals || !(result instanceof Promise)) return result;
      const config = args[0] as string | { text?: string };
      const label = timer.labelOf(typeof config === 'string' ? config : (config.text ?? ''));
      const started = performance.now();
      const done = () => {
        const total = totals.get(label) ?? { label, seconds: 0, statements: 0 };
        total.seconds += (performance.now() - started) / 1000;
        total.statements++;
        totals.set(label, total);
      };
      result.then(done, done);
      return result;
    };
  }

  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: StatementTotal[] }> {
    const totals = new Map<string, StatementTotal>();
    this.current = totals;
    try {
      const result = await work();
      return { result, statements: [...totals.values()].sort((a, b) => b.seconds - a.seconds) };
    } finally {
      this.current = null;
    }
  }
}

/** What a statement is, from its SQL (the metrics modules' statements have recognisable shapes). */
export function statementLabel(sql: string): string {
  if (/WITH scoped AS/.test(sql)) {
    const level = /SELECT c\.id, (c\.\w+) AS unit_id/.exec(sql)?.[1] ?? '?';
    const unit = { 'c.id': 'consultant', 'c.specialty_id': 'specialty', 'c.division_id': 'division' }[level];
    const bucket = /interval '7 days'/.test(sql)
      ? 'week'
      : /interval '1 month'/.test(sql)
        ? 'month'
        : 'period';
    return `ledger sums per ${unit ?? 'trust'} × ${bucket}`;
  }
  if (/percentile_cont/.test(sql)) return 'benchmarks (median per specialty)';
  if (/FROM trust_parameters/.test(sql)) return 'trust parameters';
  if (/FROM ledger_coverage WHERE/.test(sql)) return 'ledger coverage';
  if (/LEFT JOIN LATERAL/.test(sql) && /FROM job_plans jp/.test(sql)) return 'job plan currency';
  if (/JOIN job_plans jp ON[\s\S]*JOIN job_plan_activities a/.test(sql)) return 'job plans (versions, lines)';
  if (/JOIN specialties s/.test(sql)) return 'consultants in scope';
  if (/JOIN ledger_sessions l ON/.test(sql)) return 'ledger entries (sessions list)';
  return sql.replace(/\s+/g, ' ').trim().slice(0, 40);
}

/** Identical SQL with identical parameters. */
export function statementKey(statement: Pick<CapturedStatement, 'sql' | 'params'>): string {
  return `${statement.sql}\u0000${JSON.stringify(statement.params)}`;
}

/** A parameter as pg sends it (text), for the types the metrics bind: numbers, strings, booleans, arrays. */
function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const elements = value.map((element) => {
      const text = parameterText(element);
      if (text === null) return 'NULL';
      if (Array.isArray(element)) return text;
      return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
    });
    return `{${elements.join(',')}}`;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The statement with each `$n` replaced by a quoted literal of the text pg would have sent. pg binds every
 * parameter as text of unknown type, which PostgreSQL resolves from context exactly as it resolves an untyped
 * literal, so the inlined statement means the same (needs standard_conforming_strings = on, the default).
 */
export function inlineParameters(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, number: string) => {
    const index = Number(number) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no parameter $${number}`);
    const text = parameterText(params[index]);
    return text === null ? 'NULL' : `'${text.replaceAll("'", "''")}'`;
  });
}

/** Timings of rounds of statements: `ms[round][statement]`. */
export interface Rounds {
  ms: number[][];
}

export function roundTotals(rounds: Rounds): number[] {
  return rounds.ms.map((round) => round.reduce((sum, ms) => sum + ms, 0));
}

export function statementMedians(rounds: Rounds): number[] {
  const count = rounds.ms[0]?.length ?? 0;
  return Array.from({ length: count }, (_, index) => median(rounds.ms.map((round) => round[index] ?? 0)));
}

/**
 * Runs the statements (already inlined) through one psql session, `warmup + rounds` times in order, with
 * `\timing` (client-side: send, execute, receive; printing goes to /dev/null), and returns the timed rounds.
 */
export async function psqlRounds(
  databaseUrl: string,
  statements: readonly string[],
  options: { warmup: number; rounds: number; folder: string; name: string },
): Promise<Rounds> {
  const script = path.join(options.folder, `${options.name}.sql`);
  const body = statements.map((sql) => `${sql.trim()};\n`).join('');
  const total = options.warmup + options.rounds;
  await writeFile(script, `\\timing on\n\\o /dev/null\n${body.repeat(total)}`);
  const measured = await runMeasured('psql', [
    databaseUrl,
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-f',
    script,
  ]);
  if (measured.exitCode !== 0) throw new Error(`psql -f ${script} failed: ${measured.stderr.slice(0, 2000)}`);
  const times = [...measured.stdout.matchAll(/^Time: ([\d.]+) ms/gm)].map((match) => Number(match[1]));
  if (times.length !== statements.length * total) {
    throw new Error(`psql printed ${times.length} timings, expected ${statements.length * total}`);
  }
  const ms: number[][] = [];
  for (let round = options.warmup; round < total; round++) {
    ms.push(times.slice(round * statements.length, (round + 1) * statements.length));
  }
  return { ms };
}

/** The same statements with their parameters on one raw pg connection, one after another. */
export async function pgSequentialRounds(
  databaseUrl: string,
  statements: readonly Pick<CapturedStatement, 'sql' | 'params'>[],
  options: { warmup: number; rounds: number },
): Promise<Rounds> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ms: number[][] = [];
    for (let round = 0; round < options.warmup + options.rounds; round++) {
      const times: number[] = [];
      for (const statement of statements) {
        const started = performance.now();
        await client.query(statement.sql, statement.params);
        times.push(performance.now() - started);
      }
      if (round >= options.warmup) ms.push(times);
    }
    return { ms };
  } finally {
    await client.end();
  }
}

/**
 * The same statements all sent at once on the pool the function uses (Promise.all; the pool's size limits how
 * many run together): the function's SQL with none of its JavaScript and none of its waits between stages.
 */
export async function pgParallelWalls(
  pool: pg.Pool,
  statements: readonly Pick<CapturedStatement, 'sql' | 'params'>[],
  options: { warmup: number; rounds: number },
): Promise<number[]> {
  const walls: number[] = [];
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const started = performance.now();
    await Promise.all(statements.map((statement) => pool.query(statement.sql, statement.params)));
    if (round >= options.warmup) walls.push(performance.now() - started);
  }
  return walls;
}

/** The server-side execution time (EXPLAIN ANALYZE, TIMING OFF), median of `runs`; and one plan with BUFFERS. */
export async function explainStatement(
  client: pg.Client,
  inlinedSql: string,
  runs: number,
  withPlan: boolean,
): Promise<{ executionMs: number; planningMs: number; plan?: string }> {
  const execution: number[] = [];
  const planning: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${inlinedSql}`,
    );
    const text = rows.map((row) => row['QUERY PLAN']).join('\n');
    execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN));
    planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? Number.NaN));
  }
  let plan: string | undefined;
  if (withPlan) {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inlinedSql}`);
    plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  }
  return { executionMs: median(execution), planningMs: median(planning), plan };
}
