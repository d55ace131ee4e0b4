/**
 * Loaded into the CLI child by the benchmark (`tsx --import ./tests/bench/cli-preload.ts lib/cli/index.ts …`),
 * never by the app. It changes nothing the pipeline does unless asked:
 *
 *  - BENCH_SQL_LOG=<file>: appends a JSON line when each SQL statement (pg, and PGlite transactions) starts and
 *    one when it ends, with its phase, start (ms since the process started) and duration, so the benchmark can
 *    say where the time went, and what was running when it stopped a process. A COPY is timed from its start to
 *    its end, i.e. while the file is read, parsed and validated.
 *  - BENCH_SIMULATE_DELETE_FIX=1: runs the "delete rows missing from the file" statement with
 *    `SET LOCAL enable_nestloop = off`, simulating a fix of its plan: when the target table has no statistics
 *    yet (a first import), the planner expects one row from it and picks a nested-loop anti-join that scans the
 *    unindexed staging table once per target row: O(rows²), minutes for 100k rows.
 */
import { appendFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const logFile = process.env.BENCH_SQL_LOG;
const simulateDeleteFix = process.env.BENCH_SIMULATE_DELETE_FIX === '1';

/** Statement → phase, first match wins (covers the merge as INSERT … ON CONFLICT and as UPDATE + INSERT). */
const PHASES: readonly (readonly [RegExp, string])[] = [
  [/pg_advisory_xact_lock/, 'lock'],
  [/^\s*(BEGIN|COMMIT|ROLLBACK)/i, 'transaction'],
  [/import_batches|import_issues/, 'batch record'],
  [/CREATE TEMP TABLE/, 'stage: create table'],
  [/^\s*COPY /, 'stage: COPY (read, parse, validate, load)'],
  [/^\s*ANALYZE\s+import_stage/i, 'stage: analyse'],
  [/^\s*ANALYZE/i, 'statistics: analyse the written tables'],
  [/AS "from"/, 'stage: read period'],
  [/PARTITION BY/, 'check: duplicate keys'],
  [/WITH upserted AS/, 'merge: upsert (INSERT … ON CONFLICT)'],
  [/^\s*UPDATE\s/i, 'merge: update changed rows'],
  [/^\s*INSERT INTO\s/i, 'merge: insert new rows'],
  [/DELETE FROM/, 'merge: delete missing'],
  [/FROM consultants c WHERE/, 'warnings: unknown consultants'],
  [/FROM import_stage s\s+WHERE/, 'warnings: row checks'],
  [/enable_nestloop/, 'simulated fix'],
];

function phaseOf(sql: string): string {
  return PHASES.find(([pattern]) => pattern.test(sql))?.[1] ?? 'other (Prisma, migrations check)';
}

function append(entry: Record<string, unknown>): void {
  if (logFile) appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
}

/** Logs the start of a statement and returns what logs its end. */
function track(sql: string): (failed: boolean) => void {
  const phase = phaseOf(sql);
  const start = performance.now();
  append({ event: 'start', phase, start });
  return (failed) => append({ event: 'end', phase, start, ms: performance.now() - start, failed });
}

function isDeleteMissing(sql: string): boolean {
  return /WITH deleted AS/.test(sql) && /NOT EXISTS/.test(sql);
}

/** The SQL of a query: a string, a query config `{ text }`, or a COPY stream (which has `text` too). */
function sqlText(config: unknown): string {
  if (typeof config === 'string') return config;
  if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') {
    return config.text;
  }
  return '';
}

/** A COPY (pg-copy-streams) is a stream: it ends with 'finish' or 'error'. */
function isStream(value: unknown): value is NodeJS.EventEmitter {
  return !!value && typeof value === 'object' && 'once' in value && typeof value.once === 'function';
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function patchPg(): void {
  const original = pg.Client.prototype.query as unknown as Query;
  const patched: Query = function (this: pg.Client, ...args) {
    const text = sqlText(args[0]);
    const fix = simulateDeleteFix && isDeleteMissing(text);
    if (fix)
      void (original.call(this, 'SET LOCAL enable_nestloop = off') as Promise<unknown>).catch(() => {});
    const done = track(text);
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      result.then(
        () => done(false),
        () => done(true),
      );
    } else if (isStream(result)) {
      result.once('finish', () => done(false));
      result.once('error', () => done(true));
    }
    if (fix) void (original.call(this, 'SET LOCAL enable_nestloop = on') as Promise<unknown>).catch(() => {});
    return result;
  };
  pg.Client.prototype.query = patched as unknown as typeof pg.Client.prototype.query;
}

type Transaction = Parameters<Parameters<PGlite['transaction']>[0]>[0];

function timedTransaction(tx: Transaction): Transaction {
  const timed = Object.create(tx) as Transaction;
  timed.query = async <T>(sql: string, params?: unknown[], options?: Parameters<Transaction['query']>[2]) => {
    if (simulateDeleteFix && isDeleteMissing(sql)) await tx.query('SET LOCAL enable_nestloop = off');
    const done = track(sql);
    try {
      const result = await tx.query<T>(sql, params, options);
      done(false);
      return result;
    } catch (error) {
      done(true);
      throw error;
    } finally {
      if (simulateDeleteFix && isDeleteMissing(sql)) await tx.query('SET LOCAL enable_nestloop = on');
    }
  };
  return timed;
}

function patchPglite(prototype: PGlite): void {
  const original = prototype.transaction;
  prototype.transaction = function <T>(this: PGlite, callback: (tx: Transaction) => Promise<T>) {
    return original.call(this, (tx) => callback(timedTransaction(tx))) as Promise<T>;
  };
}

patchPg();
// Loaded only for a run on the embedded database, as the app does: importing PGlite costs ~100 MB of RSS,
// which the benchmark would otherwise count against every PostgreSQL import's peak.
if (!process.env.DATABASE_URL) {
  const { PGlite } = await import('@electric-sql/pglite');
  patchPglite(PGlite.prototype);
}
