import type { Database } from '../db';

const sharedReads = new WeakMap<Database, Map<string, Promise<unknown[]>>>();

/**
 * The database for one dashboard call whose parts read the same things (the metric context, the consultants in
 * scope, the per-consultant sums behind reports at two levels, the benchmarks): each distinct read (identical SQL
 * and parameters) runs once, and its rows are shared, so they must not be changed.
 */
export function sharingReads(database: Database): Database {
  if (sharedReads.has(database)) return database;
  const shared = Object.create(database) as Database;
  sharedReads.set(shared, new Map());
  return shared;
}

/** Runs one parameterised read on the raw driver (pg or PGlite): the metrics' SQL is shared by both. */
export async function queryRows<Row>(database: Database, sql: string, params: unknown[]): Promise<Row[]> {
  const shared = sharedReads.get(database);
  if (!shared) return runQuery<Row>(database, sql, params);
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  let rows = shared.get(key);
  if (!rows) {
    rows = runQuery<Row>(database, sql, params);
    shared.set(key, rows);
  }
  return rows as Promise<Row[]>;
}

async function runQuery<Row>(database: Database, sql: string, params: unknown[]): Promise<Row[]> {
  if (database.driver.kind === 'postgresql') {
    return (await database.driver.pool.query(sql, params)).rows as Row[];
  }
  return (await database.driver.pglite.query<Row>(sql, params)).rows;
}

/** Collects bind parameters while SQL text is assembled from fixed fragments: `params.add(value)` gives `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}
