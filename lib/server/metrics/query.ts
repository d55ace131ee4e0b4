import type { Database } from '../db';

/** Runs one parameterised read on the raw driver (pg or PGlite): the metrics' SQL is shared by both. */
export async function queryRows<Row>(database: Database, sql: string, params: unknown[]): Promise<Row[]> {
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
