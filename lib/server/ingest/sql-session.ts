import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../db';

/**
 * One database transaction on the raw driver, for imports: Prisma is for CRUD, and bulk loading needs COPY.
 * The same interface runs on PostgreSQL (a pooled pg client) and on PGlite (its transaction object).
 */
export interface SqlSession {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a statement and returns how many rows it inserted, updated or deleted. */
  execute(sql: string, params?: unknown[]): Promise<number>;
  /** Starts `COPY table (columns) FROM STDIN (FORMAT csv)`; write CSV text, then `end()`. */
  openCopy(table: string, columns: readonly string[]): CopyWriter;
}

export interface CopyWriter {
  write(csv: string): Promise<void>;
  end(): Promise<void>;
}

/** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
export async function withTransaction<T>(
  database: Database,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  return database.driver.kind === 'postgresql'
    ? withPgTransaction(database.driver.pool, work)
    : withPgliteTransaction(database.driver.pglite, work);
}

/** Thrown inside `withTransaction` to roll back on purpose (dry runs) while returning a value. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

async function withPgTransaction<T>(pool: pg.Pool, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    await client.query('BEGIN');
    const result = await work(pgSession(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      isBroken = true;
    });
    if (error instanceof Rollback) return error.value as T;
    throw error;
  } finally {
    client.release(isBroken);
  }
}

function pgSession(client: pg.PoolClient): SqlSession {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async execute(sql, params) {
      return (await client.query(sql, params)).rowCount ?? 0;
    },
    openCopy(table, columns) {
      const stream = client.query(
        copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
      );
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      // Swallow here so an early COPY error cannot become an unhandled rejection; `end()` rethrows it.
      finished.catch(() => {});
      return {
        async write(csv) {
          if (!stream.write(csv)) {
            await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), finished]);
          }
        },
        async end() {
          stream.end();
          await finished;
        },
      };
    },
  };
}

async function withPgliteTransaction<T>(
  pglite: PGlite,
  work: (session: SqlSession) => Promise<T>,
): Promise<T> {
  try {
    return await pglite.transaction((tx) => work(pgliteSession(tx)));
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
}

/** PGlite takes COPY input as a blob: buffer CSV text and load it in chunks to bound memory. */
const PGLITE_COPY_CHUNK_CHARS = 8 * 1024 * 1024;

function pgliteSession(tx: Transaction): SqlSession {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await tx.query<Row>(sql, params)).rows;
    },
    async execute(sql, params) {
      return (await tx.query(sql, params)).affectedRows ?? 0;
    },
    openCopy(table, columns) {
      const sql = `COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      let buffered: string[] = [];
      let bufferedChars = 0;
      const flush = async () => {
        if (bufferedChars === 0) return;
        const blob = new Blob(buffered);
        buffered = [];
        bufferedChars = 0;
        await tx.query(sql, [], { blob });
      };
      return {
        async write(csv) {
          buffered.push(csv);
          bufferedChars += csv.length;
          if (bufferedChars >= PGLITE_COPY_CHUNK_CHARS) await flush();
        },
        end: flush,
      };
    },
  };
}
